"""French strings of the ``companion`` command line."""

from __future__ import annotations

DESCRIPTION = "Compagnon du module « ESS dans les quartiers » : tableau de bord de la formation."
SERVE_HELP = "démarrer le tableau de bord (Voilà) sur les carnets du cours"
PORT_HELP = "port d'écoute (défaut : 8866)"
LAN_HELP = "ouvrir au réseau de la salle (sinon 127.0.0.1 seulement) et afficher le QR code"
STORE_HELP = "base de données : chemin d'un fichier SQLite ou URL (postgresql+psycopg://…)"
SESSION_HELP = "code de la session à servir (créée si elle n'existe pas)"
TRAINER_CODE_HELP = "code formateur (sinon $COMPANION_TRAINER_CODE, sinon tiré au hasard)"
POOL_HELP = (
    "noyaux préchauffés par carnet ouvert en direct (moitié moins pour les carnets secondaires) ;"
    " sans cette option, calculés d'après le programme, l'heure, les inscrits et la mémoire libre ;"
    " 0 pour n'en préchauffer aucun"
)
POOLS_PLANNED = "Pages préchauffées : {pools}"
POOLS_NONE = "Pages préchauffées : aucune (mémoire libre insuffisante ou formation terminée)"
PAGES_PER_DEVICE_HELP = ("pages qu'un même appareil de la salle peut tenir ouvertes à la fois "
                         "(défaut : 6 ; l'ordinateur du formateur n'est pas limité)")
REPLAN_HELP = ("secondes entre deux recalculs des pages préchauffées d'après le programme, "
               "l'heure et les inscrits (défaut : 60 ; sans effet avec --pool)")
CULL_HELP = "secondes d'inactivité avant l'arrêt d'un noyau abandonné (défaut : 1200)"
HOST_HELP = ("adresse de cet ordinateur à donner aux stagiaires (ex. 192.168.1.20), si celle "
             "trouvée par --lan ne convient pas ; ouvre aussi au réseau de la salle")
LAN_JOIN = "Adresse à donner aux stagiaires : {url}"
STORE_AT = "Base : {url}"
STOP_HINT = "Ctrl+C pour arrêter le serveur."
NOTEBOOKS_HELP = "dossier des carnets à servir (défaut : notebooks/ du compagnon)"
NOTEBOOKS_COPY_HELP = "copier les carnets du cours dans un dossier, pour les ouvrir dans JupyterLab"
NOTEBOOKS_DEST_HELP = "dossier où copier les carnets (créé au besoin)"
NOTEBOOKS_COPIED = (
    "{count} carnet(s) copié(s) dans {dest} ; {kept} déjà présent(s), laissé(s) tels quels."
)
SERVE_URL = "URL : {url}"
SERVE_SESSION = "Session : {session}"
SERVE_TRAINER_CODE = "Code formateur : {code}"
POOL_ITEM = "{name} × {size}"
ERROR = "Erreur : {detail}"
CELL_ERROR = (
    "La page n'a pas pu s'afficher entièrement ; le message ci-dessus en donne la raison. "
    "Le détail technique est dans la console du serveur."
)
