"""UD English (EWT, GUM) CoNLL-U files to spaCy DocBin corpora for training en_attribution_sm.

Each word of the treebank becomes one spaCy token (multi-word tokens are split into their words,
as the project's Stanza documents have them) with its text, spacing, lemma, UPOS, XPOS, features,
head, relation and sentence start. GUM documents also give named entities: GUM marks every
mention of an entity (named or not) in its MISC column (``Entity=(id-type-…``); a mention whose
syntactic head is a proper noun is kept, trimmed to its name, with its type mapped onto the labels
the project's spaCy engine consumes (PER, ORG, LOC, MISC). EWT documents carry no entities and
are left unannotated for the recogniser (missing, not "outside").

Usage: python training/en/convert.py UD_DIR OUT_DIR
writes OUT_DIR/{train,dev (EWT dev + 5 GUM documents),ewt-test,gum-heldout}.spacy and the held-out GUM CoNLL-U file
OUT_DIR/gum-heldout.conllu (for LAS measurement with bench/parse_ud.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

# GUM documents for choosing the best checkpoint (with EWT dev): not trained on.
GUM_DEV = ("GUM_news_crane", "GUM_interview_hill", "GUM_bio_byron", "GUM_voyage_york",
           "GUM_academic_games")
# GUM documents kept out of training, for evaluation only: the two that are articles of the
# project's English dev set (../shared/eval/en: hackers, sensitive; any GUM document added to an
# evaluation set belongs here too), news and interviews (the product's genre), then one or two
# of each other genre. Fixed so that figures are comparable.
GUM_HELDOUT = (
    "GUM_news_hackers", "GUM_news_sensitive", "GUM_news_iodine", "GUM_news_nasa", "GUM_news_election", "GUM_news_warhol",
    "GUM_news_stampede", "GUM_interview_chomsky", "GUM_interview_peres",
    "GUM_interview_libertarian", "GUM_bio_galois", "GUM_bio_padalecki",
    "GUM_academic_census", "GUM_court_fire", "GUM_voyage_cleveland", "GUM_voyage_athens",
)

# GUM entity types -> the project's entity labels (attribution/parse/base.py, _ENTITY_MAP).
GUM_TYPES = {
    "person": "PER", "organization": "ORG", "place": "LOC",
    "event": "MISC", "object": "MISC", "abstract": "MISC", "animal": "MISC", "substance": "MISC",
}

# Dependents of a mention's head that are not part of its name (appositions, relative clauses,
# punctuation, determiners…): they and their subtrees are cut off before the name is taken.
NOT_NAME = {"acl", "acl:relcl", "appos", "punct", "parataxis", "conj", "cc", "advcl", "det",
            "nmod:poss", "case", "dep", "reparandum", "discourse", "list", "orphan", "advmod",
            "nummod", "det:predet", "cop", "nsubj", "obl", "obl:npmod", "obl:tmod", "mark"}

# Lower-case words allowed inside a name ("University of Chicago", "Food and Drug Administration").
NAME_GLUE = {"of", "and", "for", "the", "de", "du", "des", "la", "le", "von", "van", "der", "&", "-", "on"}

# Titles and offices: in front of a person's name they are not part of it (OntoNotes-style
# entities, as the project's resolver expects); as the head of a "person" mention they are no name.
TITLES = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir",
    "president", "vice", "senator", "sen.", "governor", "gov.", "mayor", "minister", "secretary",
    "director", "chairman", "chairwoman", "chair", "administrator", "chief", "ceo", "judge",
    "justice", "general", "gen.", "colonel", "captain", "officer", "king", "queen", "prince",
    "princess", "lord", "lady", "pope", "bishop", "father", "saint", "st.", "rep.",
    "representative", "spokesman", "spokeswoman", "commissioner", "ambassador", "emperor",
    "detective", "sergeant", "lieutenant", "coach", "dean", "chancellor", "premier", "leader",
}

# Sentences per training document: the parser learns sentence boundaries across them.
SENTS_PER_DOC = 10


@dataclass
class Word:
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within the sentence, 0 for the root
    deprel: str
    space: bool
    entity: str  # GUM MISC Entity= value, "" when absent


@dataclass
class Sentence:
    words: list[Word] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[tuple[str, Sentence]]:
    """(document id, sentence) for each sentence of a CoNLL-U file."""
    doc_id = path.stem
    sent = Sentence()
    mwt_end, mwt_space = 0, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sent.words:
                yield doc_id, sent
            sent = Sentence()
            mwt_end, mwt_space = 0, True  # word ids start again at 1
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc id ="):
                doc_id = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        misc = {} if cols[9] == "_" else dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        space = misc.get("SpaceAfter") != "No"
        if "-" in cols[0]:  # multi-word token: its words carry no space between them
            mwt_end, mwt_space = int(cols[0].split("-")[1]), space
            continue
        if "." in cols[0]:  # empty node of the enhanced graph
            continue
        ident = int(cols[0])
        if ident <= mwt_end:
            space = mwt_space if ident == mwt_end else False
        sent.words.append(Word(cols[1], cols[2], cols[3], cols[4], "" if cols[5] == "_" else cols[5],
                               int(cols[6]), cols[7], space, misc.get("Entity", "")))
    if sent.words:
        yield doc_id, sent


_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_CLOSE = re.compile(r"(?<![(\w-])(\d+)\)")


def mentions(words: list[Word]) -> list[tuple[int, int, str]]:
    """GUM mentions of one sentence: (first, last, type), indices 0-based, inclusive."""
    found: list[tuple[int, int, str]] = []
    open_: dict[str, list[tuple[int, str]]] = {}
    for i, w in enumerate(words):
        if not w.entity:
            continue
        # A mention opened and closed on one token: "(3-substance-…-Iodine)".
        for part in re.findall(r"\([^()]*\)?", w.entity):
            m = _OPEN.match(part)
            if not m:
                continue
            if part.endswith(")"):
                found.append((i, i, m.group(2)))
            else:
                open_.setdefault(m.group(1), []).append((i, m.group(2)))
        rest = re.sub(r"\([^()]*\)?", " ", w.entity)
        for ident in _CLOSE.findall(rest):
            if open_.get(ident):
                first, kind = open_[ident].pop()
                found.append((first, i, kind))
    return found


def name_span(words: list[Word], first: int, last: int) -> tuple[int, int] | None:
    """The name inside mention [first, last] when its head is a proper noun, else None."""
    inside = range(first, last + 1)
    heads = [i for i in inside if not first <= words[i].head - 1 <= last]
    if len(heads) != 1 or words[heads[0]].upos != "PROPN":
        return None
    head = heads[0]
    keep = {head}
    stack = [head]
    while stack:  # the head's name-forming dependents (flat, compound, nmod "of X"…)
        h = stack.pop()
        for i in inside:
            if words[i].head - 1 == h and i not in keep and (h != head or words[i].deprel not in NOT_NAME):
                keep.add(i)
                stack.append(i)
    def joins(i: int) -> bool:  # a word that may continue a name: capitalised, a number or glue
        text = words[i].text
        return i in keep and (text[:1].isupper() or text[:1].isdigit() or text.lower() in NAME_GLUE)

    lo, hi = head, head
    while lo - 1 >= first and joins(lo - 1):
        lo -= 1
    while hi + 1 <= last and joins(hi + 1):
        hi += 1
    # Lower-case words at either edge are titles or modifiers, not the name ("former", "'s").
    while lo < head and not words[lo].text[:1].isupper():
        lo += 1
    while hi > head and not (words[hi].text[:1].isupper() or words[hi].text[:1].isdigit()):
        hi -= 1
    while lo < hi and words[lo].text.lower() in NAME_GLUE:
        lo += 1
    return lo, hi


def person_name(words: list[Word], lo: int, hi: int) -> tuple[int, int] | None:
    """A person's name without the titles in front of it; None when only a title is left."""
    titled = [i for i in range(lo, hi + 1) if words[i].text.lower() in TITLES]
    if titled:
        lo = max(titled) + 1
    # Only a title left, or a title with its complement ("Director of the …"): no name.
    if lo > hi or words[hi].text.lower() in TITLES or not words[lo].text[:1].isupper():
        return None
    return lo, hi


