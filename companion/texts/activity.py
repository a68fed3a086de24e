"""French strings of the activity the trainer opens for the room."""

from __future__ import annotations

OPENED_ELSEWHERE = "Le formateur a ouvert : {title}"
GO = "Y aller"
SEND_ROOM_HERE = "Envoyer la salle sur cette page"
ROOM_SENT = "La salle est invitée sur cette page : chaque participant voit un lien pour y venir."
