CELLS = [
    ("md", """# Rapport de session

Réservé au formateur. Un clic produit, pour la session :
- un **rapport HTML autonome** (graphiques inclus, aucune ressource externe : il s'ouvre sans
  connexion et s'imprime en PDF) ;
- un **classeur XLSX** avec une feuille par activité : participants, attentes, quiz, chaque
  manche de remue-méninges avec ses votes et ses regroupements, diagnostic, grille de visite,
  table ronde, évaluation et synthèse pour le dossier qualité (Qualiopi, indicateurs 11 et 30).

Cochez « Anonymiser » pour retirer les pseudonymes. En ligne de commande :
`companion report --session CODE --out DOSSIER [--anonymiser]`."""),
    ("code", "import companion"),
    ("code", "store = companion.open_store()\nparametres = companion.page_parameters()"),
    ("code", "companion.ReportPage(store, parametres)"),
]
