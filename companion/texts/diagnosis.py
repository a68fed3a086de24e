"""French strings of the shared diagnosis.

AFOM grid, stakeholder map, needs / responses grid, territory figures and the « mon
territoire » export / import.
"""

from __future__ import annotations

# Quadrants and statuses
QUADRANT_LABELS = {
    "atouts": "Atouts",
    "faiblesses": "Faiblesses",
    "opportunites": "Opportunités",
    "menaces": "Menaces",
}
QUADRANT_HINTS = {
    "atouts": "interne, positif",
    "faiblesses": "interne, négatif",
    "opportunites": "externe, positif",
    "menaces": "externe, négatif",
}
STATUS_LABELS = {"propose": "proposé", "valide": "validé en plénière"}
PRIORITY_LABELS = {0: "non priorisé", 1: "priorité haute", 2: "priorité moyenne", 3: "priorité basse"}

# Field names (used in error messages and forms)
F_QUADRANT = "Case AFOM"
F_TEXT = "Constat"
F_THEME = "Thème"
F_SOURCE = "Type de source"
F_REFERENCE = "Référence de la source"
F_GROUP = "Sous-groupe"
F_PRIORITY = "Priorité"
F_NAME = "Nom de l'acteur"
F_CATEGORY = "Catégorie"
F_POWER = "Pouvoir / influence"
F_INTEREST = "Intérêt"
F_ATTITUDE = "Attitude"
F_LINKS = "Liens, remarques"
F_ROLE = "Rôle à l'étape « {step} »"

# Validation messages
UNKNOWN_VALUE = "{field} : « {value} » n'est pas dans la liste ({allowed})."
LEVEL_RANGE = "{field} doit être un nombre entier de 1 à 5 (reçu : « {value} »)."
PRIORITY_RANGE = "La priorité doit valoir 0 (aucune), 1, 2 ou 3 (reçu : « {value} »)."
UNKNOWN_QUADRANT = "Case AFOM inconnue « {value} » : Atouts, Faiblesses, Opportunités ou Menaces."
ALREADY_PROMOTED = "Cette idée est déjà dans la grille AFOM (case « {quadrant} »)."
IDEA_WITHOUT_TEXT = "Cette idée n'a pas de texte : impossible de la verser dans la grille."
ALREADY_VOTED = "Vous avez déjà voté pour ce constat."
MERGE_NOTHING = "Choisissez au moins un constat à fusionner, différent du constat cible."
NOT_AN_ITEM = "Cet élément n'est pas un constat de la grille AFOM."
NOT_AN_ACTOR = "Cet élément n'est pas un acteur de la cartographie."
MERGED_ITEM = "Ce constat a déjà été fusionné dans un autre : modifiez le constat cible."

# Pages
PAGE_TITLE = "Diagnostic participatif partagé"
GROUP_LABEL = "Sous-groupe"
GROUP_PLACEHOLDER = "ex. : Sous-groupe A"
GROUP_REQUIRED = "Indiquez d'abord votre sous-groupe (en haut de la page)."
SOLO_GROUP = "Mon territoire"
SOLO_MODE = (
    "Mode « mon territoire » : aucune session de formation n'est active, vos saisies sont "
    "enregistrées dans votre session personnelle « {code} » et s'exportent en Excel ou JSON."
)
TAB_AFOM = "Grille AFOM"
TAB_ACTORS = "Cartographie des acteurs"
TAB_NEEDS = "Besoins et réponses"
TAB_TERRITORY = "Chiffres du territoire"

# AFOM
AFOM_FORM_TITLE = "Proposer un constat"
AFOM_FORM_HELP = "Un constat par envoi, avec sa source : chiffre, parole d'habitant, acteur, observation."
AFOM_SUBMIT = "Ajouter à la grille"
AFOM_SAVED = "Constat ajouté dans « {quadrant} »."
AFOM_GRID_TITLE = "Grille AFOM partagée"
AFOM_EMPTY_QUADRANT = "(aucun constat)"
AFOM_COUNT = "{count} constat(s) · {validated} validé(s) en plénière"
VOTE_LABEL = "Voter pour"
VOTE_BUTTON = "Voter"
VOTED = "Vote enregistré."
VOTES = "{count} vote(s)"
ORIGIN_IDEA = "issu du remue-méninges"
MERGED_FROM = "fusion de {count} constat(s)"
EDITED = "modifié par le formateur"
CHART_AFOM_TITLE = "Diagnostic AFOM"

