"""French strings of the training evaluation (« bilan et évaluation de la formation »)."""

from __future__ import annotations

PAGE_TITLE = "Bilan et évaluation de la formation"
FORM_HELP = (
    "Ce questionnaire est anonyme : aucun pseudonyme n'est enregistré avec vos réponses. "
    "Toutes les questions sont facultatives, sauf la satisfaction globale."
)
SATISFACTION_TITLE = "Votre satisfaction, séquence par séquence (1 à 5)"
OVERALL = "Satisfaction globale sur la formation"
OVERALL_ID = "globale"
OBJECTIVES_TITLE = "Les sept objectifs du module : les estimez-vous atteints ?"
LEVEL_LABELS = {"atteint": "Atteint", "partiellement": "Partiellement", "non": "Non atteint"}
SELF_TITLE = "Auto-positionnement : où en étiez-vous avant la formation, où en êtes-vous après ?"
BEFORE = "Avant"
AFTER = "Après"
COMMENTS_TITLE = "Vos commentaires"
SUBMIT = "Envoyer mon évaluation (anonyme)"
SAVED = "Merci ! Votre évaluation a été enregistrée anonymement."
ALREADY_ANSWERED = "Vous avez déjà envoyé votre évaluation depuis ce navigateur. Merci !"
RELOAD_TO_ANSWER = ("Rechargez la page pour envoyer votre évaluation : votre navigateur n'est "
                    "pas encore reconnu (cela arrive sur la toute première page ouverte).")
ALREADY_SENT = "Votre évaluation a déjà été envoyée depuis cette page. Merci !"
OVERALL_MISSING = "Indiquez au moins votre satisfaction globale (1 à 5) avant d'envoyer."
BAD_SCORE = "« {label} » : la note doit être un entier de 1 à 5 (trouvé « {value} »)."
BAD_LEVEL = "Objectif {number} : réponse invalide (« {value} »)."
UNKNOWN_ITEM = "Rubrique inconnue du questionnaire : « {item} »."

RESULTS_TITLE = "Résultats en direct (formateur)"
RESPONSES = "{count} réponse(s) au questionnaire."
NO_RESPONSE = "Aucune réponse au questionnaire pour le moment."
UNDEFINED = "—"
COL_ITEM = "rubrique"
COL_ANSWERS = "réponses"
COL_MEAN = "moyenne (sur 5)"
COL_SHARE4 = "part ≥ 4 (%)"
COL_OBJECTIVE = "objectif"
COL_REACHED = "atteint"
COL_PARTIAL = "partiellement"
COL_NOT = "non"
COL_SHARE_REACHED = "part « atteint » (%)"
COL_THEME = "thème"
COL_BEFORE = "moyenne avant"
COL_AFTER = "moyenne après"
COL_GAIN = "progression"
COL_PAIRS = "réponses avant et après"
COL_QUESTION = "question"
COL_COMMENT = "commentaire"
COL_EXPECTATION = "attente"
COL_COVERED = "couverte"
COL_AUTHOR = "auteur"

CHART_SATISFACTION = "Satisfaction moyenne par séquence (sur 5)"
CHART_DISTRIBUTION = "Répartition des notes de satisfaction"
CHART_OBJECTIVES = "Objectifs du module : atteints selon les participants"
CHART_PROGRESS = "Auto-positionnement avant / après (moyenne sur 5)"
AXIS_MEAN = "Moyenne (1 à 5)"
AXIS_ANSWERS = "Réponses"
NOTE_LABEL = "note {score}"

COVERAGE_TITLE = "Attentes couvertes"
COVERAGE_HELP = (
    "Les attentes recueillies au brise-glace : indiquez pour chacune si la formation l'a "
    "couverte. La part couverte se calcule sur les attentes déjà jugées."
)
COVERED = "Couverte"
NOT_COVERED = "Non couverte"
UNMARKED = "Non jugée"
COVERAGE_SHARE = "{covered} attente(s) couverte(s) sur {marked} jugée(s) : {share} ({unmarked} non encore jugée(s), {total} au total)."
COVERAGE_NONE = "Aucune attente recueillie au brise-glace."
COVERAGE_SAVED = "Attente marquée « {state} »."
NOT_AN_EXPECTATION = "Cet élément n'est pas une attente du brise-glace."

QUALITY_TITLE = "Pour le dossier qualité"
QUALITY_EVIDENCE = {
    "satisfaction": "Satisfaction globale : moyenne {mean} sur 5, {share4} de notes ≥ 4 ({count} réponse(s)).",
    "objectifs": "Objectifs jugés atteints : {reached} des avis (atteint), {partial} partiellement ({count} réponse(s)).",
    "progression": "Auto-positionnement : progression moyenne de {gain} point(s) sur 5 entre avant et après ({pairs} couple(s) de réponses).",
}

# survey
SURVEY_BAD_SCALE = "« echelle » doit compter 5 libellés (notes 1 à 5)"
SURVEY_BAD_LEVELS = "« niveaux_objectif » doit valoir {levels}"
SURVEY_LABEL_QUALITY = "critère qualité"
SURVEY_BAD_EVIDENCE = "« preuve » doit valoir {evidence}"
SURVEY_LABEL_SEQUENCE = "séquence"
SURVEY_RESERVED_ID = (
    "Fichier de contenu « {name} » : l'identifiant « {id} » est réservé à la "
    "satisfaction globale."
)
SURVEY_LABEL_THEME = "thème"

# evaluation
HOVER_SATISFACTION = "%{y} : %{x:.2f} (%{customdata} réponses)<extra></extra>"
