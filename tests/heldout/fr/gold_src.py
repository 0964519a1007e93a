"""Held-out gold annotations (written by hand from ANNOTATION.md, blind to the tool).
Run: python3 gold_src.py  -> writes NAME.json next to each NAME.txt."""
import json, pathlib
HERE = pathlib.Path(__file__).parent
SOURCES = json.load(open(HERE / 'sources.meta', encoding='utf-8'))
SEQ_LIC = "LGPL-LR (Lesser General Public License for Linguistic Resources), UD_French-Sequoia LICENSE.txt"
GSD_LIC = "CC BY-SA 4.0, UD_French-GSD LICENSE.txt"

def E(name, type_, *aliases):
    return {"name": name, "type": type_, "aliases": list(aliases)}
def A(type_, content, cue, speaker, entity, occ=None):
    d = {"type": type_, "content": content, "cue": cue, "speaker": speaker, "entity": entity}
    if occ: d["occurrence"] = occ
    return d
def O(content, why, speaker=None, entity=None):
    d = {"content": content, "why": why}
    if speaker is not None or entity is not None:
        d["speaker"] = speaker; d["entity"] = entity
    return d

DOCS = {}

DOCS['er01_securite_voirie'] = dict(
 entities={"maire": E("Le maire (conseil municipal)", "person", "Le maire")},
 attributions=[
  A("indirect", "plusieurs automobilistes ont quitté la chaussée à l'intersection de la RD192 et du chemin rural de la Vaux des Fossés et qu'il convient de modifier le régime de priorité à cet endroit", "a rappelé", "Il", "maire"),
 ],
 optional=[
  O("élaborer le programme d'amélioration de la voirie communale et de la sécurité routière pour l'année 1999", "directive 'a invité les membres du conseil à', no reported content", "Le maire", "maire"),
  O("La pose d'un panneau stop paraît être la formule la mieux adaptée pour assurer la sécurité des usagers", "continuation of the mayor's argument without a cue of its own", None, "maire"),
 ],
 not_quotes=[])

DOCS['er02_espoir_exposition'] = dict(
 entities={"thiriot": E("Roger Thiriot", "person", "Roger Thiriot", "président de l'Association d'insertion des pays de la Saulx et du Perthois")},
 attributions=[
  A("direct", "Tout simplement", "a précisé", "Roger Thiriot", "thiriot"),
  A("direct", "parce que l'histoire du travail industriel est, ici, une longue et vieille histoire. La présence d'une abondante forêt, fournissant l'indispensable combustible, liée à l'existence du minerai de fer exploitable à ciel ouvert, a incité les hommes à créer", "a précisé", "Roger Thiriot", "thiriot"),
  A("mixed", "Cette exposition, comme devait conclure Roger Thiriot, \"n'a d'autre ambition que d'apporter un modeste témoignage sur le passé du tissu économique de la région. Elle se veut aussi message d'espoir en l'avenir\"", "devait conclure", "Roger Thiriot", "thiriot"),
 ],
 optional=[],
 not_quotes=["Cinq siècles d'activité économique de la région d'Ancerville"])

DOCS['er03_ecole_vignot'] = dict(
 entities={
  "dumez": E("M. Dumez, président du conseil général", "person", "M. Dumez", "président du conseil général"),
  "souspref": E("Le sous-préfet", "person", "sous-préfet"),
  "soyer": E("M. Soyer", "person", "M. Soyer"),
  "inspecteur": E("L'inspecteur d'académie", "person", "L'inspecteur d'académie", "l'inspecteur d'académie"),
 },
 attributions=[
  A("mixed", "une \"réalisation apte à l'épanouissement des petits\"", "a parlé", "M. Dumez", "dumez"),
  A("indirect", "le rôle primordial de l'éducation familiale", "rappeler", "M. Dumez", "dumez"),
  A("indirect", "l'espace, les couleurs, le silence d'un tel lieu ne peuvent qu'être un élément d'harmonie dans la vie de la commune", "pense", "Il", "souspref"),
  A("indirect", "d'autres projets seront réalisés dans cet esprit", "espère", "Il", "souspref"),
 ],
 optional=[
  O("l'historique de l'école maternelle, qui existe à Vignot depuis 1972", "speech reported by topic only ('a fait l'historique')", "M. Soyer", "soyer"),
  O("ses remerciements aux collectivités participantes, et en particulier à l'inspecteur d'académie, pour la création, en 1998, d'une cinquième classe et la nomination de deux aides-éducateurs et la mise à disposition à la rentrée 1999 d'un titulaire mobile", "thanks ('a adressé ses remerciements'), speech act without propositional content", "M. Soyer", "soyer"),
  O("la municipalité d'avoir mené à bien son projet en ayant associé les différentes parties intéressées : enseignants, parents, pour la conception des locaux et la qualité des matériaux utilisés", "thanks ('a remercié'), speech act", "L'inspecteur d'académie", "inspecteur"),
  O("l'énergie dépensée pour une telle réalisation", "stance 'il apprécie', no reported proposition", "il", "souspref"),
 ],
 not_quotes=[])

