"""Quote marks: pairing, nesting, paragraphs, apostrophes and broken marks (attribution.quotes)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.quotes import find_quotes, quote_at


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def test_french_guillemets_with_and_without_inner_spaces():
    text = "Le maire parle d'un « plan audacieux » et d'un «pari risqué»."
    assert texts(text) == ["plan audacieux", "pari risqué"]
    q = find_quotes(text)[0]
    assert text[q.open_start] == "«" and text[q.close_end - 1] == "»"
    assert text[q.start:q.end] == q.text


def test_non_breaking_spaces_inside_guillemets_are_trimmed():
    text = "Il dénonce une «\u00a0mascarade\u202f»."
    assert texts(text) == ["mascarade"]


def test_curly_german_single_guillemets_and_straight_quotes():
    text = ('She called it “a disaster”. Er sagte „nein“ dazu. '
            'Un ‹ petit › mot. He said "fine" twice.')
    assert texts(text) == ["a disaster", "nein", "petit", "fine"]


def test_single_quotes_beside_apostrophes():
    text = "The minister's aide said the 'reform' wasn't dead, and l'Etat n'a rien dit."
    assert texts(text) == ["reform"]
    assert texts("Les travailleurs' droits, rock 'n' roll.") == []


def test_elided_french_word_before_a_quote_is_not_a_closing_mark():
    text = "Il affirme qu' « aucun accord » n'existe et parle d' « erreur »."
    assert texts(text) == ["aucun accord", "erreur"]


def test_nested_quotes_of_one_family_and_of_two():
    text = "« Il m'a dit : « rentre chez toi » puis il est parti », raconte-t-elle."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["Il m'a dit : « rentre chez toi » puis il est parti",
                                        "rentre chez toi"]
    assert [q.depth for q in quotes] == [0, 1]
    english = "“He told me ‘go home’ and left,” she said."
    assert texts(english) == ["He told me ‘go home’ and left,", "go home"]


def test_quote_reopened_in_the_next_paragraph_runs_on():
    text = ("« Nous avons tout essayé. Rien n'a marché.\n\n"
            "« Il faut maintenant changer de méthode », a conclu le directeur.")
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].kind == "reopened"
    assert quotes[0].text.startswith("Nous avons") and quotes[0].text.endswith("changer de méthode")


def test_hard_wrapped_line_keeps_the_quote_open():
    text = "Elle a dit « nous ne\nlâcherons rien » hier."
    assert texts(text) == ["nous ne\nlâcherons rien"]


def test_reversed_marks_glued_to_words_pair_by_context():
    text = ("les groupes étudieront la question, ont indiqué les services.»Une décision sera "
            "prise dans un mois», selon leur communiqué.")
    assert texts(text) == ["Une décision sera prise dans un mois"]
    text2 = "discuter de la présence en Irak.»»La commission travaillera», souligne le texte."
    quotes = find_quotes(text2)
    assert [q.text for q in quotes] == ["La commission travaillera"]


def test_german_style_reversed_guillemets():
    assert texts("Er sagte »Wir kommen morgen« und ging.") == ["Wir kommen morgen"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "Le ministre a déclaré « nous tiendrons bon\n\nLa séance a repris."
    quotes = find_quotes(text)
    assert [(q.text, q.kind) for q in quotes] == [("nous tiendrons bon", "unclosed")]


def test_closing_mark_without_opener_is_recovered_from_the_paragraph():
    text = "Premier paragraphe.\nnous resterons unis », a lancé le délégué."
    quotes = find_quotes(text)
    assert [(q.text, q.kind) for q in quotes] == [("nous resterons unis", "unopened")]


def test_space_padded_straight_mark_before_a_comma_closes_a_quote_opened_at_the_paragraph():
    text = 'Premier paragraphe.\nLes conditions ont été acceptées ", a assuré l\'un d\'eux.'
    quotes = find_quotes(text)
    assert [(q.text, q.kind) for q in quotes] == [("Les conditions ont été acceptées", "unopened")]


def test_space_padded_straight_mark_before_a_word_still_opens():
    assert [(q.text, q.kind) for q in find_quotes('Il a dit " non " hier.')] == [("non", "paired")]


def test_lone_straight_mark_after_a_digit_is_not_a_quote():
    assert texts('The pipe is 12" long and the board 5\'11 wide.') == []


def test_quote_at_finds_the_innermost_quote():
    text = "« A « B » C »"
    quotes = find_quotes(text)
    inner = quote_at(quotes, text.index("B"))
    outer = quote_at(quotes, text.index("C"))
    assert inner is not None and inner.text == "B"
    assert outer is not None and outer.text.startswith("A")
    assert quote_at(quotes, len(text) + 5) is None


def test_thousands_of_unbalanced_marks_stay_linear():
    text = "« mot " * 3000 + "» fin " * 1000 + "\n" + "» x " * 3000
    quotes = find_quotes(text)
    assert len(quotes) <= 2 * text.count("«") + text.count("»")
    # recovered quotes never nest into a quadratic amount of text
    assert sum(len(q.text) for q in quotes) <= 10 * len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="«»“”„‟‹›‘’'\" \n\u00a0abc.,:!?-", max_size=200))
def test_any_text_gives_valid_spans(text):
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.open_start <= q.start < q.end <= q.close_end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.text == q.text.strip(" \t\n\u00a0\u202f")
    assert quotes == sorted(quotes, key=lambda q: (q.open_start, -q.close_end))


def test_quotes_of_two_families_nest_or_are_disjoint_never_cross():
    # « a “ b » c ”: the “ opened inside « … » ends with it, as an unclosed quote
    quotes = find_quotes("Il a dit « un “ deux » trois ” fin.")
    assert [(q.text, q.kind, q.depth) for q in quotes][:2] == [("un “ deux", "paired", 0),
                                                              ("deux", "unclosed", 1)]
    for a in quotes:
        for b in quotes:
            # any two quotes are disjoint or one holds the other
            assert b.close_end <= a.open_start or b.open_start >= a.close_end or (
                a.open_start <= b.open_start and b.close_end <= a.close_end) or (
                b.open_start <= a.open_start and a.close_end <= b.close_end)
    # a quote recovered at a paragraph end stops at the next opener still open
    assert texts("« a “\n\nb") == ["a"]


def test_unicode_spaces_trim_quotes_and_give_marks_their_direction():
    assert texts("Il a dit\u2003«\u2003oui\u2003».") == ["oui"]
    assert texts("« \u2002\u2028\x85 »") == []
