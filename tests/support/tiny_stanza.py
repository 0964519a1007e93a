"""Train a tiny Stanza pipeline (tokenize, mwt, pos, lemma, depparse) in seconds, for tests.

The models are trained on the first sentences of a UD treebank with a few steps each; they
are bad parsers but real Stanza models, laid out as a resources folder that
``stanza.Pipeline(lang, dir=..., download_method=None)`` loads like a downloaded one.

Run directly to build a folder: ``python tests/support/tiny_stanza.py UD.conllu OUT_DIR``.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import shutil
import sys
import time
from pathlib import Path

LANG = "fr"
PACKAGE = "tiny"
TIMES: dict[str, float] = {}  # seconds per trainer, for the curious
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")


def first_sentences(conllu: Path, n: int) -> str:
    """The first ``n`` sentences of a CoNLL-U file (comments kept)."""
    blocks = conllu.read_text(encoding="utf-8").split("\n\n")
    return "\n\n".join(b.strip("\n") for b in blocks[:n] if b.strip()) + "\n\n"


def _quiet(fn, args: list[str]) -> None:
    """Run a stanza trainer's main() with its logging and printing silenced."""
    t = time.time()
    logger = logging.getLogger("stanza")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            fn(args)
    finally:
        logger.setLevel(level)
    TIMES[fn.__module__.rsplit(".", 1)[-1]] = time.time() - t


def resources_json(lang: str = LANG, package: str = PACKAGE) -> dict:
    """resources.json for one package of every processor (the shape of a downloaded folder)."""
    procs = {p: package for p in PROCESSORS}
    return {
        lang: {
            "lang_name": "French",
            **{p: {package: {}} for p in PROCESSORS},
            "default_processors": procs,
            "packages": {"default": dict(procs), package: dict(procs)},
        },
        "french": {"alias": lang},
    }


def train(conllu: Path, out: Path, *, sentences: int = 100, steps: int = 20, tokenizer_steps: int = 150,
          seed: int = 1234) -> Path:
    """Train the tiny pipeline on the first ``sentences`` of ``conllu``; return the resources folder.

    The tokenizer gets more steps (and a high learning rate) than the others: below about
    100 steps it glues words together, and every later model then sees nonsense tokens.
    MWT expansion and lemmas are dictionaries of the training data (instant, exact on it).
    """
    import torch
    from stanza.models import lemmatizer, mwt_expander, parser, tagger, tokenizer
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    torch.set_num_threads(1)
    out = Path(out)
    work = out / "_train"
    work.mkdir(parents=True, exist_ok=True)
    data = work / "train.conllu"
    data.write_text(first_sentences(conllu, sentences), encoding="utf-8")
    txt, labels, mwt = work / "train.txt", work / "train.toklabels", work / "train-mwt.json"
    with contextlib.redirect_stdout(io.StringIO()):
        conllu_to_text.convert_text(str(data), str(txt))
        prepare_tokenizer_data.main([str(txt), str(data), "-o", str(labels), "-m", str(mwt)])
    models = out / LANG
    common = ["--lang", LANG, "--shorthand", f"{LANG}_{PACKAGE}", "--seed", str(seed)]

    def save(proc: str) -> list[str]:
        (models / proc).mkdir(parents=True, exist_ok=True)
        return ["--save_dir", str(models / proc), "--save_name", f"{PACKAGE}.pt"]

    _quiet(tokenizer.main, ["--mode", "train", "--txt_file", str(txt), "--label_file", str(labels),
                            "--mwt_json_file", str(mwt), "--dev_txt_file", str(txt),
                            "--dev_label_file", str(labels), "--steps", str(tokenizer_steps),
                            "--lr0", "0.01", "--eval_steps", "100000", "--max_seqlen", "100",
                            "--batch_size", "16", *common, *save("tokenize")])
    _quiet(mwt_expander.main, ["--mode", "train", "--train_file", str(data), "--eval_file", str(data),
                               "--gold_file", str(data), "--output_file", str(work / "mwt.out"),
                               "--dict_only", *common, *save("mwt")])
    _quiet(tagger.main, ["--mode", "train", "--train_file", str(data), "--eval_file", str(data),
                         "--output_file", str(work / "pos.out"), "--no_pretrain", "--max_steps", str(steps),
                         "--eval_interval", str(steps), "--fix_eval_interval", "--hidden_dim", "32",
                         "--char_hidden_dim", "32", "--deep_biaff_hidden_dim", "32",
                         "--composite_deep_biaff_hidden_dim", "16", "--word_emb_dim", "32",
                         "--char_emb_dim", "16", "--batch_size", "16", "--batch_maximum_tokens", "400",
                         *common, *save("pos")])
    _quiet(lemmatizer.main, ["--mode", "train", "--train_file", str(data), "--eval_file", str(data),
                             "--output_file", str(work / "lemma.out"), "--dict_only",
                             *common[2:], *save("lemma")])  # the lemmatizer takes no --lang
    _quiet(parser.main, ["--mode", "train", "--train_file", str(data), "--eval_file", str(data),
                         "--output_file", str(work / "dep.out"), "--no_pretrain", "--max_steps", str(steps),
                         "--eval_interval", str(steps), "--hidden_dim", "32", "--char_hidden_dim", "32",
                         "--deep_biaff_hidden_dim", "32", "--deep_biaff_output_dim", "16",
                         "--word_emb_dim", "32", "--char_emb_dim", "16", "--tag_emb_dim", "8",
                         "--num_layers", "1", "--batch_size", "400", "--no_checkpoint", *common, *save("depparse")])
    (out / "resources.json").write_text(json.dumps(resources_json(), indent=2), encoding="utf-8")
    shutil.rmtree(work)  # the folder then holds exactly what a download would
    return out


if __name__ == "__main__":
    t = time.time()
    folder = train(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{folder} in {time.time() - t:.1f} s", TIMES)
