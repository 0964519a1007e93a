"""The CoNLL-U engine: text and offsets rebuilt from ``# text`` and SpaceAfter."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution.errors import InputError
from attribution.parse import check_document, get_engine, offset_errors
from attribution.parse.conllu_engine import conllu_text, read_conllu, write_conllu

SAMPLE = """\
# newdoc id = d1
# newpar
# sent_id = 1
# text = Le ministre a parlé du bout des lèvres.
1\tLe\tle\tDET\t_\tDefinite=Def\t2\tdet\t_\t_
2\tministre\tministre\tNOUN\t_\t_\t4\tnsubj\t_\tNER=S-PER
3\ta\tavoir\tAUX\t_\t_\t4\taux:tense\t_\t_
4\tparlé\tparler\tVERB\t_\t_\t0\troot\t_\t_
5-6\tdu\t_\t_\t_\t_\t_\t_\t_\t_
5\tde\tde\tADP\t_\t_\t7\tcase\t_\t_
6\tle\tle\tDET\t_\t_\t7\tdet\t_\t_
7\tbout\tbout\tNOUN\t_\t_\t4\tobl:mod\t_\t_
8-9\tdes\t_\t_\t_\t_\t_\t_\t_\t_
8\tde\tde\tADP\t_\t_\t10\tcase\t_\t_
9\tles\tle\tDET\t_\t_\t10\tdet\t_\t_
10\tlèvres\tlèvre\tNOUN\t_\t_\t7\tnmod\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

# sent_id = 2
1\tC'\tce\tPRON\t_\t_\t3\tnsubj\t_\tSpaceAfter=No
2\test\têtre\tAUX\t_\t_\t3\tcop\t_\t_
3\tfaux\tfaux\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# newpar
# text = Fin .
1\tFin\tfin\tNOUN\t_\t_\t0\troot\t_\t_
2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_
"""


def test_text_rebuilt_from_text_comments_and_space_after() -> None:
    doc = get_engine("conllu").parse(SAMPLE, "fr")
    assert doc.text == "Le ministre a parlé du bout des lèvres. C'est faux.\n\nFin ."
    assert conllu_text(SAMPLE) == doc.text
    assert check_document(doc) == []
    assert [len(s.words) for s in doc.sentences] == [11, 4, 2]
    du = doc.sentences[0].tokens[4]
    assert du.text == "du" and [w.text for w in du.words] == ["de", "le"]
    assert all((w.start_char, w.end_char) == (du.start_char, du.end_char) for w in du.words)
    assert doc.text[du.start_char:du.end_char] == "du"
    assert [(e.text, e.type) for e in doc.ents] == [("ministre", "PER")]
    assert doc.sentences[0].words[6].deprel == "obl:mod"


def test_ud_treebank_offsets(shared_dir: Path) -> None:
    path = shared_dir / "ud" / "UD_French-GSD" / "fr_gsd-ud-test.conllu"
    content = path.read_text(encoding="utf-8")
    doc = read_conllu(content, "fr", str(path))
    word_lines = [ln for ln in content.splitlines() if ln[:1].isdigit() and ln.split("\t")[0].isdigit()]
    assert doc.num_words == len(word_lines)
    assert check_document(doc) == []
    texts = [ln[len("# text = "):] for ln in content.splitlines() if ln.startswith("# text = ")]
    assert [s.text for s in doc.sentences] == texts


def test_round_trip_keeps_text_offsets_and_tree() -> None:
    doc = read_conllu(SAMPLE, "fr")
    text = "  " + doc.text + " \n"  # leading and trailing whitespace must survive too
    again = read_conllu(write_conllu(read_conllu(write_conllu(doc), "fr")), "fr")
    assert again.text == doc.text and again.to_dict() == doc.to_dict()
    shifted = read_conllu(SAMPLE.replace("1\tLe\tle\tDET\t_\tDefinite=Def\t2\tdet\t_\t_",
                                         "1\tLe\tle\tDET\t_\tDefinite=Def\t2\tdet\t_\tSpacesBefore=\\s\\s"), "fr")
    assert shifted.text.startswith("  Le") and offset_errors(shifted) == []
    assert text.strip() == shifted.text.strip()


@pytest.mark.parametrize("bad, line", [("1\tLe\tle\n", 1), ("# text = x\n1-x\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n", 2)])
def test_malformed_conllu_names_the_line(bad: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        read_conllu(bad, "fr", "bad.conllu")
    assert err.value.line == line and str(err.value).startswith(f"bad.conllu:{line}: ")
