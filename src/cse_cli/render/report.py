"""The pages made through Jinja: reports as Markdown or HTML, and the history's HTML page.

`cse report` and `cse report --review` as GitHub-flavoured Markdown or one
self-contained HTML page, and `cse history --format html`.

User text is escaped on the way out: by Jinja's autoescape in HTML, and in
Markdown by `md_text`, which the environment applies to every `{{ value }}`.
The charts' geometry (cse_cli.render.report_chart, .history_chart) is worked
out here, from the numbers the views hold, for the HTML templates to draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment

    from cse_cli.views.history import HistoryView
    from cse_cli.views.report import ReportView
    from cse_cli.views.review_report import ReviewReport


def to_markdown(view: ReportView) -> str:
    """The report as GitHub-flavoured Markdown."""
    return _page("md", "report.md.j2", r=view)


def to_html(view: ReportView) -> str:
    """The report as one self-contained, accessible, printable HTML page."""
    from cse_cli.render.report_chart import chart

    return _page("html", "report.html.j2", r=view, chart=chart([c.result for c in view.criteria]))


def review_to_markdown(view: ReviewReport) -> str:
    """A surveillance report as GitHub-flavoured Markdown."""
    return _page("md", "review.md.j2", r=view)


def review_to_html(view: ReviewReport) -> str:
    """A surveillance report as one self-contained, accessible HTML page."""
    return _page("html", "review.html.j2", r=view)


def history_to_html(view: HistoryView) -> str:
    """The history as one self-contained page: a chart of the counts over time, then the table."""
    return _page("html", "history.html.j2", r=view)


def _page(output_format: str, template: str, **values: object) -> str:
    return _environment(output_format).get_template(template).render(**values)


def _environment(output_format: str) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from cse_cli.io.resources import resource
    from cse_cli.render.history import compliance_plus_words, verdict_words
    from cse_cli.render.history_chart import history_chart
    from cse_cli.render.markdown import md_text, md_url
    from cse_cli.render.visit import intro, item_line
    from cse_cli.views.visit import NO_PERSON, NO_PLACE, ON_SITE

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
    environment.globals.update(
        history_chart=history_chart,
        compliance_plus_words=compliance_plus_words,
        verdict_words=verdict_words,
        visit_intro=intro,
        visit_item=item_line,
        no_person=NO_PERSON,
        no_place=NO_PLACE,
        on_site=ON_SITE,
    )
    return environment
