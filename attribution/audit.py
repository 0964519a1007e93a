"""Quotation-coverage audit: how much of each article is attributed speech, and to whom.

``audit(results)`` turns a list of :class:`~attribution.records.ArticleResult` into
per-article rows and corpus totals (frozen dataclasses with ``to_dict()``), and
``check_thresholds(audit, ["coverage=0.2", ...])`` turns it into a gate.

Conventions, applied the same way everywhere (they are decided in one place,
:mod:`attribution.credit`, and read by every view):

- **Words** are those of :mod:`attribution.text` (maximal runs of letters and
  digits of ``Article.text``); a word is *covered* when its first character lies
  inside the union of the content spans. **Coverage** is covered words / words;
  **direct coverage** counts only the content of ``direct`` attributions.
- A quote has **no identified source** when its ``speaker`` is ``None``.
- The **source** of an attribution, its official and anonymous flags, and how
  offices and documents are credited are those of :func:`attribution.credit.credit`
  (``group_by``: ``source``, the default, keeps an office as a source of its own;
  ``head`` counts it with its head).
- **Anonymous** and **official** shares count a source once per article that
  quotes it (per article this is its number of distinct sources; for the corpus,
  the sum of those "appearances").
- The **most quoted source**'s share is its attributions / attributions that
  have a source.
- The **stance mix** counts attributions by ``cue.stance``; ``none`` is a quote
  with no cue (a colon) or a cue whose stance is unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .credit import (
    DEFAULT_GROUP_BY,
    GROUP_BY_NOTES,
    ArticleCredit,
    credit,
)
from .errors import AttributionError
from .records import STANCES, ArticleResult, Attribution
from .render import Cell, Output, Table
from .sourcefile import sources_file_note
from .text import fold

NO_STANCE = "none"
STANCE_KEYS: tuple[str, ...] = (*STANCES, NO_STANCE)


class InvalidThreshold(AttributionError):
    """A ``--fail-under`` specification that cannot be read, or names an unknown metric."""


# -- metrics -------------------------------------------------------------------------------------

def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Metrics:
    """Figures of one article, one outlet or the whole corpus (counts; shares are derived)."""

    articles: int
    words: int
    covered_words: int
    direct_words: int
    attributions: int
    direct: int
    indirect: int
    mixed: int
    unsourced: int
    sources: int  # distinct sources (article: within it; corpus: across it)
    appearances: int  # a source counted once per article quoting it
    anonymous: int  # appearances of anonymous sources
    official: int  # appearances of official or institutional sources
    top_source: str | None
    top_source_count: int
    stances: tuple[tuple[str, int], ...]  # (stance, attributions), in STANCE_KEYS order

    @property
    def sourced(self) -> int:
        return self.attributions - self.unsourced

    @property
    def coverage(self) -> float | None:
        return _share(self.covered_words, self.words)

    @property
    def direct_coverage(self) -> float | None:
        return _share(self.direct_words, self.words)

    @property
    def unsourced_share(self) -> float | None:
        return _share(self.unsourced, self.attributions)

    @property
    def anonymous_share(self) -> float | None:
        return _share(self.anonymous, self.appearances)

    @property
    def official_share(self) -> float | None:
        return _share(self.official, self.appearances)

    @property
    def top_source_share(self) -> float | None:
        return _share(self.top_source_count, self.sourced)

    def stance_share(self, stance: str) -> float | None:
        return _share(dict(self.stances).get(stance, 0), self.attributions)

    def value(self, metric: str) -> float | int | None:
        """The value of a metric of :data:`METRICS` by name."""
        if metric not in METRICS:
            raise InvalidThreshold(unknown_metric_message(metric))
        if metric.endswith("_share") and metric[: -len("_share")] in STANCE_KEYS:
            return self.stance_share(metric[: -len("_share")])
        value: float | int | None = getattr(self, metric)
        return value

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "words": self.words,
            "covered_words": self.covered_words, "direct_words": self.direct_words,
            "coverage": self.coverage, "direct_coverage": self.direct_coverage,
            "attributions": self.attributions,
            "by_type": {"direct": self.direct, "indirect": self.indirect, "mixed": self.mixed},
            "unsourced": self.unsourced, "unsourced_share": self.unsourced_share,
            "sources": self.sources, "appearances": self.appearances,
            "anonymous": self.anonymous, "anonymous_share": self.anonymous_share,
            "official": self.official, "official_share": self.official_share,
            "top_source": self.top_source, "top_source_count": self.top_source_count,
            "top_source_share": self.top_source_share,
            "stances": dict(self.stances),
        }


# Metric names accepted by --fail-under, with their meaning.
METRICS: dict[str, str] = {
    "words": "words of the article text",
    "attributions": "attributions of every type",
    "direct": "direct quotes",
    "indirect": "indirect quotes",
    "mixed": "mixed quotes",
    "coverage": "share of the words inside attributed content",
    "direct_coverage": "share of the words inside direct quotes",
    "unsourced": "attributions with no identified source",
    "unsourced_share": "share of attributions with no identified source",
    "sources": "distinct sources",
    "anonymous_share": "share of anonymous sources",
    "official_share": "share of official or institutional sources",
    "top_source_share": "share of the sourced attributions credited to the most quoted source",
    **{f"{s}_share": f"share of attributions whose cue stance is {s}" for s in STANCE_KEYS},
}


def unknown_metric_message(metric: str) -> str:
    return f"unknown metric '{metric}'; valid metrics: {', '.join(sorted(METRICS))}"


def _stance_counts(attributions: Iterable[Attribution]) -> tuple[tuple[str, int], ...]:
    counts = Counter((a.cue.stance if a.cue and a.cue.stance in STANCES else NO_STANCE)
                     for a in attributions)
    return tuple((s, counts.get(s, 0)) for s in STANCE_KEYS)


def _top(counts: Counter[str], names: dict[str, str]) -> tuple[str | None, int]:
    if not counts:
        return None, 0
    # Ties go to the alphabetically first name (case and accents ignored): reproducible.
    key = min(counts, key=lambda k: (-counts[k], fold(names[k]), k))
    return names[key], counts[key]


@dataclass(frozen=True)
class ArticleAudit:
    """One row of the audit."""

    path: str
    id: str
    title: str | None
    outlet: str | None
    metrics: Metrics

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "id": self.id, "title": self.title, "outlet": self.outlet,
                **self.metrics.to_dict()}


@dataclass(frozen=True)
class Audit:
    """Per-article rows, in input order, and the corpus totals."""

    articles: tuple[ArticleAudit, ...]
    total: Metrics
    group_by: str = DEFAULT_GROUP_BY  # how offices are counted (attribution.credit.GROUP_BY)
    sources_file: str | None = None  # the sources file applied to the results, if any

    def worst_first(self) -> list[ArticleAudit]:
        """Rows by coverage, lowest first (ties: more unsourced quotes first, then path).

        Articles whose coverage is undefined (no words) come last.
        """
        def key(row: ArticleAudit) -> tuple[bool, float, float, str]:
            m = row.metrics
            return (m.coverage is None, m.coverage or 0.0, -(m.unsourced_share or 0.0), row.path)
        return sorted(self.articles, key=key)

    def to_dict(self) -> dict[str, Any]:
        return {"group_by": self.group_by, "sources_file": self.sources_file,
                "articles": [a.to_dict() for a in self.articles], "total": self.total.to_dict()}


def metrics_of(results: Sequence[ArticleResult], group_by: str = DEFAULT_GROUP_BY) -> Metrics:
    """Metrics of a group of articles (one article, one outlet, or the corpus)."""
    return metrics_of_credits(credit(results, group_by))


def metrics_of_credits(credits: Sequence[ArticleCredit]) -> Metrics:
    """Metrics of a group of articles from their credit (:func:`attribution.credit.credit`)."""
    words = covered = direct_words = 0
    types: Counter[str] = Counter()
    unsourced = appearances = anonymous = official = 0
    quoted: Counter[str] = Counter()
    names: dict[str, str] = {}
    attributions: list[Attribution] = []
    for ac in credits:
        words += ac.words
        covered += ac.covered_words
        direct_words += ac.direct_words
        types.update(a.type for a in ac.result.attributions)
        attributions.extend(ac.result.attributions)
        unsourced += ac.unsourced
        for c in ac.claims:
            if c.source is not None:
                quoted[c.source.key] += 1
                names.setdefault(c.source.key, c.source.name)
        appearances += len(ac.sources)
        anonymous += ac.anonymous
        official += ac.official
    top, top_count = _top(quoted, names)
    return Metrics(
        articles=len(credits), words=words, covered_words=covered, direct_words=direct_words,
        attributions=len(attributions), direct=types["direct"], indirect=types["indirect"],
        mixed=types["mixed"], unsourced=unsourced, sources=len(quoted), appearances=appearances,
        anonymous=anonymous, official=official, top_source=top, top_source_count=top_count,
        stances=_stance_counts(attributions),
    )


def audit(results: Iterable[ArticleResult], group_by: str = DEFAULT_GROUP_BY) -> Audit:
    """Audit every article and the whole corpus."""
    credits = credit(list(results), group_by)
    rows = tuple(
        ArticleAudit(ac.result.article.path, ac.result.article.id, ac.result.article.title,
                     ac.result.article.outlet, metrics_of_credits([ac]))
        for ac in credits
    )
    return Audit(rows, metrics_of_credits(credits), group_by,
                 sources_file_note([ac.result for ac in credits]))


# -- thresholds --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Threshold:
    """``metric >= value`` (written ``METRIC=VALUE`` or ``METRIC>=VALUE``) or ``metric <= value``."""

    metric: str
    op: str  # ">=" or "<="
    value: float

    def holds(self, x: float) -> bool:
        return x >= self.value if self.op == ">=" else x <= self.value

    def __str__(self) -> str:
        return f"{self.metric}{self.op}{_num(self.value)}"


_THRESHOLD = re.compile(r"^\s*([A-Za-z_]+)\s*(>=|<=|=)\s*(\S+)\s*$")


def parse_threshold(spec: str) -> Threshold:
    """Read ``METRIC=VALUE`` (a minimum), ``METRIC>=VALUE`` (the same) or ``METRIC<=VALUE``."""
    m = _THRESHOLD.match(spec)
    if not m:
        raise InvalidThreshold(f"'{spec}': expected METRIC=VALUE, METRIC>=VALUE or METRIC<=VALUE")
    metric, op, raw = m.groups()
    if metric not in METRICS:
        raise InvalidThreshold(f"'{spec}': {unknown_metric_message(metric)}")
    try:
        value = float(raw)
    except ValueError:
        raise InvalidThreshold(f"'{spec}': '{raw}' is not a number") from None
    return Threshold(metric, ">=" if op in ("=", ">=") else "<=", value)


@dataclass(frozen=True)
class Breach:
    """One metric of one article (or of the corpus) on the wrong side of its threshold."""

    scope: str  # the article's path, or "corpus"
    threshold: Threshold
    value: float

    def __str__(self) -> str:
        sign = "<" if self.threshold.op == ">=" else ">"
        return (f"{self.scope}: {self.threshold.metric} = {_num(self.value)} {sign} "
                f"{_num(self.threshold.value)}")

    def to_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, "metric": self.threshold.metric, "value": self.value,
                "op": self.threshold.op, "threshold": self.threshold.value}


CORPUS_SCOPE = "corpus"


def check_thresholds(audit: Audit, specs: Iterable[str | Threshold]) -> list[Breach]:
    """Breaches of every threshold, by each article then by the corpus totals.

    A share whose denominator is zero (no words, no attributions, no sources) is
    undefined and breaches nothing.
    """
    thresholds = [s if isinstance(s, Threshold) else parse_threshold(s) for s in specs]
    scopes = [(row.path, row.metrics) for row in audit.articles] + [(CORPUS_SCOPE, audit.total)]
    breaches = []
    for threshold in thresholds:
        for scope, metrics in scopes:
            value = metrics.value(threshold.metric)
            if value is not None and not threshold.holds(value):
                breaches.append(Breach(scope, threshold, float(value)))
    return breaches


# -- output --------------------------------------------------------------------------------------

def _num(x: float | int | None) -> str:
    if x is None:
        return "-"
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return f"{x:.3f}".rstrip("0")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _stance_mix(m: Metrics) -> str:
    return " ".join(f"{s}:{n}" for s, n in m.stances if n) or "-"


TABLE_COLUMNS = ("article", "words", "attr", "dir/ind/mix", "coverage", "direct cov",
                 "unsourced", "sources", "anonymous", "official", "top source", "stances")


def metrics_row(label: str, m: Metrics) -> tuple[str, ...]:
    """One row of :data:`TABLE_COLUMNS`: the figures of an article, an outlet or the corpus."""
    top = f"{m.top_source} ({_pct(m.top_source_share)})" if m.top_source else "-"
    return (label, str(m.words), str(m.attributions), f"{m.direct}/{m.indirect}/{m.mixed}",
            _pct(m.coverage), _pct(m.direct_coverage), str(m.unsourced), str(m.sources),
            _pct(m.anonymous_share), _pct(m.official_share), top, _stance_mix(m))


def display_table(audit: Audit) -> Table:
    """The audit as people read it (``table``, ``markdown``): worst articles first, then the total."""
    rows = [metrics_row(r.path, r.metrics) for r in audit.worst_first()]
    rows.append(metrics_row(f"TOTAL ({audit.total.articles} articles)", audit.total))
    title = f"Quotation audit of {audit.total.articles} articles, {ORDER_NOTE}"
    if audit.group_by != DEFAULT_GROUP_BY:
        title += f"; {GROUP_BY_NOTES[audit.group_by]}"  # the default goes without saying
    return Table(TABLE_COLUMNS, tuple(rows), title=title)


CSV_COLUMNS = ("path", "outlet", "articles", "words", "covered_words", "direct_words",
               "coverage", "direct_coverage", "attributions", "direct", "indirect", "mixed",
               "unsourced", "unsourced_share", "sources", "anonymous", "anonymous_share",
               "official", "official_share", "top_source", "top_source_count",
               "top_source_share", *(f"stance_{s}" for s in STANCE_KEYS))


def _csv_row(path: str, outlet: str | None, m: Metrics) -> tuple[Cell, ...]:
    d = m.to_dict()
    flat = {**d, **d["by_type"], **{f"stance_{s}": n for s, n in m.stances},
            "path": path, "outlet": outlet or ""}
    return tuple(flat[c] for c in CSV_COLUMNS)


def data_table(audit: Audit) -> Table:
    """The audit for spreadsheets (``csv``): raw counts and shares, worst first, then the corpus."""
    rows = [_csv_row(row.path, row.outlet, row.metrics) for row in audit.worst_first()]
    rows.append(_csv_row(CORPUS_SCOPE, None, audit.total))
    return Table(CSV_COLUMNS, tuple(rows))


FORMATS = ("table", "json", "csv", "markdown")
ORDER_NOTE = "worst first: lowest coverage (ties: highest unsourced share)"


def output(audit: Audit, fmt: str) -> Output:
    """What ``audit --format fmt`` shows, for :func:`attribution.render.render`."""
    if fmt == "json":
        return audit.to_dict()
    if fmt == "csv":
        return data_table(audit)
    if fmt in ("table", "markdown"):
        return display_table(audit)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = [
    "Audit", "ArticleAudit", "Breach", "InvalidThreshold", "METRICS", "Metrics", "Threshold",
    "audit", "check_thresholds", "metrics_of", "metrics_of_credits", "parse_threshold",
    "data_table", "display_table", "output",
]
