"""One outlet's rendition of a claim: the record the matching and the classification read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..credit import Source
from ..text import fold
from .matching import normalise_content

# Types of quotation that carry quotation marks (a mixed quotation quotes part of the claim).
MARKED_TYPES = frozenset({"direct", "mixed"})


@dataclass(frozen=True)
class Rendition:
    """How one article ran a claim."""

    outlet: str
    path: str
    article: str  # the article's id (several JSONL articles share one path)
    index: int  # position of the attribution in its ArticleResult (anchor ``a<index>`` in its page)
    type: str
    content: str
    start: int
    end: int
    cue: str | None
    lemma: str | None
    stance: str | None
    speaker: str | None  # the mention as written
    source: Source | None  # to whom it is credited (an office or a document: its issuer)
    written: Source | None = None  # the speaker's own entity, before an office gives way to its head
    about: str = ""  # the credited entity's role, affiliation and country, for office vs head
    article_key: str = ""  # the article's key in the report (its page)
    url: str | None = None  # the article's address
    credited: str = "no source"  # how the credit reads ("communiqué of X"; attribution.credit)

    @property
    def cue_key(self) -> str | None:
        """The cue as compared: its lemma, else its folded text (``a indiqué`` = ``avait indiqué``)."""
        if self.lemma:
            return fold(self.lemma)
        return normalise_content(self.cue) if self.cue else None

    @property
    def marked(self) -> bool:
        """Whether the rendition carries quotation marks (direct or mixed)."""
        return self.type in MARKED_TYPES

    @property
    def anchor(self) -> str:
        """The id of the claim's element in its article page."""
        return f"a{self.index}"

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "path": self.path, "article": self.article,
                "index": self.index, "anchor": self.anchor, "url": self.url, "type": self.type,
                "content": self.content, "start": self.start, "end": self.end, "cue": self.cue,
                "lemma": self.lemma, "stance": self.stance, "speaker": self.speaker,
                "source": self.source.to_dict() if self.source else None,
                "written": self.written.to_dict() if self.written else None,
                "credited": self.credited}
