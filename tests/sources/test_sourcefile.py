"""The sources file: corrections applied by every command, noted in outputs; bad files named exactly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from render.test_render import _conllu
from test_audit import attribution, result

from attribution.cli import main
from attribution.credit import credit
from attribution.records import Entity
from attribution.sourcefile import (
    BadSourceType,
    SourcesFileFormat,
    SourcesFileSyntax,
    UnknownSourceId,
    apply_sources,
    parse_sources,
)

TEXT = "Sudani a dit que oui. Le Premier ministre Soudani a ajouté que non. Singh a dit que si."


def _corpus():
    r = result(TEXT, [
        attribution(TEXT, "indirect", "oui", "a dit", "Sudani", "a"),
        attribution(TEXT, "indirect", "non", "a ajouté", "Le Premier ministre Soudani", "b"),
        attribution(TEXT, "indirect", "si", "a dit", "Singh", "c"),
    ], [Entity("a", "Sudani", "person", named=True, corpus_id="sudani"),
        Entity("b", "Premier ministre Soudani", "person", named=True, corpus_id="soudani"),
        Entity("c", "Singh", "organization", named=True, corpus_id="singh")])
    return [r]


def _apply(toml: str):
    return apply_sources(_corpus(), parse_sources(toml.encode(), "s.toml"))


def _keys(results) -> list[str | None]:
    return [c.source.key if c.source else None for ac in credit(results) for c in ac.claims]


def test_merge_rename_type_and_aliases() -> None:
    out = _apply('[[merge]]\nids = ["sudani", "soudani"]\n'
                 '[[rename]]\nid = "sudani"\nname = "Mohammed Shia al-Sudani"\n'
                 '[[type]]\nid = "singh"\ntype = "person"\n')
    (ac,) = credit(out)
    assert _keys(out) == ["sudani", "sudani", "singh"]
    assert ac.claims[1].source is not None and ac.claims[1].source.name == "Mohammed Shia al-Sudani"
    assert ac.claims[2].source is not None and ac.claims[2].source.type == "person"
    assert out[0].article.meta["sources_file"].startswith("s.toml (sha256 ")
    assert _keys(_apply('[aliases]\n"premier ministre soudani" = "sudani"\n')) == ["sudani", "sudani", "singh"]


def test_split_moves_the_members_so_named_to_a_new_source() -> None:
    merged = _apply('[[merge]]\nids = ["sudani", "soudani"]\n')
    sf = parse_sources(b'[[split]]\nid = "sudani"\nnew_id = "pm"\nnames = ["Premier ministre Soudani"]\n',
                       "split.toml")
    assert _keys(apply_sources(merged, sf)) == ["sudani", "pm", "singh"]


@pytest.mark.parametrize(("toml", "error", "message"), [
    ('[[type]]\nid = "singh"\ntype = "persn"\n', BadSourceType,
     "s.toml: [[type]] #1: bad type 'persn'; expected one of person, organization, group, anonymous"),
    ('[[rename]]\nid = "x"\nname = = "y"\n', SourcesFileSyntax,
     "s.toml: TOML syntax error at line 3: Invalid value"),
    ('[[merge]]\nids = ["sudani"]\n', SourcesFileFormat,
     "s.toml: [[merge]] #1: 'ids' must be a list of at least 2 non-empty strings"),
    ('[sauces]\n', SourcesFileFormat,
     "s.toml: unknown table 'sauces'; expected merge, split, rename, type, aliases"),
])
def test_a_bad_file_is_refused_by_name(toml: str, error: type, message: str) -> None:
    with pytest.raises(error) as exc:
        parse_sources(toml.encode(), "s.toml")
    assert str(exc.value) == message


def test_an_unknown_source_id_is_refused() -> None:
    with pytest.raises(UnknownSourceId) as exc:
        _apply('[[merge]]\nids = ["sudani", "nobody"]\n')
    assert str(exc.value) == "s.toml: [[merge]] #1: unknown source id 'nobody'"


# -- through the CLI, on pre-parsed articles (no model needed) -------------------------------------

@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for folder, who in (("x", "ministre"), ("y", "maire")):
        (tmp_path / "c" / folder).mkdir(parents=True)
        (tmp_path / "c" / folder / "a.conllu").write_text(
            _conllu(f"Le {who} a déclaré que la route était fermée."), encoding="utf-8")
    return tmp_path / "c"


def _run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-cache"])


def test_every_command_applies_the_file_and_notes_it(corpus: Path, tmp_path: Path) -> None:
    f = tmp_path / "sources.toml"
    f.write_text('[[merge]]\nids = ["ministre", "maire"]\n[[rename]]\nid = "ministre"\n'
                 'name = "Élu local"\n', encoding="utf-8")
    note = f"sources.toml (sha256 {hashlib.sha256(f.read_bytes()).hexdigest()[:12]})"
    r = _run("audit", str(corpus), "--sources", str(f), "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["sources_file"] == note and d["total"]["sources"] == 1
    assert d["total"]["top_source"] == "Élu local"
    r = _run("sources", str(corpus), "--sources", str(f), "--format", "json")
    d = json.loads(r.stdout)
    assert d["sources_file"] == note and [s["name"] for s in d["sources"]] == ["Élu local"]
    r = _run("compare", str(corpus), "--by", "dir", "--sources", str(f), "--format", "json")
    d = json.loads(r.stdout)
    assert d["sources_file"] == note and [s["outlets"] for s in d["sources"]] == [["x", "y"]]
    out = tmp_path / "report"
    r = _run("report", str(corpus), "-o", str(out), "--sources", str(f))
    assert r.exit_code == 0, r.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"Corrections applied from the sources file {note}" in index
    assert "grouped by source: an office is a source of its own" in index


@pytest.mark.parametrize(("content", "message"), [
    ('[[type]]\nid = "maire"\ntype = "persn"\n',
     "Error: {name}: [[type]] #1: bad type 'persn'; expected one of person, organization, group, anonymous"),
    ('[[merge]]\nids = ["maire", "nobody"]\n', "Error: {name}: [[merge]] #1: unknown source id 'nobody'"),
    ('[[rename]]\nid = "maire"\nname = = "y"\n', "Error: {name}: TOML syntax error at line 3: Invalid value"),
])
def test_the_cli_refuses_a_bad_file_in_one_line(corpus: Path, tmp_path: Path, content: str,
                                                 message: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    r = _run("audit", str(corpus), "--sources", str(f))
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines()[-1] == message.format(name="bad.toml")


def test_group_by_is_an_option_of_every_corpus_command_and_is_said(corpus: Path) -> None:
    for cmd in ("audit", "sources", "compare"):
        r = _run(cmd, str(corpus), "--group-by", "head", "--format", "json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["group_by"] == "head"
    r = _run("audit", str(corpus), "--group-by", "office")
    assert r.exit_code == 2 and "'office' is not one of 'source', 'head'" in r.output
