"""French strings of the introduction: glossary, timeline, Régies values, figures, quiz."""

from __future__ import annotations

PAGE_TITLE = "Introduction : principes et histoire de l'ESS, valeurs des Régies de quartier"
GLOSSARY_TITLE = "Les mots clés"
GLOSSARY_SEARCH = "Chercher un mot"
GLOSSARY_PLACEHOLDER = "ex. : gouvernance, QPV, insertion…"
GLOSSARY_COUNT = "{count} mot(s) clé(s) sur {total}"
GLOSSARY_NONE = "Aucun mot clé ne correspond à « {query} »."
GLOSSARY_ALL_CATEGORIES = "Toutes les catégories"
GLOSSARY_CATEGORY = "Catégorie"
SEE_ALSO = "Voir aussi"
SOURCE = "Source"
TIMELINE_TITLE = "Repères historiques"
GOVERNANCE_TITLE = "Une gouvernance tripartite"
ACTIVITIES = "Activités typiques"
FIGURES_TITLE = "Quelques chiffres (toujours avec leur millésime et leur source)"
MILLESIME = "millésime"

QUIZ_TITLE = "Quiz : testez-vous"
QUIZ_HELP = (
    "Vos réponses sont anonymes. Cochez la case ci-dessous seulement si vous souhaitez les "
    "associer à votre pseudonyme."
)
QUIZ_SHARE = "Associer mes réponses à mon pseudonyme"
QUIZ_PSEUDONYM = "Pseudonyme"
QUIZ_SUBMIT = "Valider mes réponses"
QUIZ_SCORE = "{correct} bonne(s) réponse(s) sur {total}."
QUIZ_UNANSWERED = "Répondez à au moins une question avant de valider."
QUIZ_UNKNOWN_CHOICE = "Réponse invalide à la question « {question} »."
QUIZ_PSEUDONYM_EMPTY = "Indiquez votre pseudonyme, ou décochez la case pour rester anonyme."
QUIZ_RIGHT = "Bonne réponse."
QUIZ_WRONG = "Réponse attendue : {answer}."
QUIZ_SKIPPED = "Sans réponse. Réponse attendue : {answer}."
QUIZ_SAVED_ANONYMOUS = "Réponses enregistrées anonymement."
QUIZ_SAVED_NAMED = "Réponses enregistrées sous le pseudonyme « {name} »."
QUIZ_RESULTS_TITLE = "Résultats du quiz (formateur)"
QUIZ_RESULTS_NONE = "Aucune réponse au quiz pour le moment."
QUIZ_RESULTS_COUNT = "{count} réponse(s) au quiz, dont {named} nominative(s)."
COL_QUESTION = "question"
COL_ANSWERS = "réponses"
COL_CORRECT = "bonnes réponses"
COL_SHARE = "part de bonnes réponses (%)"

# materials
GLOSSARY_LABEL_ENTRY = "entrée"
GLOSSARY_UNKNOWN_SEE_ALSO = (
    "Fichier de contenu « {name} », entrée « {term} » : « voir_aussi » cite un terme absent (« "
    "{other} »)."
)
TIMELINE_BAD_DATE = (
    "le champ « date » doit être « AAAA », « AAAA-MM » ou « AAAA-MM-JJ » (trouvé « {date} »)"
)
TIMELINE_LABEL_MILESTONE = "repère"
QUIZ_BAD_ANSWER = "« reponse » doit être un numéro de choix de 1 à {count}"
