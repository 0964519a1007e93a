"""The evaluation gate, in the manner of trafilatura's eval gate: pinned minimum figures per
language (``Minimums``), the digest of the gold they were measured on, the check of a report
against them, and raising the pins (lowering one needs ``allow_lower``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EvaluationError, GateFailure
from .evaluate import METRICS, EvalReport


@dataclass(frozen=True)
class Minimums:
    """Pinned figures of the CI gate: per language, a floor for each metric where higher is better
    and a ceiling for each where lower is better (``not_quote_rate``)."""

    pinned: dict[str, dict[str, float]]
    targets: dict[str, float] = field(default_factory=dict)
    below_target_allowed: dict[str, str] = field(default_factory=dict)  # metric -> why
    engine: str = "spacy"
    doc: str = ""
    gold_sha256: str = ""  # gold_digest of the gold the pins were measured on ("" in old files: unchecked)

    @classmethod
    def load(cls, path: str | Path) -> Minimums:
        p = Path(path)
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            pinned = {lang: {k: float(v) for k, v in ms.items()} for lang, ms in d["pinned"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EvaluationError(f"{p}: not a minimums file ({exc.__class__.__name__}: {exc})") from exc
        for ms in pinned.values():
            unknown = set(ms) - set(METRICS)
            if unknown:
                raise EvaluationError(f"{p}: unknown metric(s) {', '.join(sorted(unknown))}")
        return cls(pinned=pinned, targets={k: float(v) for k, v in d.get("targets", {}).items()},
                   below_target_allowed=dict(d.get("below_target_allowed", {})),
                   engine=str(d.get("engine", "spacy")), doc=str(d.get("_doc", "")),
                   gold_sha256=str(d.get("gold_sha256", "")))

    def to_dict(self) -> dict[str, Any]:
        return {"_doc": self.doc, "engine": self.engine,
                **({"gold_sha256": self.gold_sha256} if self.gold_sha256 else {}),
                "targets": self.targets, "below_target_allowed": self.below_target_allowed,
                "pinned": self.pinned}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n",
                              encoding="utf-8")

    def below_targets(self) -> list[str]:
        """Pins that sit on the wrong side of the issue's targets without an explicit reason."""
        out = []
        for lang, ms in self.pinned.items():
            for metric, value in ms.items():
                target = self.targets.get(metric)
                if target is None or metric in self.below_target_allowed:
                    continue
                if METRICS[metric] * (value - target) < -1e-9:
                    out.append(f"{lang} {metric}: pinned {value:.3f}, target {target:.3f}")
        return out


# Gold files a digest covers: the texts and their annotations (not build scripts or notes).
GOLD_SUFFIXES = (".txt", ".json")
GOLD_CHANGED = "gold data changed since the minimums were measured: re-measure with --update-minimums"


def gold_digest(paths: Iterable[str | Path]) -> str:
    """sha256 over the gold under ``paths``: every .txt and .json file of each folder (of a file:
    itself and its .txt), each named by its folder's name and its path inside it, sorted by name.

    Names are relative, so the digest is the same from any working directory or copy of the data.
    """
    named: dict[str, Path] = {}
    for path in paths:
        p = Path(path)
        if p.is_dir():
            base = Path(p.resolve().name)
            named.update(((base / q.relative_to(p)).as_posix(), q) for q in p.rglob("*")
                         if q.suffix in GOLD_SUFFIXES and q.is_file())
        elif p.is_file():
            named.update((q.name, q) for q in (p, p.with_suffix(".txt")) if q.is_file())
        else:
            raise EvaluationError(f"{p}: no such file or folder")
    digest = hashlib.sha256()
    for name in sorted(named):
        content = hashlib.sha256(named[name].read_bytes()).hexdigest()
        digest.update(f"{name}\0{content}\n".encode())
    return digest.hexdigest()


def check_gold(minimums: Minimums, gold: Iterable[str | Path]) -> str | None:
    """The failure line when ``gold`` is not the gold the pins were measured on (None when it is,
    or when the minimums pin no digest)."""
    if not minimums.gold_sha256:
        return None
    digest = gold_digest(gold)
    if digest == minimums.gold_sha256:
        return None
    return f"{GOLD_CHANGED} (pinned {minimums.gold_sha256[:12]}, now {digest[:12]})"


def _measured(report: EvalReport, lang: str) -> dict[str, float] | None:
    counts = report.by_lang().get(lang)
    if counts is None:
        return None
    m = counts.metrics()
    return {k: float(m[k]) for k in METRICS}


def check_gate(report: EvalReport, minimums: Minimums,
               gold: Iterable[str | Path] | None = None) -> list[str]:
    """One line per pinned figure that the report fails (empty when the gate passes); with the
    ``gold`` paths measured, first a line when that gold is not the gold the pins were measured on."""
    changed = check_gold(minimums, gold) if gold is not None else None
    failures = [changed] if changed else []
    for lang, ms in sorted(minimums.pinned.items()):
        measured = _measured(report, lang)
        if measured is None:
            failures.append(f"{lang}: no article evaluated")
            continue
        for metric, pinned in sorted(ms.items()):
            value = measured[metric]
            if METRICS[metric] * (value - pinned) < -1e-9:
                side = "minimum" if METRICS[metric] > 0 else "maximum"
                failures.append(f"{lang} {metric} = {value:.3f}, pinned {side} {pinned:.3f}")
    return failures


def gate(report: EvalReport, minimums: Minimums, gold: Iterable[str | Path] | None = None) -> None:
    """Raise GateFailure with every failing figure (and a change of the gold, see check_gate)."""
    failures = check_gate(report, minimums, gold)
    if failures:
        raise GateFailure("gate failed: " + "; ".join(failures))


def update_minimums(report: EvalReport, minimums: Minimums, allow_lower: bool = False,
                    langs: Iterable[str] | None = None,
                    gold: Iterable[str | Path] | None = None) -> tuple[Minimums, list[str]]:
    """Pin the measured figures (rounded towards safety, to 3 decimals), and with the ``gold``
    paths measured, the digest of that gold.

    A pin may always move the good way; moving one the bad way raises GateFailure
    unless ``allow_lower``. Returns the new minimums and one line per change.
    """
    pinned = {lang: dict(ms) for lang, ms in minimums.pinned.items()}
    changes, refused = [], []
    for lang in sorted(set(langs or pinned) | set(langs or ())):
        measured = _measured(report, lang)
        if measured is None:
            continue
        old = pinned.setdefault(lang, {})
        for metric in sorted(old or METRICS):
            value = measured[metric]
            new = (math.floor(value * 1000 + 1e-6) / 1000 if METRICS[metric] > 0
                   else math.ceil(value * 1000 - 1e-6) / 1000)
            before = old.get(metric)
            if before is not None and METRICS[metric] * (new - before) < -1e-9 and not allow_lower:
                refused.append(f"{lang} {metric}: {before:.3f} -> {new:.3f}")
                continue
            if before is None or abs(new - before) > 1e-9:
                changes.append(f"{lang} {metric}: {'-' if before is None else f'{before:.3f}'} -> {new:.3f}")
                old[metric] = new
    if refused:
        raise GateFailure("refusing to lower pinned figures without --allow-lower: " + "; ".join(refused))
    digest = gold_digest(gold) if gold is not None else minimums.gold_sha256
    if digest != minimums.gold_sha256:
        changes.append(f"gold_sha256: {minimums.gold_sha256[:12] or '-'} -> {digest[:12]}")
    return Minimums(pinned, minimums.targets, minimums.below_target_allowed, minimums.engine,
                    minimums.doc, digest), changes


# ---------------------------------------------------------------- table

