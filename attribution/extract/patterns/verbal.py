"""Cue verbs and their complement: active, participle or gerund, passive (in that order).

X a indiqué que… / X a confirmé l'attaque / Elle appelle «…» (a finite verb and its subject);
espérant…, tout en ajoutant que…, un communiqué assurant que… (the participle's noun phrase or
the subject of the clause it hangs on); a été annoncé par X (the agent). The content is the
cue's right complement (see ``complements``), cut before the other cues' material.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cues import CueGroup
from .candidates import Candidate, Unit
from .complements import Stops, complement_candidates, passive_candidates
from .registry import pattern
from .roles import cue_stops, is_incise, speaker_of


@pattern("verb_complement", priority=2)
def verb_complement(u: Unit) -> Iterator[Candidate]:
    """X a indiqué que… / X a confirmé l'attaque / Elle appelle «…» / X a expliqué avoir été…"""
    for g in u.cues:
        if g.participle or g.passive or is_incise(u, g):
            continue
        speaker = speaker_of(u, g)
        if speaker is None:
            continue
        yield from complement_candidates(u, g, "verb_complement", speaker, _stops(u, g))


@pattern("participle_cue", priority=3)
def participle_cue(u: Unit) -> Iterator[Candidate]:
    """Baghdad espérant une «réduction…» / …, ajoutant que… / un communiqué assurant que…

    The speaker is the noun phrase the participle follows directly, else the subject
    of the clause it hangs on."""
    for g in u.cues:
        if not g.participle:
            continue
        speaker = speaker_of(u, g)
        if speaker is None:
            continue
        yield from complement_candidates(u, g, "participle_cue", speaker, _stops(u, g))


@pattern("passive_cue", priority=4)
def passive_cue(u: Unit) -> Iterator[Candidate]:
    """Il a été annoncé par le ministère que… / he was told by X of "…": the agent speaks."""
    for g in u.cues:
        if g.passive:
            yield from passive_candidates(u, g, "passive_cue", speaker_of(u, g), _stops(u, g))


def _stops(u: Unit, g: CueGroup) -> Stops:
    """Content of cue ``g`` ends before the material of the unit's other speaking cues."""
    return lambda start: cue_stops(u, start, skip=g)
