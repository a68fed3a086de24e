TITLE = 'Accueil — ESS dans les quartiers'
CELLS = [
    ("md", """# Favoriser des formes alternatives de développement de l'économie sociale et solidaire dans les quartiers

**Accueil de la formation — module 2.5.** Cette page réunit le programme des deux jours, les sept
objectifs du module et le brise-glace : présentez-vous (un pseudonyme suffit), indiquez votre
fonction et votre territoire, puis partagez vos attentes pour ces deux jours.

<details class="cp-for-trainer"><summary>Pour le formateur</summary>

L'espace formateur, en bas de page, s'ouvre avec le code affiché au démarrage du
serveur. Il permet de créer ou d'activer la session, de suivre les inscriptions et les attentes
en direct, et de retirer une inscription.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ("md", """## Programme, session et brise-glace"""),
    ('code', 'store = companion.open_store()\naccueil = companion.HomePage(store)\naccueil'),
    ('code', "# La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte à\n# l'ouverture ; sans elle, c'est la session active.\naccueil.apply_query(companion.page_parameters())"),
]
