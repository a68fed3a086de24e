CELLS = [
    ("md", """# Réutiliser sur vos données

Ce carnet reprend, pas à pas, les calculs de la séquence « Indicateurs d'impact ». Il tourne
tel quel sur les **données fictives** de la Régie des Tilleuls (`data/exemple_regie/`) ; pour
le refaire sur votre structure :

1. dans JupyterLab, créez un dossier **`mes_donnees`** à côté de ce carnet (dans le dossier
   `notebooks/`) ;
2. déposez-y vos fichiers CSV ou Excel (séparateur `;` ou `,`, virgule décimale acceptée, UTF-8
   ou Windows), **sous le nom de votre choix** : chaque fichier est reconnu à ses colonnes
   (`annee ; salarie ; type_sortie ; duree_mois` pour les sorties, voir
   `data/exemple_regie/README.md` pour les autres), sans accents ni majuscules obligatoires
   (« Année » vaut « annee ») ;
3. relancez le carnet (menu *Run → Run All Cells*). `companion.load_tables()` dit d'où vient
   chaque tableau : dès que `mes_donnees/` contient un fichier, **seuls vos fichiers** sont
   utilisés (un tableau absent donne « donnée absente », jamais les chiffres de l'exemple) ;
   sans fichier, c'est l'exemple, et il est annoncé comme tel.

Un fichier illisible donne un message en français qui nomme le fichier, la ligne et la colonne.
Vos fichiers restent sur votre ordinateur : rien n'est envoyé ailleurs."""),
    ("code", "import pandas as pd\n\nimport companion\n\ncompanion.warm_up(charts=True)"),
    ("md", """## 1. Lire un tableau

`companion.load_tables` lit chaque fichier avec `companion.read_table` (CSV ou classeur Excel
`.xlsx`) : séparateur et encodage reconnus, espaces des milliers, secrets statistiques (`s`,
`nd`…) en valeurs manquantes (jamais 0), codes gardés en texte avec leurs zéros. Un fichier
illisible est signalé (fichier, ligne, colonne) et laissé de côté."""),
    ("code", "donnees = companion.load_tables()\ndonnees"),
    ("code", "sorties = donnees.table(\"sorties\")\nsorties.head()"),
    ("md", """## 2. Taux de sorties d'une année

Choisissez l'année ; `exit_rates` compte les sorties par catégorie et calcule les taux en %.
Le seuil de 6 mois qui sépare emploi durable et de transition est un paramètre :
`inclusive=False` (« plus de 6 mois », plateforme de l'inclusion) ou `inclusive=True`
(« 6 mois ou plus », Dares)."""),
    ("code", "annee = 2024\ntaux = companion.exit_rates(sorties[sorties[\"annee\"] == annee])\n"
             "companion.figures_table(taux, annee, donnees.source)"),
    ("code", "taux_dares = companion.exit_rates(sorties[sorties[\"annee\"] == annee], "
             "inclusive=True)\ncompanion.figures_table(taux_dares, annee, donnees.source)"),
    ("md", """## 3. Aide au poste

Montant socle par poste à temps plein (par tranche de 1 505 heures pour une EITI), par type de
structure (EI, ETTI, AI, ACI, EITI) et territoire (hors Mayotte ou Mayotte), multiplié par les
ETP et par (1 + part modulée, de 0 à 10 %). Le tableau daté, avec l'arrêté de chaque montant,
est `data/aide_au_poste.csv`. Sur une année, `yearly_aid` proratise chaque montant par les
mois où il était en vigueur (un montant inconnu est signalé, jamais repris d'un arrêté
antérieur)."""),
    ("code", "aide = companion.yearly_aid(\"ACI\", 2024, etp=22.5, modulation=0.05)\n"
             "print(f\"Aide au poste ACI 2024 pour 22,5 ETP : {aide.attrs['total']:,.0f} € "
             "(montants proratisés par mois)\".replace(\",\", \"\u202f\"))\naide.round(0)"),
    ("md", """## 4. Tous les indicateurs d'une année

`year_view` calcule ce que le tableau de bord affiche ; `figures_table` présente chaque
chiffre avec son unité, son millésime (l'exercice) et sa source. « — » signale une valeur non
définie (dénominateur nul) ; `vue.missing` dit quels tableaux manquent."""),
    ("code", "vue = companion.year_view(donnees.tables, annee)\n"
             "print(\"Tableaux manquants :\", \", \".join(vue.missing) or \"aucun\")\n"
             "companion.figures_table(vue.values, annee, donnees.source)"),
    ("code", "companion.radar_scores(vue.values).round(0)  "
             "# scores de 0 à 100, repères pédagogiques"),
    ("md", """## 5. Retour social sur investissement (SROI)

Une ligne par résultat. Les valeurs ci-dessous sont **fictives** : remplacez-les par les vôtres
(quantité de personnes concernées, valeur financière en €, durée en années, puis aubaine,
déplacement, attribution et décroissance en fractions de 0 à 1)."""),
    ("code", """resultats = pd.DataFrame({
    "outcome": ["Retour à l'emploi durable", "Accès à une formation qualifiante"],
    "quantity": [7, 6],
    "proxy": [15000, 4000],
    "duration": [3, 2],
    "deadweight": [0.25, 0.20],
    "displacement": [0.05, 0.0],
    "attribution": [0.20, 0.30],
    "drop_off": [0.30, 0.50],
})
calcul = companion.sroi(resultats, inputs=120000, discount_rate=0.035)
print(calcul.describe())"""),
    ("code", "calcul.sensitivity.round(2)  # ratios arrondis au centième"),
    ("md", """## 6. Profil d'un quartier prioritaire (QPV)

Fichiers INSEE / ANCT (SIG Ville) : sans fichier à vous, un extrait de `DEMO_2022`,
`REVN_2022` et `IPRO_2022` est fourni dans `data/territoire_exemple/` (source : Insee, ANCT —
SIG Ville, millésime 2022, Licence Ouverte). Pour votre quartier, déposez les fichiers
complets du SIG Ville ou de l'Insee dans `mes_donnees/`, sous le nom de votre choix ; cherchez
le quartier par code (`QP…`) ou par nom. Le millésime est lu dans les données (colonnes
`DISP_MED_A19` → 2019, titre du fichier), jamais dans le nom du fichier : s'il n'y est pas,
indiquez-le (`millesime=`). Les taux ne s'additionnent pas entre quartiers."""),
    ("code", "millesime = \"2022\" if donnees.origin == \"exemple\" else None  "
             "# l'année de VOS fichiers\n"
             "companion.qpv_profile(donnees.territory, \"QP093005\", "
             "millesime=millesime).round(1)"),
    ("md", """## 7. Le tableau de bord sur ces tableaux

Le même tableau de bord que pendant la formation, sur les tableaux lus plus haut (« Mes données
— tableaux fournis ») et, à part, sur l'exemple fictif, annoncé comme tel."""),
    ("code", "companion.IndicatorsDashboard(tables=donnees.tables)"),
]
