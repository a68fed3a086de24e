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
HTTPS_HELP = ("chiffrer les échanges (HTTPS) avec un certificat auto-signé créé une fois dans le "
              "dossier de données du compagnon ; les navigateurs affichent un avertissement à la "
              "première visite (voir le README)")
CERTFILE_HELP = ("certificat fourni (fichier PEM, ex. celui du réseau de l'établissement) : "
                 "HTTPS avec ce certificat au lieu de l'auto-signé")
KEYFILE_HELP = "clé privée du certificat --certfile (fichier PEM), si elle n'est pas dedans"
HTTPS_SELF_SIGNED = ("HTTPS : certificat auto-signé {path}\n"
                     "  empreinte SHA-256 (à comparer à celle que montre le navigateur) : "
                     "{fingerprint}")
HTTPS_PROVIDED = "HTTPS : certificat fourni {path} (empreinte SHA-256 : {fingerprint})"
HTTPS_KEY_WITHOUT_CERT = "--keyfile demande aussi --certfile (le certificat de cette clé)."
HTTPS_NO_OPENSSL = ("La commande « openssl » est introuvable : installez-la (paquet openssl) pour "
                    "créer le certificat de --https, ou donnez un certificat avec --certfile.")
HTTPS_OPENSSL_FAILED = "Le certificat HTTPS n'a pas pu être créé (openssl : {detail})."
HTTPS_BAD_CERTIFICATE = ("Certificat HTTPS illisible ou clé qui ne lui correspond pas "
                         "(certificat : {certfile} ; clé : {keyfile}) : {detail}")
