CELLS = [
    ("md", """# Introduction : principes et histoire de l'ESS, valeurs des Régies de quartier

**Jour 1, 9h45–10h30.** Cadrage de la journée à partir des mots clés, des principes
fondamentaux et de l'histoire de l'économie sociale et solidaire, puis les valeurs des Régies de
quartier (films du CNLRQ, Régie de quartier du Blanc-Mesnil).

<details class="cp-more"><summary>En savoir plus</summary>

Chaque date et chaque chiffre affichés portent leur source. Le quiz final est anonyme, sauf si
vous choisissez d'associer vos réponses à votre pseudonyme.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', '# Ouverture de la base de la formation.\nstore = companion.open_store()'),
    ("md", """## Mots clés, repères historiques, valeurs des Régies et quiz"""),
    ('code', 'page = companion.IntroductionPage(store)\npage'),
    ('code', "# La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte à\n# l'ouverture ; sans elle, c'est la session active.\npage.apply_query(companion.page_parameters())"),
]
