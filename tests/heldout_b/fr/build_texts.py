"""Rebuild held-out-2 texts from UD treebank sentences (no edits).
Sequoia: consecutive annodis.er sentences joined by one space, "\n\n" after ids in breaks.
GSD: isolated sentences, one paragraph each."""
import pathlib, json
from load import seq, gsd
HERE = pathlib.Path(__file__).parent
SEQ = {
 'er24_saint_honore':     (45, 53, [45, 46]),
 'er25_conseil_municipal':(439, 468, [439, 440, 445, 446, 452, 453, 457, 458, 463, 464]),
 'er26_petits_tigres':    (300, 308, [300]),
 'er27_aviculture_belfort':(83, 95, [83, 84, 87, 93]),
}
T = lambda l: ['fr-ud-test_%05d' % i for i in l]
D = lambda l: ['fr-ud-dev_%05d' % i for i in l]
GSD = {
 'gsd03_test_sentences': T([19, 2, 27, 56, 14, 81, 83, 49, 110, 114, 65, 132, 147, 127, 156, 165, 135, 186, 187, 184, 240, 277, 87, 243, 104, 163, 176, 198]),
 'gsd04_dev_sentences': D([148, 2, 192, 18, 4, 264, 323, 344, 387, 39, 398, 414, 455, 173, 530, 544, 616, 205, 632, 559, 707, 1047, 774, 1267, 657, 23]),
 'gsd05_dev_sentences': D([976, 977, 373, 978, 1030, 1056, 467, 1073, 1083, 1131, 1194, 1195, 589, 366, 1385, 742, 1413, 1421, 1472, 1509, 1566, 879, 1345, 1410, 1541, 1157, 1471, 826]),
}
def build():
    src = {}
    for name, (a, b, breaks) in SEQ.items():
        ids = ['annodis.er_%05d' % i for i in range(a, b + 1)]
        out = ''
        for i, sid in zip(range(a, b + 1), ids):
            out += seq[sid]
            if i != b: out += '\n\n' if i in breaks else ' '
        (HERE / f'{name}.txt').write_text(out + '\n', encoding='utf-8')
        src[name] = f"UD_French-Sequoia annodis.er_{a:05d}–{b:05d} (L'Est Républicain)"
    for name, ids in GSD.items():
        (HERE / f'{name}.txt').write_text('\n\n'.join(gsd[s] for s in ids) + '\n', encoding='utf-8')
        src[name] = 'UD_French-GSD ' + ', '.join(ids) + ' (isolated sentences; GSD order is shuffled)'
    json.dump(src, open(HERE / 'scratch' / 'sources.json', 'w'), ensure_ascii=False, indent=1)
build()
