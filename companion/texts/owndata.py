"""French messages about the tables trainees bring (CSV, Excel): reading and its errors."""

from __future__ import annotations

# loading
NOT_A_TABLE_BINARY = "Le fichier « {label} » n'est pas un tableau (fichier binaire)."
FILE_NOT_FOUND = "Le fichier « {label} » est introuvable ({path})."
FILE_EMPTY = "Le fichier « {label} » est vide."
FILE_TOO_BIG = (
    "Le fichier « {label} » est trop volumineux ({mo} Mo ; limite : {mo2} Mo). Ne gardez que "
    "les lignes et colonnes utiles, ou augmentez la limite (paramètre max_bytes)."
)
UTF16_BROKEN = "Le fichier « {label} » (UTF-16) est tronqué ou illisible."
OLD_EXCEL = (
    "Le fichier « {label} » est un classeur Excel ancien format (.xls) : enregistrez-le au "
    "format .xlsx ou CSV."
)
NOT_A_TABLE_KIND = "Le fichier « {label} » n'est pas un tableau : c'est {kind}."
UNKNOWN_ENCODING = (
    "Le fichier « {label} » n'est lisible ni en UTF-8 ni en Windows-1252 (ligne {line}). "
    "Réenregistrez-le en « CSV UTF-8 »."
)
MIXED_ENCODINGS = (
    "Le fichier « {label} » mélange deux encodages (UTF-8 et un autre) : caractère illisible "
    "ligne {line}. Réenregistrez-le en « CSV UTF-8 »."
)
NOT_A_TABLE_WEB = "Le fichier « {label} » n'est pas un tableau (page web ou JSON ?)."
NO_HEADER = "Le fichier « {label} » n'a pas de ligne d'en-tête (noms de colonnes)."
DUPLICATE_COLUMNS = (
    "Le fichier « {label} » a des noms de colonnes en double : {doubles}. Renommez-les pour "
    "qu'ils soient uniques."
)
BAD_QUOTES = (
    "Le fichier « {label} », ligne {first} : guillemets mal fermés ou texte illisible "
    "({error})."
)
WRONG_FIELD_COUNT = (
    "Le fichier « {label} », ligne {line} : {found} au lieu de {expected} (d'après la ligne "
    "d'en-tête). Vérifiez le séparateur et les guillemets de cette ligne."
)
NOT_XLSX = "Le fichier « {label} » n'est pas un classeur Excel (.xlsx) lisible ({reason})."
SHEET_EMPTY = "La feuille « {chosen} » du fichier « {label} » est vide."
UNKNOWN_SOURCE = "Source de tableau non reconnue : {kind}."
KIND_PDF = "un document PDF"
KIND_PNG = "une image PNG"
KIND_GIF = "une image GIF"
KIND_JPEG = "une image JPEG"
KIND_ARCHIVE = "une archive compressée"
DOUBLE_COLUMN = "« {name} » (colonnes {positions})"
COLUMNS_ONE = "{count} colonne"
COLUMNS_MANY = "{count} colonnes"
NO_SUCH_SHEET = (
    "Le fichier « {label} » n'a pas de feuille « {sheet} ». Feuilles disponibles : {available}."
)
QUOTED = "« {name} »"

# sample
SAMPLE_UNKNOWN = (
    "Le jeu de données d'exemple « {name} » est introuvable. Jeux disponibles : {available}."
)
NONE = "aucun"

# guard (tables that would take too long to read)
READ_TOO_SLOW = (
    "Le fichier « {label} » est trop long à lire ici (plus de {seconds} secondes). "
    "Enregistrez seulement la feuille utile, ou un extrait, en CSV, puis réessayez."
)
TOO_MANY_CELLS = (
    "Le fichier « {label} » compte trop de cellules pour être lu ici (limite : {limit}). "
    "Ne gardez que les lignes et colonnes utiles, puis réessayez."
)