DOCS['er04_batterie_harmonie'] = dict(
 entities={
  "un_demissionnaire": E("Un des démissionnaires (anonyme)", "anonymous", "un des démissionnaires"),
  "demissionnaires": E("Les musiciens démissionnaires de la batterie", "group", "les démissionnaires", "seize membres de la batterie"),
 },
 attributions=[
  A("mixed", "Pour soutenir \"le chef\"", "explique", "un des démissionnaires", "un_demissionnaire"),
  A("direct", "prendre seul les décisions", "accusé de", None, "demissionnaires"),
  A("indirect", "il ne reste plus aujourd'hui que trois clairons et un tambour au sein de la batterie", "Selon", "les démissionnaires", "demissionnaires"),
 ],
 optional=[
  O("seize membres de la batterie", "figure attributed by a parenthetical ('c'est du moins le nombre qu'ils avancent')", "ils", "demissionnaires"),
 ],
 not_quotes=[])

DOCS['er05_lumiere_verdun'] = dict(
 entities={
  "delegues": E("Christian Langlois et Patrice Lanini, délégués CGT des Rapides de la Meuse", "group",
                "M. Christian Langlois et M. Patrice Lanini", "M. Christian Langlois", "M. Patrice Lanini",
                "délégués syndicaux CGT des Rapides de la Meuse", "Ces délégués"),
 },
 attributions=[
  A("indirect", "Expression parue dans la revue n° 33 \"Verdun la vie\" et envoyée à tous les Verdunois, ne correspond pas à la réalité", "soulignent", "M. Christian Langlois et M. Patrice Lanini", "delegues"),
 ],
 optional=[
  O("Verdun, ville de lumière !", "slogan quoted from the municipal magazine (source named in the next sentence), no cue", None, None),
  O("le maire pour avoir pris ses responsabilités en aménageant le parking de la Tour du Champ", "thanks ('remercient'), speech act", "Ces délégués", "delegues"),
  O("leur directeur en fasse tout autant", "expectation ('ils attendent que'), not a speech verb", "ils", "delegues"),
  O("M. le maire et M. le directeur des Rapides, il vous est demandé de régler le problème au plus vite", "the delegates' letter reproduced without marks or cue", None, "delegues"),
 ],
 not_quotes=["Verdun la vie"])

DOCS['er06_atelier_arts'] = dict(
 entities={"richard": E("Dominique Richard", "person", "Dominique Richard", "responsable des animations dans le village")},
 attributions=[
  A("direct", "Ce ne sera pas un cours magistral, mais plutôt un partage de connaissances", "souligne", "Dominique Richard", "richard"),
 ],
 optional=[
  O("l'intérêt des adultes pour ces activités artistiques", "finding of a survey ('L'enquête ... avait mis en évidence')", "L'enquête réalisée par le conseil municipal des jeunes", None),
 ],
 not_quotes=["Arts plastiques", "arts plastiques", "oeuvres"])

DOCS['er07_basket_soleuvre'] = dict(
 entities={"entraineur": E("Franck Renard, entraîneur de l'Effort Basket de Mirecourt", "person", "l'entraîneur", "Franck Renard")},
 attributions=[
  A("direct", "On a montré de très bonnes choses durant la matinée mais physiquement notre jeu s'est affaibli au fur et à mesure du tournoi. On continue à optimiser nos points forts et à travailler nos faiblesses.", None, "l'entraîneur", "entraineur"),
 ],
 optional=[], not_quotes=[])

DOCS['er08_rixe_montbeliard'] = dict(
 entities={
  "appelant": E("Auteur anonyme d'un appel téléphonique", "anonymous", "un appel téléphonique"),
  "temoin": E("Un témoin (anonyme)", "anonymous", "un témoin"),
 },
 attributions=[
  A("indirect", "une rixe est en train de dégénérer, place Ferrer, à Montbéliard", "informant", "un appel téléphonique", "appelant"),
  A("indirect", "un des protagonistes de la rixe a pris la fuite en voiture", "assure", "un témoin", "temoin"),
 ],
 optional=[
  O("le signalement de la voiture", "speech reported by topic only ('donne le signalement')", "Il", "temoin"),
 ],
 not_quotes=[])

DOCS['er09_association_cure'] = dict(
 entities={
  "stefann": E("Luc Stéfann, président de l'Apep", "person", "Luc Stéfann", "le mot du président"),
  "menetrez": E("André Ménétrez, vice-président", "person", "M. Ménétrez", "André Ménétrez", "le vice-président"),
 },
 attributions=[
  A("indirect", "la vocation des bénévoles de l'association : être un soutien pour la paroisse, apporter une petite contribution financière aux travaux grâce aux manifestations et aux dons, accomplir de multiples tâches et démarches touchant aux bâtiment paroissiaux, contribuer à la convivialité entre les paroissiens", "rappelle", "Luc Stéfann", "stefann"),
 ],
 optional=[
  O("un solde financier positif, notamment grâce au succès rencontré par le loto, au don de la section des \"Fourmis\" après leur marché de Noël et à la vente de fleurs à l'occasion de la fête des Mères", "content of a financial report ('le bilan dressé par ... fait apparaître')", "M. Ménétrez", "menetrez"),
 ],
 not_quotes=["Fourmis", "Pérouse amitié"])

