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
ABSENT = "donnée absente"
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
