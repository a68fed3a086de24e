"""French strings of the indicators dashboard: cards, charts, targets, SROI, own data."""

from __future__ import annotations

SAMPLE_LABEL = "Régie de quartier des Tilleuls (exemple fictif)"
OWN_LABEL = "Mes données — {name}"
OWN_GIVEN = "tableaux fournis"
SROI_BY_YEAR = "Impact par année et par résultat"
POINTS = "points"
UNDEFINED = "—"

# Controls
STRUCTURE = "Structure"
YEAR = "Année"
TITLE = "Tableau de bord des indicateurs"
INTRO = ("Choisissez la structure et l'année. Chaque carte donne la valeur de l'indicateur ; "
         "ouvrez « Définition et source » pour sa définition, sa formule, son unité, sa source "
         "et son millésime. « — » signale une valeur non définie (dénominateur nul), jamais 0 %.")
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
UPLOAD_UNNAMED = "fichier"  # the name of an uploaded file that came without one
UPLOAD_LOADED = "Fichier « {name} » lu comme tableau « {table} » ({rows} lignes)."
UPLOAD_UNKNOWN = ("Le fichier « {name} » a été lu, mais ses colonnes ({columns}) ne "
                  "correspondent à aucun tableau attendu. Exemples de colonnes attendues : "
                  "{expected}.")
UPLOAD_NO_YEAR = ("Le fichier « {name} » n'a pas de colonne « annee » : ajoutez l'année de "
                  "chaque ligne.")

# Own data: reading and checking (owndata.loading, indicators.overview, indicators.territory)
NOT_A_WORKBOOK = ("Le fichier « {name} » porte l'extension .xlsx mais n'est pas un classeur "
                  "Excel (c'est un fichier texte renommé ?). Enregistrez-le depuis le tableur "
                  "au format .xlsx, ou renommez-le en .csv.")
TERRITORY_MASKED = "valeur absente (secret statistique ou case vide dans le fichier)"
TERRITORY_UNREADABLE = ("valeur illisible « {value} » (colonne « {column} ») : ce n'est pas un "
                        "nombre ; vérifiez le fichier")
TERRITORY_USELESS_FILE = ("Le fichier « {name} » n'apporte aucun indicateur connu du profil "
                          "(colonnes : {columns}…). Indicateurs reconnus : population (POP_MUN), "
                          "indice de jeunesse (IND_JEUNE), taux de pauvreté (TP60, DISP_TP60_A19), "
                          "revenu médian (DISP_Q2, DISP_MED_A19), taux d'emploi (TX_TOT_EMPL), "
                          "demandeurs d'emploi (ABCDE, ABC), allocataires CAF (A, ARSAS, AAAH).")
TERRITORY_NOTHING = ("Aucun indicateur connu dans {names} : il faut une colonne de code du "
                     "quartier (CODGEO) et au moins une colonne reconnue (POP_MUN, TP60, "
                     "DISP_MED_A19…).")
MISSING_COLUMN = ("Le tableau « {source} » ({table}) n'a pas de colonne « {column} ». Colonnes "
                  "présentes : {columns}. Les noms sont reconnus sans accents ni majuscules "
                  "(« Année » vaut « annee »).")
OWN_FILE_ABSENT = ("Le fichier « {name} » n'est pas dans « {folder} », qui contient vos fichiers "
                   "({files}) : vos chiffres ne sont jamais complétés par ceux de l'exemple. "
                   "Utilisez companion.load_tables(), qui reconnaît vos fichiers à leurs colonnes, "
                   "quel que soit leur nom.")
OWN_TABLE_TWICE = ("Le fichier « {name} » donne, lui aussi, le tableau « {table} » (déjà lu dans "
                   "« {first} ») : il est laissé de côté ; réunissez les deux fichiers.")
