"""French strings of the trainer actions that ask for confirmation."""

from __future__ import annotations

CONFIRM = "Confirmer"
CANCEL = "Annuler"
REOPEN_ROUND = ("La manche « {title} » est close : la passer en « {phase} » rouvre la manche "
                "(les participants pourront de nouveau {what}). Confirmer ?")
REOPEN_WRITE = "écrire et modifier leurs idées"
REOPEN_VOTE = "voter"
REOPEN_OTHER = "voir la manche changer"
REMOVE_PARTICIPANT = ("Retirer l'inscription de « {name} » ? Ses contributions restent, "
                      "archivées, et le retrait est noté au journal.")