def entities(words: list[Word]) -> list[tuple[int, int, str]]:
    """Named entities of one sentence: outermost named mentions, no overlaps."""
    spans = []
    for first, last, kind in mentions(words):
        label = GUM_TYPES.get(kind)
        span = name_span(words, first, last) if label else None
        if span and label == "PER":
            # A plural proper noun names a group ("Texans"): a nationality-like MISC, as NORP is.
            if words[span[1]].xpos == "NNPS":
                label = "MISC"
            else:
                span = person_name(words, *span)
        if span and label:
            spans.append((span[0], span[1], label))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    kept = []
    for lo, hi, label in spans:
        if taken.isdisjoint(range(lo, hi + 1)):
            kept.append((lo, hi, label))
            taken.update(range(lo, hi + 1))
    return sorted(kept)


def make_doc(vocab: spacy.vocab.Vocab, sents: list[Sentence], with_ents: bool) -> Doc:
    words = [w for s in sents for w in s.words]
    heads, starts, ents = [], [], []
    offset = 0
    for s in sents:
        for n, w in enumerate(s.words):
            heads.append(offset + (w.head - 1 if w.head else n))
            starts.append(n == 0)
        if with_ents:
            ents.extend((offset + lo, offset + hi, label) for lo, hi, label in entities(s.words))
        offset += len(s.words)
    doc = Doc(vocab, words=[w.text for w in words], spaces=[w.space for w in words],
              lemmas=[w.lemma for w in words], pos=[w.upos for w in words],
              tags=[w.xpos for w in words], morphs=[w.feats for w in words],
              heads=heads, deps=["ROOT" if w.head == 0 else w.deprel for w in words],
              sent_starts=starts)
    if with_ents:
        doc.set_ents([Span(doc, lo, hi + 1, label=label) for lo, hi, label in ents], default="outside")
    return doc


