CELLS = [
    ("md", """# « Remue-méninges » 1 en sous-groupe : les difficultés

**Jour 1, 10h30–12h00, puis restitution des échanges de 12h00 à 12h30.**

<details class="cp-more"><summary>En savoir plus</summary>

Échanges entre les participants à partir des questions suivantes : *quelles difficultés
identifions-nous pour mettre en œuvre dans nos territoires des formes alternatives de
développement de l'économie sociale et solidaire ?* Et plus précisément encore : projet endogène
de territoire ? Transversalité, coopération ? Financements spécifiques et croisés ? Cadre
contractuel, dispositifs spécifiques et thématiques, participation des habitants ? Mise en
réseau des acteurs ? Partenariat ?

**Comment participer.** Ouvrez le lien ou scannez le QR code de votre sous-groupe. Écrivez une
idée par carte, choisissez son thème ; un pseudonyme est facultatif. Pendant l'écriture privée,
seul votre sous-groupe voit vos cartes ; vous pouvez modifier ou retirer les vôtres tant que la
manche est ouverte. Viennent ensuite la mise en commun, le vote (un nombre de votes par
personne fixé par le formateur, résultats cachés jusqu'à la clôture) et la restitution.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', 'store = companion.open_store()'),
    ("md", """## Les difficultés

<details class="cp-for-trainer"><summary>Pour le formateur</summary>

L'espace formateur, en bas de page, s'ouvre avec le code affiché au démarrage du
serveur : mur des idées en direct (par thème ou par sous-groupe), modération (masquer, modifier,
déplacer, fusionner), phases et minuteur, saisie pour un groupe qui travaille sur papier,
restitution et exports.

</details>"""),
    ('code', 'remue_meninges = companion.BrainstormPage(store, manche="difficultes")\nremue_meninges'),
    ('code', "# La session et le sous-groupe indiqués dans l'adresse de la page (`?session=CODE&groupe=NOM`)\n# sont pris en compte à l'ouverture.\nremue_meninges.apply_query(companion.page_parameters())"),
]