ORIGIN_SAMPLE = "exemple"
ORIGIN_OWN = "mes données"
LOADED_ORIGIN = "Origine des tableaux : {origin}"
LOADED_TABLE = "  tableau « {table} » : fichier « {name} » ({rows} lignes)"
LOADED_TERRITORY = "  fichier de territoire « {name} » ({rows} lignes)"
LOADED_ERROR = "  illisible : {message}"
ABSENT_CARDS = "Donnée absente : les tableaux de « {structure} » n'ont pas pu être calculés. {error}"
FISCAL_YEAR = "exercice {year}"
TABLE_ABSENT = ("Le tableau « {table} » est absent ({origin}) : déposez dans mes_donnees/ un "
                "fichier qui a ses colonnes (voir data/exemple_regie/README.md).")
AID_TERRITORY = "Territoire « {territory} » inconnu pour l'aide au poste : choisissez {known}."
AID_UNKNOWN = ("Montant d'aide au poste {structure} ({territory}) au {day} non renseigné dans "
               "data/aide_au_poste.csv : il n'est jamais repris d'un arrêté antérieur. "
               "Vérifiez-le dans : {source}.")
ACI_RULE = ("art. D5132-34 du Code du travail : les recettes commerciales d'un ACI couvrent une "
            "part inférieure à 30 % des charges liées à ses activités")
ACI_RULE_PREFECT = ("art. D5132-34 du Code du travail : plafond porté par décision du préfet "
                    "(après avis du CDIAE) dans la limite de 50 %")
ACI_WITHIN = "Recettes commerciales : {share} % des charges, sous le plafond de {cap} % ({rule})."
ACI_OVER = ("Recettes commerciales : {share} % des charges, au-delà du plafond de {cap} % "
            "({rule}).")
ACI_UNDEFINED = "Part des recettes commerciales non calculable (aucune charge)."
# sroi
METHOD_PRESENT_VALUE = "valeur actualisée des impacts (€)"
METHOD_RATIO = "ratio SROI = valeur actualisée / investissement"
METHOD_NET_RATIO = "SROI net = (valeur actualisée − investissement) / investissement"
METHOD_PAYBACK = (
    "délai de retour sur investissement (mois) = investissement / (impact de la première année "
    "/ 12)"
)
METHOD_ROUNDING = (
    "ratios arrondis au centième, montants à l'euro, délai au dixième de mois ; un ratio "
    "présenté arrondi à l'unité doit dire qu'il est arrondi"
)
FIELD_DEADWEIGHT = "effet d'aubaine (deadweight)"
FIELD_ATTRIBUTION = "attribution"
FIELD_DISCOUNT_RATE = "taux d'actualisation"
FIELD_DROP_OFF = "décroissance (drop-off)"
FIELD_PROXY = "valeur financière (proxy)"
SROI_PAYBACK_UNDEFINED = "non défini (aucun impact la première année)"
SROI_RATIO_LINE = (
    "Ratio SROI (valeur actualisée / investissement) : {value} — pour 1 € investi, {value} € "
    "de valeur sociale actualisée."
)
SROI_NET_LINE = "SROI net ((valeur actualisée − investissement) / investissement) : {value}."
SROI_VALUE_LINE = (
    "Valeur actualisée : {value} € au taux d'actualisation de {rate} % ; investissement : "
    "{inputs} €."
)
SROI_PAYBACK_LINE = "Délai de retour sur investissement : {payback}."
SROI_BAD_INVESTMENT = (
    "L'investissement (valeur des contributions) doit être un montant positif en euros (reçu : "
    "{inputs!r})."
)
SROI_BAD_RATE = (
    "Le taux d'actualisation doit être une fraction entre 0 et 1 : 0,035 pour 3,5 % (reçu : "
    "{discount_rate!r})."
)
SROI_MISSING_COLUMNS = (
    "Le tableau des résultats n'a pas les colonnes {missing} (attendues : {expected})."
)
SROI_NO_OUTCOME = "Le tableau des résultats est vide : décrivez au moins un résultat."
SROI_ROW = "Ligne {position} (résultat « {name} »)"
SROI_NO_NAME = "sans nom"
SROI_NOT_A_NUMBER = (
    "{where}, colonne « {column} » : valeur manquante ou non numérique ({value!r})."
)
SROI_NOT_A_FRACTION = (
    "{where}, colonne « {column} » : {shown} n'est pas une fraction entre 0 et 1 (saisissez "
    "0,25 pour 25 %)."
)
SROI_NEGATIVE_QUANTITY = "{where}, colonne « quantity » : la quantité doit être positive."
SROI_BAD_DURATION = (
    "{where}, colonne « duration » : la durée est un nombre entier d'années, au moins 1."
)
SROI_UNNAMED = "résultat {position}"

