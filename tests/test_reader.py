"""The corpus reader: formats, header, ids, order, language, and the bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.errors import InputError, UnsupportedLanguage
from attribution.reader import (
    headline,
    iter_articles,
    normalize_newlines,
    read_path,
    split_header,
    split_inline_date,
)
from attribution.records import Article

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

FR = ("Le ministre a déclaré samedi que les discussions avaient été « constructives », "
      "selon un communiqué publié à Bagdad.")
EN = "The minister said on Saturday that the talks had been constructive, according to a statement."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def articles(*paths: Path | str, **kw) -> list[Article]:
    items = list(iter_articles([str(p) for p in paths], **kw))
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return [i for i in items if isinstance(i, Article)]


# --- split_header ------------------------------------------------------------------------

def test_header_known_and_unknown_keys() -> None:
    text = "title: Un titre\nOutlet: AFP\ndate: 2024-01\nurl: https://x.org/a?b=1\nlang: fr\n" \
           "license: CC BY 2.5\nx-custom: anything: even colons\n\nBody.\n"
    fields, body = split_header(text)
    assert fields == {"title": "Un titre", "outlet": "AFP", "date": "2024-01",
                      "url": "https://x.org/a?b=1", "lang": "fr", "license": "CC BY 2.5",
                      "x-custom": "anything: even colons"}
    assert body == "Body.\n"


def test_header_aliases_and_empty_values() -> None:
    fields, body = split_header("Language: en\nheadline: H\nlink: u\nnote:\n\nB")
    assert fields == {"lang": "en", "title": "H", "url": "u", "note": ""}
    assert body == "B"


@pytest.mark.parametrize("text", [
    "France : une tentative d'attentat déjouée dans l'Hérault\n\nTexte.",  # space before colon
    "Update: the minister resigned\n\nText.",  # one line, unknown key: a headline
    "title: T\nthis line is prose\n\nText.",  # not every line is key: value
    "title:T\n\nText.",  # no space after the colon
    "https://example.org\n\nText.",
    "\n\ntitle: T\n\nText.",  # a header starts at the very beginning
    "Just text with no blank line at all.",
])
def test_not_a_header(text: str) -> None:
    assert split_header(text) == ({}, text)


def test_two_unknown_keys_make_a_header() -> None:
    fields, body = split_header("source: AFP\nedition: soir\n\nTexte.")
    assert fields == {"source": "AFP", "edition": "soir"} and body == "Texte."


def test_header_without_body() -> None:
    assert split_header("title: T\nlang: fr\n") == ({"title": "T", "lang": "fr"}, "")


def test_body_keeps_its_own_leading_blank_lines() -> None:
    # only the one blank line that ends the header is removed
    assert split_header("lang: fr\n\n\nB")[1] == "\nB"


def test_a_very_long_first_line_is_not_a_header() -> None:
    text = "title: " + "x" * 5000 + "\n\nBody"
    assert split_header(text) == ({}, text)


# --- inline date, headline, newlines -------------------------------------------------------

@pytest.mark.parametrize("text,date,rest", [
    ("date 2024-01 L’Irak et les Etats-Unis", "2024-01", "L’Irak et les Etats-Unis"),
    ("date 2024-01-27\nL’Irak", "2024-01-27", "L’Irak"),
    ("date 2024 Texte", "2024", "Texte"),
    ("date 2024-01", "2024-01", ""),
    ("dated 2024-01 text", None, "dated 2024-01 text"),
    ("date de la réunion : inconnue", None, "date de la réunion : inconnue"),
    ("La date 2024-01 est tardive", None, "La date 2024-01 est tardive"),
])
def test_split_inline_date(text: str, date: str | None, rest: str) -> None:
    assert split_inline_date(text) == (date, rest)


@pytest.mark.parametrize("text,title", [
    ("France : une fusillade à Grasse fait plusieurs blessés\n\n17 mars 2017. – Une fusillade",
     "France : une fusillade à Grasse fait plusieurs blessés"),
    ("Hackers attack Church of Scientology website\n\nSunday", "Hackers attack Church of Scientology website"),
    ("Le ministre a parlé.\n\nSuite.", None),  # a sentence, not a headline
    ("Une ligne\nsur deux\n\nSuite.", None),  # the first paragraph has two lines
    ("Seule ligne\n\n", None),  # nothing after it: the headline would be the whole article
    ("x" * 300 + "\n\nSuite.", None),
    ("12 345\n\nSuite.", None),
])
def test_headline(text: str, title: str | None) -> None:
    assert headline(text) == title


@pytest.mark.parametrize("text,out,kind", [
    ("a\r\nb\r\n", "a\nb\n", "crlf"),
    ("a\rb\r", "a\nb\n", "cr"),
    ("a\r\nb\rc", "a\nb\nc", "mixed"),
    ("a\nb", "a\nb", None),
])
def test_normalize_newlines(text: str, out: str, kind: str | None) -> None:
    assert normalize_newlines(text) == (out, kind)


# --- .txt ----------------------------------------------------------------------------------

def test_txt_with_header(tmp_path: Path) -> None:
    header = ("title: Irak : discussions\noutlet: Le Journal\ndate: 2024-01-27\n"
              "url: https://example.org/irak\nlang: fr\nrubrique: Monde\n\n")
    path = write(tmp_path / "a.txt", header + FR + "\n")
    (art,) = read_path(str(path))
    assert (art.id, art.path, art.title, art.outlet, art.date, art.url, art.lang) == (
        "a", str(path), "Irak : discussions", "Le Journal", "2024-01-27",
        "https://example.org/irak", "fr")
    assert art.text == FR + "\n"
    assert art.meta["rubrique"] == "Monde"  # unknown keys are kept
    assert art.meta["lang_source"] == "metadata"


def test_offsets_refer_to_the_body(tmp_path: Path) -> None:
    header = "title: T\nlang: fr\n\n"
    raw = header + FR
    path = write(tmp_path / "a.txt", raw)
    (art,) = read_path(str(path))
    start = art.text.index("constructives")
    # an offset into Article.text is the file's offset minus the header, nothing else moves
    assert raw[start + len(header):start + len(header) + len("constructives")] == "constructives"
    assert art.text == raw[len(header):]


def test_txt_inline_date(tmp_path: Path) -> None:
    path = write(tmp_path / "seed.txt", "date 2024-01 " + FR)
    (art,) = read_path(str(path))
    assert art.date == "2024-01" and art.text == FR
    assert art.meta["date_from"] == "inline"


def test_header_date_wins_over_inline_date(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "date: 2024-01-27\n\ndate 2024-01 " + FR)
    (art,) = read_path(str(path))
    assert art.date == "2024-01-27" and art.text == FR


def test_txt_without_header_gets_headline_title(tmp_path: Path) -> None:
    text = "France : une attaque déjouée\n\n" + FR
    (art,) = read_path(str(write(tmp_path / "wn.txt", text)))
    assert art.title == "France : une attaque déjouée"
    assert art.text == text  # the headline stays in the text
    assert art.meta["title_from"] == "first line"
    assert (art.outlet, art.date, art.url) == (None, None, None)


def test_header_title_wins_over_headline(tmp_path: Path) -> None:
    (art,) = read_path(str(write(tmp_path / "a.txt", "title: Mine\n\nHeadline here\n\n" + FR)))
    assert art.title == "Mine" and "title_from" not in art.meta


# --- .html ---------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html lang="fr-FR"><head><title>Irak - Le Journal</title>
<meta property="og:title" content="Irak : discussions sur la coalition">
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2024-01-27">
<link rel="canonical" href="https://example.org/irak">
<script>var tracking = "ne pas lire";</script></head>
<body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article><h1>Irak : discussions sur la coalition</h1>
<p>L’Irak et les Etats-Unis ont tenu samedi un «premier round» de discussions sur l’avenir de la
coalition internationale, a indiqué le gouvernement irakien dans un communiqué.</p>
<p>«Nous voulons une réduction progressive», a déclaré le Premier ministre devant la presse à
Bagdad, selon un communiqué officiel publié samedi soir par ses services.</p>
</article><footer>© 2024 Le Journal</footer></body></html>"""


