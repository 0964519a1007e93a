"""Evaluation against gold annotations, exactly as ``../shared/eval/ANNOTATION.md`` scores it.

* A prediction matches a gold attribution when their content spans share at
  least 30% (or 80%) of the gold span's characters; matching is one-to-one,
  best overlap first (ratio, then absolute overlap, then text order).
* A prediction left unmatched that overlaps an ``optional`` span is ignored
  (neither rewarded nor punished); matching comes first, so a prediction that
  finds a gold attribution counts even when it also touches an optional span.
* Speaker accuracy, over the matches at 30%: the predicted speaker names the
  gold entity when its text, or the text it was resolved to, equals one of the
  entity's aliases or contains one as a run of words, case, determiners and
  punctuation ignored; a gold ``null`` speaker needs a predicted ``null``.
* Type accuracy, over the matched speakers (matches at 30% whose speaker is
  right and whose gold entity has a type): ``speaker.type`` equals the gold type.
* Recall per quote type (at 30% and 80%) and the not-quote rate: the share of
  ``not_quotes`` reported as attributions, i.e. some prediction (not ignored)
  whose content is mostly that quoted string: their overlap holds at least 30%
  of one quoted occurrence of the not-quote and at least half of the
  prediction (an attribution that merely contains a scare-quoted term does not
  report the term).

Figures are counts that add up, so the same code gives them per article,
per language and overall (micro-averaged).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import EvaluationError
from .lang import union_words
from .records import QUOTE_TYPES, Article, Attribution, Span
from .render import Table
from .stages import Failure, attempt, process_article

THRESHOLDS = (0.3, 0.8)
# The metrics a gate can pin: name -> +1 when higher is better, -1 when lower is better.
METRICS: dict[str, int] = {
    "f1_30": 1, "f1_80": 1, "precision_30": 1, "recall_30": 1, "precision_80": 1, "recall_80": 1,
    "speaker_accuracy": 1, "type_accuracy": 1, "not_quote_rate": -1,
}
_DETERMINERS = union_words("speaker_determiners")  # ignored when speakers are compared, as ANNOTATION.md says
_QUOTE_MARKS = "«»‹›“”„‟‘’‚‛\"'"
_WORD_RE = re.compile(r"\w+")


# ---------------------------------------------------------------- gold data

@dataclass(frozen=True)
class GoldEntity:
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldAttribution:
    type: str
    content: Span
    cue: str | None
    speaker: str | None
    entity: str | None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    lang: str
    path: str  # the gold JSON
    text_path: str
    text: str
    entities: dict[str, GoldEntity]
    attributions: tuple[GoldAttribution, ...]
    optional: tuple[Span, ...]
    not_quotes: tuple[tuple[str, tuple[Span, ...]], ...]

    def article(self) -> Article:
        return Article(id=self.id, path=self.text_path, text=self.text, lang=self.lang)


def _locate(text: str, needle: str, occurrence: int, where: str) -> Span:
    if not needle:
        raise EvaluationError(f"{where}: empty content")
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            short = needle if len(needle) < 60 else needle[:57] + "..."
            raise EvaluationError(f"{where}: content not found in the text "
                                  f"(occurrence {occurrence}): {short!r}")
    return Span(pos, pos + len(needle), needle)


def _quoted_occurrences(text: str, needle: str) -> tuple[Span, ...]:
    """Occurrences of ``needle`` standing inside quote marks (all of them if none does)."""
    spans, quoted = [], []
    pos = text.find(needle)
    while pos >= 0 and needle:
        span = Span(pos, pos + len(needle), needle)
        spans.append(span)
        before = text[:pos].rstrip(" \u00a0\u202f")[-1:]
        after = text[pos + len(needle):].lstrip(" \u00a0\u202f")[:1]
        if before and after and before in _QUOTE_MARKS and after in _QUOTE_MARKS:
            quoted.append(span)
        pos = text.find(needle, pos + 1)
    return tuple(quoted or spans)


def load_gold(path: str | Path) -> GoldArticle:
    """One gold article (``NAME.json`` beside ``NAME.txt``); EvaluationError names the file and the problem."""
    p = Path(path)
    where = str(p)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{where}: cannot read ({exc.__class__.__name__}: {exc})") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{where}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or "attributions" not in data:
        raise EvaluationError(f"{where}: not a gold file (no 'attributions')")
    text_path = p.with_name(str(data.get("text") or p.with_suffix(".txt").name))
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{where}: cannot read its text {text_path} ({exc.__class__.__name__})") from exc
    try:
        entities = {
            eid: GoldEntity(eid, str(e.get("name", eid)), e.get("type"), tuple(e.get("aliases", ())))
            for eid, e in (data.get("entities") or {}).items()
        }
        golds = []
        for n, a in enumerate(data["attributions"], 1):
            if a.get("type") not in QUOTE_TYPES:
                raise EvaluationError(f"{where}: attribution {n} has type {a.get('type')!r}")
            ent = a.get("entity")
            if ent is not None and ent not in entities:
                raise EvaluationError(f"{where}: attribution {n} names unknown entity {ent!r}")
            content = _locate(text, a["content"], int(a.get("occurrence") or 1), f"{where}: attribution {n}")
            golds.append(GoldAttribution(a["type"], content, a.get("cue"), a.get("speaker"), ent))
        optional = tuple(
            _locate(text, o["content"], int(o.get("occurrence") or 1), f"{where}: optional {n}")
            for n, o in enumerate(data.get("optional") or (), 1))
        not_quotes = []
        for s in data.get("not_quotes") or ():
            occ = _quoted_occurrences(text, s)
            if not occ:
                raise EvaluationError(f"{where}: not_quote not found in the text: {s!r}")
            not_quotes.append((s, occ))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, EvaluationError):
            raise
        raise EvaluationError(f"{where}: malformed gold ({exc.__class__.__name__}: {exc})") from exc
    return GoldArticle(
        id=str(data.get("id") or p.stem), lang=str(data.get("lang") or "fr"), path=where,
        text_path=str(text_path), text=text, entities=entities, attributions=tuple(golds),
        optional=optional, not_quotes=tuple(not_quotes))


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold JSON files under ``paths`` (files, or folders searched recursively), sorted."""
    found: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.json") if q.with_suffix(".txt").exists()
                                or _names_text(q)))
        elif p.exists():
            found.append(p)
        else:
            raise EvaluationError(f"{p}: no such file or folder")
    return found


