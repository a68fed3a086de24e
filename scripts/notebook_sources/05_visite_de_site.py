CELLS = [
    ("md", """# Visite de site : la grille d'observation

**Jour 2, 9h30–12h30 — visite d'une Régie de quartier.**

<details class="cp-more"><summary>En savoir plus</summary>

La visite (Saint-Denis ou le Blanc-Mesnil) : rencontre et échanges avec la direction, des
encadrants et des administrateurs, rencontre avec des salariés en insertion. Le débrief a lieu
l'après-midi, avec la table ronde.

La grille d'observation compte huit items :

1. comprendre le projet associatif, les statuts de l'association ;
2. découvrir les activités (liens besoins sociaux et réponses apportées) ;
3. pointer les missions et repérer les fonctions des salariés ;
4. mesurer les ambitions du projet au regard des dimensions sociale, participative, de
   développement économique et d'inclusion ;
5. repérer les partenaires impliqués ;
6. appréhender le modèle économique ;
7. repérer les modalités de gouvernances coopératives (équipe et administrateurs) ;
8. pointer les liens entre la structure locale et le CNLRQ.

Le formateur confie des items à chaque sous-groupe. Chaque sous-groupe note ses observations,
évalue de 1 à 5 les ambitions de la Régie sur les quatre dimensions et liste les partenaires
rencontrés ou cités. Le débrief rassemble tous les sous-groupes : observations par item,
graphique radar des quatre dimensions et liste des partenaires.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', '# Ouverture de la base de la formation.\nstore = companion.open_store()'),
    ("md", """## Grille d'observation et débrief"""),
    ('code', 'visite = companion.VisitPage(store)\nvisite'),
    ('code', "# La session et le sous-groupe indiqués dans l'adresse de la page (`?session=CODE&groupe=NOM`)\n# sont pris en compte à l'ouverture.\nvisite.apply_query(companion.page_parameters())"),
]