def test_html(tmp_path: Path) -> None:
    (art,) = read_path(str(write(tmp_path / "page.html", HTML)))
    assert art.id == "page"
    assert "«premier round»" in art.text and "réduction progressive" in art.text
    assert "tracking" not in art.text and "Accueil" not in art.text
    assert art.title == "Irak : discussions sur la coalition"
    assert (art.outlet, art.date, art.url, art.lang) == (
        "Le Journal", "2024-01-27", "https://example.org/irak", "fr")
    assert art.meta["format"] == "html"


def test_htm_suffix_and_detected_language(tmp_path: Path) -> None:
    html = f"<html><body><article><p>{EN}</p><p>{EN}</p></article></body></html>"
    (art,) = read_path(str(write(tmp_path / "page.htm", html)))
    assert art.lang == "en" and art.meta["lang_source"] == "detected"


# --- .jsonl --------------------------------------------------------------------------------

def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": FR, "title": "T1", "outlet": "AFP", "date": "2024-01",
                    "url": "https://x/1", "lang": "fr", "section": "Monde", "tags": ["irak"]}),
        "",  # blank lines are skipped
        json.dumps({"text": EN, "language": "en-GB"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    a, b = read_path(str(path))
    assert (a.id, a.path, a.title, a.outlet, a.date, a.url, a.lang, a.text) == (
        "a1", f"{path}#id=a1", "T1", "AFP", "2024-01", "https://x/1", "fr", FR)
    assert a.meta["section"] == "Monde" and a.meta["tags"] == '["irak"]' and a.meta["line"] == "1"
    assert (b.id, b.path, b.lang, b.text, b.meta["line"]) == (
        "batch.jsonl#3", f"{path}#3", "en", EN, "3")
    assert b.meta["lang_source"] == "metadata"  # "language" is an alias of "lang"


def test_jsonl_malformed_line_gives_its_number_and_others_still_read(tmp_path: Path) -> None:
    lines = [json.dumps({"text": FR}), json.dumps({"text": EN}), '{"text": "broken', json.dumps({"text": FR + " Fin."})]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines))
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError", "Article"]
    err = items[2]
    assert isinstance(err, InputError) and err.path == f"{path}#3"
    assert str(err).startswith(f"{path}#3: invalid JSON (")
    assert "\n" not in str(err)


