"""The pattern registry: each pattern registered once, with its name, priority, languages and rules.

In the spirit of stanza's processor registry. A module of patterns registers each of its
patterns with a decorator where the pattern is defined::

    @pattern("inverted_cue", priority=1)
    def inverted_cue(u: Unit) -> Iterator[Candidate]: ...

The name is what the pattern's candidates carry (``Candidate.pattern``, and the attribution's
``pattern`` in every output); the priority (lower first) is the order in which ``extract`` runs
the patterns of a scope and the rank of their candidates when ``select.settle_overlaps`` settles
overlaps. A rule reads one of three scopes:

- ``unit``: one unit (a repaired sentence) and its cue groups, ``rule(unit)``;
- ``document``: the whole document view, ``rule(view)``;
- ``selection``: the view and the candidates kept by a first settling, ``rule(view, kept)``.

A pattern may have one rule per scope: ``variant`` adds a rule to a registered pattern (the
bylines «…» – X are a document rule of ``colon_intro``), keeping its name, priority and
languages. Registering a name twice, a language without a cue lexicon, or a variant of an
unknown pattern raises a ``PatternRegistryError`` at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ...errors import AttributionError
from ...lang import SUPPORTED

SCOPES = ("unit", "document", "selection")

Rule = Callable[..., Iterable[Any]]  # unit -> candidates, view -> candidates, (view, kept) -> candidates
R = TypeVar("R", bound=Rule)


class PatternRegistryError(AttributionError):
    """A pattern registered in a way the registry cannot serve."""


class DuplicatePattern(PatternRegistryError):
    """A pattern name (or a rule of one scope of a pattern) registered twice."""


class UnknownPattern(PatternRegistryError):
    """A name that no registered pattern has."""


class UnknownPatternLanguage(PatternRegistryError):
    """A pattern declared for a language that has no cue lexicon."""


class UnknownScope(PatternRegistryError):
    """A rule for a scope other than unit, document and selection."""


@dataclass(frozen=True)
class Pattern:
    """One registered pattern: its name, its priority (lower first), the languages it serves,
    and its rules by scope."""

    name: str
    priority: int
    langs: tuple[str, ...]
    rules: Mapping[str, Rule]


_REGISTRY: dict[str, Pattern] = {}


def _check_scope(scope: str, what: str) -> None:
    if scope not in SCOPES:
        raise UnknownScope(f"{what}: unknown scope {scope!r} (choose from {', '.join(SCOPES)})")


def register(name: str, rule: Rule, *, priority: int, langs: Iterable[str] | None = None,
             scope: str = "unit") -> Pattern:
    """Register pattern ``name`` with its first rule; the ``pattern`` decorator calls this.
    ``langs`` None: every supported language (the patterns are generic; the words are data)."""
    if name in _REGISTRY:
        raise DuplicatePattern(f"pattern {name!r} is registered twice")
    _check_scope(scope, f"pattern {name!r}")
    served = SUPPORTED if langs is None else tuple(langs)
    known = SUPPORTED
    unknown = [lang for lang in served if lang not in known]
    if unknown or not served:
        raise UnknownPatternLanguage(
            f"pattern {name!r}: language {', '.join(unknown) or '(none)'} has no cue lexicon "
            f"(have: {', '.join(known)})")
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise PatternRegistryError(f"pattern {name!r}: priority {priority!r} is not an integer")
    entry = Pattern(name, priority, served, {scope: rule})
    _REGISTRY[name] = entry
    return entry


def pattern(name: str, *, priority: int, langs: Iterable[str] | None = None,
            scope: str = "unit") -> Callable[[R], R]:
    """Decorator: register the decorated function as the ``scope`` rule of a new pattern."""

    def decorate(rule: R) -> R:
        register(name, rule, priority=priority, langs=langs, scope=scope)
        return rule

    return decorate


def variant(name: str, *, scope: str) -> Callable[[R], R]:
    """Decorator: add the decorated function as the ``scope`` rule of registered pattern ``name``
    (its candidates carry that name, rank with its priority and serve its languages)."""

    def decorate(rule: R) -> R:
        entry = get(name)
        _check_scope(scope, f"pattern {name!r}")
        if scope in entry.rules:
            raise DuplicatePattern(f"pattern {name!r} has a {scope} rule already")
        _REGISTRY[name] = replace(entry, rules={**entry.rules, scope: rule})
        return rule

    return decorate


def unregister(name: str) -> None:
    """Remove pattern ``name`` and all its rules (for tests and experiments)."""
    get(name)
    del _REGISTRY[name]


def get(name: str) -> Pattern:
    """The registered pattern called ``name``; UnknownPattern if there is none."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownPattern(f"no pattern {name!r} is registered") from None


def priority(name: str) -> int:
    """The priority of pattern ``name`` (lower first)."""
    return get(name).priority


def registered() -> tuple[Pattern, ...]:
    """Every registered pattern, in the order ``extract`` runs them (priority, then name)."""
    return tuple(sorted(_REGISTRY.values(), key=lambda p: (p.priority, p.name)))


def rules(lang: str, scope: str) -> tuple[Rule, ...]:
    """The ``scope`` rules of the patterns serving ``lang``, in priority order."""
    _check_scope(scope, "rules")
    return tuple(p.rules[scope] for p in registered() if lang in p.langs and scope in p.rules)
