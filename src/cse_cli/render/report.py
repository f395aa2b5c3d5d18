"""`cse report` as GitHub-flavoured Markdown or one self-contained HTML page, through Jinja.

User text is escaped on the way out: by Jinja's autoescape in HTML, and in
Markdown by `md_text`, which the environment applies to every `{{ value }}`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

    from cse_cli.views.history import HistoryView, Point
    from cse_cli.views.report import ReportView
    from cse_cli.views.review_report import ReviewReport

_TEMPLATES = {"md": "report.md.j2", "html": "report.html.j2"}
_REVIEW_TEMPLATES = {"md": "review.md.j2", "html": "review.html.j2"}


def to_markdown(view: ReportView) -> str:
    """The report as GitHub-flavoured Markdown."""
    return _render("md", view)


def to_html(view: ReportView) -> str:
    """The report as one self-contained, accessible, printable HTML page."""
    return _render("html", view)


def review_to_markdown(view: ReviewReport) -> str:
    """A surveillance report as GitHub-flavoured Markdown."""
    return _render("md", view, _REVIEW_TEMPLATES)


def review_to_html(view: ReviewReport) -> str:
    """A surveillance report as one self-contained, accessible HTML page."""
    return _render("html", view, _REVIEW_TEMPLATES)


def _render(
    output_format: str, view: ReportView | ReviewReport, templates: dict[str, str] = _TEMPLATES
) -> str:
    template = _environment(output_format).get_template(templates[output_format])
    return template.render(r=view)


def _environment(output_format: str) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from cse_cli.io.resources import resource
    from cse_cli.render.markdown import md_text, md_url

    html = output_format == "html"
    environment = Environment(
        loader=FileSystemLoader(resource("templates")),
        autoescape=html,  # noqa: S701 - Markdown is escaped by md_text, through finalize
        finalize=None if html else md_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md_url"] = md_url
    environment.globals["history_chart"] = _history_chart
    environment.globals["compliance_plus_words"] = _cp_words
    return environment


def _history_chart(view: HistoryView) -> Markup:
    """The history chart's inline SVG, built (and escaped) by cse_cli.render.history."""
    from markupsafe import Markup

    from cse_cli.render.history import chart_svg

    return Markup(chart_svg(view))  # noqa: S704 - every value in it is escaped


def _cp_words(point: Point) -> str:
    from cse_cli.render.history import compliance_plus_words

    return compliance_plus_words(point)
