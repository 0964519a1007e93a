"""The command line: a click group whose commands only call the library.

Each command lives in its own module of this package and is registered below.
Exit codes: 0 all good; 1 some inputs failed (the rest were processed) or a gate
failed; 2 usage error; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import __version__
from . import audit, compare, evaluate, extract, graph, index, models, report, sources
from .common import INTERRUPTED, note

EXIT_CODES = ("Exit codes: 0 all good; 1 some inputs failed (the rest were processed and "
              "written) or a gate failed; 2 usage error; 130 interrupted (Ctrl-C): with "
              "--db FILE, run the same command again to resume where it stopped.")


class _Main(click.Group):
    """The group, with Ctrl-C as exit code 130 instead of click's "Aborted!" and 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # the corpus commands say how to resume before this
            note("interrupted")
            sys.exit(INTERRUPTED)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="attribution")
def main() -> None:
    """Who said what in the news: quotes, cues, speakers and sources."""


for _module in (extract, evaluate, report, audit, compare, graph, sources, index, models):
    for _command in _module.COMMANDS:
        main.add_command(_command)
