"""French strings of the join page (``/companion/rejoindre``): one address for the room."""

from __future__ import annotations

TITLE = "Rejoindre la formation"
INTRO = ("Saisissez le code de la session affiché au tableau. Vous arriverez sur l'activité que "
         "le formateur a ouverte, et votre page la suivra quand il passera à la suivante.")
CODE = "Code de la session"
CODE_HINT = "6 lettres ou chiffres, par exemple K7M2QX"
PSEUDONYM = "Pseudonyme (facultatif)"
PSEUDONYM_HINT = "Vide : vous restez anonyme."
GROUP = "Votre sous-groupe"
GROUP_CHOOSE = "— choisissez votre sous-groupe —"
GROUP_NONE = "Pas encore de sous-groupe"
GROUP_HELP = "Le formateur a formé des sous-groupes : choisissez le vôtre."
SUBMIT = "Rejoindre"
SESSION = "Session : {title} ({code})"
OTHER_CODE = "Ce n'est pas ma session : saisir un autre code"
CODE_MISSING = "Saisissez le code de la session (il est affiché au tableau)."
CODE_UNKNOWN = ("Aucune session ne porte le code « {code} ». Vérifiez le code affiché au "
                "tableau.")
GROUP_UNKNOWN = "Le sous-groupe « {group} » n'existe pas dans cette session."
GROUP_MISSING = "Choisissez votre sous-groupe."
STORE_DOWN = ("La base de la formation ne répond pas pour l'instant : réessayez dans un moment, "
              "ou prévenez le formateur.")