DOCS['er10_efi_eponge'] = dict(
 entities={
  "balandier": E("Michel Balandier, directeur d'EFI", "person", "Michel Balandier", "le directeur d'EFI", "le directeur"),
  "groupe_canadien": E("Un groupe canadien (non nommé)", "organization", "un important groupe canadien"),
 },
 attributions=[
  A("direct", "Nous avions bon espoir d'obtenir d'elle un prêt-relais pour acheter les matières premières nécessaires au redémarrage de l'activité, car dans l'usine, les machines sont arrêtées depuis le 14 janvier dernier", "explique", "Michel Balandier", "balandier"),
  A("indirect", "intéressé par la distribution en Europe des plaques numériques mises au point à Baume", "se disait", "un important groupe canadien", "groupe_canadien"),
 ],
 optional=[
  O("elle aurait décidé de jeter l'éponge", "reportative conditional, no stated source", None, None),
  O("Ce prêt aurait permis aussi à la société de lancer sa production de plaques offset en numérique, une technologie qu'elle est parvenue à maîtriser l'an dernier, et qui pouvait la sauver, car elle est très attendue sur le marché", "reportative conditional after the director's quote, no cue of its own", None, "balandier"),
 ],
 not_quotes=["condamnation"])

DOCS['er11_jospin_orphelins'] = dict(
 entities={
  "jospin": E("Lionel Jospin", "person", "Lionel Jospin"),
  "associations": E("Associations d'orphelins protestataires", "group", "des associations qui protestent contre le décret du 13 juillet 2000"),
  "maires_jacquot": E("Maires de la vallée et député Claude Jacquot", "group", "maires de la vallée", "député Claude Jacquot"),
 },
 attributions=[
  A("indirect", "un certain nombre d'actions entreprises par le gouvernement, et plus particulièrement la mise en place du groupe de travail, réuni pour la première fois il y a quelques jours", "rappelle", "Il", "jospin"),
  A("mixed", "la mission de ce groupe est \"de ne pas méconnaître les justes revendications des autres orphelins de victimes du nazisme\" et de \"trouver collectivement la meilleure façon de faire reconnaître par la Nation l'ampleur des souffrances subies\"", "note", "Lionel Jospin", "jospin"),
  A("mixed", "le décret du 13 juillet 2000 qui \"crée bien un dispositif particulier\"", "n'en justifie pas moins", "Il", "jospin"),
  A("direct", "Il m'a été donné de dire à plusieurs reprises combien les persécutions antisémites et les actes qui en ont découlé revêtaient un caractère particulier aux yeux de l'histoire et de la morale", "écrit", "Lionel Jospin", "jospin"),
 ],
 optional=[
  O("le décret du 13 juillet 2000 instituant une indemnité spécifique versée, sous certaines conditions, aux orphelins de déportés juifs", "stance ('qui protestent contre'), no reported proposition", "des associations qui protestent contre le décret du 13 juillet 2000", "associations"),
  O("attirer son attention sur ce dossier", "purpose of a letter ('avaient fait ... un courrier pour'), no content", "député Claude Jacquot", "maires_jacquot"),
 ],
 not_quotes=["le premier ministre", "groupe des onze"])

DOCS['er12_incendie_malveillant'] = dict(
 entities={
  "bourquin": E("Martial Bourquin, maire", "person", "Martial Bourquin", "le maire Martial Bourquin", "le premier magistrat", "Le premier magistrat de la commune"),
  "commissaire": E("Le commissaire central", "person", "le commissaire central"),
 },
 attributions=[
  A("direct", "Si cela continue, je vais ouvrir une salle municipale", "confiait", "le premier magistrat", "bourquin"),
  A("direct", "Si cet incendie est d'origine criminelle, il pourrait s'expliquer par la présence des CRS sur le quartier dans l'après-midi. Une sorte de réaction épidermique par rapport à leur présence", "commentait", "le commissaire central", "commissaire"),
  A("indirect", "un incendie comme celui-ci à une heure plus tardive aurait pu avoir des conséquences beaucoup plus graves", "expliquant", "Le premier magistrat de la commune", "bourquin"),
  A("direct", "Pompiers et policiers effectueront des rondes toute la nuit. Pour éviter une reprise du feu mais aussi pour prévenir des actes malveillants", "constatait", "Martial Bourquin", "bourquin"),
 ],
 optional=[
  O("cette thèse", "stance ('n'écartait pas cette thèse'), refers back to the commissioner's hypothesis", "Le premier magistrat de la commune", "bourquin"),
 ],
 not_quotes=[])

