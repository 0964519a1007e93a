"""Hand-built ArticleResult records for the graph and report tests (and checks that they are sound).

``gold_result`` turns a gold file of the eval set into the records that extraction and
resolution would give if they were perfect, so that the graph and the report can be
tested before (and independently of) the pipeline.
"""

from __future__ import annotations

from pathlib import Path

from support.results import (
    gold_result,
)


def test_gold_result_offsets_point_into_the_text(eval_dir: Path) -> None:
    r = gold_result(eval_dir / "fr" / "seed.json")
    assert len(r.attributions) == 12 and len(r.entities) == 8
    text = r.article.text
    for a in r.attributions:
        assert text[a.content.start:a.content.end] == a.content.text
        assert a.cue is not None and text[a.cue.start:a.cue.end] == a.cue.text
        assert a.speaker is not None and text[a.speaker.start:a.speaker.end] == a.speaker.text
    for e in r.entities:
        assert all(text[m.start:m.end] == m.text for m in e.mentions)
