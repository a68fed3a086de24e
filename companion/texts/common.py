"""French strings shared by every page: roles, store, generic validation messages."""

from __future__ import annotations

# Trainer gate
TRAINER_CODE_PLACEHOLDER = "Code formateur"
TRAINER_UNLOCK = "Déverrouiller"
TRAINER_UNLOCKED = "Espace formateur déverrouillé."
TRAINER_WRONG_CODE = "Code formateur incorrect."
TRAINER_NO_CODE = (
    "Mode autonome : aucun code formateur n'est configuré sur ce poste, "
    "les actions d'animation sont ouvertes."
)
TRAINER_REQUIRED = "Cette action est réservée au formateur : saisissez le code formateur."
TRAINER_PANEL_TITLE = "Espace formateur"

# Generic input validation
EMPTY_TEXT = "Le texte est vide : écrivez quelque chose avant d'envoyer."
TOO_LONG = "Le texte est trop long ({length} caractères, {limit} au maximum)."
SAVED = "Enregistré."
NO_SESSION = (
    "Aucune session de formation n'est active. Le formateur doit en créer une (espace formateur)."
)
ARCHIVED_SESSION = (
    "La session « {code} » est archivée : elle ne reçoit plus de contributions. "
    "Utilisez le lien ou le code donné aujourd'hui par le formateur."
)
UNKNOWN_SESSION = "La session « {code} » n'existe pas. Vérifiez le code donné par le formateur."
UNEXPECTED = "Une erreur inattendue est survenue ; votre saisie précédente est conservée. ({kind})"

# Store — what a participant reads (no path, no address, no driver text) …
STORE_NOT_DATABASE_SHORT = (
    "La base de données n'est pas une base du compagnon : rien ne peut être enregistré. "
    "Prévenez le formateur."
)
STORE_READ_ONLY_SHORT = (
    "La base de données est en lecture seule : rien ne peut être enregistré pour le moment. "
    "Prévenez le formateur."
)
STORE_TOO_RECENT_SHORT = (
    "La base de données vient d'une version plus récente du compagnon. Prévenez le formateur."
)
STORE_UNREACHABLE_SHORT = (
    "La base de données est momentanément injoignable : réessayez dans un instant (ce qui "
    "était déjà enregistré n'est pas perdu). Prévenez le formateur si cela dure."
)
STORE_FULL_SHORT = (
    "Le disque de l'ordinateur du formateur est plein : rien ne peut être enregistré. "
    "Prévenez le formateur (ce qui était déjà enregistré n'est pas perdu)."
)
STORE_REFUSED_SHORT = (
    "L'enregistrement a été refusé par la base de données ; ce qui était déjà enregistré "
    "n'est pas perdu. Réessayez, ou prévenez le formateur."
)
# … and what the trainer's console and the server log get
STORE_FULL = "La base « {path} » ne peut plus grandir (disque plein) : {reason}"
STORE_REFUSED = "La base « {path} » a refusé l'écriture : {reason}"
STORE_NOT_DATABASE = "Le fichier « {path} » n'est pas une base du compagnon (fichier illisible)."
STORE_READ_ONLY = (
    "La base « {path} » est en lecture seule : impossible d'enregistrer. "
    "Vérifiez les droits du fichier ou choisissez un autre emplacement (--store)."
)
STORE_TOO_RECENT = (
    "La base « {path} » a été créée par une version plus récente du compagnon "
    "(schéma {found}, cette version connaît le schéma {known}). Mettez le compagnon à jour."
)
STORE_UNREACHABLE = "Impossible d'ouvrir la base « {path} » : {reason}"
UNKNOWN_RECORD = "Élément introuvable (identifiant {uid})."
UNKNOWN_PARTICIPANT = "Participant introuvable (identifiant {pid})."
STALE_RECORD = (
    "Cet élément a été modifié entre-temps par quelqu'un d'autre : rechargez et recommencez."
)
DUPLICATE_SESSION = "Une session de code « {code} » existe déjà."
INVALID_SESSION_CODE = (
    "Code de session invalide « {code} » : 3 à 12 lettres majuscules ou chiffres."
)

# Live refresh
LIVE_PAUSED = "Actualisation en pause (inactivité). Cliquez sur « Reprendre » pour la relancer."
LIVE_RESUME = "Reprendre"

FIELD_EMPTY = "« {field} » est vide : complétez-le avant d'envoyer."

# Tables and the programme timeline
CELL_MISSING = "—"
YES, NO = "oui", "non"
TIMELINE_LABEL = "Programme"
SHEET_DEFAULT = "Feuille"

# Session backup
BACKUP_UNKNOWN_SESSION = "La session « {code} » n'existe pas."
BACKUP_UNKNOWN_FORMAT = "format inconnu"
