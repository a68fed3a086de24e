CELLS = [
    ("md", """# Indicateurs d'impact : insertion, viabilité économique, participation, SROI

**Jour 2, 14h00–16h00 — avec la table ronde.** Objectifs du module : *déterminer des objectifs
en termes de viabilité sociale et économique* et *évaluer son impact tant d'un point de vue
économique que social*. Question de la table ronde : *comment mieux évaluer les activités
d'insertion, d'emploi, de développement du lien social ?*

Le tableau de bord ci-dessous part d'une **Régie de quartier fictive**, la Régie des Tilleuls
(2021 à 2024) ; chargez vos propres fichiers pour le refaire sur votre structure.

- **Sorties d'insertion** : *emploi durable* (CDI, CDD ou intérim de plus de 6 mois,
  titularisation, création d'entreprise), *emploi de transition* (CDD ou intérim plus courts,
  contrat aidé chez un employeur ordinaire), *sorties positives* (formation qualifiante, embauche
  dans une autre SIAE). Les sorties dynamiques réunissent les trois. Sans aucune sortie, le taux
  n'est pas défini : il s'affiche « — », jamais 0 %.
- **Modèle économique** : ventes par type de client (collectivités, bailleurs, autres), taux
  d'autofinancement (ventes / total des produits), dépendance aux financements publics
  (subventions et aides au poste / total des produits).
- **Les quatre dimensions** : sociale, participative, développement économique, inclusion.
  Chaque score (0 à 100) rapporte des indicateurs à des repères pédagogiques à discuter, pas à
  des normes officielles : la carte « Définition et source » et la documentation de
  `companion.indicators.overview` disent lesquels.
- **Objectifs** : fixez vos objectifs de viabilité sociale et économique ; le tableau compare
  valeur et objectif (« objectif non paramétré » quand il n'y en a pas).
- **SROI** (retour social sur investissement, guide de Social Value International, 2012) :
  quantité × valeur financière × (1 − aubaine) × (1 − déplacement) × (1 − attribution), puis
  décroissance chaque année et actualisation (3,5 % par défaut). Le *ratio SROI* est la valeur
  actualisée divisée par l'investissement ; le *SROI net* retranche l'investissement. Dites
  toujours lequel vous citez et comment il est arrondi.

*Après la formation :* ouverte dans JupyterLab, la page garde vos objectifs dans votre base
personnelle ; le carnet « Réutiliser sur vos données » reprend les calculs pas à pas."""),
    ("code", "import companion\n\ncompanion.warm_up(charts=True)"),
    ("md", "Ouverture de la base de la formation et lecture de la session et du sous-groupe "
           "donnés dans l'adresse (`?session=…&groupe=…`)."),
    ("code", "store = companion.open_store()\nparametres = companion.page_parameters()"),
    ("md", "## Choisir la structure et l'année, comparer, fixer ses objectifs"),
    ("code", "tableau = companion.IndicatorsDashboard(store, parametres)\ntableau"),
]
