"""Extraction and resolution read one view of an article, and resolution starts from the words of
each speaker mention that extraction found there.

The article is a pre-parsed CoNLL-U file (written by the spaCy engine once and kept here), so
these tests need no model: a named subject, an inverted clitic (``a-t-il``) that the view keeps
as one word ``-il``, and an agent noun that no lexicon table knows (``L'apiculteur``), which
resolution's own scan does not find and makes from the words it is handed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import attribution.docview as docview
import attribution.extract as extract
import attribution.resolve as resolve
import attribution.stages as stages
from attribution.docview import DocView, build_view
from attribution.extract import Extraction, extract_view
from attribution.parse import get_engine, read_conllu
from attribution.reader import read_path
from attribution.records import Attribution, Speaker
from attribution.resolve import resolve_view

ARTICLE = Path(__file__).parent / "data" / "handoff.conllu"


@pytest.fixture(scope="module")
def view() -> DocView:
    return build_view(read_conllu(ARTICLE.read_text(encoding="utf-8"), "fr"), "fr")


@pytest.fixture(scope="module")
def found(view: DocView) -> Extraction:
    return extract_view(view)


def _words(view: DocView, r: tuple[int, int] | None) -> list[str]:
    assert r is not None
    return [t.text for t in view.toks[r[0]:r[1]]]


def _by_speaker(found: Extraction, text: str) -> int:
    return next(k for k, a in enumerate(found.attributions) if a.speaker is not None and a.speaker.text == text)


def test_extraction_hands_over_the_words_of_each_speaker_mention(view: DocView, found: Extraction) -> None:
    assert len(found.speakers) == len(found.attributions)
    assert [a.speaker.text for a in found.attributions if a.speaker] == ["Gérald Martin", "il", "L'apiculteur"]
    assert _words(view, found.speakers[0]) == ["Gérald", "Martin"]
    assert _words(view, found.speakers[1]) == ["-il"]  # the clitic word; its mention leaves the hyphen out
    assert _words(view, found.speakers[2]) == ["L'", "apiculteur"]
    for a, r in zip(found.attributions, found.speakers, strict=True):
        assert a.speaker is not None and r is not None
        first, last = view.toks[r[0]], view.toks[r[1] - 1]
        # the words span the speaker mention exactly (give or take the clitic's hyphen)
        assert first.start <= a.speaker.start < first.end and last.end == a.speaker.end


def test_resolution_of_the_handed_words_matches_resolution_by_offsets(view: DocView, found: Extraction) -> None:
    doc = read_conllu(ARTICLE.read_text(encoding="utf-8"), "fr")
    by_view = resolve_view(view, found.attributions, found.speakers)
    by_offsets = resolve.resolve(doc, list(found.attributions), "fr")
    assert by_view == by_offsets
    speakers = [a.speaker for a in by_view[0]]
    assert all(s is not None and s.entity for s in speakers)
    martin, il, apiculteur = (s for s in speakers if s is not None)
    assert il.entity == martin.entity and il.resolved is not None and il.resolved.text == "Gérald Martin"
    assert apiculteur.type == "person"  # an unknown agent noun that speaks is a person


def test_a_speaker_no_rule_found_is_made_from_the_words_handed_over(view: DocView, found: Extraction) -> None:
    k = _by_speaker(found, "L'apiculteur")
    other = view.words_in(view.text.index("la saison"), view.text.index("la saison") + len("la saison"))
    assert _words(view, other) == ["la", "saison"]
    moved = list(found.speakers)
    moved[k] = other  # the same offsets, other words: resolution reads the words
    spk = resolve_view(view, found.attributions, moved)[0][k].speaker
    assert spk is not None and spk.type != "person"  # "saison" is no agent noun: a body by default
    none = list(found.speakers)
    none[k] = None  # no words, no speaker mention: the speaker stays unresolved
    spk = resolve_view(view, found.attributions, none)[0][k].speaker
    assert spk == found.attributions[k].speaker and spk.entity is None


def test_process_article_builds_one_view_read_by_both_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    article = read_path(str(ARTICLE), lang="fr")[0]
    assert article.parsed is not None
    seen: dict[str, list[Any]] = {"built": [], "extract": [], "resolve": []}

    def counting_build(doc: Any, lang: str) -> DocView:
        v = build_view(doc, lang)
        seen["built"].append(v)
        return v

    def spy_extract(v: DocView) -> Extraction:
        out = extract_view(v)
        seen["extract"].append((v, out))
        return out

    def spy_resolve(v: DocView, attributions: tuple[Attribution, ...], speakers: tuple[Any, ...]) -> Any:
        seen["resolve"].append((v, attributions, speakers))
        return resolve_view(v, attributions, speakers)

    # the stages are patched where they live and where the stages module holds them
    for module, name, spy in ((docview, "build_view", counting_build), (extract, "extract_view", spy_extract),
                              (resolve, "resolve_view", spy_resolve)):
        monkeypatch.setattr(module, name, spy)
        monkeypatch.setattr(stages, name, spy, raising=False)
    result = stages.process_article(article, get_engine("conllu"))
    assert len(seen["built"]) == 1
    (v,) = seen["built"]
    (xv, out), = seen["extract"]
    (rv, attributions, speakers), = seen["resolve"]
    assert xv is v and rv is v  # one view object, read by both stages
    assert attributions == out.attributions and speakers == out.speakers
    assert [a.speaker.entity for a in result.attributions if isinstance(a.speaker, Speaker)] == \
        ["gerald-martin", "gerald-martin", "apiculteur"]
