CELLS = [
    ("md", """# « Remue-méninges » 2 en sous-groupe : leviers, solutions, préconisations

**Jour 1, 14h00–15h00, puis restitution des échanges et présentation des préconisations de
15h00 à 15h45.**

<details class="cp-more"><summary>En savoir plus</summary>

Nouveaux échanges entre les participants à partir de la question suivante : *et maintenant,
quels leviers, quelles solutions, quelles préconisations pour lever les obstacles pointés et
réussir notre projet local ?*

**Comment participer.** Comme au premier remue-méninges : une idée par carte, un thème, un
pseudonyme facultatif. Chaque levier peut être relié à une ou plusieurs difficultés du
premier remue-méninges : la restitution en tire le tableau des préconisations, qui montre
quelles difficultés trouvent une réponse et lesquelles restent sans levier.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', 'store = companion.open_store()'),
    ("md", """## Les leviers et les préconisations

<details class="cp-for-trainer"><summary>Pour le formateur</summary>

Ouvrez la manche depuis l'espace formateur (phase « Écriture privée »), puis
conduisez-la comme la première ; la restitution présente le tableau des préconisations et le
croisement des thèmes des leviers avec ceux des difficultés.

</details>"""),
    ('code', 'remue_meninges = companion.BrainstormPage(store, manche="leviers")\nremue_meninges'),
    ('code', "# La session et le sous-groupe indiqués dans l'adresse de la page (`?session=CODE&groupe=NOM`)\n# sont pris en compte à l'ouverture.\nremue_meninges.apply_query(companion.page_parameters())"),
]
