"""Accuracy and speed of a trained English pipeline, written as the package's meta.json.

    python training/en/evaluate.py MODEL_DIR CORPUS_DIR META_OUT

MODEL_DIR: the trained pipeline (spacy train's model-best); CORPUS_DIR: convert.py's output.
Scores, all with gold tokens (each word of the treebank is one token of the Doc given to the
pipeline) and gold sentence boundaries for the tagger and parser figures:
- UD English-EWT test: UPOS, morphological features, lemma, UAS, LAS (with subtypes,
  punctuation included);
- the held-out GUM documents (convert.GUM_HELDOUT): the same, plus named entities, precision,
  recall and F1 per type (PER, ORG, LOC, MISC; exact spans), sentences left to the parser;
- speed: words per CPU second of ``nlp.pipe`` over the EWT test text, raw text in (tokenizer
  included), one thread.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert import GUM_HELDOUT  # noqa: E402

TAG_SCORES = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")


def gold_token_examples(nlp: Any, path: Path, with_sents: bool) -> list[Example]:
    """Examples whose predicted side has the gold words (and, optionally, sentence starts)."""
    examples = []
    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        starts = [t.is_sent_start for t in ref] if with_sents else None
        pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref],
                   sent_starts=starts)
        examples.append(Example(pred, ref))
    return examples


def scores(nlp: Any, examples: list[Example], keys: tuple[str, ...]) -> dict[str, Any]:
    result = nlp.evaluate(examples)
    return {k: round(float(result[k]), 4) for k in keys if result.get(k) is not None}


def speed(nlp: Any, path: Path) -> tuple[int, float]:
    """(words, words per CPU second) of the pipeline on raw text, one document per 10 sentences."""
    texts = [d.text for d in DocBin().from_disk(path).get_docs(nlp.vocab)]
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.process_time()
    words = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
    return words, words / (time.process_time() - start)


def main(model_dir: str, corpus_dir: str, meta_out: str) -> None:
    nlp = spacy.load(model_dir)
    corpus = Path(corpus_dir)
    ewt = scores(nlp, gold_token_examples(nlp, corpus / "ewt-test.spacy", True), TAG_SCORES)
    gum_sent = scores(nlp, gold_token_examples(nlp, corpus / "gum-heldout.spacy", True), TAG_SCORES)
    gum_raw = nlp.evaluate(gold_token_examples(nlp, corpus / "gum-heldout.spacy", False))
    ents = {label: {k: round(float(v), 4) for k, v in prf.items()}
            for label, prf in sorted((gum_raw.get("ents_per_type") or {}).items())}
    words, wps = speed(nlp, corpus / "ewt-test.spacy")
    perf = {
        "pos_acc": ewt["pos_acc"], "morph_acc": ewt["morph_acc"], "lemma_acc": ewt["lemma_acc"],
        "dep_uas": ewt["dep_uas"], "dep_las": ewt["dep_las"],
        "ents_p": round(float(gum_raw["ents_p"]), 4), "ents_r": round(float(gum_raw["ents_r"]), 4),
        "ents_f": round(float(gum_raw["ents_f"]), 4), "ents_per_type": ents,
        "gum_heldout": gum_sent, "gum_heldout_sents_f": round(float(gum_raw["sents_f"]), 4),
        "words_per_cpu_second": round(wps), "speed_words": words,
    }
    meta = {
        "lang": "en", "name": "attribution_sm",
        "description": "English pipeline of the attribution project: tok2vec (hash embeddings + CNN, "
                       "width 96), morphologizer (UPOS + features), trainable lemmatizer, UD dependency "
                       "parser, named entities PER/ORG/LOC/MISC. CPU, no vectors. Trained on UD "
                       "English-EWT train and UD English-GUM (news, interview, bio, academic, court, "
                       "voyage; held-out documents excluded).",
        "author": "attribution project", "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD English-EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
             "license": "CC BY-SA 4.0"},
            {"name": "UD English-GUM", "url": "https://github.com/amir-zeldes/gum",
             "license": "annotations CC BY 4.0; texts per genre (see its LICENSE.txt)"},
        ],
        "evaluated_on": "UD English-EWT test (UPOS, UAS, LAS; gold tokens) and "
                        f"{len(GUM_HELDOUT)} held-out GUM documents (NER)",
        "performance": perf,
    }
    Path(meta_out).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(perf, indent=2))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