DOCS['er13_cote_ivoire'] = dict(
 entities={
  "france": E("Gouvernement français", "organization", "La France", "Paris"),
  "rivasseau": E("François Rivasseau, porte-parole du Quai d'Orsay", "person", "François Rivasseau", "M. Rivasseau",
                 "le porte-parole du ministère français des Affaires étrangères", "le porte-parole du Quai d'Orsay"),
  "refugies": E("Réfugiés (témoignages)", "group", "des témoignages de réfugiés"),
 },
 attributions=[
  A("indirect", "des violations des droits de l'Homme dans l'ouest de la Côte d'Ivoire", "a dénoncé", "La France", "france"),
  A("mixed", "Paris est \"préoccupé par les violations des droits de l'Homme qui ont été signalées dans l'ouest de la Côte d'Ivoire ces derniers jours\"", "a déclaré", "François Rivasseau", "rivasseau"),
  A("mixed", "l'\"exigence absolue du respect des droits de l'Homme\" pour Paris", "a réaffirmé", "M. Rivasseau", "rivasseau"),
  A("indirect", "exactions, viols, et pillages par des éléments semble-t-il libériens", "font état", "des témoignages de réfugiés", "refugies"),
  A("indirect", "Les travaux de la table ronde ivoirienne suivent le calendrier prévu et pourraient se terminer avant la date butoir du 24 janvier", "a indiqué", "le porte-parole du Quai d'Orsay", "rivasseau"),
 ],
 optional=[], not_quotes=[])

DOCS['er14_zimmermann_parite'] = dict(
 entities={
  "zimmermann": E("Marie-Jo Zimmermann", "person", "Marie-Jo Zimmermann", "Présidente de la Délégation aux droits des femmes de l'Assemblée nationale",
                  "la députée de Moselle", "La députée de Moselle"),
  "constitution": E("Constitution française (article 3)", "organization", "l'article 3 de la Constitution"),
 },
 attributions=[
  A("direct", "Près de trente ans après le combat mené par Françoise Giroud, il est paradoxal de devoir tirer la sonnette d'alarme", "confie", "la députée de Moselle", "zimmermann"),
  A("direct", "La bataille est dure", "reconnaît-elle", "elle", "zimmermann"),
  A("direct", "Pour une région comportant cinq départements, il pourrait y avoir 3 x 5 = 15 hommes en tête", "explique", "Marie-Jo Zimmermann", "zimmermann"),
  A("direct", "la loi favorise l'égal accès des femmes et des hommes aux mandats électoraux et fonctions électives", "dispose", "l'article 3 de la Constitution", "constitution"),
 ],
 optional=[
  O("Si les réformes envisagées par le gouvernement pour les européennes et les régionales sont adoptées telles qu'envisagées, la parité hommes-femmes en politique risque de régresser", "implicit content of her worry ('est inquiète'), no cue", None, "zimmermann"),
  O("le gouvernement et Alain Juppé dès qu'il a été question de revoir les modes de scrutin", "speech act without content ('elle a alerté')", "elle", "zimmermann"),
  O("appliquer une stricte alternance homme-femme dans chacune des sections", "her proposal, presented after 'Seule solution :' without a cue", None, "zimmermann"),
  O("saisir le Conseil constitutionnel si les projets du gouvernement ne respectent pas l'article 3 de la Constitution", "threat/commissive ('menace de')", "La députée de Moselle", "zimmermann"),
 ],
 not_quotes=[])

DOCS['er15_disparue_courcelles'] = dict(
 entities={"jeune_fille": E("La jeune fille disparue", "person", "la jeune fille", "Une jeune fille de 25 ans")},
 attributions=[
  A("indirect", "elle était saine et sauve et qu'elle se trouvait à Lyon", "prévenait", "la jeune fille", "jeune_fille"),
 ],
 optional=[
  O("elle était partie sans prendre soin de mettre des vêtements chauds malgré la rigueur hivernale", "knowledge ('ont-ils appris'), source not stated", None, None),
 ],
 not_quotes=[])

DOCS['er16_jardiniers_france'] = dict(
 entities={"bruneau": E("J.-P. Bruneau, président des Jardiniers de France de Maxéville", "person", "J.-P. Bruneau", "son président")},
 attributions=[
  A("direct", "Cela permet d'échanger, transmettre un savoir et partager une passion", None, "J.-P. Bruneau", "bruneau"),
 ],
 optional=[
  O("ses voeux à la dizaine d'adhérents présents", "speech act without content ('présenter ses voeux')", "J.-P. Bruneau", "bruneau"),
 ],
 not_quotes=[])

