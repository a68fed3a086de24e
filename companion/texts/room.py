"""French strings the server itself shows: lost connection, too many pages, a page on its way."""

from __future__ import annotations

CONNECTION_LOST = ("Connexion perdue avec le serveur : ce qui s'affiche n'est plus à jour et vos "
                   "clics ne sont plus enregistrés. Copiez un texte en cours si besoin, puis "
                   "rechargez la page.")
PAGE_RESTARTED = ("La page a été redémarrée par le serveur : rechargez-la pour retrouver vos "
                  "contributions (elles sont enregistrées).")
RELOAD = "Recharger la page"
TOO_MANY_TITLE = "Trop de pages ouvertes"
TOO_MANY_CLIENT = ("Cet appareil a déjà {count} pages du cours ouvertes. Fermez les onglets dont "
                   "vous n'avez plus besoin, puis rechargez cette page.")
ARRIVING_TITLE = "La page arrive…"
ARRIVING = ("Beaucoup de participants ouvrent une page en même temps. La vôtre s'affichera "
            "d'elle-même dans quelques secondes ; inutile de recharger.")
PAGE_LOADING = "Ouverture de la page…"
PAGE_LOADING_STEP = "Préparation de la page ({index} / {count})…"
UPLOAD_TOO_BIG = (
    "Le fichier {names} est trop volumineux pour être envoyé ({size} ; limite de cette page : "
    "{limit}). Il n'a pas été envoyé : ne gardez que les lignes et colonnes utiles (ou "
    "enregistrez un extrait en CSV), puis réessayez."
)
UPLOAD_TOO_BIG_MANY = (
    "Les fichiers {names} sont trop volumineux pour être envoyés ensemble ({size} ; limite de "
    "cette page : {limit}). Rien n'a été envoyé : envoyez-les un par un, ou allégez-les."
)
UPLOAD_FILE_NAME = "«\u00a0{name}\u00a0»"
UPLOAD_MEGABYTES = "{value}\u00a0Mo"
