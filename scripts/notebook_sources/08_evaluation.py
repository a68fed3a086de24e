CELLS = [
    ("md", """# Bilan et évaluation de la formation

**Jour 2, 16h00–16h30.** Un questionnaire court et **anonyme** : votre satisfaction séquence par
séquence et globale (1 à 5), l'atteinte des sept objectifs du module, votre auto-positionnement
avant et après la formation, et vos commentaires.

<details class="cp-for-trainer"><summary>Pour le formateur</summary>

Les résultats s'affichent en direct dans l'espace formateur (moyenne, part des
notes ≥ 4, répartition), avec les attentes du brise-glace à marquer « couverte » ou non.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', '# Ouverture de la base de la formation.\nstore = companion.open_store()'),
    ("md", """## Le questionnaire"""),
    ('code', 'page = companion.EvaluationPage(store)\npage'),
    ('code', "# La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte à\n# l'ouverture ; sans elle, c'est la session active.\npage.apply_query(companion.page_parameters())"),
]
