TITLE = 'Vue projection'
CELLS = [
    ("md", """# Vue projection

**L'écran de la salle**, pour un vidéoprojecteur 1920 × 1080 lu du fond de la salle : l'activité
en cours en grands caractères, le code de session et le QR code toujours affichés.

<details class="cp-for-trainer"><summary>Pour le formateur</summary>

Ouvrez cette page sur l'ordinateur relié au projecteur (touche F11 : plein écran). Elle suit
l'activité que vous ouvrez depuis vos propres pages avec « Envoyer la salle sur cette page »
(un autre onglet ou un autre appareil) : pendant un remue-méninges, le mur des idées par
sous-groupe, le minuteur, le compteur de votants puis les résultats du vote une fois la manche
close ; pendant la table ronde, les questions de la salle, les plus soutenues en premier ;
sinon, le bloc « Rejoindre la session » en grand et le nuage de mots des attentes. Un clic sur
« Activer le signal sonore » autorise le navigateur à jouer le signal de fin du minuteur.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', 'store = companion.open_store()\nprojection = companion.ProjectionPage(store)\nprojection'),
    ('code', "# La session indiquée dans l'adresse de la page (`?session=CODE`) est prise en compte à\n# l'ouverture ; sans elle, c'est la session active.\nprojection.apply_query(companion.page_parameters())"),
]