def docbin(vocab: spacy.vocab.Vocab, paths: list[Path], with_ents: bool) -> DocBin:
    """One DocBin of documents of at most SENTS_PER_DOC sentences, never crossing a source document."""
    out = DocBin(store_user_data=False)
    for path in paths:
        chunk: list[Sentence] = []
        current = None
        for doc_id, sent in read_conllu(path):
            if chunk and (doc_id != current or len(chunk) >= SENTS_PER_DOC):
                out.add(make_doc(vocab, chunk, with_ents))
                chunk = []
            current = doc_id
            chunk.append(sent)
        if chunk:
            out.add(make_doc(vocab, chunk, with_ents))
    return out


def main(ud_dir: str, out_dir: str) -> None:
    ud, out = Path(ud_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    ewt = ud / "UD_English-EWT"
    gum = sorted((ud / "UD_English-GUM").glob("GUM_*.conllu"))
    gum_train = [p for p in gum if p.stem not in GUM_HELDOUT + GUM_DEV]
    gum_dev = [p for p in gum if p.stem in GUM_DEV]
    gum_held = [p for p in gum if p.stem in GUM_HELDOUT]
    missing = set(GUM_HELDOUT) - {p.stem for p in gum_held}
    if missing:
        raise SystemExit(f"held-out GUM documents not found: {sorted(missing)}")
    train = docbin(vocab, [ewt / "en_ewt-ud-train.conllu"], False)
    for d in docbin(vocab, gum_train, True).get_docs(vocab):
        train.add(d)
    train.to_disk(out / "train.spacy")
    # Dev, for model selection: EWT dev (parse, tags) and five GUM documents (entities), none of
    # them trained on; the held-out GUM documents stay unseen until the final measurement.
    dev = docbin(vocab, [ewt / "en_ewt-ud-dev.conllu"], False)
    for d in docbin(vocab, gum_dev, True).get_docs(vocab):
        dev.add(d)
    dev.to_disk(out / "dev.spacy")
    held = docbin(vocab, gum_held, True)
    docbin(vocab, [ewt / "en_ewt-ud-test.conllu"], False).to_disk(out / "ewt-test.spacy")
    held.to_disk(out / "gum-heldout.spacy")
    (out / "gum-heldout.conllu").write_text("".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
                                                    for p in gum_held), encoding="utf-8")
    print(f"train {len(train)} docs, dev {len(dev)} docs, GUM held out: {len(gum_held)} documents")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
