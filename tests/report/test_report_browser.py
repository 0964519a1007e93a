"""End to end: the seed's report opened from file:// in headless Chromium is not a blank page."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from support.results import gold_result

from attribution.report import write_report
from attribution.report.safety import page_name

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(`make browser` installs it where apt-get is allowed)"),
]


def read_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, pixels = bytearray(stride), []
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        pixels.extend(tuple(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, pixels


def screenshot(url: str, shot: Path, profile: Path, size: str = "900,800") -> list[tuple[int, ...]]:
    assert CHROMIUM is not None
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", f"--screenshot={shot}", f"--window-size={size}", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert shot.is_file(), f"chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-800:]}"
    return read_png(shot.read_bytes())[2]


def near(pixel: tuple[int, ...], rgb: tuple[int, int, int], tol: int = 6) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(pixel, rgb, strict=False))


def test_seed_report_renders_in_chromium(eval_dir: Path, tmp_path: Path) -> None:
    seed = gold_result(eval_dir / "fr" / "seed.json", corpus_prefix="c:")
    out = tmp_path / "report"
    write_report([seed], out)
    article = out / "articles" / f"{page_name(seed.article.id)}.html"
    pixels = screenshot(article.as_uri(), tmp_path / "article.png", tmp_path / "profile")
    colours = Counter(pixels)
    background, count = colours.most_common(1)[0]
    assert count / len(pixels) < 0.9, "the page is almost one colour: blank"
    assert len(colours) > 50, "too few colours for a page of text"
    # the inline stylesheet applied (the CSP let it through): the dark navigation bar
    # and the tint of the first source's highlight (.c0, #dbe8fa) are on screen
    assert sum(near(p, (0x20, 0x24, 0x2C)) for p in pixels) > 1000
    assert sum(near(p, (0xDB, 0xE8, 0xFA)) for p in pixels) > 300
    index = screenshot((out / "index.html").as_uri(), tmp_path / "index.png", tmp_path / "profile",
                       size="700,500")
    top, n = Counter(index).most_common(1)[0]
    assert n / len(index) < 0.9 and len(set(index)) > 50
