"""Rebuild held-out article texts from UD treebank sentences (no edits).
Sentences are joined with a single space; "\n\n" after the sentence ids in `breaks`."""
import re, json, pathlib
HERE = pathlib.Path(__file__).parent
UD = pathlib.Path('/work/shared/ud')

def load(paths):
    out = {}
    for p in paths:
        sid = None
        for line in open(p, encoding='utf-8'):
            if line.startswith('# sent_id ='):
                sid = line.split('=', 1)[1].strip()
            elif line.startswith('# text =') and sid:
                out[sid] = line[len('# text ='):].strip()
    return out

seq = load(sorted((UD / 'UD_French-Sequoia').glob('*.conllu')))
gsd = load(sorted((UD / 'UD_French-GSD').glob('*.conllu')))

# name: (first, last, sentence ids followed by a paragraph break)
SEQ = {
 'er01_securite_voirie':     (7, 11, [7]),
 'er02_espoir_exposition':   (12, 22, [12, 17, 19, 21]),
 'er03_ecole_vignot':        (23, 38, [23, 24, 26, 33, 36]),
 'er04_batterie_harmonie':   (175, 188, [175, 181, 185]),
 'er05_lumiere_verdun':      (189, 199, [189, 191, 195]),
 'er06_atelier_arts':        (211, 219, [211, 212, 216]),
 'er07_basket_soleuvre':     (220, 231, [220, 221, 229]),
 'er08_rixe_montbeliard':    (232, 241, [232, 236]),
 'er09_association_cure':    (242, 260, [242, 247, 252, 254, 255]),
 'er10_efi_eponge':          (261, 277, [261, 262, 267, 268, 273]),
 'er11_jospin_orphelins':    (278, 299, [278, 281, 287]),
 'er12_incendie_malveillant':(322, 338, [322, 324, 329, 331, 334, 336, 337]),
 'er13_cote_ivoire':         (344, 349, [344, 347]),
 'er14_zimmermann_parite':   (350, 374, [355, 363, 369, 371, 373]),
 'er15_disparue_courcelles': (375, 388, [375, 376, 380]),
 'er16_jardiniers_france':   (406, 418, [406, 407, 411, 416]),
 'er17_arturo_corbeau':      (419, 438, [419, 420, 423, 436]),
 'er18_correa_asnl':         (469, 483, [474, 478, 481]),
 'er19_anniversaires_belot': (511, 524, [511, 514, 519]),
 'er20_petit_prince':        (134, 149, [134, 135, 141, 146]),
 'er21_eclipse_maxeville':   (118, 133, [118, 123, 126, 131]),
 'er22_enfants_pecheurs':    (39, 44, [39, 42]),
 'er23_barbecue_bethoncourt':(493, 510, [497, 503]),
}
# GSD: isolated news-like sentences (not consecutive; GSD order is shuffled), one paragraph each
GSD = {
 'gsd01_test_sentences': ['fr-ud-test_%05d' % i for i in
     [3, 16, 34, 51, 88, 89, 115, 121, 124, 131, 137, 143, 169, 175, 177, 189, 193]],
 'gsd02_dev_sentences': ['fr-ud-dev_%05d' % i for i in
     [72, 138, 184, 218, 226, 230, 241, 370, 390, 413, 448, 492, 503, 536, 676, 688, 720, 726,
      738, 803, 819, 854, 880, 937, 982, 1003, 1017, 1048, 1055, 1074, 1106, 1152, 1200,
      1209, 1227, 1386, 1460, 1499, 1504, 1547]],
}

def build():
    meta = {}
    for name, (a, b, breaks) in SEQ.items():
        parts = []
        for i in range(a, b + 1):
            parts.append(seq['annodis.er_%05d' % i])
            if i != b:
                parts.append('\n\n' if i in breaks else ' ')
        (HERE / f'{name}.txt').write_text(''.join(parts) + '\n', encoding='utf-8')
        meta[name] = f'UD_French-Sequoia annodis.er_{a:05d}–{b:05d}'
    for name, ids in GSD.items():
        (HERE / f'{name}.txt').write_text('\n\n'.join(gsd[i] for i in ids) + '\n', encoding='utf-8')
        meta[name] = 'UD_French-GSD ' + ', '.join(ids)
    json.dump(meta, open(HERE / 'sources.meta', 'w'), ensure_ascii=False, indent=1)

if __name__ == '__main__':
    build()
