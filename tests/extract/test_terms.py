"""Quoted names, titles, terms and scare quotes are terms, never attributions."""

from __future__ import annotations

from support.extraction import run


def test_scare_quotes_and_names_are_terms():
    atts, terms = run("Le quartier, surnommé « la petite Venise », attire les touristes du « Grand Nord ».")
    assert atts == []
    assert {t.text: t.reason for t in terms} == {"la petite Venise": "term", "Grand Nord": "name"}


def test_speech_verb_inside_a_quoted_title_reports_nothing():
    atts, terms = run('He reviewed "Mayor says city will recover" for the paper.', lang="en")
    assert atts == []
    assert [t.text for t in terms] == ["Mayor says city will recover"]


def test_third_party_speech_nested_in_a_quote_is_kept_and_first_person_is_not():
    atts, _ = run("« Je vous le dis : il faut partir. Le maire a dit que la digue céderait », "
                  "a raconté un habitant.")
    contents = {a.content.text: a.speaker.text for a in atts}
    assert contents["la digue céderait"] == "Le maire"
    assert "il faut partir" not in contents
