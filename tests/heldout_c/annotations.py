"""Hand annotations of held-out C (French), read by gold_src.py.

Attribution tuples: (type, content, cue, speaker, entity[, occurrence]).
Optional tuples: (content, why[, speaker, entity]).
Every string is copied from NAME.txt; gold_src.py checks each one.
"""
GV = "CC BY 3.0 (Global Voices; https://creativecommons.org/licenses/by/3.0/)"
GV_MIRROR = "https://ecirtam.net/autoblogs/autoblogs/frglobalvoicesonlineorg_0e319138ab63237c2d2aeff84b4cb506d936eab8/"
PUD = ("CC BY-SA 3.0 (UD_French-PUD LICENSE.txt; https://creativecommons.org/licenses/by-sa/3.0/); "
       "French translations of English news sentences, CoNLL 2017 Parallel UD")
EXCERPT = "opening of the article as stored in the pages corpus (about 2,000 characters), cut at the last complete paragraph; photo captions and site navigation removed"


def gv(date, source, note=EXCERPT):
    return {"date": date, "outlet": "Global Voices en Français", "source": source, "license": GV, "excerpt": note}


def pud(first, last):
    return {"date": None, "outlet": "UD_French-PUD (news part; translated news)", "license": PUD,
            "source": f"UD_French-PUD fr_pud-ud-test.conllu, news documents {first}..{last} in file order, 24 per text (build_pud_texts.py)"}


ANNOTATIONS = {}

ANNOTATIONS["gv01_vodianova"] = {
    "meta": gv("2015-08-21", GV_MIRROR + "?544 (autoblog mirror of fr.globalvoices.org)"),
    "entities": {
        "gerant": ("Gérant du café Flamingo (Nizhny Novgorod)", "person",
                   ["le gérant d'un café appelé “Flamingo” et situé à Nizhny Novgorod", "le gérant", "gérant du café"]),
        "vodianova": ("Natalia Vodianova", "person", ["Natalia Vodianova"]),
        "soignante": ("Soignante d'Oksana", "person", ["sa soignante", "la responsable d'Oksana"]),
    },
    "attributions": [
        ("indirect", "elle effrayait les clients potentiels", "a dit", "Il", "gerant"),
        ("indirect", "sa soeur passe une grande partie de ses journées à marcher dans le quartier autour de sa maison",
         "Selon", "Natalia Vodianova", "vodianova"),
        ("indirect", "elles partent", "a demandé", "le gérant", "gerant"),
        ("direct", "de se soigner elle et sa fille avant de se montrer en public", "disant", "le gérant", "gerant"),
    ],
    "optional": [
        ("Quand sa soeur est fatiguée, sa soignante l'amène dans le café le plus proche",
         "account continuing 'Selon Natalia Vodianova', no cue of its own", None, "vodianova"),
        ("le désagréable incident dans le café avec sa soeur",
         "speech act reported by topic only ('a décrit')", "elle", "vodianova"),
        ("un peu plus de temps pour la convaincre",
         "request with a noun object ('a demandé au gérant du café'), no content clause", "sa soignante", "soignante"),
    ],
    "not_quotes": ["Flamingo", "liké"],
}

ANNOTATIONS["gv02_ebola_vaccins"] = {
    "meta": gv("2014-11-06", GV_MIRROR + "?687 (autoblog mirror of fr.globalvoices.org)"),
    "entities": {
        "oms": ("Organisation mondiale de la Santé", "organization",
                ["l'Organisation mondiale de la Santé", "OMS",
                 "les dernières statistiques fournies par l'Organisation mondiale de la Santé (OMS)"]),
        "msf": ("Médecins sans frontières", "organization",
                ["Médecins sans frontières", "MSF", "l'organisation non-gouvernementale Médecins sans frontières (MSF)"]),
        "pays": ("Plusieurs pays (non nommés)", "group", ["Plusieurs pays"]),
    },
    "attributions": [
        ("indirect", "l'épidémie de l'Ebola accélère son expansion dans les trois principaux pays qui en sont victimes",
         "Selon", "l'Organisation mondiale de la Santé", "oms"),
        ("indirect", "elle enregistre une nouvelle flambée du virus Ebola et que ses capacités d’accueil des malades de Conakry, la capitale, arrivent à saturation",
         "signale", "Médecins sans frontières", "msf"),
        ("indirect", "cette nouvelle flambée concerne en particulier cette ville", "ajoute", "Elle", "msf"),
        ("indirect", "la découverte de vaccins ou de médicaments dont certains sont déjà utilisé sans avoir suivi le cours normal exigé pour tout médicament avant l'autorisation de sa mise sur le marché",
         "ont annoncé", "Plusieurs pays", "pays"),
    ],
    "optional": [
        ("Entre le 5 et le 8 octobre, le nombre de cas certifiés a atteint 8 376 personnes infectées avec 4 024 décès",
         "figures continuing 'Selon les dernières statistiques ... (OMS)', no cue of their own", None, "oms"),
    ],
    "not_quotes": ["pionniers"],
}

