"""Pages of the report drawn on their own, outside a report folder (``compare --format html``)."""

from __future__ import annotations

import secrets

from .. import __version__
from ..compare import Comparison
from .templates import environment


def compare_page(comparison: Comparison, *, title: str = "Outlets compared") -> str:
    """``compare.html`` as a standalone page: the report's frame, drawn without its
    navigation, whose links would lead nowhere outside a report."""
    return environment().get_template("compare.html").render(
        comparison=comparison, page_title=title, report_title=title, rel="", standalone=True,
        nonce=secrets.token_urlsafe(18), version=__version__, has_compare=True)
