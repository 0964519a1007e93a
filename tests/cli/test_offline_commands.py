"""Nothing touches the network at run time, except `attribution models download` (issue 8).

Outbound connections are forbidden in this process (``socket.socket.connect``/``connect_ex``,
``socket.create_connection`` and name lookups raise and are recorded), then the whole
pipeline and every command that reads articles runs; a recorded attempt fails the test even
when the code under test swallowed the error. ``stanza.download`` is replaced by a recorder:
only ``models download`` may call it.
"""

from __future__ import annotations

import ast
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.cli import ENGINE, invoke, no_traceback, write

import attribution
from attribution.errors import EngineUnavailable

PACKAGE = Path(attribution.__file__).resolve().parent
FR = ("title: Réunion à Bagdad\noutlet: AFP\nurl: https://example.org/a\nlang: fr\n\n"
      "Le ministre Jean Dupont a déclaré samedi que les discussions avaient été « constructives ». "
      "« Nous ne céderons pas », a ajouté la porte-parole du gouvernement, selon l'AFP.")
FR2 = ("title: Réunion\noutlet: Le Monde\nlang: fr\n\n"
       "Les discussions ont été « constructives », a indiqué Jean Dupont, selon le communiqué.")
HTML = ("<html lang='fr'><head><title>Page</title><link rel='stylesheet' href='https://cdn.example/x.css'>"
        "<script src='https://cdn.example/x.js'></script></head><body><article><h1>Titre</h1>"
        "<p>Le ministre a déclaré samedi que les discussions avaient été « constructives », selon "
        "un communiqué publié à Bagdad par ses services.</p><img src='https://img.example/a.png'>"
        "<p>« Nous ne céderons pas », a ajouté la porte-parole du gouvernement.</p></article>"
        "</body></html>")


