"""Citing an item from another element: every evidence id in the repository, found by its title.

`GET /cite?q=WORDS&element=ID` lists the items whose title or id holds the words
(whatever their letter case), each with the element that defines it, and a link
that opens the element's form with a `ref:` to it added. The element's form
searches the same way without JavaScript (its Search button), and with it as
the user types (`&fragment=1` returns the choices alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.serve.editor import editor

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence

MAX_FOUND = 50  # items listed for one search: more words narrow it
MAX_QUERY = 200


@dataclass(frozen=True)
class Found:
    """An item that can be cited: its id, title, the element that defines it, and its date."""

    id: str
    title: str
    element: str
    service: str | None
    date: str


def cited(evidence: Evidence) -> dict[str, Found]:
    """Every item with an id, by its id (the first definition, as `cse check` takes it)."""
    found: dict[str, Found] = {}
    for element_id, element in evidence.elements.items():
        for item in element.evidence:
            if item.id is not None and item.ref is None and item.id not in found:
                date = str(item.date) if item.date else ""
                found[item.id] = Found(item.id, item.title or "", element_id, item.service, date)
    return found


def search(evidence: Evidence, query: str) -> list[Found]:
    """The items whose title or id holds every word of `query`, in the standard's order."""
    words = query.casefold().split()[:20]
    if not words:
        return []
    matches = [
        found
        for found in cited(evidence).values()
        if all(word in f"{found.id} {found.title}".casefold() for word in words)
    ]
    return matches[:MAX_FOUND]


async def cite_page(request: Request) -> Response:
    """The items found for `?q=`, as a page of their own, or (`&fragment=1`) the form's choices."""
    ed = editor(request)
    evidence = ed.repository.current().evidence
    query = request.query_params.get("q", "")[:MAX_QUERY].strip()
    element_id = request.query_params.get("element", "")
    if element_id not in ed.standard.element_ids():
        element_id = ""
    template = "cite_results.html.j2" if request.query_params.get("fragment") else "cite.html.j2"
    return ed.pages.render(
        request,
        template,
        query=query,
        results=search(evidence, query) if query else [],
        element_id=element_id,
        total=len(cited(evidence)),
    )