DOCS['er17_arturo_corbeau'] = dict(
 entities={"enfants": E("Élèves (petits et moyens) de la classe de Chantal Hetzel", "group", "les petits et moyens de la classe de Chantal Hetzel")},
 attributions=[
  A("direct", "Arturo est un petit corbeau qui s'ennuie. Il décide d'aller visiter le monde. D'abord, il arrive dans un pays où tout est blanc. Il y rencontre deux esquimaux qui ont pêché des poissons mais un ours polaire leur fait peur. Les esquimaux s'enfuient mais Arturo a une idée : il appelle les pingouins qui chassent l'ours en lui lançant des boules de neige. Arturo continue son voyage et se pose en Amérique... puis il bat des ailes et arrive en Afrique où il découvre un lion qui se frotte le ventre. Le grand chef essaie de le chasser en tapant sur un bouclier, mais le lion continue à se frotter le ventre, il n'avait pas faim, il était seulement malade. Arturo et le sorcier soignent le lion et dansent avec les habitants. Arturo a de la chance, il arrive en Chine au moment de la fête de la nouvelle année. Il y voit un énorme dragon mais c'est seulement une grosse marionnette. Arturo décide alors de rentrer chez lui pour raconter à ses amis toutes ses aventures.", "ont rédigé", "les petits et moyens de la classe de Chantal Hetzel", "enfants"),
 ],
 optional=[],
 not_quotes=["Arturo aux quatre coins du monde"])

DOCS['er18_correa_asnl'] = dict(
 entities={
  "correa": E("Pablo Correa", "person", "Pablo Correa", "Pablo", "Correa", "l'Uruguayen", "l'attaquant", "du joueur"),
  "rousselot": E("Jacques Rousselot, président de l'ASNL", "person", "Jacques Rousselot", "M. Rousselot", "le président nancéien"),
 },
 attributions=[
  A("direct", "Le Mans, Valence, Sedan et un quatrième club dont je dois taire le nom, me faisaient des offres intéressantes. J'étais prêt à partir, malgré mon attachement à l'ASNL et à la ville, car à 32 ans, il s'agissait sans doute de ma dernière chance de signer un nouveau contrat", None, "il", "correa"),
  A("direct", "Notre objectif reste le maintien. Je fais donc confiance aux maximum de joueurs qui l'ont atteint cette saison. à mes yeux, ils valent bien ceux que nous pourrions aller chercher ailleurs. Pour conforter l'équipe et grossir l'effectif, nous allons quand même prendre un milieu offensif et un attaquant habitué au côté droit", None, "il", "rousselot"),
  A("direct", "Je ne revendique rien, mais je connais mes qualités, mon envie et je sens que je peux jouer plus que la saison dernière. M. Rousselot a insisté pour me garder et je l'en remercie. Bien sûr, je ne néglige pas l'aspect financier, mais il n'est pas le seul élément que j'ai pris en compte", None, "Pablo Correa", "correa"),
  A("direct", "Dans deux ans, j'aurai peut-être encore envie de jouer", None, "l'Uruguayen", "correa"),
 ],
 optional=[
  O("Pablo à cesser sa carrière pour intégrer le staff technique", "proposal/directive ('invita ... à'), no reported words", "le président nancéien", "rousselot"),
 ],
 not_quotes=[])

DOCS['er19_anniversaires_belot'] = dict(
 entities={"carillon": E("Lucien Carillon", "person", "Lucien Carillon")},
 attributions=[
  A("direct", "J'ai travaillé à l'usine des hameçons à Morvillars, jusqu'au service militaire", "se souvient-il", "il", "carillon"),
 ],
 optional=[],
 not_quotes=["La Charmeuse", "Jeux olympiques inter-établissements"])

DOCS['er20_petit_prince'] = dict(
 entities={"georges": E("Julien Georges, maître de théâtre", "person", "Julien Georges", "maître de théâtre")},
 attributions=[
  A("direct", "Le théâtre doit être léger, populaire. Faire s'exprimer les enfants à travers cette activité, c'est important. J'espère qu'un jour, le théâtre remplacera la télévision.", "souligne", "Julien Georges", "georges"),
 ],
 optional=[],
 not_quotes=["Les contes du chat perché"])

DOCS['er21_eclipse_maxeville'] = dict(
 entities={},
 attributions=[],
 optional=[
  O("le premier astronome français répondait au nom de Messier surnommé \"Le furet des comètes\" par Louis XV", "knowledge gained from an exhibition ('apprend que'), not a speech cue", None, None),
 ],
 not_quotes=["Images du ciel", "Le furet des comètes", "ville, vie, vacances"])

DOCS['er22_enfants_pecheurs'] = dict(
 entities={}, attributions=[], optional=[],
 not_quotes=["La Barisienne", "Sources", "Printemps de l'environnement"])

DOCS['er23_barbecue_bethoncourt'] = dict(
 entities={}, attributions=[], optional=[],
 not_quotes=["réquisitionner"])

