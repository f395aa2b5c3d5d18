"""The editor's routes: every address it answers, and the guard in front of them all.

Every page is a GET that only reads; every change is a POST listed in POSTS,
each reading its body through `cse_cli.serve.bodies` (limits and CSRF). There is
no route that takes a path on disk: elements and reviews are named by the
standard's ids, documents by a path checked against the documents listed, and
static files by a fixed table.

The modules of the pages are imported when a page of theirs is first asked for
(`_later`), so that the first page, the overview, waits for its own alone.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from cse_cli.serve.editor import Editor, editor
from cse_cli.serve.guard import Guard, Session
from cse_cli.serve.state import GitWatch, Repository
from cse_cli.serve.templating import Pages, static_files

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import ASGIApp

    Endpoint = Callable[[Request], Awaitable[Response]]


POSTS = (
    "/documents",
    "/changes/save",
    "/changes/send",
    "/element/1.1.1",
    "/element/1.1.1/check",
    "/reviews/surveillance-1",
)
"""An address of each POST route (the element and review routes, for one element and review):
each reads its body through `bodies` (CSRF, limits)."""


async def static(request: Request) -> Response:
    """A static file from the fixed table, by name."""
    from starlette.responses import Response

    ed = editor(request)
    found = ed.static.get(request.path_params["name"])
    if found is None:
        return ed.pages.render(request, "missing.html.j2", 404, what="file")
    content, media = found
    return Response(content, media_type=media, headers={"cache-control": "private, max-age=3600"})


def _later(name: str) -> Endpoint:
    """The route `module.function` of cse_cli.serve, its module imported when first asked for."""
    module, _, function = name.partition(".")

    async def endpoint(request: Request) -> Response:
        found: Endpoint = getattr(import_module(f"cse_cli.serve.{module}"), function)
        return await found(request)

    endpoint.__name__ = function
    return endpoint


async def _missing(request: Request, _exc: Exception) -> Response:
    return editor(request).pages.render(request, "missing.html.j2", 404, what="page")


async def _not_allowed(request: Request, _exc: Exception) -> Response:
    return editor(request).pages.render(
        request, "refused.html.j2", 405, message="This address does not take that kind of request"
    )


def build(repository: Repository, session: Session) -> ASGIApp:
    """The editor's application for `repository`, guarded for `session`."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    post = ["POST"]
    routes = [
        Route("/", _later("overview.overview")),
        Route("/criterion/{number:int}", _later("overview.criterion")),
        Route("/element/{element_id}", _later("element.element_page")),
        Route("/element/{element_id}", _later("element.element_post"), methods=post),
        Route("/element/{element_id}/check", _later("element.element_check"), methods=post),
        Route("/cite", _later("citing.cite_page")),
        Route("/documents", _later("documents.documents_page")),
        Route("/documents", _later("documents.upload"), methods=post),
        Route("/document", _later("documents.download")),
        Route("/reviews", _later("review.reviews_page")),
        Route("/reviews/{stage}", _later("review.review_page")),
        Route("/reviews/{stage}", _later("review.review_post"), methods=post),
        Route("/changes", _later("changes.changes_page")),
        Route("/changes/save", _later("changes.save_version"), methods=post),
        Route("/changes/send", _later("changes.send_for_review"), methods=post),
        Route("/reports", _later("downloads.reports_page")),
        Route("/reports/{name}", _later("downloads.report")),
        Route("/static/{name}", static),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _missing, 405: _not_allowed})
    organisation = repository.current().evidence.config.organisation
    git = GitWatch(repository.root)
    app.state.editor = Editor(repository, session, Pages(organisation), static_files(), git)
    return Guard(app, session)