ANNOTATIONS["gv03_macedoine_facebook"] = {
    "meta": gv("2011-06-17", "https://fr.globalvoices.org/2011/06/17/71371/",
               "whole short post as stored in the pages corpus; site navigation removed"),
    "entities": {
        "manifestants": ("Manifestants contre les brutalités policières en Macédoine", "group",
                         ["Ceux qui manifestent contre les brutalités de la police en Macédoine"]),
        "ministere": ("Ministère de l'intérieur macédonien", "organization", ["Ministère de l'intérieur macédonien"]),
    },
    "attributions": [
        ("mixed", "“la politique de suppression immédiate” de leurs pages Facebook et de leurs pages “événements” sur ce réseau, à la demande du Ministère de l'intérieur macédonien",
         "exprimant leur inquiétude", "Ceux qui manifestent contre les brutalités de la police en Macédoine", "manifestants"),
        ("indirect", "[cette politique] étouffe des manifestations pacifiques, organisées justement contre la violence et pour le respect de la loi",
         "regrettent", "Ils", "manifestants"),
    ],
    "optional": [
        ("elles “incitent à la violence”",
         "grounds given by the Ministry ('au prétexte que'), reported inside the protesters' letter; nominal cue",
         "Ministère de l'intérieur macédonien", "ministere"),
    ],
    "not_quotes": ["événements"],
}

ANNOTATIONS["gv04_togo_rfi_france24"] = {
    "meta": gv("2025-06-19", "https://fr.globalvoices.org/?p=296176 (as stored in the pixellibre.net autoblog feed of Global Voices (fr))"),
    "entities": {
        "togoscoop": ("Togo Scoop", "organization", ["Togo Scoop", "le média Togo Scoop"]),
        "haac": ("Haute autorité de l'audiovisuel et de la communication (Togo)", "organization",
                 ["Haute autorité de l'audiovisuel et de la communication", "HAAC"]),
    },
    "attributions": [
        ("indirect", "il lui est reproché d’avoir filmé des scènes de dégagement de barricades par des policiers, images qu'on lui demande d'effacer",
         "Selon", "Togo Scoop", "togoscoop"),
    ],
    "optional": [
        ("atteinte à la stabilité",
         "headline quotation of the grounds for the suspension; its source (the HAAC) is not named in the title", None, "haac"),
    ],
    "not_quotes": [],
}

ANNOTATIONS["gv05_homs_bolivie"] = {
    "meta": gv("2013-12-12", GV_MIRROR + "?966 (autoblog mirror of fr.globalvoices.org; a listing page: the first two short posts)",
               "first two short posts of the stored listing page; photo captions removed"),
    "entities": {
        "ward": ("Clarissa Ward", "person", ["Clarissa Ward", "correspondant pour CBS"]),
        "ojeda": ("Julieta Ojeda", "person", ["Julieta Ojeda"]),
        "dangl_howard": ("Benjamin Dangl et April Howard", "group", ["Benjamin Dangl et April Howard"]),
    },
    "attributions": [
        ("direct", "Les mots me manquent. L’hiver à Homs, Syrie – Belle ville devenue une terre à l’abandon.",
         "a publié", "Clarissa Ward", "ward"),
    ],
    "optional": [
        ("C'est un gouvernement très conservateur que ce soit pour les droits des homosexuels et l'avortement ou tout ce qui a rapport avec les femmes ou les droits des femmes. [...] Ce gouvernement ne nous voit pas comme un ennemi, mais plutôt comme un caillou dans une chaussure, un agacement constant",
         "block quotation without quote marks; its speaker (Julieta Ojeda, interviewed) is named only in the next paragraph",
         "Julieta Ojeda", "ojeda"),
        ("un caillou dans la chaussure du gouvernement", "headline quotation repeating the block quote", None, "ojeda"),
        ("une organisation anarcho-féministe en Bolivie, représentant la voix radicale des droits des femmes avant et tout au long de la présidence d'Evo Morales",
         "quoted description taken from the interviewers' article, no cue", "Benjamin Dangl et April Howard", "dangl_howard"),
    ],
    "not_quotes": [],
}

