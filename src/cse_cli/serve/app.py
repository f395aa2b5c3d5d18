"""The editor's routes: every address it answers, and the guard in front of them all.

Every page is a GET that only reads; every change is a POST listed in POSTS,
each reading its body through `cse_cli.serve.bodies` (limits and CSRF). There is
no route that takes a path on disk: elements and reviews are named by the
standard's ids, documents by a path checked against the documents listed, and
static files by a fixed table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.serve.changes import changes, save_version, send_for_review
from cse_cli.serve.citing import cite_page
from cse_cli.serve.documents import documents_page, download, upload
from cse_cli.serve.downloads import report, reports_page
from cse_cli.serve.editor import Editor, editor
from cse_cli.serve.element import element_check, element_page, element_post
from cse_cli.serve.guard import Guard, Session
from cse_cli.serve.overview import criterion, overview
from cse_cli.serve.review import review_page, review_post, reviews_page
from cse_cli.serve.state import GitWatch, Repository
from cse_cli.serve.templating import Pages, static_files

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import ASGIApp


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


async def changes_page(request: Request) -> Response:
    """The Changes page (a GET: nothing saved or sent)."""
    return await changes(request)


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

    routes = [
        Route("/", overview),
        Route("/criterion/{number:int}", criterion),
        Route("/element/{element_id}", element_page),
        Route("/element/{element_id}", element_post, methods=["POST"]),
        Route("/element/{element_id}/check", element_check, methods=["POST"]),
        Route("/cite", cite_page),
        Route("/documents", documents_page),
        Route("/documents", upload, methods=["POST"]),
        Route("/document", download),
        Route("/reviews", reviews_page),
        Route("/reviews/{stage}", review_page),
        Route("/reviews/{stage}", review_post, methods=["POST"]),
        Route("/changes", changes_page),
        Route("/changes/save", save_version, methods=["POST"]),
        Route("/changes/send", send_for_review, methods=["POST"]),
        Route("/reports", reports_page),
        Route("/reports/{name}", report),
        Route("/static/{name}", static),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _missing, 405: _not_allowed})
    organisation = repository.current().evidence.config.organisation
    git = GitWatch(repository.root)
    app.state.editor = Editor(repository, session, Pages(organisation), static_files(), git)
    return Guard(app, session)
