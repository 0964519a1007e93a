"""Where the report's templates come from, and the one Jinja2 environment that renders them.

The templates ship as the package ``attribution.templates`` (setup.cfg maps the repo's
``templates/`` folder to it); in a plain checkout that package does not exist yet, so the
loader falls back to ``templates/`` beside the ``attribution`` package.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

_REPO_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def template_root() -> Traversable:
    """The folder of the shipped templates: the installed package, else the checkout's folder."""
    try:
        root = importlib.resources.files("attribution.templates")
        if root.joinpath("base.html").is_file():
            return root
    except ModuleNotFoundError:
        pass
    return _REPO_TEMPLATES


class TraversableLoader(jinja2.BaseLoader):
    """Loads templates from a Traversable, so that they can live in a wheel or a zip as well."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Callable[[], bool] | None]:
        node = self.root
        for part in jinja2.loaders.split_template_path(template):  # refuses "..": no escape
            node = node.joinpath(part)
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), None, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_file())


@lru_cache(maxsize=4)
def environment(root: str | None = None) -> jinja2.Environment:
    """The Jinja2 environment of the report: autoescape on, undefined variables are errors.

    ``root`` is a folder of templates to use instead of the shipped ones (tests).
    """
    source: Traversable = Path(root) if root else template_root()
    env = jinja2.Environment(
        loader=TraversableLoader(source),
        autoescape=True,  # every page shows article text and metadata: escape everything
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the reader
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x, digits=0: f"{100 * float(x):.{digits}f} %"
    return env


