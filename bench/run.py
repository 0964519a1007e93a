"""Speed and memory figures of the whole tool. Prints them; asserts nothing.

    python bench/run.py [--corpus corpus] [--copies 4] [--engines spacy,stanza,conllu]

1. For each engine available: model load time, parsing words/s, and the words/s
   of the attribution stages (extraction and resolution, timed on the ready
   parses), with their share of the total time (goal: at most 5 %).
2. ``attribution index`` on the corpus, cold (empty database and parse cache),
   then again on the unchanged corpus (goal: at least 20 x faster).
3. The same cold run with ``--jobs 1`` and ``--jobs 2``.
4. Peak memory of those runs (goal: at most 1.5 GB with the offline engine),
   the resident memory of the whole process tree, sampled every 20 ms.

The corpus is ``--copies`` copies of the articles under ``--corpus``, each copy
made distinct by one added sentence (so that no cache or store can reuse one
for another). Runs 2-4 happen in fresh processes, as a user would run them.
Timings on a shared machine are noisy: compare figures from one run only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STANZA_RESOURCES = SHARED / "models" / "stanza_resources"
UD_TEST = SHARED / "ud" / "UD_French-GSD" / "fr_gsd-ud-test.conllu"
sys.path.insert(0, str(ROOT))

from attribution.records import Article  # noqa: E402

# -- the corpus --------------------------------------------------------------------------------


def make_corpus(src: Path, dest: Path, copies: int) -> int:
    """``copies`` distinct copies of the articles under ``src``; returns the number of files."""
    files = sorted(p for p in src.rglob("*") if p.suffix in (".txt", ".html", ".jsonl"))
    n = 0
    for k in range(copies):
        for f in files:
            out = dest / f"copy{k}" / f.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            text = f.read_text(encoding="utf-8")
            if k and f.suffix == ".txt":
                text = text.rstrip("\n") + f"\n\nCette copie porte le numéro {k}.\n"
            out.write_text(text, encoding="utf-8")
            n += 1
    return n


def read_corpus(folder: Path, lang: str | None = None) -> list[Article]:
    from attribution.reader import iter_articles

    return [a for a in iter_articles([str(folder)])
            if isinstance(a, Article) and (lang is None or a.lang == lang)]


# -- 1. engines ----------------------------------------------------------------------------------


class Replay:
    """An engine that hands back parses made before: times the stages after parsing alone."""

    def __init__(self, engine: Any, docs: dict[str, Any]) -> None:
        self.name, self.model_id, self.choice_note = engine.name, engine.model_id, None
        self.docs = docs

    def for_lang(self, lang: str) -> Replay:
        return self

    def parse(self, text: str, lang: str) -> Any:
        return self.docs[text]


def conllu_articles(limit_sentences: int = 40) -> list[Article]:
    """The UD French-GSD test set, cut into 'articles' of ``limit_sentences`` sentences."""
    blocks = UD_TEST.read_text(encoding="utf-8").strip().split("\n\n")
    out = []
    for i in range(0, len(blocks), limit_sentences):
        content = "\n\n".join(blocks[i:i + limit_sentences]) + "\n\n"
        out.append(Article(id=f"gsd-test-{i}", path=str(UD_TEST), text=content, lang="fr"))
    return out


def first_words(articles: list[Article], limit: int) -> list[Article]:
    """The first articles, up to about ``limit`` words (at least one)."""
    out: list[Article] = []
    words = 0
    for a in articles:
        if out and words + len(a.text.split()) > limit:
            break
        out.append(a)
        words += len(a.text.split())
    return out


def bench_engine(name: str, articles: list[Article]) -> dict[str, Any] | None:
    from attribution.errors import AttributionError
    from attribution.parse import get_engine
    from attribution.pipeline import process_article

    try:
        t0 = time.perf_counter()
        engine = get_engine(name, use_cache=False).for_lang("fr")
        if name != "conllu":
            engine.parse("Il a dit « bonjour ».", "fr")  # loads the model
        load = time.perf_counter() - t0
    except AttributionError as exc:
        print(f"  {name}: not available ({exc})")
        return None
    docs: dict[str, Any] = {}
    t0 = time.perf_counter()
    for a in articles:
        docs[a.text] = engine.parse(a.text, "fr")
    parse = time.perf_counter() - t0
    words = sum(len(s.words) for d in docs.values() for s in d.sentences)
    replay = Replay(engine, docs)
    failed = 0
    t0 = time.perf_counter()
    for a in articles:
        try:
            process_article(a, replay)
        except AttributionError:
            failed += 1
    stages = time.perf_counter() - t0
    return {"engine": name, "model": engine.model_id, "load_s": load, "words": words,
            "parse_s": parse, "stages_s": stages, "failed": failed,
            "parse_wps": words / parse, "stages_wps": words / stages,
            "stages_share": stages / (parse + stages)}


# -- 2-4. runs of `attribution index` in fresh processes -------------------------------------------

_DRIVER = """
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from attribution.pipeline import EngineSpec, RunOptions
from attribution.pipeline import run as run_corpus
args = json.loads(sys.argv[1])
failures = []
t1 = time.perf_counter()
options = RunOptions(EngineSpec(args["engine"], cache_dir=args["cache"]), db=args["db"],
                     jobs=args["jobs"], dask=args["dask"], keep_results=False)
run = run_corpus(args["paths"], options, on_failure=failures.append)
t2 = time.perf_counter()
print(json.dumps({{"processed": run.processed, "unchanged": run.unchanged,
                  "failed": run.failed, "failures": [f.message for f in failures[:3]],
                  "import_s": t1 - t0, "index_s": t2 - t1}}))
