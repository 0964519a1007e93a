"""Speaker resolution on the gold: the seed's 8 sources with every alias in its cluster, and the dev set.

The speaker mentions are taken from the gold (the mention of each gold attribution
nearest to its cue), so that these tests measure resolution alone, whatever the
extractor finds. The seed is read from its saved parse (tests/fixtures/parses); the dev set
is parsed live by the offline spaCy engine (an end-to-end check of the parser and the rules).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support.parses import saved_engine

from attribution.errors import EngineUnavailable
from attribution.records import Attribution, Cue, Entity, Span, Speaker
from attribution.resolve import resolve


@pytest.fixture(scope="module")
def engine():
    from attribution.parse import get_engine

    try:
        return get_engine("spacy", use_cache=False)
    except EngineUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def saved():
    return saved_engine()


def _occurrences(text: str, s: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]


def gold_attributions(text: str, gold: dict, optional: bool = False) -> list[tuple[dict, Attribution]]:
    """The gold attributions as records, each speaker span the gold string nearest to the cue."""
    items = list(gold["attributions"])
    if optional:
        items += [dict(o, type="indirect", cue=None) for o in gold.get("optional", []) if o.get("speaker")]
    out = []
    for g in items:
        starts = [m.start() for m in re.finditer(re.escape(g["content"]), text)]
        c0 = starts[(g.get("occurrence") or 1) - 1]
        c1 = c0 + len(g["content"])
        anchor, cue = c0, None
        if g.get("cue"):
            k = min((m.start() for m in re.finditer(re.escape(g["cue"]), text)),
                    key=lambda k: min(abs(k - c0), abs(k - c1)))
            cue, anchor = Cue(k, k + len(g["cue"]), g["cue"]), k
        speaker = None
        if g.get("speaker"):
            cands = [k for k in _occurrences(text, g["speaker"]) if not c0 <= k < c1] \
                or _occurrences(text, g["speaker"])
            k = min(cands, key=lambda k: abs(k - anchor))
            speaker = Speaker(k, k + len(g["speaker"]), g["speaker"])
        out.append((g, Attribution(g["type"], Span(c0, c1, text[c0:c1]), cue, speaker)))
    return out


_DETS = {"le", "la", "les", "l", "un", "une", "des", "the", "a", "an"}


def _words(s: str) -> tuple[str, ...]:
    s = re.sub(r"[^\w\s'-]", " ", s.lower().replace("’", "'"))
    return tuple(w for w in s.replace("'", " ").split() if w not in _DETS)


def _names(spoken: tuple[str, ...], alias: tuple[str, ...]) -> bool:
    n = len(alias)
    return any(spoken[i:i + n] == alias for i in range(len(spoken) - n + 1))


def names_gold(a: Attribution, entity: dict) -> bool:
    """The rule of ANNOTATION.md: the speaker or what it resolves to names an alias of the gold entity."""
    assert a.speaker is not None
    texts = [a.speaker.text] + ([a.speaker.resolved.text] if a.speaker.resolved else [])
    return any(_names(_words(t), _words(al)) for t in texts for al in entity["aliases"])


def root(entities: dict[str, Entity], eid: str) -> str:
    """An office stands with the head it serves: the cluster the evaluation counts."""
    seen = set()
    while entities[eid].head and eid not in seen:
        seen.add(eid)
        eid = entities[eid].head  # type: ignore[assignment]
    return eid


def test_seed_has_eight_sources_and_every_alias_in_its_cluster(saved, eval_dir: Path, seed_text: str) -> None:
    gold = json.loads((eval_dir / "fr" / "seed.json").read_text(encoding="utf-8"))
    pairs = gold_attributions(seed_text, gold, optional=True)
    doc = saved.parse(seed_text, "fr")
    attributions, entities = resolve(doc, [a for _, a in pairs], "fr")
    by_id = {e.id: e for e in entities}
    # 8 sources: the clusters of the speakers' entities
    spoken = {root(by_id, a.speaker.entity) for a in attributions if a.speaker is not None and a.speaker.entity}
    assert len(spoken) == 8
    # every alias of every gold entity lands in that entity's cluster, and no two gold entities share one
    cluster_of: dict[str, str] = {}
    for gid, ge in gold["entities"].items():
        roots = set()
        for alias in ge["aliases"]:
            covered = []
            for k in _occurrences(seed_text, alias):
                span = Span(k, k + len(alias), alias)
                owners = [(len(m), e.id) for e in entities for m in e.mentions if m.contains(span)]
                if owners:
                    covered.append(root(by_id, min(owners)[1]))
            assert covered, f"{gid}: alias {alias!r} is in no source"
            roots.update(covered)
        assert len(roots) == 1, f"{gid}: aliases split over {roots}"
        cluster_of[gid] = roots.pop()
    assert len(set(cluster_of.values())) == len(gold["entities"])
    # each speaker's entity is its gold entity's cluster, and its type the gold type
    for (g, _), a in zip(pairs, attributions, strict=True):
        assert a.speaker is not None and a.speaker.entity is not None
        assert root(by_id, a.speaker.entity) == cluster_of[g["entity"]], a.speaker.text
        assert a.speaker.type == gold["entities"][g["entity"]]["type"], a.speaker.text


def test_seed_office_is_linked_to_the_prime_minister(saved, seed_text: str) -> None:
    text = seed_text
    k = text.index("son bureau")
    a = Attribution("indirect", Span(0, 10, text[:10]), None, Speaker(k, k + 10, "son bureau"))
    (out,), entities = resolve(saved.parse(text, "fr"), [a], "fr")
    assert out.speaker is not None
    office = next(e for e in entities if e.id == out.speaker.entity)
    assert office.type == "organization" and office.head is not None
    head = next(e for e in entities if e.id == office.head)
    assert head.type == "person" and head.named and head.role == "prime minister"
    assert "Mohamed Chia al-Soudani" in head.aliases and "le Premier ministre irakien" in head.aliases
    assert {"Les services de Mohamed Chia al-Soudani", "son bureau", "les services du Premier ministre"} \
        <= set(office.aliases)
    # resolved to a mention of the prime minister: his name, the nearest one before "son bureau"
    assert out.speaker.resolved is not None and out.speaker.resolved in head.mentions
    assert out.speaker.resolved.text == "Mohamed Chia al-Soudani"


@pytest.mark.slow
def test_dev_set_speaker_and_type_accuracy(engine, eval_dir: Path) -> None:
    right = typed = total = pairs_same = pairs_right = 0
    for path in sorted((eval_dir / "fr").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["text"]).read_text(encoding="utf-8")
        pairs = [(g, a) for g, a in gold_attributions(text, gold) if a.speaker is not None]
        attributions, entities = resolve(engine.parse(text, "fr"), [a for _, a in pairs], "fr")
        by_id = {e.id: e for e in entities}
        clusters = []
        for (g, _), a in zip(pairs, attributions, strict=True):
            entity = gold["entities"][g["entity"]]
            total += 1
            right += names_gold(a, entity)
            typed += a.speaker is not None and a.speaker.type == entity["type"]
            clusters.append((g["entity"], root(by_id, a.speaker.entity) if a.speaker and a.speaker.entity else None))
        # stricter than the metric: two attributions share a source exactly when their gold entities are one
        for i, (gi, pi) in enumerate(clusters):
            for gj, pj in clusters[i + 1:]:
                pairs_same += 1
                pairs_right += (gi == gj) == (pi == pj and pi is not None)
    assert total > 100
    assert right / total >= 0.92
    assert typed / total >= 0.90
    assert pairs_right / pairs_same >= 0.97
