"""Annotation source for held-out set 2: writes every NAME.json."""
import json, pathlib
HERE = pathlib.Path(__file__).parent
SRC = json.load(open(HERE / 'scratch' / 'sources.json', encoding='utf-8'))
SEQ_LIC = "LGPL-LR (Lesser General Public License for Linguistic Resources), UD_French-Sequoia LICENSE.txt"
GSD_LIC = "CC BY-SA 4.0, UD_French-GSD LICENSE.txt"

def E(name, type_, *aliases): return {"name": name, "type": type_, "aliases": list(aliases)}
def A(type_, content, cue, speaker, entity, **kw):
    d = {"type": type_, "content": content, "cue": cue, "speaker": speaker, "entity": entity}; d.update(kw); return d
def O(content, why, speaker=None, entity=None):
    return {"content": content, "why": why, "speaker": speaker, "entity": entity}

G = {}

G['er24_saint_honore'] = dict(
 entities={"honore": E("saint Honoré", "person", "saint Honoré", "ce jeune homme dissipé"),
           "boulangere": E("La boulangère (boulangerie Leroy)", "person", "la boulangère")},
 attributions=[A("indirect", "il voulait se faire prêtre", "annonçant", "ce jeune homme dissipé", "honore")],
 optional=[O("l'histoire de saint Honoré", "speech act reported by topic ('conter l'histoire')", "la boulangère", "boulangere")],
 not_quotes=[])

G['er25_conseil_municipal'] = dict(
 entities={"manet": E("Claude Manet, maire", "person", "Claude Manet"),
           "commissaire": E("Commissaire enquêteur", "person", "commissaire enquêteur"),
           "viticulteur": E("Un viticulteur", "anonymous", "Un viticulteur"),
           "promoteur": E("Le promoteur", "organization", "le promoteur")},
 attributions=[A("indirect", "des conclusions du commissaire enquêteur suite à l'enquête publique qui a eu lieu pour les travaux de la rue du Château", "a fait part", "Claude Manet", "manet")],
 optional=[O("Elles sont favorables au projet", "content of the commissioner's conclusions, no cue", None, "commissaire"),
           O("la superficie soit portée de 1.000 à 1.500 m2", "request ('souhaite que')", "Un viticulteur", "viticulteur"),
           O("la voirie restera en l'état pour le moment", "'étant précisé que' with no explicit source", None, None)],
 not_quotes=[])

G['er26_petits_tigres'] = dict(entities={}, attributions=[], optional=[],
 not_quotes=["Petits Tigres", "les Petits Tigres"])

G['er27_aviculture_belfort'] = dict(entities={}, attributions=[],
 optional=[O("l'un de ses champions fut de loin le meilleur sur 500 kilomètres lors d'un retour d'Evreux et de Bayeux", "memory ('n'ont pas oublié que'), not a statement", "les spécialistes", None)],
 not_quotes=["Jo"])

