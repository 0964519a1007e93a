"""Hand-built ArticleResult records for the graph and report tests: ``gold_result`` turns a gold file
of the eval set into the records a perfect extraction and resolution would give."""

from __future__ import annotations

import json
import re
from pathlib import Path

from attribution.records import Article, ArticleResult, Attribution, Cue, Entity, Span, Speaker

_STEP = re.compile(r"([a-zA-Z][\w-]*|\*)?((?:[#.][\w-]+|\[[\w-]+(?:='[^']*')?\])*)")
_PART = re.compile(r"([#.])([\w-]+)|\[([\w-]+)(?:='([^']*)')?\]")


def css_to_xpath(selector: str) -> str:
    """XPath for the few CSS selectors the report tests use (tag, #id, .class, [attr='v'],
    descendant, ``>`` and ``~``), so that the tests need no cssselect package."""
    out, axis = "descendant-or-self::", ""
    for token in selector.replace(">", " > ").replace("~", " ~ ").split():
        if token in (">", "~"):
            axis = {">": "/", "~": "/following-sibling::"}[token]
            continue
        m = _STEP.fullmatch(token)
        assert m, f"unsupported selector {token!r}"
        conds = []
        for kind, name, attr, value in _PART.findall(m.group(2)):
            if kind == "#":
                conds.append(f"@id='{name}'")
            elif kind == ".":
                conds.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
            else:
                conds.append(f"@{attr}='{value}'" if value else f"@{attr}")
        step = (m.group(1) or "*") + "".join(f"[{c}]" for c in conds)
        out += (axis or ("" if out.endswith("::") else "//")) + step
        axis = ""
    return out


def select(element, selector: str) -> list:
    """``element.cssselect(selector)`` without the cssselect package."""
    return element.xpath(css_to_xpath(selector))


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _nearest(text: str, needle: str, around: Span) -> Span | None:
    """The occurrence of ``needle`` closest to ``around`` and outside it."""
    best: tuple[int, int] | None = None
    for i in _find_all(text, needle):
        j = i + len(needle)
        if i < around.end and j > around.start:
            continue
        dist = i - around.end if i >= around.end else around.start - j
        if best is None or dist < best[0]:
            best = (dist, i)
    return Span.of(text, best[1], best[1] + len(needle)) if best else None


def make_result(
    text: str,
    claims: list[tuple[str, str, str | None, str | None, str | None]],
    entities: dict[str, dict] | None = None,
    *,
    id: str = "doc",
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    meta: dict[str, str] | None = None,
    corpus_prefix: str = "",
) -> ArticleResult:
    """Records for ``text``: claims are (type, content, cue, speaker, entity id) as strings of the text.

    ``entities`` maps an id to {"name", "type", "aliases", "role", "affiliation"}; mentions are
    every occurrence of an alias. ``corpus_id`` is ``corpus_prefix + id`` when a prefix is given.
    """
    entities = entities or {}
    ents = []
    for eid, e in entities.items():
        mentions = tuple(sorted(Span.of(text, i, i + len(a)) for a in e.get("aliases", ())
                                for i in _find_all(text, a)))
        ents.append(Entity(
            id=eid, name=e["name"], type=e["type"], named=e["type"] != "anonymous",
            role=e.get("role"), affiliation=e.get("affiliation"), aliases=tuple(e.get("aliases", ())),
            mentions=mentions, corpus_id=(corpus_prefix + eid) if corpus_prefix else None,
        ))
    types = {eid: e["type"] for eid, e in entities.items()}
    atts = []
    for n, (typ, content, cue, speaker, eid) in enumerate(claims):
        start = text.find(content)
        assert start >= 0, f"claim {n} not in text: {content!r}"
        span = Span.of(text, start, start + len(content))
        c = s = None
        if cue:
            cs = _nearest(text, cue, span)
            assert cs is not None, cue
            c = Cue(cs.start, cs.end, cs.text, lemma=cue.split()[-1], stance="neutral")
        if speaker:
            ss = _nearest(text, speaker, span)
            assert ss is not None, speaker
            s = Speaker(ss.start, ss.end, ss.text, entity=eid, type=types.get(eid or ""))
        atts.append(Attribution(typ, span, c, s, pattern="test"))
    article = Article(id=id, path=f"{id}.txt", text=text, title=title, outlet=outlet, url=url,
                      date=date, lang="fr", meta=dict(meta or {}))
    return ArticleResult(article, "test", "hand-built", tuple(atts), (), tuple(ents),
                         words=len(text.split()))


def gold_result(gold_json: Path, **kwargs) -> ArticleResult:
    """The records a perfect pipeline would give for one gold file of the eval set."""
    gold = json.loads(gold_json.read_text(encoding="utf-8"))
    text = (gold_json.parent / gold["text"]).read_text(encoding="utf-8")
    claims = [(a["type"], a["content"], a.get("cue"), a.get("speaker"), a.get("entity"))
              for a in gold["attributions"]]
    kwargs.setdefault("id", gold["id"])
    kwargs.setdefault("date", (gold.get("meta") or {}).get("date"))
    return make_result(text, claims, gold["entities"], **kwargs)
