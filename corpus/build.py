"""Rebuild corpus/ from the evaluation set: each body byte-identical, metadata in a header.

Usage (from the repository root): python corpus/build.py [../shared/eval]

The corpus files are committed; this script only documents where they come
from and regenerates them if the evaluation texts change. tests/test_reader.py
checks that every corpus body equals its evaluation text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SEED_HEADER = {
    "title": "Irak-Etats-Unis : premier round de discussions sur l'avenir de la coalition anti-EI",
    "date": "2024-01",
    "lang": "fr",
    "source": "seed document 000_2849380c16ed8b88.txt",
    "outlet-note": "not named in the source file (an Algerian daily's copy of a wire story)",
}


def header(fields: dict[str, str]) -> str:
    for key, value in fields.items():
        if "\n" in value or not value.strip():
            raise ValueError(f"header value of {key!r} must be one non-empty line")
    return "".join(f"{k}: {v}\n" for k, v in fields.items()) + "\n"


def wikinews_header(gold: dict, text: str) -> dict[str, str]:
    meta = gold["meta"]
    return {
        "title": text.split("\n", 1)[0].strip(),  # the Wikinews headline, first line of the text
        "outlet": meta["outlet"],
        "date": meta["date"],
        "url": meta["source"],
        "lang": gold["lang"],
        "license": meta["license"],
    }


def build(eval_dir: Path, out: Path = HERE) -> list[Path]:
    written = []
    for gold_path in sorted(eval_dir.glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold["text"])
        body = text_path.read_bytes().decode("utf-8")
        lang_dir = gold_path.parent.name
        fields = SEED_HEADER if text_path.name == "seed.txt" else wikinews_header(gold, body)
        target = out / lang_dir / text_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((header(fields) + body).encode("utf-8"))
        written.append(target)
    return written


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "eval"
    for path in build(source):
        print(path.relative_to(HERE.parent))
