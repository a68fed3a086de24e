CELLS = [
    ("md", """# Fiche projet de territoire : des ateliers au plan d'action

**Jour 2, après la visite de site.** Chaque sous-groupe reprend ce qu'il a produit pendant les
deux jours — les difficultés retenues (remue-méninges 1, avec leurs votes), les leviers et
préconisations (remue-méninges 2, reliés aux difficultés), la grille AFOM, la cartographie des
acteurs (et les catégories absentes), les écarts entre besoins et réponses — et y joint les
constats de la visite. Il fixe ensuite des **objectifs de viabilité sociale et économique**
(un indicateur du catalogue, une valeur de départ, une cible, une échéance) et un **plan
d'action** (levier mis en œuvre, pilote, partenaires, dates, coût, financements sollicités,
statut). Le formateur voit les fiches de tous les sous-groupes se construire.

La fiche signale ce qui manque : une préconisation sans action, une action sans pilote, un
objectif sans indicateur ou sans cible, un acteur « à associer étroitement » absent de toutes
les actions, une difficulté retenue sans levier."""),
    ("code", "import companion\n\ncompanion.warm_up(charts=True)"),
    ("md", "Ouverture de la base de la formation et lecture de la session et du sous-groupe "
           "donnés dans l'adresse (`?session=…&groupe=…`)."),
    ("code", "store = companion.open_store()\nparametres = companion.page_parameters()"),
    ("md", "## La fiche du sous-groupe"),
    ("code", "companion.ProjectSheetPage(store, parametres)"),
    ("md", """## Après la formation : votre fiche, seul dans JupyterLab

Les cellules suivantes montrent le travail d'un stagiaire chez lui, sur une **fiche fictive**
(remplacez les valeurs par les vôtres). La fiche s'enregistre en JSON versionné : à J+90, vous
la relisez, saisissez les valeurs constatées et les statuts des actions, et obtenez
l'avancement par rapport aux cibles. Les fichiers sont écrits dans le dossier affiché
ci-dessous, sur votre ordinateur."""),
    ("code", """dossier = companion.sheets_folder()
print(dossier)
fiche = companion.ProjectSheet("Régie de quartier des Tilleuls (exemple fictif)")
fiche = companion.add_objective(fiche, "Sorties dynamiques des salariés en insertion",
                                indicator="taux_sorties_dynamiques", baseline=40, target=60,
                                due="2027-06-30")
fiche = companion.add_objective(fiche, "Autofinancement par les ventes", dimension="économique",
                                indicator="taux_autofinancement", baseline=30, target=45,
                                due="2027-12-31")
fiche = companion.add_action(fiche, "Ouvrir une activité de ressourcerie", start="2027-01-15",
                             end="2027-09-30", cost=45000, funding="Contrat de ville, FSE+")
[probleme.message for probleme in companion.check_sheet(fiche)]"""),
    ("md", "Enregistrement de la fiche (JSON, à garder pour le suivi), du document HTML à "
           "imprimer ou envoyer (il s'ouvre sans connexion) et du classeur XLSX."),
    ("code", """chemin = dossier / "fiche_tilleuls.json"
chemin.write_text(companion.sheet_to_json(fiche), encoding="utf-8")
(dossier / "fiche_tilleuls.html").write_text(companion.sheet_html(fiche), encoding="utf-8")
companion.sheet_workbook(fiche, dossier / "fiche_tilleuls.xlsx")"""),
    ("md", """## Le suivi à J+90

Relisez la fiche, saisissez les valeurs constatées (par identifiant d'objectif : `o1`, `o2`…)
et les statuts des actions (`à lancer`, `en cours`, `terminée`, `reportée`, `abandonnée`).
L'avancement va de 0 % (valeur de départ) à 100 % (cible atteinte)."""),
    ("code", """suivi = companion.sheet_from_json(chemin.read_text(encoding="utf-8"), chemin.name)
suivi = companion.record_followup(suivi, "2027-04-15", actuals={"o1": 52, "o2": 47},
                                  statuses={"a1": "en cours"})
avancement = companion.sheet_progress(suivi)
avancement[["libellé objectif", "départ", "valeur", "objectif", "statut", "avancement"]]"""),
    ("code", "companion.progress_figure(avancement)"),
]
