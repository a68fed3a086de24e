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
