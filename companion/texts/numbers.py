"""French strings of number fields (a decimal comma, thousands spaces, a range)."""

from __future__ import annotations

NOT_A_NUMBER = ("« {field} » : « {text} » n'est pas un nombre. Saisissez par exemple 0,3 "
                "ou 1 234,5.")
EMPTY = "« {field} » : saisissez un nombre (par exemple 0,3 ou 1 234,5)."
OUT_OF_RANGE = "« {field} » doit être compris entre {low} et {high} (vous avez saisi {value})."
TOO_LOW = "« {field} » doit être au moins {low} (vous avez saisi {value})."
TOO_HIGH = "« {field} » doit être au plus {high} (vous avez saisi {value})."