@pytest.mark.parametrize("line,problem", [
    ('["a list"]', "expected a JSON object, got list"),
    ('{"title": "no text"}', "no 'text' field"),
    ('{"text": 42}', "'text' is not a string"),
    ('{"text": "  "}', "empty 'text'"),
    ('{"text": "Der Minister sagte, dass die Lage ernst sei und man nicht warten könne."}',
     "unsupported language 'de' (supported: fr, en)"),
])
def test_jsonl_bad_records(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path / "c.jsonl", json.dumps({"text": FR}) + "\n" + line + "\n")
    items = list(iter_articles([str(path)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and str(items[1]) == f"{path}#2: {problem}"


def test_jsonl_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", "\n".join(json.dumps({"id": "x", "text": FR}) for _ in range(2)))
    items = list(iter_articles([str(path)]))
    assert isinstance(items[0], Article)
    assert str(items[1]) == f"{path}#2: duplicate article id 'x' (already used by {path}#1)"


def test_jsonl_crlf_inside_text(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", json.dumps({"text": "Premier.\r\nLe ministre a dit que la paix est proche."}))
    (art,) = read_path(str(path))
    assert "\r" not in art.text and art.meta["newlines"] == "crlf"


# --- folders, ids, order -------------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write(root / "b.txt", FR)
    write(root / "a.txt", FR)
    write(root / "sub" / "z.html", f"<html><body><article><p>{FR}</p></article></body></html>")
    write(root / "sub" / "deeper" / "m.txt", EN)
    write(root / "sub" / "y.jsonl", json.dumps({"text": EN}))
    write(root / "A.txt", FR)
    write(root / ".hidden.txt", FR)
    write(root / ".git" / "x.txt", FR)
    write(root / "README.md", "# not an article")
    write(root / "gold.json", "{}")
    arts = articles(root)
    assert [a.id for a in arts] == ["A", "a", "b", "sub/deeper/m", "sub/y.jsonl#1", "sub/z"]
    assert [a.path for a in arts][0] == str(root / "A.txt")
    assert arts[3].lang == "en"
    # the same folder given again reads the same, in the same order
    assert [a.id for a in articles(root)] == [a.id for a in arts]


def test_ids_of_files_given_directly_and_collisions(tmp_path: Path) -> None:
    a = write(tmp_path / "x" / "story.txt", FR)
    b = write(tmp_path / "x" / "story.html", f"<html><body><article><p>{FR}</p></article></body></html>")
    c = write(tmp_path / "y" / "story.txt", FR)
    ids = [art.id for art in articles(a, b, c)]
    # a taken id falls back to the name with its suffix, then to the path as given
    assert ids == ["story", "story.html", "story.txt"]
    d = write(tmp_path / "z" / "story.txt", FR)
    assert [art.id for art in articles(a, c, d)] == ["story", "story.txt", Path(d).as_posix()]


def test_same_file_twice_is_read_once_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path / "c" / "a.txt", FR)
    notes: list[str] = []
    arts = list(iter_articles([str(tmp_path / "c"), str(path)], on_note=notes.append))
    assert len(arts) == 1
    assert notes == [f"{path}: already read; skipped"]


def test_explicit_file_with_other_suffix_is_read_as_text(tmp_path: Path) -> None:
    (art,) = read_path(str(write(tmp_path / "article.md", FR)))
    assert art.text == FR and art.id == "article"


def test_single_string_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", FR)
    assert [a.id for a in iter_articles(str(path)) if isinstance(a, Article)] == ["a"]


# --- language ------------------------------------------------------------------------------

def test_lang_argument_overrides_metadata_and_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "lang: fr\n\n" + FR)
    (art,) = articles(path, lang="en")
    assert art.lang == "en" and art.meta["lang_source"] == "argument"
    (art,) = articles(path, lang="English")
    assert art.lang == "en"


def test_unsupported_lang_argument_raises_before_reading(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedLanguage) as info:
        iter_articles([str(tmp_path / "missing.txt")], lang="de")
    assert str(info.value) == "--lang: unsupported language 'de' (supported: fr, en)"


def test_metadata_language_is_normalised(tmp_path: Path) -> None:
    (art,) = articles(write(tmp_path / "a.txt", "lang: fr-FR\n\n" + EN))
    assert art.lang == "fr" and art.meta["lang_source"] == "metadata"


def test_unsupported_metadata_language(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "lang: de\n\n" + FR)
    (err,) = list(iter_articles([str(path)]))
    assert isinstance(err, UnsupportedLanguage)
    assert str(err) == f"{path}: unsupported language 'de' (supported: fr, en)"


@pytest.mark.parametrize("text,problem", [
    ("Die Bundesregierung hat am Montag neue Maßnahmen angekündigt. Der Minister sagte, dass "
     "die Lage ernst sei und man nicht warten könne.", "unsupported language 'de' (supported: fr, en)"),
    ("El gobierno anunció el lunes nuevas medidas. El ministro dijo que la situación es grave.",
     "unsupported language 'es' (supported: fr, en)"),
    ("Правительство в понедельник объявило о новых мерах, заявил министр.",
     "unsupported language (text in Cyrillic script; supported: fr, en)"),
])
def test_unsupported_detected_language(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path / "a.txt", text)
    (err,) = list(iter_articles([str(path)]))
    assert isinstance(err, UnsupportedLanguage) and str(err) == f"{path}: {problem}"


def test_undetectable_language_defaults_to_french_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Bagdad, 27/01/2024.")
    notes: list[str] = []
    (art,) = list(iter_articles([str(path)], on_note=notes.append))
    assert isinstance(art, Article)
    assert art.lang == "fr" and art.meta["lang_source"] == "default"
    assert notes == [f"{path}: language not detected; assuming fr (set it with a 'lang:' header or --lang)"]


def test_read_path_raises_the_first_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_path(str(tmp_path / "nope.txt"))


# --- the bundled corpus --------------------------------------------------------------------

def _eval_pairs(eval_dir: Path) -> list[tuple[dict, Path]]:
    pairs = []
    for gold_path in sorted(eval_dir.glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pairs.append((gold, gold_path.with_name(gold["text"])))
    assert pairs, "the evaluation set is empty"
    return pairs


def test_corpus_bodies_are_the_eval_texts(eval_dir: Path) -> None:
    for gold, text_path in _eval_pairs(eval_dir):
        corpus_file = CORPUS / text_path.parent.name / text_path.name
        (art,) = read_path(str(corpus_file))
        # byte-identical: the gold offsets of the evaluation set hold on the corpus article
        assert art.text.encode("utf-8") == text_path.read_bytes(), corpus_file
        assert art.lang == gold["lang"] and art.meta["lang_source"] == "metadata"
        meta = gold["meta"]
        assert art.date == meta["date"]
        assert art.outlet == meta.get("outlet")
        if text_path.name != "seed.txt":
            assert art.url == meta["source"]
            assert art.meta["license"] == meta["license"]
            assert art.title == art.text.split("\n", 1)[0]


def test_seed_in_corpus(seed_text: str) -> None:
    (art,) = read_path(str(CORPUS / "fr" / "seed.txt"))
    assert art.text == seed_text
    assert (art.id, art.date, art.lang, art.outlet) == ("seed", "2024-01", "fr", None)
    assert art.title


def test_whole_corpus_reads_without_errors(eval_dir: Path) -> None:
    items = list(iter_articles([str(CORPUS)]))
    assert not [i for i in items if isinstance(i, InputError)]
    expected = sorted(f"{t.parent.name}/{t.stem}" for _, t in _eval_pairs(eval_dir))
    assert [a.id for a in items if isinstance(a, Article)] == expected  # README.md and build.py are not articles


# --- properties ----------------------------------------------------------------------------

_bodies = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300)


@settings(max_examples=200, deadline=None)
@given(body=_bodies, title=st.text(alphabet="abc XYZ:é’«»", min_size=1, max_size=40).map(str.strip)
       .filter(bool))
def test_header_round_trip(body: str, title: str) -> None:
    # whatever the body, a header in front of it comes off and leaves the body exactly
    fields, rest = split_header(f"title: {title}\nlang: fr\n\n{body}")
    assert fields == {"title": title, "lang": "fr"} and rest == body


@settings(max_examples=200, deadline=None)
@given(text=_bodies)
def test_split_header_only_cuts_at_the_first_blank_line(text: str) -> None:
    fields, rest = split_header(text)
    if fields:
        head = text[:len(text) - len(rest)]
        assert head.endswith("\n\n") or rest == ""
        assert all(":" in line for line in head.strip("\n").split("\n"))
    else:
        assert rest == text


# --- pre-parsed CoNLL-U -----------------------------------------------------------------------

CONLLU = """# text = Le ministre a dit non.
1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_
2\tministre\tministre\tNOUN\t_\t_\t4\tnsubj\t_\t_
3\ta\tavoir\tAUX\t_\t_\t4\taux\t_\t_
4\tdit\tdire\tVERB\t_\t_\t0\troot\t_\t_
5\tnon\tnon\tADV\t_\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

"""


def test_conllu_file_is_read_as_a_pre_parsed_article(tmp_path):
    path = tmp_path / "doc.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    [article] = read_path(str(path), lang="fr")
    assert article.text == "Le ministre a dit non."
    assert article.parsed == CONLLU
    assert article.meta["format"] == "conllu"


def test_conllu_suffix_with_plain_text_is_an_error(tmp_path):
    path = tmp_path / "doc.conllu"
    path.write_text("Ceci n'est pas du CoNLL-U.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not CoNLL-U"):
        read_path(str(path))