"""


def tree_memory(proc: Any) -> tuple[int, int]:
    """Resident memory of ``proc`` and its descendants: (sum of RSS, sum of PSS).

    RSS counts shared pages (libraries, a fork server's modules) once per process;
    PSS splits them between the processes sharing them, so its sum is what the run
    really takes.
    """
    import psutil

    rss = pss = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for p in procs:
        with contextlib.suppress(psutil.Error):  # a process that just ended
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def index_run(paths: list[str], db: Path, cache: Path, engine: str, jobs: int,
              dask: str | None = None) -> dict[str, Any]:
    import psutil

    args = json.dumps({"paths": paths, "db": str(db), "cache": str(cache), "engine": engine,
                       "jobs": jobs, "dask": dask})
    t0 = time.perf_counter()
    proc = psutil.Popen([sys.executable, "-c", _DRIVER.format(root=str(ROOT)), args],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory(proc)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"index run failed ({proc.returncode}):\n{err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall_s=wall, peak_rss=peak, peak_pss=peak_pss)
    return result


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"),
                    help="folder of articles (default: corpus/; ../shared/eval works too)")
    ap.add_argument("--copies", type=int, default=4, help="copies of the corpus (default 4)")
    ap.add_argument("--engines", default="spacy,stanza,conllu")
    ap.add_argument("--index-engine", default="spacy",
                    help="engine of the index runs (default: spacy, the offline engine)")
    ap.add_argument("--max-words", default="stanza=1500",
                    help="words per engine for slow engines, as ENGINE=N,... (default stanza=1500)")
    ap.add_argument("--skip-engines", action="store_true")
    ap.add_argument("--skip-index", action="store_true")
    ap.add_argument("--dask", action="store_true",
                    help="also time --dask local with 2 workers")
    opts = ap.parse_args()

    if STANZA_RESOURCES.is_dir():
        os.environ.setdefault("STANZA_RESOURCES_DIR", str(STANZA_RESOURCES))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f} "
          "(shared machine: figures are noisy)")
    work = Path(tempfile.mkdtemp(prefix="attribution-bench-"))
    try:
        n_files = make_corpus(Path(opts.corpus), work / "corpus", opts.copies)
        print(f"corpus: {n_files} files ({opts.copies} copies of {opts.corpus})")
        if not opts.skip_engines:
            print("\n1. engines (French articles; parses not cached)")
            french = read_corpus(work / "corpus", "fr")
            limits = {k: int(v) for k, v in (x.split("=") for x in opts.max_words.split(",") if x)}
            for name in opts.engines.split(","):
                articles = conllu_articles() if name == "conllu" else french
                if name in limits:
                    articles = first_words(articles, limits[name])
                if name == "conllu" and not UD_TEST.is_file():
                    print(f"  conllu: skipped ({UD_TEST} missing)")
                    continue
                r = bench_engine(name, articles)
                if r is None:
                    continue
                source = "UD French-GSD test" if name == "conllu" else "corpus"
                print(f"  {r['engine']:7} {r['model']}: load {r['load_s']:.1f} s; "
                      f"{r['words']:,} words of {source}")
                print(f"          parsing {r['parse_wps']:>9,.0f} words/s   "
                      f"attribution stages {r['stages_wps']:>9,.0f} words/s   "
                      f"stages' share {100 * r['stages_share']:.1f} % (goal <= 5 %)"
                      + (f"   [{r['failed']} articles failed]" if r["failed"] else ""))
        if not opts.skip_index:
            engine = opts.index_engine
            paths = [str(work / "corpus")]
            print(f"\n2. attribution index --engine {engine} (fresh process each run)")
            cold = index_run(paths, work / "a.db", work / "cache-a", engine, 1)
            warm = index_run(paths, work / "a.db", work / "cache-a", engine, 1)
            print(f"  cold run:  {cold['wall_s']:6.1f} s  ({cold['processed']} processed, "
                  f"{cold['failed']} failed)")
            if cold["failures"]:
                print(f"             e.g. {cold['failures'][0]}")
            print(f"  re-run:    {warm['wall_s']:6.1f} s  ({warm['unchanged']} unchanged)  "
                  f"{cold['wall_s'] / warm['wall_s']:.1f} x faster (goal >= 20 x)")
            print(f"  the same without starting Python and importing (pipeline.run alone): "
                  f"{cold['index_s']:.2f} s then {warm['index_s']:.2f} s, "
                  f"{cold['index_s'] / warm['index_s']:.0f} x faster")
            if warm["failed"]:
                print(f"  ({warm['failed']} articles that failed are tried again on each run)")
            print("\n3. scaling, cold runs")
            two = index_run(paths, work / "b.db", work / "cache-b", engine, 2)
            print(f"  --jobs 1:  {cold['wall_s']:6.1f} s")
            print(f"  --jobs 2:  {two['wall_s']:6.1f} s  speed-up {cold['wall_s'] / two['wall_s']:.2f} x")
            if opts.dask:
                dsk = index_run(paths, work / "c.db", work / "cache-c", engine, 2, "local")
                print(f"  --dask local (2 workers): {dsk['wall_s']:6.1f} s  "
                      f"speed-up {cold['wall_s'] / dsk['wall_s']:.2f} x")
            print(f"\n4. peak memory of the whole process tree, {engine} (goal <= 1.5 GB):")
            runs = [("--jobs 1", cold), ("--jobs 2", two)]
            if opts.dask:
                runs.append(("--dask local", dsk))
            for label, r in runs:
                print(f"  {label:13} PSS {mb(r['peak_pss']):>9}   RSS {mb(r['peak_rss']):>9}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
