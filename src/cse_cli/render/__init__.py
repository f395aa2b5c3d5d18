"""The renderers: each formats a finished view in one format, chosen here by name.

A renderer is imported only when its format is asked for, so that `check
--format json` loads neither Rich nor Jinja.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple, Union

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType


class Styled(NamedTuple):
    """Text for a terminal, laid out by Rich when it is printed (to the terminal's width)."""

    renderable: RenderableType
    soft_wrap: bool = False
    """Long lines are left to the terminal to wrap, not wrapped by Rich."""
    highlight: bool = True


Rendered = Union[str, Styled, bytes]  # noqa: UP007 - evaluated at run time on Python 3.10 too
"""What a renderer returns: exact text, styled text for a terminal, or bytes (xlsx, docx)."""

# view -> format -> "module:function"
_RENDERERS: dict[str, dict[str, str]] = {
    "check": {
        "text": "cse_cli.render.check:to_text",
        "json": "cse_cli.render.check:to_json",
        "github": "cse_cli.render.github:to_github",
    },
    "gap": {
        "text": "cse_cli.render.gap:to_text",
        "json": "cse_cli.render.gap_json:to_json",
    },
    "history": {
        "text": "cse_cli.render.history:to_text",
        "json": "cse_cli.render.history:to_json",
        "md": "cse_cli.render.history:to_markdown",
        "html": "cse_cli.render.history:to_html",
    },
    "review": {
        "md": "cse_cli.render.report:review_to_markdown",
        "html": "cse_cli.render.report:review_to_html",
        "docx": "cse_cli.render.review_docx:to_docx",
    },
    "readiness": {
        "text": "cse_cli.render.readiness:to_text",
        "json": "cse_cli.render.readiness:to_json",
    },
    "diff": {
        "text": "cse_cli.render.diff_text:to_text",
        "md": "cse_cli.render.diff_markdown:to_markdown",
        "json": "cse_cli.render.diff_json:to_json",
    },
    "report": {
        "md": "cse_cli.render.report:to_markdown",
        "html": "cse_cli.render.report:to_html",
        "docx": "cse_cli.render.report_docx:to_docx",
    },
    "export": {
        "xlsx": "cse_cli.render.export_xlsx:to_xlsx",
        "csv": "cse_cli.render.export_csv:to_csv",
    },
}


def formats(view: str) -> tuple[str, ...]:
    """The formats a view can be rendered in, the default first."""
    return tuple(_RENDERERS[view])


def renderer(view: str, output_format: str) -> Callable[[Any], Rendered]:
    """The function that renders `view` in `output_format`."""
    module, _, name = _RENDERERS[view][output_format].partition(":")
    function: Callable[[Any], Rendered] = getattr(import_module(module), name)
    return function


def render(view: str, output_format: str, value: object) -> Rendered:
    """`value`, a finished view of kind `view`, rendered in `output_format`."""
    return renderer(view, output_format)(value)
