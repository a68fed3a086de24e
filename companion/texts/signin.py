"""French strings of the trainer's sign-in page (``/companion/formateur``)."""

from __future__ import annotations

TITLE = "Espace formateur"
INTRO = ("Saisissez le code formateur une fois : ce navigateur reste formateur sur toutes les "
         "pages du cours jusqu'à demain, ou jusqu'à ce que vous vous déconnectiez.")
CODE_LABEL = "Code formateur"
SIGN_IN = "Se connecter pour la journée"
SIGNED_IN = "Ce navigateur est connecté comme formateur."
SIGN_OUT = "Se déconnecter"
SIGNED_OUT = "Vous êtes déconnecté : ce navigateur n'est plus formateur."
WRONG_CODE = "Code formateur incorrect."
WAIT = "Trop d'essais : patientez {seconds} secondes avant de réessayer."
NO_IDENTITY = ("Ce navigateur n'a pas encore d'identité sur le serveur (première visite) : "
               "le formulaire ci-dessous vient de la lui donner, réessayez.")
BACK = "Retour à la page du cours"
GATE_SIGN_IN_LINK = "Se connecter une fois pour la journée"
GATE_SIGNED_IN = "Connecté comme formateur pour la journée."
