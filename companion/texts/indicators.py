"""French strings of the indicators dashboard: cards, charts, targets, SROI, own data."""

from __future__ import annotations

SAMPLE_LABEL = "Régie de quartier des Tilleuls (exemple fictif)"
OWN_LABEL = "Mes données — {name}"
UNDEFINED = "—"

# Controls
STRUCTURE = "Structure"
YEAR = "Année"
TITLE = "Tableau de bord des indicateurs"
INTRO = ("Choisissez la structure et l'année. Chaque carte donne la valeur de l'indicateur ; "
         "ouvrez « Définition et source » pour sa définition, sa formule, son unité, sa source "
         "et son millésime. « — » signale une valeur non définie (dénominateur nul), jamais 0 %.")
SAMPLE_NOTE = ("Données fictives de la Régie de quartier des Tilleuls (data/exemple_regie), "
               "pour s'exercer.")
DEFINITION = "Définition et source"
FORMULA = "Formule"
UNIT = "Unité"
SOURCE = "Source"
MILLESIME = "Millésime"
ZERO = "Si le dénominateur est nul"
CARD_YEAR = "année {year}"
MISSING_TABLE = ("Indicateurs absents faute de tableau : {names}. Chargez le fichier "
                 "correspondant pour les voir.")
NO_CARD = "Aucun indicateur calculable avec les tableaux chargés."

# Sections
SECTION_CARDS = "Indicateurs de l'année"
SECTION_TRENDS = "Évolution"
SECTION_EXITS = "Sorties d'insertion par catégorie"
SECTION_ECONOMY = "Modèle économique"
SECTION_RADAR = "Les quatre dimensions"
SECTION_TARGETS = "Mes objectifs de viabilité sociale et économique"
SECTION_SROI = "Calculateur de retour social sur investissement (SROI)"
SECTION_UPLOAD = "Utiliser mes propres données"
TREND_CHOICE = "Indicateur"

# Charts
SOURCE_LINE = "Unité : {unit} — millésime : {millesime} — source : {source}"
SAMPLE_SOURCE = "Régie des Tilleuls, données fictives (data/exemple_regie)"
OWN_SOURCE = "vos fichiers ({names})"
CHART_TREND = "{label} — évolution"
AXIS_YEAR = "Année"
CHART_EXITS = "Sorties de parcours par catégorie — {year}"
AXIS_EXITS = "Sorties (personnes)"
AXIS_CATEGORY = "Catégorie de sortie"
EXIT_CATEGORIES = {"durables": "Emploi durable", "transition": "Emploi de transition",
                   "positives": "Sorties positives", "autres": "Autres sorties"}
CHART_SALES = "Ventes par type de client — {year}"
AXIS_EUROS = "Montant (€)"
AXIS_CLIENT = "Type de client"
CHART_INCOME = "Origine des produits — {year}"
INCOME_PARTS = {"ventes": "Ventes (chiffre d'affaires)", "aide au poste": "Aides au poste",
                "subvention": "Subventions", "autre produit": "Autres produits"}
AXIS_INCOME = "Nature du produit"
CHART_RADAR = "Les quatre dimensions — {year} (score de 0 à 100)"
RADAR_UNDEFINED = "{dimension} (non calculable)"
RADAR_NOTE = ("Score de 0 à 100 : moyenne des indicateurs de la dimension, chacun rapporté à "
              "son repère pédagogique (100 = repère atteint) ; voir companion.indicators.overview.RADAR.")
CHART_SENSITIVITY = "Sensibilité du ratio SROI aux hypothèses (±50 %)"
AXIS_RATIO = "Ratio SROI (valeur actualisée / investissement)"
AXIS_ASSUMPTION = "Hypothèse modifiée"
SROI_SOURCE = "calcul sur vos hypothèses ; méthode : guide SROI, Social Value International (2012)"

# Targets
TARGET_INDICATOR = "Indicateur"
TARGET_VALUE = "Objectif"
TARGET_SAVE = "Enregistrer l'objectif"
TARGET_REMOVE = "Retirer l'objectif"
TARGET_SAVED = "Objectif enregistré : {label} = {value}."
TARGET_REMOVED = "Objectif retiré : {label}."
TARGET_NONE_TO_REMOVE = "Aucun objectif enregistré pour « {label} »."
TARGET_HELP = ("Fixez une valeur à atteindre (pour un taux, en % : 60 pour 60 %). Le sens vient "
               "du catalogue : un taux de sorties est atteint au-dessus de l'objectif, une "
               "dépendance aux financements publics en dessous.")
TARGET_NO_STORE = ("Objectifs non enregistrés : pas de base ouverte (ils restent valables tant que "
                   "la page est ouverte).")
TARGET_COLUMNS = {"libellé": "Indicateur", "valeur": "Valeur", "objectif": "Objectif",
                  "écart": "Écart", "statut": "Statut"}
TARGET_BAD_VALUE = "L'objectif doit être un nombre fini (reçu : {value})."

# SROI
SROI_HELP = ("Hypothèses modifiables : une ligne par résultat (changement vécu par les "
             "personnes). Fractions de 0 à 1 pour l'aubaine, le déplacement, l'attribution et "
             "la décroissance (0,25 pour 25 %). Les valeurs proposées sont fictives.")
SROI_COLUMNS = {"outcome": "Résultat", "quantity": "Quantité", "proxy": "Valeur (€)",
                "duration": "Durée (ans)", "deadweight": "Aubaine", "displacement": "Déplacement",
                "attribution": "Attribution", "drop_off": "Décroissance"}
SROI_INPUTS = "Investissement (€)"
SROI_DISCOUNT = "Taux d'actualisation"
SROI_ADD = "Ajouter un résultat"
SROI_REMOVE = "Retirer"
SROI_LAST_ROW = "Gardez au moins un résultat."
SROI_NEW_ROW = "nouveau résultat"

# Upload
UPLOAD = "Charger un fichier"
UPLOAD_HELP = ("CSV ou Excel (.xlsx), {limit} Mo au plus. Le fichier reste dans la mémoire de "
               "cette page : il n'est ni enregistré ni partagé. Colonnes reconnues : celles du "
               "jeu d'exemple (voir data/exemple_regie/README.md), par exemple « annee ; "
               "salarie ; type_sortie ; duree_mois » pour les sorties.")
UPLOAD_TOO_BIG = ("Le fichier « {name} » est trop volumineux ({size} Mo ; limite : {limit} Mo). "
                  "Ne gardez que les lignes et colonnes utiles.")
UPLOAD_LOADED = "Fichier « {name} » lu comme tableau « {table} » ({rows} lignes)."
UPLOAD_UNKNOWN = ("Le fichier « {name} » a été lu, mais ses colonnes ({columns}) ne "
                  "correspondent à aucun tableau attendu. Exemples de colonnes attendues : "
                  "{expected}.")
UPLOAD_NO_YEAR = ("Le fichier « {name} » n'a pas de colonne « annee » : ajoutez l'année de "
                  "chaque ligne.")

# Own data: workbooks refused before reading (companion.owndata.guard)
OWN_XLSX_TOO_BIG = (
    "Le classeur « {name} » est trop volumineux une fois décompressé pour être lu ici. "
    "Enregistrez seulement la feuille utile (ou un extrait) en CSV ou en XLSX, puis réessayez."
)
OWN_XLSX_TOO_MANY_CELLS = (
    "Le classeur « {name} » déclare une feuille de {cells} cellules (limite : {limit}). "
    "Enregistrez seulement les lignes et colonnes utiles, puis réessayez."
)
