"""Property-based tests over generated French-like text with random quote marks (issue 8).

For any text: quote finding and the full extraction (parse, extract, resolve) never raise;
every offset lies inside the text and every span's ``text`` is ``article[start:end]``;
spans never cross (two attribution contents, or a content and a term, are disjoint or one
holds the other); the output is the same for the same input.

``find_quotes`` alone is cheap and gets many examples; the full extraction parses each
example with spaCy, so it gets few, short ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attribution.extract import extract
from attribution.parse import get_engine
from attribution.pipeline import process_article
from attribution.quotes import QuoteSpan, find_quotes
from attribution.records import Article, ArticleResult, Span

# --- French-like text ----------------------------------------------------------------------

MARKS = ["«", "»", "« ", " »", "“", "”", '"', "'", "‹", "›", "„", "’", "‘", "\u00a0»", "«\u00a0"]
NAMES = ["Jean Dupont", "Emmanuel Macron", "Sabrina Singh", "le Pentagone", "la CGT",
         "un responsable", "les services du Premier ministre", "le ministre", "Mme Durand",
         "l'AFP", "Baghdad", "un témoin", "il", "elle", "ils", "son porte-parole"]
CUES = ["a indiqué", "a déclaré", "a dit", "a-t-il dit", "a-t-elle ajouté", "selon", "d'après",
        "a affirmé", "estime", "a assuré que", "a reconnu que", "avait indiqué que", "ont indiqué",
        "souligne", "a précisé", ":", "—", "a-t-il ajouté", "explique-t-elle"]
WORDS = ["le", "la", "les", "un", "une", "de", "des", "du", "que", "qu'il", "qu'elle", "et", "mais",
         "en", "à", "pour", "sur", "dans", "paix", "réforme", "négociations", "sont", "est", "sera",
         "avaient", "été", "constructives", "aujourd'hui", "l'Irak", "d'experts", "c'est", "fini",
         "Etats-Unis", "mission", "coalition", "2024", "10 %", "samedi", "rock 'n' roll", "don't",
         "l'« Obamacare »", "qu' « aucun »", "the '90s", "5'11"]
PUNCT = [".", ",", "!", "?", "…", ";", ":", " -", "(", ")", "."]
SEPARATORS = [" ", " ", " ", " ", "", "\n", "\n\n", "\u00a0", "\u202f", "  ", "\r\n"]

atoms = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(CUES),
                  st.sampled_from(MARKS), st.sampled_from(PUNCT))


@st.composite
def noise(draw: st.DrawFn, max_atoms: int = 40, min_atoms: int = 0) -> str:
    """Any sequence of words, names, cues, marks and punctuation, glued or spaced at random."""
    parts = draw(st.lists(st.tuples(atoms, st.sampled_from(SEPARATORS)), min_size=min_atoms,
                          max_size=max_atoms))
    return "".join(a + s for a, s in parts)


def _clause(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 6))
    return " ".join(draw(st.sampled_from(WORDS)) for _ in range(n))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence in one of the shapes news use for reported speech, marks possibly broken."""
    name, cue, clause = draw(st.sampled_from(NAMES)), draw(st.sampled_from(CUES)), _clause(draw)
    o, c = draw(st.sampled_from([("« ", " »"), ("«", "»"), ("“", "”"), ('"', '"'), ("‹ ", " ›"),
                                 ("„", "“"), ("« ", ""), ("", " »"), ("»", "«"), ("'", "'")]))
    shape = draw(st.integers(0, 6))
    if shape == 0:
        s = f"{name} {cue} {clause}."
    elif shape == 1:
        s = f"{o}{clause}{c}, {cue} {name}."
    elif shape == 2:
        s = f"{cue.capitalize()} {name}, {clause}."
    elif shape == 3:
        s = f"{name} {cue} : {o}{clause}{c}."
    elif shape == 4:
        s = f"{name} {cue} que {clause} {o}{_clause(draw)}{c}."
    elif shape == 5:
        s = f"{o}{clause}.{c}"
    else:
        s = f"{clause} {o}{_clause(draw)}{c} {clause}."
    return s


