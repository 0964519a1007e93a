"""Quotation-coverage audit: how much of each article is attributed speech, and to whom.

``audit(results)`` turns a list of :class:`~attribution.records.ArticleResult` into
per-article rows and corpus totals (frozen dataclasses with ``to_dict()``), and
``check_thresholds(audit, ["coverage=0.2", ...])`` turns it into a gate.

Conventions, applied the same way everywhere:

- **Words** are maximal runs of letters and digits in ``Article.text`` (regex
  ``[^\\W_]+``): apostrophes, hyphens and other punctuation split words, so
  ``l’attaque`` is two words and ``porte-parole`` two. A word is *covered* when
  its first character lies inside the union of the content spans (overlapping
  attributions never count a word twice). The parser's own ``ArticleResult.words``
  is not used, because its words carry no offsets into the text.
- **Coverage** is covered words / words; **direct coverage** counts only the
  content of ``direct`` attributions (not the quoted fragments of ``mixed`` ones).
- A quote has **no identified source** when its ``speaker`` is ``None``.
- The **source** of an attribution is the speaker's entity (following
  ``Entity.head`` from an office or a document to the entity it stands for),
  identified across the corpus by ``corpus_id``, else by its normalised name
  (case, accents, punctuation and leading determiners ignored); a speaker that
  resolution left without an entity is keyed by the text of its mention (or of
  the antecedent it was resolved to).
- **Anonymous** and **official** shares count a source once per article that
  quotes it (per article this is its number of distinct sources; for the corpus,
  the sum of those "appearances").
- A source is **official or institutional** when its type is ``organization``
  (a government, ministry, army, company, party or any body that speaks as an
  institution), or when its ``role`` contains one of :data:`OFFICIAL_ROLE_WORDS`
  (spokesperson, minister, official, police, ``porte-parole``, ``responsable``...),
  whatever its type: an unnamed ``responsable militaire`` is anonymous *and*
  official. Affiliation alone does not count: an expert of a university is not.
- The **most quoted source**'s share is its attributions / attributions that
  have a source.
- The **stance mix** counts attributions by ``cue.stance``; ``none`` is a quote
  with no cue (a colon) or a cue whose stance is unknown.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import AttributionError
from .lang import union_words
from .records import STANCES, ArticleResult, Attribution, Entity, Span
from .render import Cell, Output, Table

WORD_PATTERN = re.compile(r"[^\W_]+")
NO_STANCE = "none"
STANCE_KEYS: tuple[str, ...] = (*STANCES, NO_STANCE)


# Words of a role (accents and case ignored) that make a source official or institutional,
# in every language (attribution/lang/<code>/words.json).
OFFICIAL_ROLE_WORDS: frozenset[str] = union_words("official_role_words")

# Leading words dropped when a name is normalised into a key: determiners say nothing of identity.
_DETERMINERS = union_words("name_determiners")


class InvalidThreshold(AttributionError):
    """A ``--fail-under`` specification that cannot be read, or names an unknown metric."""


# -- normalisation and sources ---------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("ʼ", "'")


def normalise_name(name: str) -> str:
    """A name as a key: folded, punctuation dropped, leading determiners dropped."""
    words = WORD_PATTERN.findall(fold(name))
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def is_official(type_: str | None, role: str | None) -> bool:
    """The official/institutional rule of the module docstring."""
    if type_ == "organization":
        return True  # an organisation speaks as an institution by definition
    if not role:
        return False
    return not OFFICIAL_ROLE_WORDS.isdisjoint(WORD_PATTERN.findall(fold(role)))


@dataclass(frozen=True)
class Source:
    """The source an attribution is credited to, as the audit and the comparison see it."""

    key: str  # identity across the corpus: "id:<corpus_id>" or "name:<normalised name>"
    name: str
    type: str  # person | organization | group | anonymous | unknown
    official: bool

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "type": self.type, "official": self.official}


def source_of_entity(entity: Entity) -> Source:
    key = f"id:{entity.corpus_id}" if entity.corpus_id else f"name:{normalise_name(entity.name)}"
    return Source(key, entity.name, entity.type or "unknown", is_official(entity.type, entity.role))


def credited_source(attribution: Attribution, entities: dict[str, Entity]) -> Source | None:
    """The source of one attribution, or ``None`` when it has no speaker."""
    speaker = attribution.speaker
    if speaker is None:
        return None
    entity = entities.get(speaker.entity) if speaker.entity else None
    seen: set[str] = set()
    # A document or an office stands for its issuing body: credit the body (cycles guarded).
    while entity is not None and entity.head and entity.head in entities and entity.id not in seen:
        seen.add(entity.id)
        entity = entities[entity.head]
    if entity is not None:
        return source_of_entity(entity)
    name = speaker.resolved.text if speaker.resolved else speaker.text
    return Source(f"name:{normalise_name(name)}", name, speaker.type or "unknown",
                  is_official(speaker.type, None))


def sources_of(result: ArticleResult) -> list[Source | None]:
    """The credited source of each attribution of ``result``, in order."""
    entities = {e.id: e for e in result.entities}
    return [credited_source(a, entities) for a in result.attributions]


# -- words -------------------------------------------------------------------------------------

def word_starts(text: str) -> list[int]:
    """Start offsets of the words of ``text`` (see the module docstring)."""
    return [m.start() for m in WORD_PATTERN.finditer(text)]


def merge_spans(spans: Iterable[Span]) -> list[tuple[int, int]]:
    """The union of spans as sorted, disjoint (start, end) intervals."""
    merged: list[list[int]] = []
    for s in sorted((s.start, s.end) for s in spans if s.end > s.start):
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append([s[0], s[1]])
    return [(a, b) for a, b in merged]


def covered_words(starts: Sequence[int], spans: Iterable[Span]) -> int:
    """How many of the words (by start offset, sorted) begin inside the union of ``spans``."""
    return sum(bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a)
               for a, b in merge_spans(spans))


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

    def worst_first(self) -> list[ArticleAudit]:
        """Rows by coverage, lowest first (ties: more unsourced quotes first, then path).

        Articles whose coverage is undefined (no words) come last.
        """
        def key(row: ArticleAudit) -> tuple[bool, float, float, str]:
            m = row.metrics
            return (m.coverage is None, m.coverage or 0.0, -(m.unsourced_share or 0.0), row.path)
        return sorted(self.articles, key=key)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": [a.to_dict() for a in self.articles], "total": self.total.to_dict()}


def metrics_of(results: Sequence[ArticleResult]) -> Metrics:
    """Metrics of a group of articles (one article, one outlet, or the corpus)."""
    words = covered = direct_words = 0
    types: Counter[str] = Counter()
    unsourced = appearances = anonymous = official = 0
    quoted: Counter[str] = Counter()
    names: dict[str, str] = {}
    attributions: list[Attribution] = []
    for result in results:
        starts = word_starts(result.article.text)
        words += len(starts)
        covered += covered_words(starts, (a.content for a in result.attributions))
        direct_words += covered_words(
            starts, (a.content for a in result.attributions if a.type == "direct"))
        types.update(a.type for a in result.attributions)
        attributions.extend(result.attributions)
        in_article: dict[str, Source] = {}
        for source in sources_of(result):
            if source is None:
                unsourced += 1
                continue
            quoted[source.key] += 1
            names.setdefault(source.key, source.name)
            in_article.setdefault(source.key, source)
        appearances += len(in_article)
        anonymous += sum(s.type == "anonymous" for s in in_article.values())
        official += sum(s.official for s in in_article.values())
    top, top_count = _top(quoted, names)
    return Metrics(
        articles=len(results), words=words, covered_words=covered, direct_words=direct_words,
        attributions=len(attributions), direct=types["direct"], indirect=types["indirect"],
        mixed=types["mixed"], unsourced=unsourced, sources=len(quoted), appearances=appearances,
        anonymous=anonymous, official=official, top_source=top, top_source_count=top_count,
        stances=_stance_counts(attributions),
    )


def audit(results: Iterable[ArticleResult]) -> Audit:
    """Audit every article and the whole corpus."""
    results = list(results)
    rows = tuple(
        ArticleAudit(r.article.path, r.article.id, r.article.title, r.article.outlet, metrics_of([r]))
        for r in results
    )
    return Audit(rows, metrics_of(results))


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
    "Audit", "ArticleAudit", "Breach", "InvalidThreshold", "METRICS", "Metrics",
    "OFFICIAL_ROLE_WORDS", "Source", "Threshold", "audit", "check_thresholds",
    "credited_source", "is_official", "metrics_of", "normalise_name", "parse_threshold",
    "data_table", "display_table", "output", "sources_of", "word_starts",
]
