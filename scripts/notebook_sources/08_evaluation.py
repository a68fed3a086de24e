CELLS = [
    ("md", """# Bilan et évaluation de la formation

**Jour 2, 16h00–16h30.** Un questionnaire court et **anonyme** : votre satisfaction séquence par
séquence et globale (1 à 5), l'atteinte des sept objectifs du module, votre auto-positionnement
avant et après la formation, et vos commentaires.

*Formateur :* les résultats s'affichent en direct dans l'espace formateur (moyenne, part des
notes ≥ 4, répartition), avec les attentes du brise-glace à marquer « couverte » ou non."""),
    ("code", "import companion\n\ncompanion.warm_up()"),
    ("md", "Ouverture de la base de la formation et lecture du code de session donné dans l'adresse."),
    ("code", "store = companion.open_store()\nparametres = companion.page_parameters()"),
    ("md", "## Le questionnaire"),
    ("code", "companion.EvaluationPage(store, parametres)"),
]