# Trainer moderation
MODERATION_TITLE = "Animation : valider, modifier, fusionner"
PICK_ITEM = "Constat"
PICK_ITEM_REQUIRED = PICK_ITEM + " : choisissez un constat."
VALIDATE = "Valider en plénière"
UNVALIDATE = "Remettre en « proposé »"
EDIT = "Enregistrer la modification"
HIDE = "Masquer"
MERGE_SOURCES = "Constats à fusionner"
MERGE = "Fusionner"
VALIDATED_DONE = "Constat validé en plénière."
UNVALIDATED_DONE = "Constat remis en « proposé »."
EDITED_DONE = "Modification enregistrée (le texte d'origine est conservé)."
HIDDEN_DONE = "Constat masqué (conservé dans l'historique)."
MERGED_DONE = "{count} constat(s) fusionné(s) ; leur origine est conservée."
PROMOTE_TITLE = "Verser une idée du remue-méninges"
PROMOTE_PICK = "Idée"
PROMOTE = "Verser dans la grille"
PROMOTED = "Idée versée dans « {quadrant} » (origine conservée)."
NO_IDEA = "Aucune idée du remue-méninges pour le moment."

# Stakeholders
ACTORS_FORM_TITLE = "Ajouter un acteur"
ACTOR_SUBMIT = "Ajouter l'acteur"
ACTOR_SAVED = "Acteur « {name} » ajouté ({quadrant})."
ACTORS_TITLE = "Cartographie des acteurs"
ABSENT_TITLE = "Acteurs absents"
ABSENT_NONE = "Toutes les catégories d'acteurs sont représentées."
ABSENT_TEXT = "Aucun acteur dans ces catégories : {names}. Qui manque autour de la table ?"
MATRIX_TITLE = "Matrice de coconstruction (acteur × étape)"
MATRIX_ACTOR = "Acteur"
NO_ACTOR = "Aucun acteur pour le moment."
MENDELOW = {
    "surveiller": "surveiller",
    "tenir informé": "tenir informé",
    "satisfaire": "satisfaire",
    "associer étroitement": "associer étroitement",
}
CHART_ACTORS_TITLE = "Cartographie des acteurs (pouvoir × intérêt)"
AXIS_POWER = "Pouvoir / influence (1 à 5)"
AXIS_INTEREST = "Intérêt pour le projet (1 à 5)"
HOVER_ACTOR = "{name} — {category}, attitude : {attitude}"
MENDELOW_CORNER = "Pouvoir / intérêt"
POWER_HIGH = "Pouvoir élevé ({low} à {high})"
POWER_LOW = "Pouvoir faible ({low} à {high})"
INTEREST_HIGH = "Intérêt élevé ({low} à {high})"
INTEREST_LOW = "Intérêt faible ({low} à {high})"
ACTOR_SCORES = "pouvoir {power}, intérêt {interest}"
MENDELOW_EMPTY = "(aucun acteur)"
PROJECTION_TITLE = "Vues pour la projection"

# Needs / responses
NEEDS_FORM_TITLE = "Ajouter une ligne besoins / réponses"
NEEDS_FIELDS = {
    "besoin": "Besoin social",
    "public": "Public concerné",
    "evidence": "Source / évidence",
    "reponse_existante": "Réponse existante",
    "porteur": "Porteur",
    "ecart": "Écart",
    "activite_ess": "Activité ESS possible",
    "modele": "Modèle économique",
    "partenaires": "Partenaires",
}
NEEDS_SUBMIT = "Ajouter la ligne"
NEEDS_SAVED = "Ligne ajoutée."
NEEDS_TITLE = "Grille besoins / réponses"
NO_NEED = "Aucune ligne pour le moment."