ANNOTATIONS["gv06_migrants_mediterranee"] = {
    "meta": gv("2016-07-10", GV_MIRROR + "?419 (autoblog mirror of fr.globalvoices.org)"),
    "entities": {
        "migrants": ("Migrants ayant survécu à la traversée de la Méditerranée", "group",
                     ["Des migrants ayant survécu la traversée de la Méditerranée"]),
        "oim": ("Organisation internationale pour les migrations", "organization",
                ["l’Organisation internationale pour les migrations"]),
        "hcr": ("Haut Commissariat des Nations unies pour les réfugiés", "organization",
                ["le Haut Commissariat des Nations unies pour les réfugiés"]),
    },
    "attributions": [
        ("direct", "Si la vie ne m’accorde rien d’autre, j’espère au moins pouvoir vivre en paix", "témoignent",
         "Des migrants ayant survécu la traversée de la Méditerranée", "migrants"),
        ("indirect", "environ 3 072 personnes sont mortes ou ont disparu en mer Méditerranée en 2014 en tentant d'immigrer en Europe",
         "D'après", "l’Organisation internationale pour les migrations", "oim"),
        ("indirect", "l'Union européenne accueille 6 % des réfugiés du monde entier", "selon",
         "le Haut Commissariat des Nations unies pour les réfugiés", "hcr"),
    ],
    "optional": [
        ("plus d'un million les personnes qui sont entrées dans l'espace Schengen par la mer",
         "impersonal estimate 'on estime à', no source", None, None),
    ],
    "not_quotes": [],
}

ANNOTATIONS["voa01_voa60_7mai2021"] = {
    "meta": {"date": "2021-05-07", "outlet": "VOA Afrique (VOA60 Afrique)",
             "source": "https://voaafrique.com/a/voa60-afrique-du-7-mai-2021/5882211.html",
             "license": "public domain (Voice of America, U.S. government work; VOA-produced bulletin)",
             "excerpt": "whole bulletin text as stored in the pages corpus; site navigation removed"},
    "entities": {
        "jeune": ("Un des jeunes interpellés (anonyme)", "anonymous", ["l'un d’eux"]),
        "securite_ng": ("Services de sécurité nigérians", "organization", ["Les services de sécurité"]),
        "ambassades": ("Ambassades occidentales à Tripoli", "group",
                       ["les ambassades de France, d'Allemagne, d'Italie, du Royaume-Uni et des États-Unis à Tripoli"]),
        "kabore": ("Roch Marc Christian Kaboré", "person", ["Roch Marc Christian Kaboré", "président Roch Marc Christian Kaboré"]),
    },
    "attributions": [
        ("indirect", "M. Rahajason, comme l'instigateur de l'opération", "avait désigné", "l'un d’eux", "jeune"),
    ],
    "optional": [
        ("un groupe séparatiste qui milite pour l'indépendance du Biafra",
         "suspicion ('soupçonnent') with a noun object, not clearly a public statement", "Les services de sécurité", "securite_ng"),
        ("respecter la date des élections législatives et présidentielle prévues le 24 décembre",
         "directive 'ont appelé les autorités à', no quoted words",
         "les ambassades de France, d'Allemagne, d'Italie, du Royaume-Uni et des États-Unis à Tripoli", "ambassades"),
        ("une promesse", "quoted noun attributed to Kaboré by a genitive, no cue", "président Roch Marc Christian Kaboré", "kabore"),
    ],
    "not_quotes": [],
}

