CELLS = [
    ("md", """# Table ronde et débrief de la visite de site

**Jour 2, 14h00–16h00.** Avec des directeurs de Régies de quartier, Profession Banlieue, le
Conseil départemental, la Direccte, un bailleur social et un réseau de l'insertion.

<details class="cp-more"><summary>En savoir plus</summary>

Les trois questions du programme s'affichent une à une. Posez vos propres questions aux
intervenants et soutenez celles des autres (« +1 ») : les plus soutenues remontent en tête.
Le formateur les marque comme répondues et prend des notes sur chaque question.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', '# Ouverture de la base de la formation.\nstore = companion.open_store()'),
    ("md", """## Questions du programme et questions de la salle"""),
    ('code', 'page = companion.RoundTablePage(store)\npage'),
    ('code', "# La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte à\n# l'ouverture ; sans elle, c'est la session active.\npage.apply_query(companion.page_parameters())"),
]