# insertion
EXIT_EXAMPLES = (
    "CDI, CDD, intérim, titularisation, création d'entreprise, contrat aidé, formation "
    "qualifiante, formation pré-qualifiante, embauche SIAE, demandeur d'emploi, inactivité, "
    "sans nouvelles, autre"
)
EXIT_UNKNOWN_TYPE = "Type de sortie inconnu : « {label} ». Types reconnus : {examples}."
EXIT_NO_DURATION = (
    "Durée manquante pour une sortie en « {label} » : la durée du contrat (en mois) décide "
    "s'il s'agit d'un emploi durable ou de transition."
)
EXITS_TABLE = "source"
EXITS_NO_TYPE_COLUMN = (
    "Le tableau « {source} » n'a pas de colonne « {type_col} » (type de sortie). Colonnes "
    "présentes : {columns}."
)
EXITS_ROW = "Le tableau « {source} », ligne {number}"
EXITS_EMPTY_TYPE = "{line} : le type de sortie (colonne « {type_col} ») est vide."
EXITS_UNKNOWN_TYPE = (
    "{line}, colonne « {type_col} » : type de sortie inconnu « {label} ». Types reconnus : "
    "{examples}."
)
EXITS_NO_DURATION = (
    "{line}, colonne « {duration_col} » : durée manquante pour une sortie en « {label} » (en "
    "mois ; elle décide s'il s'agit d'un emploi durable ou de transition)."
)
EXITS_BAD_DURATION = (
    "Le tableau « {source} », ligne {number}, colonne « {column} » : « {value} » n'est pas une "
    "durée en mois."
)
HOURS_BAD_REFERENCE = (
    "Le nombre d'heures de référence doit être positif (reçu : {reference_hours})."
)
HOURS_NEGATIVE = "Un nombre d'heures est négatif : vérifiez la colonne des heures."
HOURS_NEGATIVE_VALUE = "Le nombre d'heures doit être positif ou nul (reçu : {hours})."
HOURS_NO_COLUMN = "Le tableau « {source} » n'a pas de colonne « {column} »."
TABLE = "tableau"

# aide
AIDE_MISSING_COLUMNS = "Le tableau « {name} » n'a pas les colonnes {missing}."
AIDE_BAD_DATE_ROW = (
    "Le tableau « {name} », ligne {line}, colonne date_effet : « {date_effet} » n'est pas une "
    "date AAAA-MM-JJ."
)
AIDE_BAD_ROW = (
    "Le tableau « {name} », ligne {line} : structure, territoire ou montant invalide."
)
QUOTED = "« {name} »"
AID_UNIT = "€ par poste à temps plein et par an"
AID_COLUMN_BASE = "montant socle"
AID_COLUMN_UNIT = "unité"
AIDE_UNKNOWN_STRUCTURE = (
    "Structure « {structure} » inconnue pour l'aide au poste : choisissez parmi {codes} "
    "({names})."
)
AIDE_NO_AMOUNT = (
    "Aucun montant d'aide au poste connu pour le {day:%d/%m/%Y} : le tableau commence le "
    "{first:%d/%m/%Y}."
)
AIDE_BAD_SHARE = (
    "La part modulée doit être comprise entre 0 et 10 % du montant socle (reçu : "
    "{modulation:g} %). Saisissez-la en fraction : 0,05 pour 5 %."
)
AIDE_BAD_ETP = "Le nombre d'ETP doit être positif ou nul (reçu : {etp})."
AIDE_BAD_DATE = "« {value} » n'est pas une date : écrivez-la AAAA-MM-JJ (par exemple 2024-11-01)."

