"""Citing an item from another element: every evidence id in the repository, found by its title.

`GET /cite?q=WORDS&element=ID&list=evidence` lists the items of that list whose
title or id holds the words (whatever their letter case), each with the element
that defines it, and a link that opens the element's form with a `ref:` to it
added. A `ref:` cites an item of its own list (fields.CITING). The element's form
searches the same way without JavaScript (its Search button), and with it as
the user types (`&fragment=1` returns the choices alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.serve.editor import editor
from cse_cli.serve.fields import CITING

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


def cited(evidence: Evidence, key: str = "evidence") -> dict[str, Found]:
    """Every item of the lists `key` with an id, by its id (the first, as `cse check` takes it)."""
    found: dict[str, Found] = {}
    for element_id, element in evidence.elements.items():
        for item in getattr(element, key, None) or ():
            item_id = getattr(item, "id", None)
            if item_id is not None and getattr(item, "ref", None) is None and item_id not in found:
                date = getattr(item, "date", None)
                title, service = getattr(item, "title", None), getattr(item, "service", None)
                found[item_id] = Found(item_id, title or "", element_id, service, str(date or ""))
    return found


def search(evidence: Evidence, query: str, key: str = "evidence") -> list[Found]:
    """The items whose title or id holds every word of `query`, in the standard's order."""
    words = query.casefold().split()[:20]
    if not words:
        return []
    matches = [
        found
        for found in cited(evidence, key).values()
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
    key = request.query_params.get("list", CITING[0].key)
    spec = next((items for items in CITING if items.key == key), CITING[0])
    template = "cite_results.html.j2" if request.query_params.get("fragment") else "cite.html.j2"
    return ed.pages.render(
        request,
        template,
        query=query,
        results=search(evidence, query, spec.key) if query else [],
        element_id=element_id,
        spec=spec,
        total=len(cited(evidence, spec.key)),
    )