@st.composite
def french_text(draw: st.DrawFn, max_sentences: int = 6, max_noise: int = 20) -> str:
    """Sentences and noise, in paragraphs; never blank (the reader never yields a blank article)."""
    pieces = draw(st.lists(st.one_of(sentence(), noise(max_noise)), min_size=1,
                           max_size=max_sentences))
    seps = [draw(st.sampled_from([" ", " ", "\n", "\n\n", ""])) for _ in pieces]
    text = "".join(p + s for p, s in zip(pieces, seps, strict=True))
    text = text.replace("\r\n", "\n")  # the reader turns CRLF into LF before any stage
    return text if text.strip() else "Le ministre a dit « oui »."


# --- checks --------------------------------------------------------------------------------

def check_span(article: str, what: str, start: int, end: int, text: str) -> None:
    assert 0 <= start <= end <= len(article), f"{what}: ({start}, {end}) outside 0..{len(article)}"
    assert article[start:end] == text, f"{what}: {text!r} != article[{start}:{end}] {article[start:end]!r}"


def crossing(spans: Iterable[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of spans that overlap without one holding the other."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[0] >= a[1]:
                break
            if b[1] > a[1]:  # b starts inside a and ends after it
                yield a, b


def quotes_cross(text: str) -> bool:
    """Whether two quotes of ``text`` cross, by their marks or by their text."""
    quotes = find_quotes(text)
    return bool(list(crossing((q.open_start, q.close_end) for q in quotes))
                or list(crossing((q.start, q.end) for q in quotes)))


def check_result(result: ArticleResult, marks_cross: bool = True) -> None:
    """Offsets exact, and no two spans crossing. With ``marks_cross``, terms are not checked in a
    text whose quote marks themselves cross (a known bug of quotes, pinned below)."""
    article = result.article.text
    for i, a in enumerate(result.attributions):
        assert a.type in ("direct", "indirect", "mixed"), a.type
        check_span(article, f"attribution {i} content", a.content.start, a.content.end, a.content.text)
        assert a.content.text.strip(), f"attribution {i}: empty content"
        if a.cue is not None:
            check_span(article, f"attribution {i} cue", a.cue.start, a.cue.end, a.cue.text)
        if a.speaker is not None:
            sp = a.speaker
            check_span(article, f"attribution {i} speaker", sp.start, sp.end, sp.text)
            if sp.resolved is not None:
                check_span(article, f"attribution {i} resolved speaker", sp.resolved.start,
                           sp.resolved.end, sp.resolved.text)
    for i, t in enumerate(result.terms):
        check_span(article, f"term {i}", t.start, t.end, t.text)
    for e in result.entities:
        for m in e.mentions:
            check_span(article, f"entity {e.id} mention", m.start, m.end, m.text)
    contents = [(a.content.start, a.content.end) for a in result.attributions]
    terms = [(t.start, t.end) for t in result.terms]
    if marks_cross and quotes_cross(article):
        terms = []  # crossing quotes (« a “ b » c ”) give crossing terms: test_quotes_never_cross
    for what, bad in (("attribution contents", list(crossing(contents))),
                      ("terms", list(crossing(terms))),
                      ("a term and a content",
                       [(c, t) for c in contents for t in terms if list(crossing([c, t]))])):
        assert not bad, (f"{what} cross: {[(article[x:y], article[u:v]) for (x, y), (u, v) in bad]}"
                         f" in {article!r}")


def as_data(result: ArticleResult) -> dict[str, Any]:
    d = result.to_dict()
    d.pop("text")
    return d


# --- find_quotes alone: many examples ------------------------------------------------------

COMMON_SPACES = " \t\n\u00a0\u202f"  # trimmed off every quote (other Unicode spaces: below)


def check_quotes(text: str, quotes: list[QuoteSpan]) -> None:
    for q in quotes:
        check_span(text, f"quote {q}", q.start, q.end, q.text)
        assert 0 <= q.open_start <= q.start < q.end <= q.close_end <= len(text), q
        assert q.text and q.text[0] not in COMMON_SPACES and q.text[-1] not in COMMON_SPACES, q
        assert q.kind in ("paired", "reopened", "unclosed", "unopened"), q.kind
        assert q.depth >= 0
    keys = [(q.open_start, -q.close_end) for q in quotes]
    assert keys == sorted(keys), "not sorted by position, outer quotes first"


@settings(max_examples=1000, deadline=None)
@given(french_text(max_sentences=10, max_noise=40))
def test_find_quotes_offsets_and_determinism(text: str) -> None:
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert find_quotes(text) == quotes


# every mark the finder knows, and little else: the densest unbalanced input
MARKS_TEXT = st.text(alphabet=st.sampled_from(list("«»‹›“”„‟‘’‚‛\"'＂ ab.,:\n\u00a0")), max_size=200)


@settings(max_examples=500, deadline=None)
@given(MARKS_TEXT)
def test_find_quotes_on_marks_and_little_else(text: str) -> None:
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert find_quotes(text) == quotes


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_find_quotes_on_any_unicode(text: str) -> None:
    check_quotes(text, find_quotes(text))


FAMILY = {**dict.fromkeys("«»", "guillemet"), **dict.fromkeys("‹›", "single guillemet"),
          **dict.fromkeys("“”„‟", "curly"), **dict.fromkeys("‘’‚‛", "curly single"),
          **dict.fromkeys('"＂', "straight"), "'": "straight single"}


@settings(max_examples=500, deadline=None)
@given(st.one_of(french_text(max_sentences=10, max_noise=40), MARKS_TEXT))
def test_quotes_of_one_family_never_cross(text: str) -> None:
    """Quotes paired with the same stack are disjoint or nested (marks included)."""
    by_family: dict[str, list[tuple[int, int]]] = {}
    for q in find_quotes(text):
        family = FAMILY[q.marks[0]]
        by_family.setdefault(family, []).append((q.open_start, q.close_end))
    for family, spans in by_family.items():
        bad = list(crossing(spans))
        assert not bad, (family, [(text[a:b], text[c:d]) for (a, b), (c, d) in bad])


# --- the full extraction: few, short, parsed examples --------------------------------------

# Parsing makes examples costly, so they are few; derandomized, so that the suite gives the same
# verdict on every run (explore with more, random examples by raising max_examples locally).
PARSED: dict[str, Any] = {"deadline": None, "derandomize": True, "database": None,
                          "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@pytest.fixture(scope="module")
def engine():
    return get_engine("spacy", use_cache=False)


def run(engine, text: str) -> ArticleResult:
    return process_article(Article(id="a", path="a.txt", text=text, lang="fr"), engine)


@settings(max_examples=30, **PARSED)
@given(text=french_text())
def test_extraction_spans_are_exact_never_cross_and_are_deterministic(engine, text: str) -> None:
    result = run(engine, text)
    check_result(result)
    assert as_data(run(engine, text)) == as_data(result)


@settings(max_examples=15, **PARSED)
@given(text=noise(50, min_atoms=8).filter(lambda t: bool(t.strip())))
def test_extraction_on_noise_never_raises(engine, text: str) -> None:
    check_result(run(engine, text))


@settings(max_examples=10, **PARSED)
@given(text=french_text())
def test_extract_twice_on_one_document_gives_the_same(engine, text: str) -> None:
    doc = engine.parse(text, "fr")
    first = extract(doc, "fr")
    assert extract(doc, "fr") == first
    assert doc.text == text  # no stage rewrites the text


# --- found by the properties above: minimal cases, pinned ----------------------------------

def check_own_cue_and_speaker_outside_content(result: ArticleResult) -> None:
    """ANNOTATION.md: content is the complement, without the cue or the ``selon X`` phrase."""
    for a in result.attributions:
        for what, s in (("cue", a.cue), ("speaker", a.speaker)):
            if s is not None and s.end > s.start:
                inside = a.content.start < s.end and s.start < a.content.end
                assert not inside, f"{what} {s.text!r} inside its own content {a.content.text!r}"


def test_selon_content_leaves_out_its_cue_beside_another_cue(engine) -> None:
    # found here: the content of "selon X" ran over the whole sentence, "selon X" included
    text = ("Le ministre a déclaré samedi que les discussions avaient été « constructives », "
            "selon un communiqué publié à Bagdad.")
    check_own_cue_and_speaker_outside_content(run(engine, text))


# found here: an IndexError in extract/spans.clause_end when "selon X" ended the text
@pytest.mark.parametrize("text", ["selon Jean Dupont ", "selon lui", "D'après le ministre",
                                  "Le texte est parti. Selon la CGT, "])
def test_a_text_ending_with_selon_x_is_processed(engine, text: str) -> None:
    check_result(run(engine, text))


@pytest.mark.parametrize("text", [
    "« le, a indiqué Jean Dupont. « le », a indiqué Jean Dupont. ",  # an unclosed quote
    "Le ministre a reconnu que la CGT explique-t-elle un accord.",
])
def test_contents_do_not_cross(engine, text: str) -> None:
    check_result(run(engine, text))


@pytest.mark.parametrize("text", ["« a “ b » c ”", "Il a dit « un “ deux » trois ” fin.",
                                  "« a “\n“ b", "«  “\u00a0endes›\n,\ndes"])
def test_quotes_never_cross(text: str) -> None:
    assert not quotes_cross(text), find_quotes(text)


def test_terms_do_not_cross(engine) -> None:
    check_result(run(engine, "Jean Dupont a indiqué le. “ « le “  "), marks_cross=False)


@pytest.mark.parametrize("space", ["\u2002", "\u2003", "\u2009\u2002", "\u2028", "\x85", "\u205f"])
def test_quote_text_is_trimmed_of_every_unicode_space(space: str) -> None:
    for text in (f"« {space} »", f"Il a dit «{space}oui{space}».", f"“{space}”"):
        for q in find_quotes(text):
            assert q.text == q.text.strip() and q.text, (text, q)


def test_crossing_helper() -> None:
    """The helper the properties rest on finds partial overlaps and only them."""
    assert list(crossing([(0, 10), (2, 5), (5, 10), (10, 12)])) == []
    assert list(crossing([(0, 5), (3, 8)])) == [((0, 5), (3, 8))]
    assert list(crossing([(3, 8), (0, 5), (6, 7)])) == [((0, 5), (3, 8))]
    assert Span.of("abc", 1, 9) == Span(1, 3, "bc")


# --- the same output in another process: nothing depends on str hashing or set order ----------

_BOTH = """
import sys
from click.testing import CliRunner
from attribution.cli import main
for args in (["extract", "--with-text"], ["audit", "--format", "json"], ["compare", "--format", "json"]):
    r = CliRunner().invoke(main, [*args, "--engine", "spacy", "--no-cache", *sys.argv[1:]])
    assert r.exit_code == 0, r.output
    sys.stdout.write(r.stdout)
"""


@pytest.mark.slow  # two fresh interpreters load spaCy: about 20 s
def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path, seed_text: str) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    paths = [tmp_path / "seed.txt", tmp_path / "other.txt"]
    paths[0].write_text("outlet: El Watan\nlang: fr\n\n" + seed_text, encoding="utf-8")
    paths[1].write_text("outlet: AFP\nlang: fr\n\nLe Pentagone a indiqué que « la mission » "
                        "continue, selon un porte-parole. Sabrina Singh avait reconnu que la "
                        "taille des effectifs ferait « partie des discussions ».", encoding="utf-8")
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
        proc = subprocess.run([sys.executable, "-c", _BOTH, *map(str, paths)], cwd=root, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0].count("\n") >= 4
    assert outputs[0] == outputs[1]
