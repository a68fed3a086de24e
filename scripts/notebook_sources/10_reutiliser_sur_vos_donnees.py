CELLS = [
    ("md", """# Réutiliser sur vos données

Ce carnet reprend, pas à pas, les calculs de la séquence « Indicateurs d'impact ». Il tourne
tel quel sur les **données fictives** de la Régie des Tilleuls (`data/exemple_regie/`) ; pour
le refaire sur votre structure :

1. dans JupyterLab, créez un dossier **`mes_donnees`** à côté de ce carnet (dans le dossier
   `notebooks/`) ;
2. déposez-y vos fichiers CSV (séparateur `;` ou `,`, virgule décimale acceptée, UTF-8 ou
   Windows) en reprenant **les noms et les colonnes du jeu d'exemple** : `sorties.csv`
   (`annee ; salarie ; type_sortie ; duree_mois`), `ventes.csv`, `financements.csv`,
   `masse_salariale.csv`, `charges.csv`, `salaries_insertion.csv`, `gouvernance.csv`,
   `benevoles.csv` — voir `data/exemple_regie/README.md` ;
3. relancez le carnet (menu *Run → Run All Cells*). Chaque cellule lit votre fichier s'il existe
   dans `mes_donnees/`, sinon celui de l'exemple : `companion.own_or_sample` affiche le chemin
   utilisé.

Un fichier illisible donne un message en français qui nomme le fichier, la ligne et la colonne.
Vos fichiers restent sur votre ordinateur : rien n'est envoyé ailleurs."""),
    ("code", "import pandas as pd\n\nimport companion\n\ncompanion.warm_up(charts=True)"),
    ("md", """## 1. Lire un tableau

`companion.read_table` lit un CSV ou un classeur Excel (`.xlsx`) : séparateur et encodage
reconnus, espaces des milliers, secrets statistiques (`s`, `nd`…) en valeurs manquantes
(jamais 0), codes gardés en texte avec leurs zéros."""),
    ("code", "chemin = companion.own_or_sample(\"sorties.csv\")\nprint(chemin)\n"
             "sorties = companion.read_table(chemin)\nsorties.head()"),
    ("md", """## 2. Taux de sorties d'une année

Choisissez l'année ; `exit_rates` compte les sorties par catégorie et calcule les taux en %.
Le seuil de 6 mois qui sépare emploi durable et de transition est un paramètre :
`inclusive=False` (« plus de 6 mois », plateforme de l'inclusion) ou `inclusive=True`
(« 6 mois ou plus », Dares)."""),
    ("code", "annee = 2024\ncompanion.exit_rates(sorties[sorties[\"annee\"] == annee])"),
    ("code", "companion.exit_rates(sorties[sorties[\"annee\"] == annee], inclusive=True)"),
    ("md", """## 3. Aide au poste

Montant socle en vigueur à une date, par type de structure (EI, ETTI, AI, ACI), multiplié par
les ETP et par (1 + part modulée, de 0 à 10 %). Le tableau daté est `data/aide_au_poste.csv`."""),
    ("code", "print(companion.aide_au_poste(\"ACI\", \"2024-10-31\", etp=22.5))\n"
             "print(companion.aide_au_poste(\"ACI\", \"2024-11-01\", etp=22.5, modulation=0.05))"),
    ("md", """## 4. Tous les indicateurs d'une année

Chargez tous les tableaux (les vôtres quand ils sont dans `mes_donnees/`) ; `year_view` calcule
ce que le tableau de bord affiche. Une valeur `None` est non définie (dénominateur nul ou
tableau absent) : `missing` dit quels fichiers manquent."""),
    ("code", "noms = [\"sorties\", \"salaries_insertion\", \"ventes\", \"financements\", "
             "\"masse_salariale\",\n        \"charges\", \"gouvernance\", \"benevoles\"]\n"
             "tableaux = {nom: companion.read_table(companion.own_or_sample(f\"{nom}.csv\")) "
             "for nom in noms}\n"
             "vue = companion.year_view(tableaux, annee)\nvue.values"),
    ("code", "companion.radar_scores(vue.values)"),
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
    ("code", "calcul.sensitivity"),
    ("md", """## 6. Profil d'un quartier prioritaire (QPV)

Fichiers INSEE / ANCT (SIG Ville) : un extrait de `DEMO_2022`, `REVN_2022` et `IPRO_2022` est
fourni dans `data/territoire_exemple/` (source : Insee, ANCT — SIG Ville, millésime 2022,
Licence Ouverte). Téléchargez les fichiers complets sur sig.ville.gouv.fr et déposez-les dans
`mes_donnees/` sous le même nom pour votre quartier ; cherchez-le par code (`QP…`) ou par nom.
Les taux ne s'additionnent pas entre quartiers."""),
    ("code", "fichiers = [\"DEMO_2022.csv\", \"REVN_2022.csv\", \"IPRO_2022.csv\"]\n"
             "territoire = {nom: companion.read_table(companion.own_or_sample(nom, "
             "sample=\"territoire_exemple\"))\n              for nom in fichiers}\n"
             "companion.qpv_profile(territoire, \"QP093005\")"),
    ("md", """## 7. Le tableau de bord sur ces tableaux

Le même tableau de bord que pendant la formation, sur les tableaux lus plus haut (« Mes données
— tableaux fournis ») et sur l'exemple."""),
    ("code", "companion.IndicatorsDashboard(tables=tableaux)"),
]
