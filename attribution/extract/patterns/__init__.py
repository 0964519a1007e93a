"""The extraction patterns, one family per module, each registered in ``registry``.

A pattern is a name, a priority (lower first), the languages it serves and one rule per scope:
a unit rule ``rule(unit) -> Iterator[Candidate]`` reads one unit (a repaired sentence) and its
cue groups; a document rule ``rule(view)`` reads the whole text; a selection rule
``rule(view, kept)`` reads the candidates a first settling kept. ``extract`` runs, for the
document's language, the unit rules unit by unit, then the document rules, then the selection
rules, each scope in priority order, all read from the registry; ``select.settle_overlaps``
ranks the candidates by the same priorities when they overlap.

The order, and why (a surer reading of a cue or a quote goes first):

1. ``inverted_cue``    «…», a-t-il dit / «…», souligne le communiqué — an incise is unambiguous;
2. ``verb_complement`` X a indiqué que… / X a confirmé l'attaque / X a répondu : «…»;
3. ``participle_cue``  espérant…, tout en ajoutant que…, y affirmant «…» — its speaker is
   borrowed from the clause it hangs on;
4. ``passive_cue``     a été annoncé par X;
5. ``according_to``    selon X, d'après X, pour X, according to X — mostly plain prepositions;
6. ``comparative_cue`` …, comme l'a confirmé X — "comme" is mostly "as in";
7. ``colon_intro``     X : «…» with no verb (unit rule) and «…» – X bylines (document rule,
   ``bylines``) — a colon or a dash is the weakest sign of speech;
8. ``floating_quote``  a quote standing alone next to an attributed one (selection rule).

Modules: ``registry`` (the registry), ``candidates`` (Candidate, Unit, the index of accepted
candidates, the record builders), ``sources`` (phrases that name a source), ``complements``
(what follows a cue verb), ``roles`` (each cue's role in its unit: speech, incise, speaker,
content edges), then one module per family: ``inverted``, ``verbal``, ``prepositional``,
``comparative``, ``colon``, ``bylines``, ``floating``. Importing this package registers them all.
"""

from __future__ import annotations

from . import bylines, colon, comparative, floating, inverted, prepositional, verbal
from .candidates import Candidate, CandidateIndex, Unit
from .registry import (
    SCOPES,
    DuplicatePattern,
    Pattern,
    PatternRegistryError,
    UnknownPattern,
    UnknownPatternLanguage,
    UnknownScope,
    pattern,
    priority,
    register,
    registered,
    rules,
    unregister,
    variant,
)

FAMILIES = (inverted, verbal, prepositional, comparative, colon, bylines, floating)  # registered on import

__all__ = [
    "FAMILIES", "SCOPES", "Candidate", "CandidateIndex", "DuplicatePattern", "Pattern", "PatternRegistryError",
    "Unit", "UnknownPattern", "UnknownPatternLanguage", "UnknownScope", "pattern", "priority", "register",
    "registered", "rules", "unregister", "variant",
]
