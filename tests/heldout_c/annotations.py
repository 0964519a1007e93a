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