# territory
TERRITORY_APPROXIMATION = (
    "Approximation : moyenne des taux pondérée par la population. Un taux ne s'additionne pas "
    "et ne se moyenne pas exactement : le taux exact de l'ensemble demande, pour chaque "
    "quartier, le numérateur et le dénominateur."
)
TERRITORY_UNSPECIFIED = "non précisé"
TERRITORY_NO_MATCH = (
    "Aucun quartier ne correspond à « {wanted} » dans les fichiers fournis. Vérifiez le code "
    "(par exemple QP093005) ou l'orthographe du nom."
)
TERRITORY_MANY_MATCHES = (
    "Plusieurs quartiers correspondent à « {wanted} » : {listed}. Précisez le code du quartier."
)
TERRITORY_NO_COLUMN = "Le tableau « {source} » n'a pas de colonne « {column} »."
TERRITORY_EXCLUDED = (
    " {excluded} ligne(s) sans valeur ou sans population (secret statistique) exclue(s) du "
    "calcul."
)
TERRITORY_NOT_ADDITIVE = (
    "« {column} » est un taux, une médiane ou un indice : il ne s'additionne pas. Utilisez une "
    "moyenne pondérée (weighted_mean), qui reste une approximation."
)

# catalogue
CATALOGUE_BAD_ID = "l'identifiant « {ident} » doit être en minuscules, chiffres et « _ »"
CATALOGUE_BAD_FAMILY = "la famille « {family} » est inconnue (familles : {families})"
CATALOGUE_BAD_DIRECTION = "le sens « {direction} » doit être « hausse » ou « baisse »"
CATALOGUE_BAD_DECIMALS = "le champ « decimals » doit valoir de 0 à 4"
CATALOGUE_UNKNOWN = "Indicateur « {ident} » absent du catalogue."

# economics
ECONOMICS_MISSING_COLUMNS = (
    "Le tableau « {name} » n'a pas les colonnes {missing} (colonnes présentes : {columns})."
)
ECONOMICS_MISSING_TABLES = "Tableaux manquants pour les indicateurs économiques : {missing}."
ECONOMICS_NO_SALES = "Aucune vente pour l'année {year} dans « {source} »."

# objectives
OBJECTIVE_NOT_A_NUMBER = "L'objectif doit être un nombre (reçu : « {value} »)."
OBJECTIVE_BAD_DIRECTION = (
    "Le sens de l'objectif doit être « hausse » ou « baisse » (reçu : « {direction} »)."
)
OBJECTIVES_UNKNOWN = "Indicateur(s) absent(s) du catalogue : {unknown}."

# overview

# indicators
UNIT_SCORE = "score de 0 à 100"
SENSITIVITY_SERIES = "hypothèse {variation}"
SENSITIVITY_MILLESIME = "hypothèses saisies"
SALES_TABLE = "ventes"
TERRITORY_CANDIDATE = "{code} « {name} »"
TERRITORY_CANDIDATE_TOWN = "{code} « {name} » ({town})"
# Status of an indicator against its target (shown in the table of targets)
STATUS_REACHED = "atteint"
STATUS_NOT_REACHED = "non atteint"
STATUS_NO_TARGET = "objectif non paramétré"
STATUS_NO_VALUE = "valeur non disponible"
# Own data: workbooks refused before reading (companion.owndata.guard)
OWN_XLSX_TOO_BIG = (
    "Le classeur « {name} » est trop volumineux une fois décompressé pour être lu ici. "
    "Enregistrez seulement la feuille utile (ou un extrait) en CSV ou en XLSX, puis réessayez."
)
OWN_XLSX_TOO_MANY_CELLS = (
    "Le classeur « {name} » déclare une feuille de {cells} cellules (limite : {limit}). "
    "Enregistrez seulement les lignes et colonnes utiles, puis réessayez."
)
SENSITIVITY_BASE = "base : {value}"
SROI_ROUNDING_LINE = "Arrondis : {rounding}."