DOCS['gsd01_test_sentences'] = dict(
 entities={
  "ong": E("ONG internationale (citée par l'agence de presse sahraouie)", "organization", "l'ONG internationale"),
  "diplomate": E("Diplomate basé au Caire (anonyme)", "anonymous", "un diplomate basé au Caire", "un diplomate"),
  "realisateurs": E("Réalisateurs du film", "group", "réalisateurs du film"),
  "moussavi": E("Mir Hossein Moussavi", "person", "M. Moussavi", "son site internet"),
  "nsimba": E("Charles Mwando Nsimba", "person", "Charles Mwando Nsimba"),
  "straits": E("The Straits Times", "organization", "le Straits Times", "principal quotidien du pays"),
  "mls": E("Major League Soccer", "organization", "la MLS"),
  "moodys": E("Moody's", "organization", "Moody's"),
  "veronique": E("Véronique", "person", "Véronique"),
  "aoun": E("Michel Aoun", "person", "le général Michel Aoun", "Michel Aoun"),
  "dirupo": E("Elio Di Rupo", "person", "M. Di Rupo"),
  "alvarez": E("Nuria Alvarez, analyste chez Renta 4", "person", "Nuria Alvarez", "analyste chez Renta 4"),
  "obama": E("Barack Obama", "person", "Barack Obama"),
  "animateur": E("Animateur passé par Radio Nova", "person", "cet animateur passé par Radio Nova", "cet animateur"),
 },
 attributions=[
  A("direct", "Il a été largement démontré que la population civile du territoire non autonome du Sahara occidental est l'objet de diverses atteintes aux droits humains, comme la détention arbitraire, les coups et les tortures", "écrit", "l'ONG internationale", "ong"),
  A("mixed", "Le président de l'Égypte, Hosni Moubarak, éprouve, selon un diplomate basé au Caire « une haine viscérale pour la République islamique »", "selon", "un diplomate", "diplomate"),
  A("mixed", "ce travail leur a permis d'observer l'état de l'esprit \"courageux, pacifique, mais aussi combatif\" du peuple sahraoui", "ont souligné", "réalisateurs du film", "realisateurs"),
  A("indirect", "Après M. Karoubi, bloqué chez lui depuis jeudi par la police, c'est M. Moussavi qui a vu lundi matin son domicile encerclé et ses téléphones coupés", "selon", "son site internet", "moussavi"),
  A("indirect", "des éléments nouveaux y avaient été introduits", "estimant", "Charles Mwando Nsimba", "nsimba"),
  A("mixed", "Cette élection \"n'est pas seulement la plus disputée depuis l'indépendance, elle est aussi la plus stimulante, avec les citoyens + Facebookant et Tweetant + avec passion, tout en participant en nombre record aux meetings traditionnels\"", "écrit", "le Straits Times", "straits"),
  A("indirect", "Sa moyenne de 0,54 but par match est la meilleure parmi les joueurs ayant disputé au moins 20 matches cette saison", "a indiqué", "la MLS", "mls"),
  A("indirect", "leur note ne devrait pas baisser de plus d'un cran", "estime", "Moody's", "moodys"),
  A("mixed", "On s'était dit : \"Quand on aura un premier pas de fait, on s'éclatera un peu plus\"", "a expliqué", "Véronique", "veronique"),
  A("indirect", "nul n'a parlé de démission", "a affirmé", "il", "aoun"),
  A("direct", "que la raison finira par l'emporter", "a émis l'espoir", "M. Di Rupo", "dirupo"),
  A("direct", "C'est la panique totale sur le marché, et la chute du cours suit le risque souverain", "explique", "Nuria Alvarez", "alvarez"),
  A("indirect", "toutes les plages du golfe du Mexique sont praticables", "affirmant", "Barack Obama", "obama"),
  A("direct", "Il n'y a pas de problème de banlieue et la banlieue, je ne sais pas ce que c'est", "n'a cessé de répéter", "cet animateur", "animateur"),
 ],
 optional=[
  O("un délai supplémentaire avant de répondre aux préoccupations soulevées", "request ('a sollicité'), no reported proposition", "Charles Mwando Nsimba", "nsimba"),
  O("Quand on aura un premier pas de fait, on s'éclatera un peu plus", "inner quote nested in Véronique's statement ('On s'était dit'), speaker 'On'", "On", "veronique"),
 ],
 not_quotes=["ouvertes", "bons intermédiaires", "négocier", "Forum", "expérimentale, avantgardiste et politiquement engagée", "La Camella blanca"])

