"""English: surface patterns on a document that has tokens and sentences only (no parse)."""

from __future__ import annotations

from support.extraction import only, run


def en(text):
    return run(text, lang="en")


def test_quote_then_subject_and_said():
    atts, _ = en('"We will appeal the ruling," the company\'s lawyer said on Tuesday.')
    a = only(atts, "We will appeal the ruling,")
    assert (a.type, a.pattern, a.cue.text, a.speaker.text) == ("direct", "inverted_cue", "said", "the company's lawyer")


def test_quote_then_said_and_subject():
    atts, _ = en('"There is no risk," said Maria Lopez, a spokeswoman for the airport.')
    assert only(atts, "There is no risk,").speaker.text == "Maria Lopez"


def test_said_with_and_without_that():
    atts, _ = en("The mayor said the bridge would reopen next week. Police told reporters that two men had been arrested.")
    assert only(atts, "the bridge would reopen next week").speaker.text == "The mayor"
    a = only(atts, "two men had been arrested")
    assert (a.cue.text, a.speaker.text) == ("told", "Police")


def test_according_to_before_and_after():
    atts, _ = en("The fire was caused by a faulty heater, according to the fire department. "
                 "According to the survey, most residents support the plan.")
    assert only(atts, "The fire was caused by a faulty heater").speaker.text == "the fire department"
    assert only(atts, "most residents support the plan").cue.text == "According to"


def test_participle_adding_shares_the_subject():
    atts, _ = en("The union, however, warned that strikes would follow, adding that talks had failed.")
    assert only(atts, "strikes would follow").cue.stance == "emphasis"
    assert only(atts, "talks had failed").speaker.text == "The union"


def test_content_before_subject_and_told():
    atts, _ = en("Two bridges were closed, officials told local radio, adding that repairs had started.")
    assert only(atts, "Two bridges were closed").speaker.text == "officials"
    assert only(atts, "repairs had started").speaker.text == "officials"


def test_nouns_that_look_like_cues_are_not_verbs():
    atts, _ = en("The blog post drew many reports of outages.")
    assert atts == []
