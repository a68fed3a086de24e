"""French messages about the course content files (``data/*.toml``) a trainer adapts."""

from __future__ import annotations

# Locating an entry: « Fichier de contenu « cours.toml », manche n° 2 (« Leviers ») : … ».
FILE_PROBLEM = "Fichier de contenu « {name} », {where} : {problem}."
FILE_MISSING = "Fichier de contenu introuvable : « {path} »."
FILE_MALFORMED = "Fichier de contenu « {name} » mal formé : {error}."
NO_ENTRY = "Fichier de contenu « {name} » : aucune entrée « [[{key}]] »."
ENTRY_WHERE = "{label} n° {number}"
ENTRY_NAMED = "{where} (« {name} »)"
DUPLICATE_ID = "Fichier de contenu « {name} » : deux {label}s portent l'identifiant « {id} »."
SECTION_MISSING = "Fichier de contenu « {name} » : la section [{key}] manque."
WHERE_HEADER = "en-tête"
WHERE_SECTION = "section [{key}]"

# Problems with a field
TABLE_EXPECTED = "une table TOML est attendue"
FIELD_MISSING = "le champ « {key} » manque"
FIELD_INVALID = "le champ « {key} » a une valeur invalide ({value!r})"
FIELD_EMPTY = "le champ « {key} » est vide"
FIELD_NOT_TEXTS = "le champ « {key} » doit être une liste de textes non vides"
FIELD_NOT_CLOCK = "le champ « {key} » doit être une heure « HH:MM » (trouvé « {value} »)"
LIST_EMPTY = "la liste « {key} » est vide"
LIST_DUPLICATE = "« {value} » figure deux fois dans la liste « {key} »"

# The programme and the workshops (programme.toml, cours.toml, diagnostic.toml)
LABEL_SEQUENCE = "séquence"
LABEL_ROUND = "manche"
LABEL_VISIT_ITEM = "item de la grille de visite"
WHERE_ICEBREAKER = "section [brise_glace]"
BAD_DAY = "le champ « jour » doit valoir 1 ou 2 (trouvé {day})"
END_BEFORE_START = "l'heure de fin doit suivre l'heure de début"
UNKNOWN_KIND = "type « {kind} » inconnu (attendu : {known})"
BAD_OBJECTIVES = "« objectifs » doit lister des numéros de 1 à {count}"
UNKNOWN_LINK = ("Fichier de contenu « {name} », manche « {round} » : « relie_a » désigne une "
                "manche inconnue (« {target} »).")
BAD_SCALE = "l'échelle de notes {low}–{high} est invalide (de 0 à 10, min < max)"
