"""The pages' Jinja environment and the static files, both loaded once when the server starts.

Autoescape is on for every template: everything taken from the evidence is
escaped. The static files (GOV.UK Frontend's CSS and JavaScript, the editor's
own) are read into memory from the package and served by name from a fixed
table, so no request names a path on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cse_cli.core.ratings import Rating

if TYPE_CHECKING:
    from jinja2 import Environment
    from starlette.requests import Request
    from starlette.responses import HTMLResponse

HERE = Path(__file__).resolve().parent
STATIC = {
    "govuk-frontend.min.css": ("govuk/govuk-frontend.min.css", "text/css; charset=utf-8"),
    "govuk-frontend.min.js": ("govuk/govuk-frontend.min.js", "text/javascript; charset=utf-8"),
    "cse.css": ("cse.css", "text/css; charset=utf-8"),
    "cse.js": ("cse.js", "text/javascript; charset=utf-8"),
    "favicon.svg": ("favicon.svg", "image/svg+xml"),
}
NAVIGATION = (
    ("/", "Overview"),
    ("/documents", "Documents"),
    ("/reviews", "Surveillance reviews"),
    ("/changes", "Changes"),
    ("/reports", "Reports"),
)
TAGS = {
    Rating.COMPLIANCE_PLUS: "govuk-tag--blue",
    Rating.FULL: "govuk-tag--green",
    Rating.PARTIAL: "govuk-tag--yellow",
    Rating.NON_COMPLIANCE: "govuk-tag--red",
}


def static_files() -> dict[str, tuple[bytes, str]]:
    """Each static file's bytes and media type, by the name it is served as."""
    return {
        name: ((HERE / "static" / rel).read_bytes(), media) for name, (rel, media) in STATIC.items()
    }


def rating_words(rating: Rating | None) -> str:
    """A rating written out, as the assessor's report writes it: 'Partial Compliance (P)'."""
    return "not rated" if rating is None else f"{rating.label} ({rating.abbreviation})"


def rating_tag(rating: Rating | None) -> str:
    """The GOV.UK tag colour of a rating; the words are always written beside it."""
    return TAGS.get(rating, "govuk-tag--grey") if rating is not None else "govuk-tag--grey"


def environment() -> Environment:
    """The templates of the pages, autoescaped; then the reports' (the chart is one, shared)."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    from cse_cli.io.resources import resource

    env = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(HERE / "templates"), FileSystemLoader(resource("templates"))]
        ),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["rating_words"] = rating_words
    env.globals["rating_tag"] = rating_tag
    env.globals["navigation"] = NAVIGATION
    return env


class Pages:
    """Renders a page for a request, with what every page shows (organisation, CSRF token)."""

    def __init__(self, organisation: str) -> None:
        """Pages for the repository of `organisation` (as cse.yaml gave it at the start)."""
        self.environment = environment()
        self.organisation = organisation

    def render(
        self,
        request: Request,
        template: str,
        status: int = 200,
        **context: Any,  # noqa: ANN401
    ) -> HTMLResponse:
        """The page `template` filled with `context`."""
        from starlette.responses import HTMLResponse

        page = self.environment.get_template(template).render(
            organisation=context.pop("organisation", self.organisation),
            csrf=request.scope.get("state", {}).get("csrf", ""),
            path=request.url.path,
            **context,
        )
        return HTMLResponse(page, status_code=status)
