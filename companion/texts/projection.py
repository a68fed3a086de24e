"""French strings of the projection view: the room's screen, read from the back of the room."""

from __future__ import annotations

OPEN_PROJECTION = "Ouvrir la vue projection"
CODE_LABEL = "Code de session"
JOIN_SHORT = "Pour rejoindre : {url}"
SCAN = "Scannez pour rejoindre"
ACTIVITY_NOW = "En cours : {title}"

TIMER_ENDS = "fin à {time}"
VOTERS = "{voters} / {registered} ont voté"
VOTERS_ALONE = "{voters} votant(s)"
IDEAS_TOTAL = "{count} idée(s)"
IDEAS_PER_GROUP = "Idées par sous-groupe :"
GROUP_IDEAS = "{group} : {count}"
PRIVATE_WRITING = "Écriture privée : les idées s'afficheront à la mise en commun."
NOT_STARTED = "La manche n'a pas encore commencé."
RESULTS_TITLE = "Résultats du vote"
NO_VOTE = "Aucun vote exprimé."
MORE_IDEAS = "… et {count} autre(s) idée(s)"

ANSWERED_MARK = "répondue"

SOUND_ON = "Activer le signal sonore"
SOUND_ACTIVE = "Signal sonore activé"
SOUND_HELP = ("Un clic sur ce bouton autorise le navigateur de la salle à jouer le signal de fin "
              "du minuteur.")
