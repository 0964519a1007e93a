"""One renderer for the tables every command prints: aligned text, Markdown, CSV and JSON.

Domain modules (``audit``, ``compare``, ``evaluate``, ``sources``) build :class:`Table`
records from their own records, or plain dicts for JSON; :func:`render` lays them out.
The HTML report is not drawn here: it has its own templates (``attribution.report``).

Layout, the same for every command:

- ``table``: ``# title``, the header, a rule of dashes, the rows with columns
  aligned (columns of figures right-aligned, except the first, which labels the rows;
  an empty cell shows ``-``), then the notes, one a line; tables are separated by a
  blank line.
- ``markdown``: ``## title``, a blank line, a pipe table (``|`` in cells escaped),
  then each note as a paragraph.
- ``csv``: one table only, header then rows; titles and notes are left out. A text
  cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
- ``json``: a dict as given, or each table as ``{"title", "header", "rows", "notes"}``.

A table with no columns is a heading: only its title and notes are shown.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FORMATS = ("table", "markdown", "csv", "json")

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """A titled table: a header, rows of the same width, and notes shown after it."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()
    title: str | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"a row of {len(row)} cells in a table of "
                                 f"{len(self.header)} columns: {row!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "header": list(self.header),
                "rows": [list(r) for r in self.rows], "notes": list(self.notes)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Table:
        return cls(header=tuple(d["header"]), rows=tuple(tuple(r) for r in d["rows"]),
                   title=d.get("title"), notes=tuple(d.get("notes", ())))


# What a command shows in one format: its tables, or a dict (JSON only).
Output = Table | Sequence[Table] | Mapping[str, Any]


def render(output: Output, fmt: str) -> str:
    """``output`` laid out as ``table``, ``markdown``, ``csv`` or ``json`` (see the module docstring)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "json":
        return to_json(output)
    if isinstance(output, Mapping):
        raise ValueError(f"a dict renders as json only, not as {fmt}")
    tables = [output] if isinstance(output, Table) else list(output)
    if fmt == "csv":
        if len(tables) != 1:
            raise ValueError(f"csv holds one table, not {len(tables)}")
        return to_csv(tables[0])
    draw = to_text if fmt == "table" else to_markdown
    return "\n".join(draw(t) for t in tables)


def to_json(output: Output) -> str:
    """JSON, indented, non-ASCII kept as is."""
    data: Any
    if isinstance(output, Table):
        data = output.to_dict()
    elif isinstance(output, Mapping):
        data = dict(output)
    else:
        data = [t.to_dict() for t in output]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def cell_text(cell: Cell) -> str:
    """A cell as shown in text and Markdown: ``-`` for none, one line."""
    if cell is None:
        return "-"
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    return " ".join(str(cell).splitlines())


# A figure, right-aligned in text: digits with the signs of a figure (1,234 0.25 42% 1/2/0).
_NUMERIC = re.compile(r"[\d.,/%+-]+")
NONE = cell_text(None)


def _numeric_column(cells: Sequence[str]) -> bool:
    """Figures only (or nothing): such a column is right-aligned, its header included."""
    figures = [c for c in cells if c != NONE]
    return bool(figures) and all(_NUMERIC.fullmatch(c) for c in figures)


def to_text(table: Table) -> str:
    """Columns aligned with spaces; columns of figures right-aligned, except the first (labels)."""
    lines = [f"# {table.title}"] if table.title else []
    if table.header:
        rows = [[cell_text(c) for c in row] for row in table.rows]
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.header]
        widths = [max(len(x) for x in (h, *col)) for h, col in zip(table.header, columns, strict=True)]
        right = [i > 0 and _numeric_column(col) for i, col in enumerate(columns)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(cell.rjust(w) if r else cell.ljust(w)
                             for cell, w, r in zip(cells, widths, right, strict=True)).rstrip()

        lines.append(line(table.header))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(line(r) for r in rows)
    lines.extend(table.notes)
    return "\n".join(lines) + "\n"


def _md_cell(cell: Cell) -> str:
    # A pipe would end the cell early; a backslash before it would undo the escape.
    return cell_text(cell).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(table: Table) -> str:
    """A pipe table under a ``##`` title; notes as paragraphs."""
    parts = [f"## {table.title}\n"] if table.title else []
    if table.header:
        lines = ["| " + " | ".join(_md_cell(h) for h in table.header) + " |",
                 "|" + "|".join("---" for _ in table.header) + "|"]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
        parts.append("\n".join(lines) + "\n")
    parts.extend(f"{note}\n" for note in table.notes)
    return "\n".join(parts)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula, quoted with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(cell: Cell) -> Cell:
    if cell is None:
        return ""
    cell = csv_safe(cell)
    # The writer quotes a cell holding "\n" (the line end) but not a bare "\r", which
    # readers take for a line end: carriage returns become newlines, inside quotes.
    return cell.replace("\r\n", "\n").replace("\r", "\n") if isinstance(cell, str) else cell


def to_csv(table: Table) -> str:
    """Header and rows, quoted where needed; empty cell for none; formula-safe text."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([_csv_cell(h) for h in table.header])
    for row in table.rows:
        writer.writerow([_csv_cell(c) for c in row])
    return buf.getvalue()


__all__ = ["FORMATS", "Cell", "Output", "Table", "csv_safe", "render", "to_csv", "to_json",
           "to_markdown", "to_text"]