G['gsd03_test_sentences'] = dict(
 entities={
  "lui19": E("Locuteur non nommé (selon lui)", "person"),
  "ils27": E("Opposants à Wade (non nommés)", "group"),
  "il56": E("Locuteur non nommé (rencontre d'Assise)", "person"),
  "il81": E("Locuteur non nommé (protectorat)", "person"),
  "il83": E("Locuteur non nommé (indépendantistes)", "person"),
  "unDeux": E("L'un d'eux (grévistes)", "anonymous", "l'un d'eux"),
  "attaquant": E("L'attaquant du Bayern Munich", "person", "L'attaquant du Bayern Munich"),
  "il147": E("Locuteur non nommé (éclairage au kérosène)", "person"),
  "elle156": E("Locutrice non nommée (match parfait)", "person"),
  "temoins": E("Témoins (Bahreïn)", "group", "ces témoins"),
  "elle186": E("Usagère non nommée (horaires)", "anonymous"),
  "il187": E("Postulant à la succession de Franck Azéma", "person", "un postulant sérieux à la succession de Franck Azéma"),
  "ils240": E("Interlocuteurs (garage)", "group"),
  "ils277": E("Personnel de l'hôtel (non nommé)", "group"),
  "independant": E("L'Indépendant", "organization", "L'Indépendant"),
 },
 attributions=[
  A("mixed", "cette période sera mise à profit pour étudier les conséquences de l'accord sur les ressources de poisson, \"ainsi que l'impact régional\" des fonds versés par l'Union européenne, sur la base notamment des informations fournies par les autorités marocaines", "Selon", "lui", "lui19"),
  A("indirect", "le premier mandat de Wade ne rentre pas sous le nouveau texte constitutionnel et, pour autant, ne compte pas dans l'application de la nouvelle loi", "affirment", "ils", "ils27"),
  A("direct", "Je comprends très bien votre préoccupation par rapport à ma participation à la rencontre d'Assise", None, "Il", "il56"),
  A("direct", "le Maroc est sous protectorat français", "estimant", "il", "il81"),
  A("direct", "avant, le Maroc pensait que les indépendantistes étaient tout au mieux un 5%, les militants, mais quand on nous a vus tous unis, main dans la main, on n'en revenait pas", "poursuit-il", "il", "il83"),
  A("direct", "Mais nous ne bougeront pas tant que nos revendications n'auront pas été acceptées", "a assuré", "l'un d'eux", "unDeux"),
  A("indirect", "le livre soit retiré de la vente", "demande", "L'attaquant du Bayern Munich", "attaquant"),
  A("indirect", "nous avons appliqué ce concept en Afrique après avoir constaté le caractère désastreux du système d'éclairage au kérosène", "a-t-il indiqué", "il", "il147"),
  A("mixed", "l'obligation de faire \"un match parfait pour se qualifier\"", "a affirmé", "Elle", "elle156"),
  A("indirect", "Plus de 20 personnes ont en outre été blessées, dont une grièvement, lors d'affrontements survenus dans des villages chiites des environs de la capitale, Manama", "selon", "ces témoins", "temoins"),
  A("direct", "Les changements d'horaire, c'est plutôt une bonne chose pour moi, je gagne deux minutes sur mon temps d'attente", "sourit-elle", "elle", "elle186"),
  A("direct", "Il y a bien de la fumée, mais c'est sans feu !", "souligne", "il", "il187"),
  A("indirect", "c'est un système de sécurité quand tu tournes le volant au maximum", "m'ont dit", "Ils", "ils240"),
  A("indirect", "ils ont internet gratuit", "disent", "ils", "ils277"),
  A("direct", "Il me l'a dit à la Haye", None, None, None),
  A("direct", "Maintenant, si des supporters veulent aider le club au travers d'une souscription pour faire revenir Djibril à l'AJA, qu'ils nous le fassent savoir.", None, None, None),
  A("direct", "J'ai senti, au cours de mon déplacement à Prague, que les Tchèques étaient probablement les plus ouverts", None, None, None),
  A("direct", "Les problèmes des Etats très endettés sont bien réels, mais ils se limitent selon nous aux frontières de l'Europe, et concernent moins le reste du monde.", None, None, None),
  A("direct", "Oui on le sait, mais je dirai qu'il la faut", None, None, None),
 ],
 optional=[
  O("En 2004", "first fragment of the cue-interrupted unquoted statement ('En 2004, a-t-il indiqué, nous…')", "il", "il147"),
  O("la position de la France au Conseil de sécurité de l'ONU, en opposant son Veto à l'élargissement des missions de la Minurso pour englober la surveillance et le contrôle des droits de l'homme dans les territoires sahraouis", "speech act reported by topic ('a rappelé la position')", "il", "il81"),
  O("nous vous avons accueilli longtemps, il est temps de nous rendre nos bienfaits", "journalist's paraphrase of an implicit message ('Le message … est clair :')", "Le message", None),
  O("comme un postulant sérieux à la succession de Franck Azéma qui s'apprête à rejoindre Clermont au terme de l'exercice actuel", "reported by a newspaper ('Annoncé … dans les colonnes de L'Indépendant'), participial", "L'Indépendant", "independant"),
  O("on change pas une équipe qui gagne", "proverb ('comme on dit'), no source", "on", None),
 ],
 not_quotes=["décentrement du Sujet", "risques externes", "La Ligue des Justiciers : La Nouvelle Génération", "colons", "indigènes", "le prophète de l'Amérique", "peuple", "d'être contre"])

