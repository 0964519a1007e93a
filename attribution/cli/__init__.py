"""The command line: a click group whose commands only call the library.

Each command lives in its own module of this package and is registered below.
Exit codes: 0 all good; 1 some inputs failed (the rest were processed) or a gate
failed; 2 usage error.
"""

from __future__ import annotations

import click

from .. import __version__

EXIT_CODES = ("Exit codes: 0 all good; 1 some inputs failed (the rest were processed and "
              "written) or a gate failed; 2 usage error.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="attribution")
def main() -> None:
    """Who said what in the news: quotes, cues, speakers and sources."""


def _register() -> None:
    from . import audit, compare, evaluate, extract, graph, index, models, report, sources

    for module in (extract, evaluate, report, audit, compare, graph, sources, index, models):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
