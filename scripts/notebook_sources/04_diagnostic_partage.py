CELLS = [
    ("md", """# Diagnostic participatif partagé

**Jour 1, 15h45–17h00 — échanges avec le groupe, apports généraux et préparation de la visite
de site.** Objectifs du module : *comprendre le terrain, ses enjeux et établir un diagnostic
participatif partagé* ; *coconstruire avec l'ensemble des acteurs les modalités de déploiement
alternatif (habitants, bailleurs, collectivité, associations et partenaires économiques, acteurs
du réseau local emploi formation et du développement local…)*.

<details class="cp-more"><summary>En savoir plus</summary>

Cette page réunit quatre outils, remplis en direct par les sous-groupes :

- la **grille AFOM** : *Atouts* (interne, positif), *Faiblesses* (interne, négatif),
  *Opportunités* (externe, positif), *Menaces* (externe, négatif). Chaque constat cite sa
  source : donnée statistique, parole d'habitant, acteur institutionnel ou observation de
  terrain. Le formateur valide les constats en plénière, les reformule ou les fusionne ; les
  idées du remue-méninges peuvent y être versées en gardant leur origine ;
- la **cartographie des acteurs** : pour chaque acteur, son pouvoir (influence) et son intérêt
  de 1 à 5, son attitude et son rôle à chaque étape de la coconstruction. La grille range les
  acteurs en quatre groupes : *surveiller*, *tenir informé*, *satisfaire*, *associer
  étroitement*. Les catégories sans aucun acteur sont signalées : qui manque autour de la table ?
- la **grille besoins / réponses** : besoin social, public concerné, source, réponse existante,
  porteur, écart, activité ESS possible, modèle économique (marché, subvention, mixte),
  partenaires ;
- les **chiffres clés du quartier** (INSEE / SIG Ville) : population, taux de pauvreté, revenu
  médian, taux d'emploi, demandeurs d'emploi, allocataires de la CAF, chacun avec son millésime
  et sa source, et la valeur de la commune quand le fichier la donne.

*Après la formation :* ouverte dans JupyterLab sans formateur, la page fonctionne pour votre
propre territoire (session personnelle « TERRITOIRE ») ; l'espace du bas exporte tout en Excel
ou en JSON et réimporte ces fichiers.

</details>"""),
    ('code', 'import companion\n\ncompanion.warm_up()'),
    ('code', '# Ouverture de la base de la formation.\nstore = companion.open_store()'),
    ("md", """## Grille AFOM, acteurs, besoins et chiffres du territoire"""),
    ('code', 'diagnostic = companion.DiagnosisPage(store)\ndiagnostic'),
    ('code', "# La session et le sous-groupe indiqués dans l'adresse de la page (`?session=CODE&groupe=NOM`)\n# sont pris en compte à l'ouverture.\ndiagnostic.apply_query(companion.page_parameters())"),
]