G['gsd04_dev_sentences'] = dict(
 entities={
  "elle148": E("Locutrice non nommée (immigration clandestine)", "person"),
  "sayah": E("Abdelmalek Sayah", "person", "Abdelmalek Sayah", "directeur général de l'Office national de lutte contre la drogue et la toxicomanie (ONLCDT)"),
  "berkeley": E("George Berkeley", "person", "George Berkeley", "Berkeley"),
  "il264": E("Critique du plan marocain (non nommé)", "person"),
  "gruman": E("Raphael Gruman", "person", "Raphael Gruman", "Raphael Gruman de la société Dietatwork"),
  "stan": E("Stan", "person", "Stan"),
  "grimm": E("Grimm", "person", "Grimm"),
  "alan": E("Alan", "person", "Alan"),
  "sos": E("SOS homophobie", "organization", "SOS homophobie", "l'association", "un communiqué"),
  "il616": E("Défunt non nommé", "person"),
  "jean": E("Le roi Jean", "person", "le roi Jean"),
  "ncal": E("Les Nouvelles Calédoniennes", "organization", "Les Nouvelles Calédoniennes"),
  "onu": E("Nations unies", "organization", "les Nations unies"),
  "hostiles": E("Les plus hostiles au staretz", "group", "les plus hostiles au staretz"),
  "medecins": E("Les médecins", "group", "Les médecins"),
  "president": E("Un Président à mortier", "anonymous", "un Président à mortier"),
  "duc": E("Le Duc (Thésée)", "person", "le Duc"),
 },
 attributions=[
  A("direct", "s'attaquer à l'immigration clandestine, c'est aussi s'attaquer à la misère humaine", "Pour", "elle", "elle148"),
  A("direct", "Cela a été confirmé avec les services de sécurité de ces pays", "a déclaré", "Abdelmalek Sayah", "sayah"),
  A("indirect", "la matière n'existait pas mais semblait seulement exister", "affirmait", "Berkeley", "berkeley"),
  A("mixed", "une autonomie devrait donner davantage aux Sahraouis que le droit de « collecter leurs propres ordures ménagères (...)", "soulignant", "Il", "il264"),
  A("direct", "Ces services permettent aux employés de se sentir plus concernés par leur travail et donc plus productifs", "explique", "Raphael Gruman", "gruman"),
  A("mixed", "avoir été influencé par cette façon « qui permet de tout dire sans se soucier des intransigeances académiques ou institutionnelles »", "avouera", "Stan", "stan"),
  A("indirect", "s'il se rend à Petrograd, la capitale russe, où il pourrait persuader le nouveau gouvernement russe de signer la paix avec l'Allemagne", "déclare", "Grimm", "grimm"),
  A("direct", "Dave m'a contacté il y a quelques semaines et m'a demandé si je serais prêt à les rejoindre sur scène", "Selon", "Alan", "alan"),
  A("direct", "Pour SOS homophobie, la nécessité de se porter partie civile dans cette affaire est évidente", "explique", "l'association", "sos"),
  A("direct", "pour soutenir la démarche de Bruno Wiel, mais aussi pour les deux autres victimes qui seront à ses côtés et toutes celles qui subissent, chaque jour, de grandes violences en raison de leur orientation sexuelle", "explique", "l'association", "sos"),
  A("direct", "rongé", "avait-il dit", "il", "il616"),
  A("direct", "par les visages de tous ceux que je n'ai pas pu sauver", "avait-il dit", "il", "il616"),
  A("direct", "pourquoi chanter Roland s'il n'y a plus de Roland ?", "demanda", "le roi Jean", "jean"),
  A("indirect", "Je vous installe dans la Charge de Prévôt de Paris, pour l'exercer dignement, et au consentement du Roi et du Public", "disait", "un Président à mortier", "president"),
  A("indirect", "Hermia peut épouser Lysandre si elle le souhaite", "annonce", "le Duc", "duc"),
  A("direct", "J'ai commencé par déposer 400 euros", None, None, None),
 ],
 optional=[
  O("les indépendantistes demandent l'aide de l'ONU, que pouvez-vous leur apporter ?", "interviewer's question ('à la question')", "Les Nouvelles Calédoniennes", "ncal"),
  O("le roi Jean demanda un jour à ses soldats : « pourquoi chanter Roland s'il n'y a plus de Roland ?", "anecdote ('On raconte que'), no identifiable source", "On", None),
  O("il s'était produit là un événement quasi miraculeux de guérison à distance", "'convenir que' (concede), not clearly a public statement", "les plus hostiles au staretz", "hostiles"),
  O("cette clinique est très recommandable", "first-person statement of the writer ('Je confirme que'), narration", "Je", None),
  O("hors de danger", "'déclarer hors de danger': verdict with small clause", "Les médecins", "medecins"),
  O("comme véritable et légitime représentant des peuples de la Guinée et du Cap-Vert", "official recognition ('considérer'), not speech", "les Nations unies", "onu"),
 ],
 not_quotes=["réfutation", "oasis de vie", "dette publique", "escroquerie néocoloniale", "plate-bande de paresseux", "formel", "(4422) Jarre"])