DOCS['gsd02_dev_sentences'] = dict(
 entities={
  "torres": E("Angel Torres, président de Getafe", "person", "Angel Torres", "Le président du club"),
  "initiateurs": E("Initiateurs du comité", "group", "les initiateurs de ce comité"),
  "certaines_sources": E("Sources non précisées", "anonymous", "certaines sources"),
  "chroniques": E("Chroniqueurs médiévaux", "group", "les chroniques médiévales"),
  "proclamation": E("Auteurs d'une proclamation (1461)", "organization", "une proclamation diffusée une semaine après la bataille", "une proclamation"),
  "lesquen": E("Henry de Lesquen", "person", "Henry de Lesquen"),
  "klm_ingenieur": E("Ingénieur de vol du KLM", "person", "l'ingénieur de vol du KLM"),
  "rapport": E("Auteur du rapport", "organization", "le rapport"),
  "haut_commissariat": E("Haut commissariat en Nouvelle-Calédonie", "organization", "Le Haut commissariat en Nouvelle-Calédonie"),
  "president": E("Le président (non nommé)", "person", "président", "Commentaire du président"),
  "ard": E("ARD (sondage)", "organization", "un sondage réalisé mardi pour la chaîne de télévision publique ARD", "un sondage", "la chaîne de télévision publique ARD"),
  "cette_source": E("Source anonyme", "anonymous", "cette source"),
  "syndique": E("Syndiqué Force Ouvrière (anonyme)", "anonymous", "ce syndiqué Force Ouvrière"),
  "meme_source": E("Source anonyme (même source)", "anonymous", "la même source"),
  "accord": E("Parties à l'accord Repsol–Sinopec", "organization", "les termes de l'accord"),
  "sources_concordantes": E("Sources concordantes (anonymes)", "anonymous", "des sources concordantes"),
  "agents": E("Agents de voyage mauritaniens", "group", "des agents de voyage mauritaniens"),
  "petroliers": E("ExxonMobil, Chevron, ConocoPhillips et Shell", "organization", "Quatre grands groupes pétroliers", "un communiqué commun publié mercredi", "un communiqué commun"),
  "perry": E("Rick Perry", "person", "Rick Perry", "le très conservateur gouverneur du Texas Rick Perry", "Le favori actuel dans les sondages"),
  "artisans": E("Artisans du Monde", "organization", "Le réseau Artisans du Monde", "l'association"),
  "pekin": E("Gouvernement chinois (Pékin)", "organization", "Pékin"),
  "ping": E("Jean Ping", "person", "M. Ping"),
  "benjamin": E("M. Benjamin", "person", "M. Benjamin"),
  "menard": E("M. Ménard", "person", "M. Ménard"),
  "sg_onu": E("Secrétaire général de l'ONU", "person", "Le secrétaire général de l'ONU"),
  "jury": E("Le jury", "organization", "le jury"),
  "china_daily": E("China Daily", "organization", "le China Daily"),
  "sec_etat": E("Le secrétaire d'État", "person", "Le secrétaire d'État"),
  "homme": E("Un homme au téléphone (anonyme)", "anonymous", "Un homme avec un téléphone sans fil à la main", "Un homme"),
  "lebrun": E("Mgr Lebrun", "person", "Mgr Lebrun"),
 },
 attributions=[
  A("mixed", "il espérait que le contrat \"pousse Getafe jusqu'aux sommets de la compétition nationale et européenne\"", "a déclaré", "Angel Torres", "torres"),
  A("indirect", "les historiens ont aussi leur rôle de citoyens à assumer", "Selon", "les initiateurs de ce comité", "initiateurs"),
  A("indirect", "c'est Rigaud qui a rédigé les ouvrages de ce dernier, soit en latin, soit en français", "Selon", "certaines sources", "certaines_sources"),
  A("indirect", "plus de 50 000 soldats des Maisons d'York et de Lancastre se sont combattus ce dimanche des Rameaux pendant plusieurs heures et dans des conditions météorologiques déplorables", "Selon", "les chroniques médiévales", "chroniques"),
  A("indirect", "28 000 hommes ont péri sur le champ de bataille", "rapporte", "une proclamation", "proclamation"),
  A("indirect", "la suppression de l'émission", "a annoncé", "Henry de Lesquen", "lesquen"),
  A("direct", "n'est il pas sorti, le Pan American ?", "en demandant", "l'ingénieur de vol du KLM", "klm_ingenieur"),
  A("indirect", "la sensibilisation des enfants sur les gestes d'hygiène adéquats contribue au changement de comportement de la communauté toute entière", "Selon", "le rapport", "rapport"),
  A("indirect", "Le Haut commissariat en Nouvelle-Calédonie a ordonné l'évacuation de la population du littoral aux îles Loyauté et sur la côte est de la Grande terre, en raison de l'alerte au tsunami consécutif au séisme au Japon", "a-t-il indiqué", "il", "haut_commissariat"),
  A("mixed", "il n'accepte pas « des relations diplomatiques conduites d'une manière aussi irresponsable »", None, "président", "president"),
  A("indirect", "Le baron zu Guttenberg, 39 ans, le plus populaire des ministres de la chancelière Angela Merkel, obtient un indice de satisfaction de 73%", "selon", "un sondage", "ard"),
  A("indirect", "Ces accords portent sur la mobilité des populations, l'accès aux registres d'état-civil et la reconnaissance mutuelle des diplômes universitaires", "a précisé", "cette source", "cette_source"),
  A("direct", "la chute des commandes au Portugal, en Grèce, en Espagne et en Italie explique les difficultés du groupe", "Pour", "ce syndiqué Force Ouvrière", "syndique"),
  A("indirect", "L'accord engendrera une perte financière considérable pour l'UE", "a souligné", "la même source", "meme_source"),
  A("indirect", "Repsol Brasil réalisera une augmentation de capital d'environ 7,1 milliards de dollars intégralement souscrite par Sinopec, qui détiendra ainsi 40% de son capital tandis que Repsol conservera les 60% restants", "Selon", "les termes de l'accord", "accord"),
  A("mixed", "L'enfant de 11 ans renversé jeudi soir par un fourgon de police à Argenteuil (Val d'Oise) et transporté à l'hôpital Necker de Paris, était toujours dans un « état préoccupant » ce vendredi", "selon", "des sources concordantes", "sources_concordantes"),
  A("direct", "L'ambiguïté de cette question est à l'origine de nombreuses confusions et de beaucoup d'embarras chez nos clients", "auraient dit", "des agents de voyage mauritaniens", "agents"),
  A("indirect", "Quatre grands groupes pétroliers, les américains ExxonMobil, Chevron, ConocoPhillips et l'anglo-néerlandais Shell joignent leurs efforts pour préparer un effort de réponse commun aux futures marées noires", "d'après", "un communiqué commun", "petroliers"),
  A("mixed", "gigantesque \"mensonge\" envers les générations futures", "qualifie", "il", "perry"),
  A("direct", "pour permettre aux citoyens, selon les termes de l'association, d'avoir un regard critique sur les dysfonctionnements du commerce international et de devenir acteurs d'une société plus juste", "selon", "l'association", "artisans"),
  A("indirect", "avoir été l'un des 300 cosignataires de la « Charte 08 »", "reproche", "Pékin", "pekin"),
  A("mixed", "l'UA avait entrepris d'organiser des négociations entre le Conseil national de transition à Benghazi et les autorités libyennes à Tripoli \"pour qu'un cessez-le-feu immédiat soit instauré\"", "a précisé", "M. Ping", "ping"),
  A("direct", "Nous apprécions les efforts de l'Algérie dans le domaine de la lutte contre le terrorisme, tant au Maghreb que dans la région du Sahel ou ailleurs et nous en sommes très reconnaissants", "a affirmé", "M. Benjamin", "benjamin"),
  A("mixed", "la nomination de M. Parent sera « bien vue des communautés culturelles », puisqu'il a une sensibilité certaine sur ces questions", "Selon", "M. Ménard", "menard"),
  A("direct", "cesser immédiatement toutes les hostilités contre la population civile", "a également appelé", "Le secrétaire général de l'ONU", "sg_onu"),
  A("direct", "La défense des droits de l'homme est encore plus compliquée et risquée pour les femmes sahraouies qui dans leur rôle fondamental dans le développement de la vie traditionnelle ont été et continuent à être les victimes de graves abus", "a ajouté", "le jury", "jury"),
  A("indirect", "La Chine a adopté une nouvelle mesure pour lutter contre la corruption de ses dirigeants en les obligeant à déclarer revenus, investissements et patrimoines", "a rapporté", "le China Daily", "china_daily"),
  A("indirect", "l'Algérie a demandé l'aide des autorités saoudiennes pour clarifier cette situation", "soulignera", "Le secrétaire d'État", "sec_etat"),
  A("direct", "qu'est ce que tu as ?", "m'a demandé", "il", "homme"),
  A("direct", "deux piliers : la prière avec la Parole et la charité", "insiste", "Mgr Lebrun", "lebrun"),
 ],
 optional=[
  O("elle a été fondée au IIe siècle par l'évêque Patient de Metz, sous le nom de basilique Saint-Jean-Evangeliste", "'Selon la légende': tradition, not an identifiable source", "la légende", None),
  O("il y avait cette année de nombreux programmes très intéressants", "'D'après ce que nous avons compris': first-person inference, no external source", None, None),
  O("ses charges contre la Sécurité sociale (assurance sociale contenant des prestations retraite)", "speech act reported by topic ('a réitéré ses charges')", "Rick Perry", "perry"),
 ],
 not_quotes=["aujourd'hui même", "indépendante", "économique", "Charte 08", "boutique dans la boutique"])


def main():
    for name, d in DOCS.items():
        src = SOURCES[name]
        if name.startswith('er'):
            meta = {"source": src + " (L'Est Républicain)", "license": SEQ_LIC, "date": None, "outlet": "L'Est Républicain"}
        else:
            meta = {"source": src + " (isolated sentences; GSD order is shuffled, so no consecutive article can be rebuilt)",
                    "license": GSD_LIC, "date": None, "outlet": None}
        out = {"id": "heldout-" + name, "lang": "fr", "text": name + ".txt", "meta": meta,
               "entities": d["entities"], "attributions": d["attributions"],
               "optional": d["optional"], "not_quotes": d["not_quotes"]}
        (HERE / (name + '.json')).write_text(json.dumps(out, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    print(len(DOCS), 'files written')

if __name__ == '__main__':
    main()