ANNOTATIONS["pud01_news"] = {
    "meta": pud("n01001", "n01024"),
    "entities": {
        "schulman": ("Kori Schulman", "person", ["Kori Schulman", "assistante spéciale d'Obama"]),
        "trump": ("Le candidat républicain (Donald Trump)", "person", ["le candidat du parti républicain"]),
        "sternlieb": ("Joe Sternlieb", "person", ["Joe Sternlieb", "le président du centre des affaires de Georgetown"]),
        "etude_gondole": ("Étude de faisabilité de la gondole", "organization", ["L'étude de faisabilité"]),
        "temoin": ("Un témoin (anonyme)", "anonymous", ["Un témoin"]),
        "recensement": ("Bureau du recensement (États-Unis)", "organization", ["le bureau du recensement"]),
        "saqib": ("Saqib", "person", ["Saqib"]),
        "panvalkar": ("M. Panvalkar", "person", ["M. Panvalkar"]),
        "police_price": ("La police (affaire Andre Price III)", "organization", ["La police"]),
        "fallon": ("Michael Fallon", "person", ["Michael Fallon"]),
        "analystes": ("Plusieurs analystes", "group", ["Plusieurs analystes"]),
        "samsung": ("Samsung", "organization", ["La compagnie sud-coréenne", "Samsung"]),
        "expert_transports": ("Un expert des transports (anonyme)", "anonymous", ["un expert des transports"]),
        "compagnie_ba": ("La compagnie aérienne (BA / IAG)", "organization", ["La compagnie"]),
        "experts_securite": ("Des experts en sécurité", "group", ["des experts en sécurité"]),
        "labrocca": ("Jesse LaBrocca", "person", ["Jesse LaBrocca", "fondateur de Hack Forums"]),
        "analyse": ("L'analyse (des attaques du 21 octobre)", "organization", ["L'analyse"]),
        "onu_etude": ("ONU (étude des plans nationaux)", "organization",
                      ["l'ONU", "Une étude des plans nationaux visant à réduire les émissions de carbone"]),
        "scientifiques": ("De nombreux scientifiques", "group", ["De nombreux scientifiques"]),
        "solheim": ("Erik Solheim", "person", ["Erik Solheim", "le responsable de l'Environnement à l'ONU"]),
    },
    "attributions": [
        ("direct", "Alors que la plus grande partie de la transition numérique est sans précédent aux États-Unis, la transition sereine du pouvoir, elle, ne l'est pas,",
         "a publié", "Kori Schulman", "schulman"),
        ("mixed", "en tant que président, il autoriserait un « nombre considérable » d'immigrants légaux fondé sur un « principe du mérite »",
         "a annonçé", "le candidat du parti républicain", "trump"),
        ("direct", "Alors, je suis désolé de vous mettre la pression, mais l'avenir de la république repose sur vos épaules,",
         "dit-il", "il", "trump"),
        ("direct", "Nous sommes confrontés à une forte concurrence, et nous pensons que les transports pourront aider",
         "a déclaré", "Joe Sternlieb", "sternlieb"),
        ("indirect", "il faudrait environ quatre minutes aux passagers pour traverser le Potomac en gondole",
         "estime", "L'étude de faisabilité", "etude_gondole"),
        ("indirect", "la victime avait attaqué le suspect en avril", "a dit", "Un témoin", "temoin"),
        ("indirect", "seulement 11% des votes avaient été exprimés avant le jour de l'élection en 1996",
         "d'après", "le bureau du recensement", "recensement"),
        ("direct", "Nous avons demandé à d'autres pays de nous aider à remplir le zoo de différentes espèces d'animaux, y compris d'un porc",
         "a indiqué", "Saqib", "saqib"),
        ("indirect", "à un moment donné, il a senti qu'ils devraient quitter l'immeuble", "a dit", "M. Panvalkar", "panvalkar"),
        ("indirect", "elle avait tué Andre Price III en lui enfonçant le visage dans un matelas pneumatique situé dans sa salle de séjour avant de tenter de faire la même chose à sa fille, Angel",
         "a indiqué", "La police", "police_price"),
        ("indirect", "la date de commencement des travaux aiderait à obtenir de nouveaux investissements et à garantir des centaines d'emplois qualifiés jusqu'en 2035",
         "a annoncé", "Michael Fallon", "fallon"),
        ("indirect", "Huawei est le mieux placé pour profiter du recul de Samsung", "ont suggéré", "Plusieurs analystes", "analystes"),
        ("indirect", "l'accès à Internet en vol était souvent peu fiable et n'influençait propablement pas les voyageurs lors du choix de la compagnie aérienne",
         "a averti", "un expert des transports", "expert_transports"),
        ("indirect", "la décision de facturer l'accès aux passagers serait du ressort de chaque compagnie aérienne",
         "a indiqué", "La compagnie", "compagnie_ba"),
        ("indirect", "Malheureusement, une fois de plus, une minorité gâche tout pour une majorité",
         "écrit", "Jesse LaBrocca", "labrocca"),
        ("indirect", "une quantité historique de données a été employée pour causer le bouleversement",
         "a révélé", "L'analyse", "analyse"),
        ("indirect", "ils sont loin d'avoir les niveaux requis pour contenir l'augmentation des températures sous le seuil de 2° C",
         "montre", "Une étude des plans nationaux visant à réduire les émissions de carbone", "onu_etude"),
        ("indirect", "la technologie d'extraction du carbone de l'air ambiant est maintenant nécessaire pour atteindre les objectifs de Paris",
         "disent", "De nombreux scientifiques", "scientifiques"),
        ("indirect", "Nous allons dans la bonne direction : l'Accord de Paris va ralentir le changement climatique, l'Amendement récent de Kigali va également réduire les HFC",
         "a déclaré", "Erik Solheim", "solheim"),
    ],
    "optional": [
        ("Cette proportion a progressé régulièrement au cours des années",
         "clause before 'd'après le bureau du recensement'; the scope of the source is ambiguous", "le bureau du recensement", "recensement"),
        ("tentative de meurtre de sa fille de deux ans", "passive accusation 'a été accusée de' with no stated source"),
        ("De toute façon, je vais en prison, j'espère que ça en valait la peine",
         "first-person words of the accused without quote marks or cue (sentence isolated from its article)"),
        ("le défaut venait d'une batterie", "belief verb 'a d'abord pensé'", "La compagnie sud-coréenne", "samsung"),
        ("La plupart des gens trouveraient le Wifi à l'aéroport plus utile que la possibilité d'envoyer des mails depuis l'avion",
         "reportative conditional with no stated source"),
        ("le besoin de cette formation ainsi que son objectif",
         "doubt reported with a noun object ('ont remis en question')", "des experts en sécurité", "experts_securite"),
        ("événements récents", "quoted phrase from LaBrocca's message, no cue in its own sentence", None, "labrocca"),
    ],
    "not_quotes": ["certifiée"],
}

