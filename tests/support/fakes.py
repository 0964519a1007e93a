"""A fake engine and processor for the runner tests (module-level, so that spawned workers can import
them): they find «...» quotes with a regex, sleep when told to, and fail in the ways real stages can fail."""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from itertools import count
from pathlib import Path

from attribution.errors import AttributionError, UnsupportedLanguage
from attribution.records import (
    Article,
    ArticleResult,
    Attribution,
    Cue,
    Entity,
    Span,
    Speaker,
    Term,
)
from attribution.runner import EngineSpec

_loads = count(1)


class FakeEngine:
    """Remembers the process that loaded it and how many loads that process made.

    Like the real engines, it has one model per language: English gets "<model>-en".
    """

    def __init__(self, spec: EngineSpec, lang: str = "fr") -> None:
        self.name = "fake"
        self.model_id = (spec.model or "fake-1") + ("" if lang == "fr" else f"-{lang}")
        self.choice_note = None
        self.pid = os.getpid()
        self.load = next(_loads) if lang == "fr" else 0
        self.spec = spec

    def for_lang(self, lang: str) -> FakeEngine:
        if lang not in ("fr", "en"):
            raise UnsupportedLanguage("<text>", f"unsupported language {lang!r}")
        if lang == "fr":
            return self
        other = FakeEngine(self.spec, lang)
        other.pid, other.load = self.pid, self.load
        return other


def fake_loader(spec: EngineSpec) -> FakeEngine:
    if spec.model == "broken-in-workers" and multiprocessing.parent_process() is not None:
        raise AttributionError("model broken-in-workers is not installed")
    return FakeEngine(spec)


def fake_processor(article: Article, engine: FakeEngine) -> ArticleResult:
    """Every «...» is a direct quote; SLOW:x sleeps x s; BOOM, CRASH and DIE fail."""
    text = article.text
    engine = engine.for_lang(article.lang or "fr")
    if m := re.search(r"SLOW:([\d.]+)", text):
        time.sleep(float(m.group(1)))
    if "BOOM" in text:
        raise AttributionError("no sentence could be parsed")
    if "CRASH" in text:
        raise ValueError("bad index")
    if "DIE" in text:
        if multiprocessing.parent_process() is None:  # never kill the test run itself
            raise RuntimeError("DIE in the main process")
        os._exit(3)  # what an out-of-memory kill or a segfault looks like to the parent
    quotes = [Attribution(
        type="direct", content=Span.of(text, m.start() + 1, m.end() - 1),
        cue=Cue(0, 3, text[:3], "dire", "neutral"),
        speaker=Speaker(0, 2, text[:2], Span.of(text, 0, 2), "e1", "person"),
        pattern=f"{engine.pid}:{engine.load}", sentence=i)
        for i, m in enumerate(re.finditer(r"«[^»]*»", text))]
    entity = Entity("e1", text[:2], "person", named=True, role="porte-parole",
                    aliases=(text[:2],), mentions=(Span.of(text, 0, 2),))
    return ArticleResult(article=article, engine=engine.name, model=engine.model_id,
                         attributions=tuple(quotes),
                         terms=(Term(0, 1, text[:1], "name"),),
                         entities=(entity,), words=len(text.split()))


def make_articles(n: int, extra: dict[int, str] | None = None, root: str = "corpus") -> list[Article]:
    extra = extra or {}
    return [Article(id=f"a{i}", path=f"{root}/a{i:03d}.txt",
                    text=f"Il a dit « numéro {i} » et « encore {i} ». {extra.get(i, '')}",
                    title=f"Article {i}", outlet="Le Fake", lang="fr")
            for i in range(n)]


def real_paths(eval_dir: Path) -> list[str]:
    shortest = min((eval_dir / "fr").glob("fr_*.txt"), key=lambda p: p.stat().st_size)
    return [str(eval_dir / "fr" / "seed.txt"), str(shortest)]