class NetworkAttempt(OSError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Forbid outbound connections and name lookups; yields the list of attempts."""
    attempts: list[str] = []

    def refuse(what: str, *args: Any, **kwargs: Any) -> Any:
        attempts.append(f"{what}{args!r}")
        raise NetworkAttempt(f"network access at run time: {what}{args!r}")

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect(self, address)  # local IPC (multiprocessing), not the network
        return refuse("socket.connect", address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None):
            return real_connect_ex(self, address)
        return refuse("socket.connect_ex", address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse("create_connection", *a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse("getaddrinfo", *a))
    monkeypatch.setattr(socket, "gethostbyname", lambda *a, **k: refuse("gethostbyname", *a))
    yield attempts
    assert attempts == [], attempts


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Replace every Stanza download entry point by a recorder."""
    import stanza
    import stanza.resources.common as common

    calls: list[tuple[Any, ...]] = []

    def record(name: str):
        def fake(*args: Any, **kwargs: Any) -> None:
            calls.append((name, args, kwargs))
        return fake

    monkeypatch.setattr(stanza, "download", record("stanza.download"))
    for name in ("download", "download_resources_json", "download_models"):
        if hasattr(common, name):
            monkeypatch.setattr(common, name, record(f"stanza.resources.common.{name}"))
    return calls


def test_the_guard_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.org", 80), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkAttempt):
        s.connect(("127.0.0.1", 9))
    assert len(no_network) == 2
    no_network.clear()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write(folder / "a.txt", FR)
    write(folder / "b.txt", FR2)
    write(folder / "c.html", HTML)
    write(folder / "d.jsonl", json.dumps({"id": "d1", "lang": "fr", "outlet": "Reuters",
                                          "url": "https://example.org/d1",
                                          "text": FR2.split("\n\n", 1)[1]}) + "\n")
    return folder


def test_every_command_runs_offline(no_network: list[str], downloads: list, corpus: Path,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no_stanza"))  # auto: spaCy
    cache = ["--cache-dir", str(tmp_path / "cache")]
    db = str(tmp_path / "results.db")
    runs = {
        "extract": ["extract", "--engine", "auto", *cache, str(corpus)],
        "extract again (cached)": ["extract", "--engine", "auto", *cache, str(corpus)],
        "audit": ["audit", *ENGINE, str(corpus)],
        "compare": ["compare", *ENGINE, str(corpus)],
        "graph": ["graph", *ENGINE, str(corpus), "-o", str(tmp_path / "g.graphml")],
        "report": ["report", *ENGINE, str(corpus), "-o", str(tmp_path / "report")],
        "report --db": ["report", *ENGINE, "--db", db, str(corpus), "-o", str(tmp_path / "r2")],
        "report from the db": ["report", "--db", db, "-o", str(tmp_path / "r3")],
    }
    for name, args in runs.items():
        result = invoke(*args)
        no_traceback(result)
        assert result.exit_code == 0, (name, result.output)
    lines = invoke("extract", *ENGINE, str(corpus)).stdout.splitlines()
    assert len(lines) == 4 and all(json.loads(line)["attributions"] for line in lines)
    assert (tmp_path / "report" / "index.html").is_file()
    # the report references nothing online: no stylesheet, script or image from a server
    for page in (tmp_path / "report").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "cdn.example" not in html and "img.example" not in html
    assert downloads == []


@pytest.mark.slow
def test_stanza_parses_offline_from_a_local_folder(no_network: list[str], downloads: list,
                                                   shared_dir: Path, corpus: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    res = shared_dir / "models" / "stanza_resources"
    if not (res / "resources.json").is_file():
        pytest.skip(f"{res} is missing")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(res))
    result = invoke("extract", "--engine", "stanza", "--no-cache", str(corpus / "a.txt"))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["engine"] == "stanza"
    assert downloads == []


def test_missing_stanza_models_are_reported_not_downloaded(no_network: list[str], downloads: list,
                                                          tmp_path: Path, corpus: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from attribution.parse import get_engine

    empty = tmp_path / "stanza_resources"
    empty.mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(empty))
    with pytest.raises(EngineUnavailable, match="attribution models download fr"):
        get_engine("stanza", use_cache=False)
    assert get_engine("auto", use_cache=False).for_lang("fr").name == "spacy"
    result = invoke("extract", "--engine", "stanza", "--no-cache", str(corpus / "a.txt"))
    no_traceback(result)
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert "attribution models download fr" in line
    assert downloads == [] and list(empty.iterdir()) == []


def test_broken_stanza_models_are_reported_not_downloaded_again(
        no_network: list[str], downloads: list, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from attribution.parse.stanza_engine import StanzaEngine

    res = tmp_path / "stanza_resources"
    procs = ["tokenize", "mwt", "pos", "lemma", "depparse"]
    entry: dict[str, Any] = {p: {"default": {}} for p in procs}
    entry["default_processors"] = {p: "default" for p in procs}
    (res / "fr").mkdir(parents=True)
    (res / "resources.json").write_text(json.dumps({"fr": entry}), encoding="utf-8")
    for p in procs:
        (res / "fr" / p).mkdir()
        (res / "fr" / p / "default.pt").write_bytes(b"not a model")  # truncated download
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(res))
    engine = StanzaEngine("fr", res)
    with pytest.raises(EngineUnavailable, match="attribution models download fr"):
        engine.parse("Le ministre a dit que tout va bien.", "fr")
    assert downloads == []


def test_models_download_is_the_one_command_that_downloads(downloads: list, tmp_path: Path) -> None:
    target = tmp_path / "res"
    result = invoke("models", "download", "fr", "--dir", str(target))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert [(name, args[:1], kwargs.get("model_dir")) for name, args, kwargs in downloads] == [
        ("stanza.download", ("fr",), str(target))]


def test_models_download_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza

    def offline(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("Name or service not known")

    monkeypatch.setattr(stanza, "download", offline)
    result = invoke("models", "download", "fr", "--dir", str(tmp_path / "res"))
    no_traceback(result)
    assert result.exit_code == 1
    (line,) = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert line.startswith("Error: could not download Stanza models for 'fr'")
    assert "Name or service not known" in line


# --- the source itself: one place downloads, nothing else opens a connection ------------------

NETWORK_MODULES = {"socket", "urllib", "urllib.request", "http", "http.client", "requests",
                   "httpx", "aiohttp", "ftplib", "smtplib"}
DOWNLOAD_CALLS = {"download", "download_models", "download_resources_json", "fetch_url",
                  "urlopen", "urlretrieve"}


def _calls_and_imports(path: Path) -> tuple[list[str], list[str], list[ast.Call]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    imports, calls, pipelines = [], [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imports.append(node.module)
            imports += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in DOWNLOAD_CALLS:
                calls.append(f"{path.relative_to(PACKAGE)}:{node.lineno}:{ast.unparse(f)}")
            if name == "Pipeline":
                pipelines.append(node)
    return imports, calls, pipelines


def test_only_models_download_calls_stanza_download_in_the_source() -> None:
    downloaders, net_imports, pipelines = [], [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        imports, calls, found = _calls_and_imports(path)
        downloaders += calls
        net_imports += [f"{path.relative_to(PACKAGE)}: {m}" for m in imports
                        if m in NETWORK_MODULES and m != "socket"]
        if "socket" in imports:
            # socket only for the host name (recorded in the store), never for a connection
            text = path.read_text(encoding="utf-8")
            used = {n.attr for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Attribute)
                    and isinstance(n.value, ast.Name) and n.value.id == "socket"}
            assert used <= {"gethostname"}, (path, used)
        pipelines += [(path, p) for p in found]
    # stanza.download in parse/inventory.download, called by `models download` alone
    assert sorted((c.split(":")[0], c.rsplit(":", 1)[1]) for c in downloaders) == [
        ("cli/models.py", "download"), ("parse/inventory.py", "stanza.download")], downloaders
    assert net_imports == []
    for path, call in pipelines:
        kw = {k.arg: k.value for k in call.keywords}
        assert "download_method" in kw and isinstance(kw["download_method"], ast.Constant) \
            and kw["download_method"].value is None, f"{path}:{call.lineno}: a Pipeline that may download"