G['gsd05_dev_sentences'] = dict(
 entities={
  "stipe": E("Michael Stipe", "person", "Stipe"),
  "realisateur": E("Le réalisateur", "person", "Le réalisateur"),
  "il1030": E("Locuteur non nommé (nationalistes)", "person"),
  "medecin": E("Le médecin", "person", "Le médecin"),
  "astral": E("Astral Media", "organization", "Astral Media"),
  "il1083": E("Auteur de l'ouvrage (non nommé)", "person", "ce même ouvrage"),
  "detracteurs": E("Détracteurs de Monet", "group", "détracteurs de Monet"),
  "zidane": E("Zinédine Zidane", "person", "Zidane"),
  "elle1195": E("Responsable de chaîne non nommée", "person"),
  "elle366": E("Locutrice non nommée (prisonniers politiques)", "person"),
  "il1385": E("Critique de McNamara (non nommé)", "person"),
  "elle1421": E("Autrice de Les Bras ouverts", "person", "son livre Les Bras ouverts"),
  "gewerc": E("Claude Gewerc", "person", "Claude Gewerc"),
  "communique": E("Communiqué (émetteur non nommé)", "organization", "un communiqué"),
  "ministere": E("Ministère de l'Intérieur", "organization", "Le ministère de l'Intérieur"),
  "sources": E("Sources du journal", "anonymous", "nos sources"),
  "souverain": E("Le souverain", "person", "Le souverain"),
  "elle978": E("Locutrice non nommée (point 18)", "person"),
  "madonna": E("Madonna", "person", "Madonna"),
  "elle1410": E("Personnage non nommé (hot-dog)", "person"),
 },
 attributions=[
  A("indirect", "le groupe sera différent sans un de ses contributeurs majeurs", "reconnaît", "Stipe", "stipe"),
  A("direct", "Pour moi, Mike et Peter, en tant que R.E.M., sommes-nous encore R.E.M. ?", None, "Stipe", "stipe"),
  A("indirect", "deux costumes ont été conçus pour les besoins du film", "explique", "Le réalisateur", "realisateur"),
  A("mixed", "face à la corruption généralisée, il est temps que les nationalistes s'unissent pour lutter contre ce qu'il appelle « une mafia politico-financière »", "ajoute", "Il", "il1030"),
  A("indirect", "incapable de répondre à cette question", "se dit", "Le médecin", "medecin"),
  A("indirect", "le lancement de Disney Junior et Disney XD sur son réseau Cogeco", "annonce", "Astral Media", "astral"),
  A("direct", "Et voilà, le grand mot lâché !", "faisant remarquer", "il", "il1083"),
  A("direct", "Bien sûr que non", "répond", "Zidane", "zidane"),
  A("indirect", "sa chaîne étudiait aussi la possibilité d'adapter d'autres histoires de DC", "a toutefois précisé", "Elle", "elle1195"),
  A("indirect", "la situation des prisonniers politiques dans les prisons marocaines", "a dénoncé", "Elle", "elle366"),
  A("indirect", "Robert McNamara comme étant l'homme qui a permis de transformer la Banque mondiale en un moyen d'asservissement du tiers monde à l'empire global", "dénonce", "Il", "il1385"),
  A("direct", "J'ai regardé ce que faisaient les autres : j'ai été stupéfaite", "écrit", "elle", "elle1421"),
  A("direct", "Gremetz, c'est fini !", "a quant à lui prévenu", "Claude Gewerc", "gewerc"),
  A("direct", "Le ministère de l'Intérieur affirme que des mesures décisives seront prises pour faire face à de telles actions, en conformité avec la loi", "indique", "un communiqué", "communique"),
  A("direct", "Il s'agit bel et bien de contrebandiers", None, "nos sources", "sources"),
  A("direct", "Mais quelle importance que ce soit irrationnel puisqu'il a avoué ?", "s'emporte", "Le souverain", "souverain"),
  A("indirect", "elle doit acheter un foulard pour sa tante malade", "disant", "elle", "elle1410"),
  A("direct", "Je lui ai parlé encore il y a une heure, et nous étions tous évidemment dans l'expectative", None, None, None),
  A("direct", "Depuis, son état de santé est en nette détérioration", None, None, None),
 ],
 optional=[
  O("« toute mesure visant à restreindre le droit inaliénable des Etats parties à l'utilisation pacifique de l'énergie nucléaire pour le développement socioéconomique »", "'rejeter dans le point 18' of a text: position in a document, speaker a pronoun", "Elle", "elle978"),
  O("la production de séries de tableaux sur un même sujet dans différentes conditions de lumière", "criticism reported by topic ('reprochent')", "détracteurs de Monet", "detracteurs"),
  O("des mesures décisives seront prises pour faire face à de telles actions, en conformité avec la loi", "nested indirect speech inside the communiqué's quote", "Le ministère de l'Intérieur", "ministere"),
  O("rescapés des camps hitlériens étaient des revenants, dans le sens du mot \"spectres\"", "rhetorical question ('Qui donc a écrit que'), source unnamed", None, None),
  O("lui avancer 20 dollars", "request ('demande … de'), directive", "elle", "elle1410"),
  O("plus adultes", "opinion ('que Madonna estime plus adultes'), small clause", "Madonna", "madonna"),
  O("le meilleur Opticien de Lyon", "first-person opinion of the writer ('selon moi')", "moi", None),
 ],
 not_quotes=["The king of comedy", "Le roi de la comédie", "vautes", "instantanéité", "Pan Am", "L'Economiste", "St. Anger"])

for name, g in G.items():
    out = {"id": f"heldout2-{name}", "lang": "fr", "text": f"{name}.txt",
           "meta": {"source": SRC[name], "license": SEQ_LIC if name.startswith('er') else GSD_LIC,
                    "date": None, "outlet": "L'Est Républicain" if name.startswith('er') else None},
           **g}
    json.dump(out, open(HERE / f'{name}.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('written', len(G))