# Territory figures
TERRITORY_TITLE = "Chiffres clés du quartier"
TERRITORY_HELP = (
    "Choisissez un quartier prioritaire par son code (ex. QP093005) ou son nom. Sans fichier "
    "chargé, les chiffres viennent d'un extrait d'exemple (Insee, ANCT — SIG Ville, 2022 : "
    "quartiers de l'Ain et de Seine-Saint-Denis). Chargez vos propres fichiers INSEE / SIG "
    "Ville (CSV ou Excel) pour votre quartier."
)
TERRITORY_SAMPLE = (
    "Chiffres d'exemple chargés (extrait Insee, ANCT — SIG Ville, 2022 : {names}). "
    "Chargez vos fichiers pour un autre quartier."
)
TERRITORY_QUERY = "Code ou nom du QPV"
TERRITORY_SHOW = "Afficher"
TERRITORY_UPLOAD = "Charger des fichiers"
TERRITORY_LOADED = "{count} fichier(s) chargé(s) : {names}."
TERRITORY_NO_TABLE = "Aucun fichier de chiffres n'est chargé : chargez un fichier INSEE / SIG Ville."
TERRITORY_UNAVAILABLE = "Le module des chiffres du territoire n'est pas encore disponible."
TERRITORY_EMPTY = "Aucun chiffre trouvé pour « {query} »."
TERRITORY_MILLESIME = "Millésime des fichiers"
TERRITORY_MILLESIME_HELP = ("Année des données, si vos fichiers ne la donnent pas eux-mêmes "
                            "(colonnes en _A19, titre) : elle n'est jamais lue dans le nom du "
                            "fichier.")

# Own territory: export / import
WORKBOOK_TITLE = "Mon territoire : sauvegarder, exporter, réimporter"
WORKBOOK_HELP = (
    "Exportez le diagnostic et la visite (AFOM, acteurs, besoins, observations) en Excel ou en "
    "JSON ; réimportez un fichier exporté par le compagnon pour reprendre votre travail."
)
EXPORT_XLSX = "Exporter en Excel"
EXPORT_JSON = "Exporter en JSON"
EXPORT_READY = "Fichier prêt : {name} ({size} octets)."
EXPORT_LINK = "Télécharger {name}"
IMPORT_UPLOAD = "Réimporter un fichier"
IMPORT_DONE = "Import terminé : {added} élément(s) ajouté(s), {skipped} déjà présent(s)."

# Import errors (the file is named in every message; nothing is written when one is raised)
IMPORT_UNKNOWN_FORMAT = (
    "Le fichier « {name} » n'est ni un classeur Excel ni un fichier JSON exporté par le "
    "compagnon : rien n'a été importé."
)
IMPORT_TRUNCATED = (
    "Le fichier « {name} » est incomplet ou abîmé ({reason}) : rien n'a été importé, "
    "vos données actuelles sont intactes. Exportez-le à nouveau."
)
IMPORT_NOT_OURS = (
    "Le fichier « {name} » n'a pas été exporté par le compagnon (format « {found} ») : "
    "rien n'a été importé."
)
IMPORT_VERSION = (
    "Le fichier « {name} » vient d'une autre version du compagnon (format version {found}, "
    "cette version lit la version {known}) : rien n'a été importé, vos données sont intactes."
)
IMPORT_BAD_ROW = "Le fichier « {name} », {where} : {problem} Rien n'a été importé."
IMPORT_WHERE_SHEET = "feuille « {sheet} », ligne {row}"
IMPORT_WHERE_ELEMENT = "élément n° {number}"
IMPORT_UNKNOWN_KIND = "type d'élément inconnu « {kind} »."
IMPORT_BAD_SHAPE = "contenu inattendu ({detail})."
IMPORT_TOO_BIG = "Le fichier « {name} » est trop volumineux ({size} Mo, {limit} Mo au maximum)."
SHEET_FORMAT = "Format"
SHEET_NAMES = {
    "afom_item": "AFOM",
    "afom_vote": "Votes AFOM",
    "stakeholder": "Acteurs",
    "need": "Besoins",
    "visit_assignment": "Visite - attributions",
    "visit_observation": "Visite - observations",
    "visit_rating": "Visite - notes",
    "visit_partner": "Visite - partenaires",
}
IMPORT_NO_ELEMENTS = "« elements » manque"
MERGE_OTHER_CARD = ("« {text} » est dans la case {quadrant} : seuls les constats de la case "
                    "du constat choisi ({target}) peuvent y être fusionnés.")
