"""On-site evidence as every output shows it, and the visit day planned by person and place.

An element's `on_site:` items are what the assessor will hear or see at the
visit ("Tell Me / See On Site"). Each report lists them beside the desk-top
evidence as `OnSiteView`s, labelled "On site"; `build_visit` gathers them into
the planning view that `cse gap --visit` prints and the reports end with: by
person or role, then by place, each item once with every element it supports
(an item cited with `ref:` from other elements is one thing to see, for all of
them), so a team can plan who the assessor meets where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.views.narrowing import known_owner, known_service, same_name

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.evidence import Evidence, OnSiteItem
    from cse_cli.core.standard import Standard

ON_SITE = "On site"
"""How every output labels an on-site item, beside the desk-top evidence."""
NO_PERSON = "No person or role named"
NO_PLACE = "No place named"


@dataclass(frozen=True)
class OnSiteView:
    """One on-site item as an element's row lists it: what, and with whom, where."""

    title: str
    details: str
    """With whom, where, the service and notes, as far as they are given, each value
    marked `inferred:` saying so: 'with Customer services adviser; at Town hall reception'
    (semicolons, as a place's name may hold a comma); a `ref:` item's own notes as 'notes
    here: …'."""


def on_site_view(item: OnSiteItem, own_notes: str | None = None) -> OnSiteView:
    """An on-site item (a cited one resolved) as a row lists it; `own_notes`: a ref's own."""
    shown = {
        "person": f"with {item.person}" if item.person else None,
        "place": f"at {item.place}" if item.place else None,
        "service": item.service,
        "notes": f"notes: {item.notes}" if item.notes else None,
    }
    parts = [
        f"{text} ({key} inferred)" if key in item.inferred else text
        for key, text in shown.items()
        if text
    ]
    if own_notes:
        parts.append(f"notes here: {own_notes}")
    if "title" in item.inferred:
        parts.append("wording or grouping inferred")
    return OnSiteView(item.title or item.ref or "", "; ".join(parts))


def element_on_site(evidence: Evidence, element_id: str) -> tuple[OnSiteView, ...]:
    """An element's on-site items as its row lists them, each `ref:` resolved."""
    element = evidence.elements.get(element_id)
    if element is None:
        return ()
    resolved = evidence.resolved_on_site(element)
    return tuple(
        on_site_view(item, written.notes if written.ref is not None else None)
        for written, item in zip(element.on_site, resolved, strict=True)
    )


@dataclass(frozen=True)
class VisitItem:
    """One thing for the assessor to hear or see, and the elements it supports."""

    title: str
    id: str | None
    elements: tuple[str, ...]
    """In the standard's order: the element that defines it, and those citing it."""
    service: str | None
    notes: str | None
    """Its own notes."""
    cited_notes: tuple[tuple[str, str], ...]
    """Each citing element's own notes, with the element: ('3.2.1', 'Also shows it')."""
    inferred: tuple[str, ...]


@dataclass(frozen=True)
class VisitPlace:
    """A place (None: none named) and what is to be seen there."""

    place: str | None
    items: tuple[VisitItem, ...]


@dataclass(frozen=True)
class VisitPerson:
    """A person or role (None: none named) and, place by place, what they show."""

    person: str | None
    places: tuple[VisitPlace, ...]


@dataclass(frozen=True)
class VisitPlan:
    """The on-site evidence by person, then place: what the visit day must fit in."""

    organisation: str
    visit: dt.date | None
    """The day of the assessment visit, when cse.yaml's cycle gives it."""
    service: str | None
    owner: str | None
    people: tuple[VisitPerson, ...]
    items: int
    without_on_site: tuple[str, ...]
    """The elements listed that offer nothing to hear or see on site."""


def build_visit(
    standard: Standard, evidence: Evidence, *, service: str | None = None, owner: str | None = None
) -> VisitPlan:
    """The planning view; raises CseError for a service or owner that names nothing."""
    elements = evidence.elements
    items = {e: evidence.resolved_items(element) for e, element in elements.items()}
    on_site = {e: evidence.resolved_on_site(element) for e, element in elements.items()}
    service = known_service(evidence, items, service, on_site)
    owner = known_owner(elements, owner)
    order = [
        e for e in standard.element_ids()
        if owner is None or (e in elements and same_name(elements[e].owner, owner))
    ]  # fmt: skip
    gathered: dict[int, tuple[OnSiteItem, list[str], list[tuple[str, str]]]] = {}
    for element_id in order:
        element = elements.get(element_id)
        written_items = element.on_site if element else []
        for written, item in zip(written_items, on_site.get(element_id, []), strict=True):
            if service is not None and item.service != service:
                continue
            _, supported, notes = gathered.setdefault(id(item), (item, [], []))
            supported.append(element_id)
            if written.ref is not None and written.notes:
                notes.append((element_id, written.notes))
    listed = [(_item(item, supported, notes), item) for item, supported, notes in gathered.values()]
    covered = {e for shown, _ in listed for e in shown.elements}
    return VisitPlan(
        organisation=evidence.config.organisation,
        visit=evidence.config.cycle.visit,
        service=service,
        owner=owner,
        people=_people(listed),
        items=len(listed),
        without_on_site=tuple(e for e in order if e not in covered),
    )


def _item(item: OnSiteItem, supported: list[str], notes: list[tuple[str, str]]) -> VisitItem:
    return VisitItem(
        item.title or "", item.id, tuple(supported), item.service, item.notes, tuple(notes),
        tuple(item.inferred),
    )  # fmt: skip


def _people(listed: list[tuple[VisitItem, OnSiteItem]]) -> tuple[VisitPerson, ...]:
    """The items by person (as first spelt, letter case aside), then by place; unnamed last."""
    people: dict[str | None, dict[str | None, list[VisitItem]]] = {}
    spelt: dict[str, str] = {}
    for shown, item in listed:
        person = _spelling(item.person, spelt)
        place = _spelling(item.place, spelt)
        people.setdefault(person, {}).setdefault(place, []).append(shown)
    return tuple(
        VisitPerson(person, tuple(VisitPlace(place, tuple(items))
                                  for place, items in sorted(places.items(), key=_named)))
        for person, places in sorted(people.items(), key=_named)
    )  # fmt: skip


def _spelling(name: str | None, spelt: dict[str, str]) -> str | None:
    """A person or place as first written, so that 'Reception' and 'reception' are one."""
    if name is None or not name.strip():
        return None
    return spelt.setdefault(name.strip().casefold(), name.strip())


def _named(entry: tuple[str | None, object]) -> tuple[bool, str]:
    """Sorting by name, letter case aside, with 'none named' last."""
    name = entry[0]
    return (name is None, (name or "").casefold())
