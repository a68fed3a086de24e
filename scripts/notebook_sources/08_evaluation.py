CELLS = [
    ("md", """# Bilan et évaluation de la formation

**Jour 2, 16h00–16h30.** Un questionnaire court et **anonyme** : votre satisfaction séquence par
séquence et globale (1 à 5), l'atteinte des sept objectifs du module, votre auto-positionnement
avant et après la formation, et vos commentaires.

*Formateur :* les résultats s'affichent en direct dans l'espace formateur (moyenne, part des
notes ≥ 4, répartition), avec les attentes du brise-glace à marquer « couverte » ou non."""),
    ("code", "import companion\n\ncompanion.warm_up()"),
    ("md", "Ouverture de la base de la formation."),
    ("code", "store = companion.open_store()"),
    ("md", "## Le questionnaire"),
    ("code", "page = companion.EvaluationPage(store)\npage"),
    ("md", "*La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte "
           "à l'ouverture ; sans elle, c'est la session active.*"),
    ("code", "page.apply_query(companion.page_parameters())"),
]