ANNOTATIONS["pud02_news"] = {
    "meta": pud("n01025", "n01048"),
    "entities": {
        "tarlo": ("Tarlo", "person", ["Tarlo"]),
        "police_shenzhen": ("Police routière de Shenzhen", "organization", ["La police routière de Shenzhen", "le message"]),
        "pall": ("Pall", "person", ["Pall"]),
        "sony_anon": ("Quelqu'un chez Sony en Australie (anonyme)", "anonymous", ["quelqu'un chez Sony en Australie"]),
        "seagal": ("Steven Seagal", "person", ["Seagal"]),
        "pp_police": ("Porte-parole de la police (anonyme)", "anonymous", ["Un porte-parole de la police"]),
        "rapports": ("Les rapports (non précisés)", "group", ["les rapports"]),
        "police_municipale": ("Police municipale", "organization", ["la police municipale"]),
        "chercheur_il": ("Chercheur non nommé", "person", []),
        "chercheurs": ("Des chercheurs", "group", ["Des chercheurs"]),
        "police_cb": ("Police de la Colombie-Britannique", "organization", ["la police en C.B.", "La police de la C.B."]),
        "responsable_cb": ("Responsable non nommé (affaire d'Abbotsford)", "person", []),
        "assoc_agents": ("Association des agents immobiliers de l'Ontario", "organization",
                         ["L'association représentant les agents immobiliers à Ontario"]),
        "classe_moyenne": ("Classe moyenne chinoise", "group", ["la classe moyenne chinoise"]),
        "guilbeault": ("Guilbeault", "person", ["Guilbeault"]),
        "clinton": ("Clinton et ses alliés", "group", ["Clinton et ses alliés"]),
        "rai": ("Rai", "person", ["Rai"]),
        "mailis": ("Mailis", "person", ["Mailis"]),
        "mcneilly": ("Gerry McNeilly", "person", ["Gerry McNeilly", "le directeur indépendant de l'examen de la police d'Ontario"]),
        "gomery": ("Gomery", "person", ["Gomery", "le responsable de la commission d'enquête en charge du scandale du parrainage fédéral"]),
        "ligne": ("La ligne directrice (sur les contributions politiques)", "organization", ["la ligne directrice"]),
        "juge_duffy": ("Juge du procès de Duffy", "person",
                       ["Le juge en charge du procès de Duffy", "Le juge en charge du procès de Duffy pour fraude et abus de confiance"]),
        "lindsay_gay": ("Lindsay Gay", "person", ["Lindsay Gay", "cliente du forfait Internet illimité de SaskTel"]),
        "auteur": ("Auteur de l'article (je)", "person", []),
    },
    "attributions": [
        ("mixed", "il existe toujours un effet « beurk » à l'idée d'acheter et de porter des morceaux du corps d'une autre personne",
         "explique", "Elle", "tarlo"),
        ("indirect", "En Chine, les cheveux sont généralement placés dans un bain chimique afin de complètement retirer la cuticule",
         "explique", "Tarlo", "tarlo"),
        ("indirect", "A travers l'histoire, le marché international du cheveu a toujours eu une connotation politique",
         "déclare", "Tarlo", "tarlo"),
        ("indirect", "Ce soir, nous allons punir les conducteurs qui utilisent les feux de route", "indique", "le message", "police_shenzhen"),
        ("mixed", "Heureusement, quelqu'un chez Sony en Australie a dit: « Tiens, à propos, vous avez vu ca ? »", "dit", "Pall", "pall"),
        ("direct", "Tiens, à propos, vous avez vu ca ?", "a dit", "quelqu'un chez Sony en Australie", "sony_anon"),
        ("direct", "très raisonnable", "a décrit", "il", "seagal"),
        ("mixed", "une « altercation » avait eu lieu après un « échange verbal », mais qu'aucun blessé n'avait été signalé",
         "a indiqué", "Un porte-parole de la police", "pp_police"),
        ("indirect", "Cuaron, dont le dernier film Gravity a reçu un Oscar, n'était pas sur le plateau de tournage au moment de l'incident",
         "D'après", "les rapports", "rapports"),
        ("mixed", "un incendie s'est déclaré après l'arrivée « d'un groupe important… se présentant comme les autorités locales » sur le plateau de tournage mardi",
         "D'après", "la police municipale", "police_municipale"),
        ("direct", "Ceci est un pas vers la découverte de la bonne combinaison d'une contraception hormonale masculine.",
         "ajouta", "Il", "chercheur_il"),
        ("indirect", "l'analyse ADN de tumeurs pourrait aider à comprendre les causes sous-jacentes d'autres cancers",
         "affirment", "Des chercheurs", "chercheurs"),
        ("indirect", "ils avaient plus de questions que de réponses à propos du soi-disant sans-abri accusé d'avoir mortellement poignardé une adolescente dans son collège d'Abbotsford",
         "a dit", "la police en C.B.", "police_cb"),
        ("indirect", "Klein ne semblait pas avoir de casier judiciaire", "a déclaré", "La police de la C.B.", "police_cb"),
        ("indirect", "Nous ne pensons pas que le suspect ait de lien avec cette école, avec les deux filles, ou avec la région d'Abbotsford en particulier",
         "dit-elle", "elle", "police_cb"),
        ("indirect", "Klein était réticent à communiquer et à coopérer, et qu'il refusait de se déplacer de sa cellule sous le tribunal pour se rendre à son procès",
         "a également indiqué", "Il", "responsable_cb"),
        ("indirect", "il est nécessaire de faire davantage pour protéger les clients et punir les agents ayant fait preuve d'un comportement contraire à l'éthique",
         "déclare", "L'association représentant les agents immobiliers à Ontario", "assoc_agents"),
        ("indirect", "une meilleure application de la loi et un meilleur pouvoir d'enquête au Real Estate Council of Ontario (RECO)",
         "souhaiterait", "Il", "assoc_agents"),
        ("indirect", "On peut voir énormément de pays et notamment de grands émetteurs tels que le Brésil, l'Afrique du Sud, l'Inde et la Chine prêts à jouer leur rôle dans la réduction des émissions",
         "a déclaré", "Guilbeault", "guilbeault"),
        ("indirect", "ses commentaires désobligeants sur les femmes et les minorités ainsi que son tempérament le rendent inapte pour ce poste",
         "argumentant", "Clinton et ses alliés", "clinton"),
        ("indirect", "le meilleur réconfort était de voir ses amis", "a dit", "elle", "rai"),
        ("indirect", "C'est un désastre pour les malades en souffrance", "a déclaré", "Mailis", "mailis"),
        ("indirect", "Les médecins n'ont pas ces équipements, ils ont seulement un carnet d'ordonnances et une seringue",
         "a déclaré", "Mailis", "mailis"),
        ("indirect", "de telles structures sont indispensables pour rétablir la confiance du public en l'État de droit",
         "a indiqué", "Gomery", "gomery"),
        ("indirect", "pendant les deux derniers jours, au moins six autres journalistes québécois ont été la cible d'opérations de surveillance par la police provinciale",
         "a été révélé", None, None),
        ("indirect", "il ne doit y avoir aucun accès préférentiel, ou perception d'accès préférentiel au gouvernement pour des individus ou des compagnies ayant apporté des contributions financières à des politiciens, ou à des partis politiques",
         "D'après", "la ligne directrice", "ligne"),
        ("indirect", "il avait respecté les règles du Sénat quand il a levé les charges qui pesaient contre Duffy",
         "a déclaré", "Le juge en charge du procès de Duffy", "juge_duffy"),
        ("indirect", "C'est impressionnant", "a déclaré", "Lindsay Gay", "lindsay_gay"),
        ("indirect", "Rogers avait récemment introduit une nouvelle application qui aide les clients à gérer leur utilisation de données",
         "a aussi affirmé", "Il", "lindsay_gay"),
    ],
    "optional": [
        ("si elle comprenait pourquoi les gens pourraient voter pour Trump",
         "the writer's own question ('Je lui ai demandé'), narration in the first person", "Je", "auteur"),
        ("ouvrir une école d'arts martiaux dans la capitale Belgrade", "offer 'après avoir proposé de' (commissive)", "Seagal", "seagal"),
        ("un lien direct entre le nombre total de cigarettes fumées et le nombre de mutations de l'ADN dans les tumeurs",
         "finding of an analysis with a noun object ('démontre')"),
        ("des détails vagues quant à sa situation récente", "speech act reported by topic only ('a révélé des détails')",
         "La police de la C.B.", "police_cb"),
        ("la pollution de l'air dans des villes tel que Pékin qui subissent, jour après jour, un smog asphyxiant",
         "criticism reported by topic only ('dans ses critiques sur')", "la classe moyenne chinoise", "classe_moyenne"),
        ("Notre pays n'a pas besoin de ça, mes amis", "words of a speaker without quote marks or cue (isolated sentence)"),
        ("questions inquiétantes", "quoted phrase with no stated source", None, "mcneilly"),
        ("Nos téléphones portables sont tellement plus que ça, de nos jours",
         "sentence before the inverted cue 'C'est impressionnant, a déclaré Lindsay Gay'; the scope of the unmarked quotation is ambiguous",
         "Lindsay Gay", "lindsay_gay"),
    ],
    "not_quotes": ["prime de rendement"],
}