def _names_text(p: Path) -> bool:
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "attributions" in data


# ---------------------------------------------------------------- metrics

def _safe(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Counts:
    """Raw counts; they add up over articles, and every metric derives from them."""

    gold: int = 0
    predicted: int = 0  # predictions not ignored at 30%
    predicted_80: int = 0  # predictions not ignored at 80%
    matched_30: int = 0
    matched_80: int = 0
    speaker_right: int = 0
    typed: int = 0  # matched speakers whose gold entity has a type
    type_right: int = 0
    gold_by_type: tuple[tuple[str, int], ...] = ()
    matched_30_by_type: tuple[tuple[str, int], ...] = ()
    matched_80_by_type: tuple[tuple[str, int], ...] = ()
    not_quotes: int = 0
    not_quotes_reported: int = 0

    def __add__(self, other: Counts) -> Counts:
        def add(a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
            d = dict(a)
            for k, v in b:
                d[k] = d.get(k, 0) + v
            return tuple(sorted(d.items()))
        values: dict[str, Any] = {}
        for f in fields(self):
            x, y = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = add(x, y) if isinstance(x, tuple) else x + y
        return Counts(**values)

    @property
    def precision_30(self) -> float:
        return _safe(self.matched_30, self.predicted)

    @property
    def recall_30(self) -> float:
        return _safe(self.matched_30, self.gold)

    @property
    def f1_30(self) -> float:
        return _f1(self.precision_30, self.recall_30)

    @property
    def precision_80(self) -> float:
        return _safe(self.matched_80, self.predicted_80)

    @property
    def recall_80(self) -> float:
        return _safe(self.matched_80, self.gold)

    @property
    def f1_80(self) -> float:
        return _f1(self.precision_80, self.recall_80)

    @property
    def speaker_accuracy(self) -> float:
        return _safe(self.speaker_right, self.matched_30)

    @property
    def type_accuracy(self) -> float:
        return _safe(self.type_right, self.typed)

    @property
    def not_quote_rate(self) -> float:
        return _safe(self.not_quotes_reported, self.not_quotes)

    def recall_by_type(self, threshold: float = 0.3) -> dict[str, float]:
        matched = dict(self.matched_30_by_type if threshold < 0.5 else self.matched_80_by_type)
        return {t: _safe(matched.get(t, 0), n) for t, n in self.gold_by_type}

    def metrics(self) -> dict[str, Any]:
        """Every metric, by name (the names a gate pins), with the counts behind them."""
        return {
            "precision_30": self.precision_30, "recall_30": self.recall_30, "f1_30": self.f1_30,
            "precision_80": self.precision_80, "recall_80": self.recall_80, "f1_80": self.f1_80,
            "speaker_accuracy": self.speaker_accuracy, "type_accuracy": self.type_accuracy,
            "not_quote_rate": self.not_quote_rate,
            "recall_30_by_type": self.recall_by_type(0.3), "recall_80_by_type": self.recall_by_type(0.8),
            "counts": {f.name: (dict(getattr(self, f.name)) if isinstance(getattr(self, f.name), tuple)
                                else getattr(self, f.name)) for f in fields(self)},
        }


@dataclass(frozen=True)
class Match:
    gold: int  # index into the gold attributions
    predicted: int  # index into the predictions
    ratio: float  # overlap / gold length
    speaker_right: bool = False
    type_right: bool | None = None  # None where not counted


@dataclass(frozen=True)
class ArticleEval:
    """The evaluation of one article: its counts, its matches, and what was missed or extra."""

    id: str
    lang: str
    path: str
    counts: Counts
    matches: tuple[Match, ...] = ()  # at 30%
    missed: tuple[int, ...] = ()  # gold indices unmatched at 30%
    extra: tuple[int, ...] = ()  # prediction indices unmatched at 30% and not ignored
    not_quotes_reported: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "lang": self.lang, "path": self.path, **self.counts.metrics(),
                "missed": list(self.missed), "extra": list(self.extra),
                "not_quotes_reported": list(self.not_quotes_reported)}


@dataclass(frozen=True)
class EvalReport:
    """Per article, per language and overall figures of one evaluation run."""

    articles: tuple[ArticleEval, ...]
    engine: str = ""
    failures: tuple[str, ...] = ()  # one line per gold file that could not be evaluated

    @property
    def overall(self) -> Counts:
        total = Counts()
        for a in self.articles:
            total = total + a.counts
        return total

    def by_lang(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for a in self.articles:
            out[a.lang] = out.get(a.lang, Counts()) + a.counts
        return dict(sorted(out.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "overall": self.overall.metrics(),
            "by_lang": {k: v.metrics() for k, v in self.by_lang().items()},
            "articles": [a.to_dict() for a in self.articles],
            "failures": list(self.failures),
        }


def speaker_words(s: str) -> tuple[str, ...]:
    """The words of a speaker string as compared: lower case, no punctuation, no determiners."""
    words = _WORD_RE.findall(s.lower().replace("’", "'"))
    return tuple(w for w in words if w not in _DETERMINERS)


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    if not needle or len(needle) > len(hay):
        return False
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def speaker_names(predicted: Attribution, gold: GoldAttribution, entities: dict[str, GoldEntity]) -> bool:
    """Whether the predicted speaker names the gold source (the rule of ANNOTATION.md)."""
    sp = predicted.speaker
    if gold.speaker is None:
        return sp is None
    if sp is None:
        return False
    if gold.entity is not None and gold.entity in entities:
        aliases = [speaker_words(a) for a in entities[gold.entity].aliases]
    else:  # no entity: the gold mention itself is the one alias
        aliases = [speaker_words(gold.speaker)]
    texts = [sp.text] + ([sp.resolved.text] if sp.resolved is not None else [])
    for t in texts:
        words = speaker_words(t)
        if any(a and (words == a or _contains(words, a)) for a in aliases):
            return True
    return False


def _match(golds: Sequence[Span], preds: Sequence[Span], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one matches (gold, pred, ratio) at ``threshold``, best overlap first."""
    pairs = []
    for gi, g in enumerate(golds):
        if not len(g):
            continue
        for pi, p in enumerate(preds):
            ov = g.overlap(p)
            ratio = ov / len(g)
            if ov and ratio >= threshold - 1e-9:
                # best overlap first: share of the gold, then share of the prediction (so that of
                # two predictions covering a gold span, the tighter one takes it), then size
                pairs.append((-ratio, -ov / max(1, len(p)), -ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg_ratio, _prec, _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg_ratio))
    return sorted(out)


def evaluate_article(gold: GoldArticle, predicted: Sequence[Attribution]) -> ArticleEval:
    """Score the predicted attributions of one article against its gold."""
    preds = [p for p in predicted if getattr(p, "kind", "attribution") != "term"]
    gspans = [g.content for g in gold.attributions]
    pspans = [p.content for p in preds]

    def not_ignored(matched: set[int]) -> list[int]:
        return [i for i, p in enumerate(pspans)
                if i in matched or not any(p.overlap(o) for o in gold.optional)]

    m30 = _match(gspans, pspans, 0.3)
    m80 = _match(gspans, pspans, 0.8)
    kept30 = not_ignored({pi for _, pi, _ in m30})
    kept80 = not_ignored({pi for _, pi, _ in m80})
    matches = []
    speaker_right = typed = type_right = 0
    for gi, pi, ratio in m30:
        g, p = gold.attributions[gi], preds[pi]
        ok = speaker_names(p, g, gold.entities)
        type_ok: bool | None = None
        if ok and g.entity in gold.entities and gold.entities[g.entity].type:
            typed += 1
            type_ok = p.speaker is not None and p.speaker.type == gold.entities[g.entity].type
            type_right += int(type_ok)
        speaker_right += int(ok)
        matches.append(Match(gi, pi, ratio, ok, type_ok))
    by_type: dict[str, int] = {}
    for g in gold.attributions:
        by_type[g.type] = by_type.get(g.type, 0) + 1

    def per_type(ms: list[tuple[int, int, float]]) -> tuple[tuple[str, int], ...]:
        d = dict.fromkeys(by_type, 0)
        for gi, _, _ in ms:
            d[gold.attributions[gi].type] += 1
        return tuple(sorted(d.items()))

    kept_spans = [pspans[i] for i in kept30]
    reported = tuple(
        s for s, occ in gold.not_quotes
        if any(o.overlap(p) >= 0.3 * len(o) and o.overlap(p) >= 0.5 * len(p)
               for o in occ for p in kept_spans))
    matched30 = {pi for _, pi, _ in m30}
    counts = Counts(
        gold=len(gspans), predicted=len(kept30), predicted_80=len(kept80),
        matched_30=len(m30), matched_80=len(m80), speaker_right=speaker_right,
        typed=typed, type_right=type_right, gold_by_type=tuple(sorted(by_type.items())),
        matched_30_by_type=per_type(m30), matched_80_by_type=per_type(m80),
        not_quotes=len(gold.not_quotes), not_quotes_reported=len(reported))
    return ArticleEval(
        id=gold.id, lang=gold.lang, path=gold.path, counts=counts, matches=tuple(matches),
        missed=tuple(i for i in range(len(gspans)) if i not in {g for g, _, _ in m30}),
        extra=tuple(i for i in kept30 if i not in matched30), not_quotes_reported=reported)


# ---------------------------------------------------------------- running

Predictor = Callable[[Article], Sequence[Attribution]]


def pipeline_predictor(engine: Any) -> Predictor:
    """Attributions of an article by the full pipeline (``stages.process_article``: parse,
    extract, resolve). An article that fails is an EvaluationError naming it, reported by
    ``evaluate`` like a bad gold file."""
    def predict(article: Article) -> Sequence[Attribution]:
        outcome = attempt(article, engine, process_article)
        if isinstance(outcome, Failure):
            raise EvaluationError(outcome.message)
        return outcome.attributions
    return predict


def predictions_predictor(path: str | Path) -> Predictor:
    """Attributions read from ``attribution extract --format json`` output, matched by text file name."""
    table: dict[str, list[Attribution]] = {}
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{p}: cannot read ({exc.__class__.__name__})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            table[Path(d["path"]).name] = [Attribution.from_dict(a) for a in d.get("attributions", ())
                                           if a.get("kind") != "term"]
        except (ValueError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{p}:{n}: not an extract JSON line ({exc.__class__.__name__})") from exc

    def predict(article: Article) -> Sequence[Attribution]:
        name = Path(article.path).name
        if name not in table:
            raise EvaluationError(f"{p}: no predictions for {name}")
        return table[name]
    return predict


def evaluate(paths: Iterable[str | Path], predict: Predictor, engine: str = "",
             on_failure: Callable[[str], None] | None = None) -> EvalReport:
    """Evaluate every gold article under ``paths``; a bad gold file is reported and skipped."""
    articles: list[ArticleEval] = []
    failures: list[str] = []
    for path in gold_files(paths):
        try:
            gold = load_gold(path)
            articles.append(evaluate_article(gold, predict(gold.article())))
        except EvaluationError as exc:
            failures.append(str(exc))
            if on_failure:
                on_failure(str(exc))
    return EvalReport(tuple(articles), engine=engine, failures=tuple(failures))


SCORE_COLUMNS = ("article", "gold", "pred", "P30", "R30", "F30", "P80", "R80", "F80",
                 "spk", "typ", "dir", "ind", "mix", "notq")


def _score(x: float | None) -> str | None:
    return None if x is None else f"{x:.2f}"


def _score_row(name: str, c: Counts) -> tuple[str | int | None, ...]:
    rt = c.recall_by_type(0.3)
    return (name, c.gold, c.predicted,
            *(_score(x) for x in (c.precision_30, c.recall_30, c.f1_30,
                                  c.precision_80, c.recall_80, c.f1_80, c.speaker_accuracy)),
            # A figure with nothing to measure (no typed match, no gold of a type) is shown empty.
            _score(c.type_accuracy if c.typed else None),
            *(_score(rt.get(t)) for t in ("direct", "indirect", "mixed")),
            _score(c.not_quote_rate if c.not_quotes else None))


def scores_table(report: EvalReport, per_article: bool = True) -> Table:
    """The scores as people read them: a row per article (``per_article``), per language, overall."""
    rows = [_score_row(a.id, a.counts) for a in report.articles] if per_article else []
    rows += [_score_row(f"[{lang}]", c) for lang, c in report.by_lang().items()]
    rows.append(_score_row("[overall]", report.overall))
    return Table(SCORE_COLUMNS, tuple(rows))
