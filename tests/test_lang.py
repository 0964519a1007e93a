"""Language normalisation and stopword detection (attribution/lang.py)."""

from __future__ import annotations

import json

import pytest

from attribution.errors import UnsupportedLanguage
from attribution.lang import (
    SAMPLE_CHARS,
    check_supported,
    detect_language,
    dominant_script,
    language_scores,
    normalize_language,
)

SAMPLES = {
    "fr": "Le gouvernement a annoncé lundi de nouvelles mesures. Le ministre a dit que la "
          "situation est grave et qu'on ne peut pas attendre.",
    "en": "The government announced new measures on Monday. The minister said that the "
          "situation is serious and that they cannot wait.",
    "de": "Die Bundesregierung hat am Montag neue Maßnahmen angekündigt. Der Minister sagte, "
          "dass die Lage ernst sei und man nicht warten könne.",
    "es": "El gobierno anunció el lunes nuevas medidas. El ministro dijo que la situación es "
          "grave y que no se puede esperar más.",
    "it": "Il governo ha annunciato lunedì nuove misure. Il ministro ha detto che la "
          "situazione è grave e che non si può aspettare.",
    "pt": "O governo anunciou na segunda-feira novas medidas. O ministro disse que a situação "
          "é grave e que não se pode esperar mais.",
    "nl": "De regering heeft maandag nieuwe maatregelen aangekondigd. De minister zei dat de "
          "situatie ernstig is en dat men niet kan wachten.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_known_language(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


def test_detects_the_language_of_every_eval_article(eval_dir) -> None:
    golds = sorted(eval_dir.glob("*/*.json"))
    assert golds, "the evaluation set is empty"
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold["text"]).read_text(encoding="utf-8")
        assert detect_language(text) == gold["lang"], gold_path.name


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "OK", "Paris, Bagdad, Washington",
                                  "la de en"])  # too little, or shared by too many languages
def test_unsure_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_french_elisions_count_as_french() -> None:
    text = "L’armée d’Irak qu’il commande n’a rien dit à l’AFP."
    scores = language_scores(text)
    assert scores["fr"] >= 5 and detect_language(text) == "fr"


def test_only_the_start_of_a_long_text_is_sampled() -> None:
    text = SAMPLES["fr"] * (SAMPLE_CHARS // len(SAMPLES["fr"]) + 1) + SAMPLES["de"] * 10_000
    assert detect_language(text) == "fr"


@pytest.mark.parametrize("value,code", [
    ("fr", "fr"), ("FR", "fr"), ("fr-FR", "fr"), ("fr_CA", "fr"), ("French", "fr"),
    ("français", "fr"), ("fra", "fr"), ("en-US", "en"), ("English", "en"), ("deutsch", "de"),
    ("xx-YY", "xx"), ("", None), ("  ", None), (None, None),
])
def test_normalize_language(value: str | None, code: str | None) -> None:
    assert normalize_language(value) == code


@pytest.mark.parametrize("text,script", [
    ("Правительство объявило о новых мерах", "Cyrillic"),
    ("أعلنت الحكومة عن إجراءات جديدة", "Arabic"),
    ("Le gouvernement", "Latin"),
    ("123 456 !?", None),
])
def test_dominant_script(text: str, script: str | None) -> None:
    assert dominant_script(text) == script


def test_check_supported() -> None:
    assert check_supported("fr-FR", "a.txt") == "fr"
    assert check_supported("English", "a.txt") == "en"
    with pytest.raises(UnsupportedLanguage) as info:
        check_supported("de", "a.txt")
    assert str(info.value) == "a.txt: unsupported language 'de' (supported: fr, en)"
    assert info.value.path == "a.txt"
