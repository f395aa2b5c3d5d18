"""`cse gap --visit`: the on-site evidence by person, then place, to plan the visit day."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.text import and_list, inert, plural
from cse_cli.render import Styled
from cse_cli.views.visit import NO_PERSON, NO_PLACE

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cse_cli.views.visit import VisitItem, VisitPlan


def heading(plan: VisitPlan) -> str:
    """What the plan is, in a line: whose, and for which day."""
    day = f" on {plan.visit}" if plan.visit is not None else ""
    return f"{plan.organisation}: what the assessor will hear or see at the visit{day}"


def counts(plan: VisitPlan) -> str:
    """How much is planned, and for how many elements, in a sentence."""
    if not plan.items:
        return "No on-site evidence is listed yet: give elements on_site: items."
    elements = len({e for p in plan.people for place in p.places for i in place.items
                    for e in i.elements})  # fmt: skip
    return (
        f"{plural(plan.items, 'on-site item')} for {plural(elements, 'element')}, "
        f"by person or role, then by place."
    )


def intro(plan: VisitPlan) -> str:
    """A report's words before the plan: what it is for, and how much is planned."""
    day = f" on {plan.visit}" if plan.visit is not None else ""
    return f"What the assessor will hear or see at the visit{day}, to plan the day. {counts(plan)}"


def item_line(item: VisitItem) -> str:
    """An item as one line: its title, then the elements it supports, service and notes."""
    parts = [f"for {and_list(list(item.elements))}"]
    if item.service:
        parts.append(item.service)
    if item.notes:
        parts.append(f"notes: {item.notes}")
    parts += [f"for {element}: {notes}" for element, notes in item.cited_notes]
    if item.inferred:
        parts.append(f"{', '.join(item.inferred)} inferred")
    return f"{item.title} ({'; '.join(parts)})"


def to_text(plan: VisitPlan) -> Styled:
    """The plan for a screen: each person, each place, each item with its elements."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(inert(heading(plan)), "bold")]
    narrowed = [f"{what} {name}" for what, name in (("service", plan.service),
                                                     ("owner", plan.owner)) if name]  # fmt: skip
    if narrowed:
        parts.append(Text(inert(f"Narrowed to {and_list(narrowed)}.")))
    parts.append(Text(counts(plan)))
    for person in plan.people:
        parts.append(Text("\n" + inert(person.person or NO_PERSON), "bold underline"))
        for place in person.places:
            parts.append(Padding(Text(inert(place.place or NO_PLACE), "bold"), (0, 0, 0, 2)))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1)
            for item in place.items:
                grid.add_row(Text("•"), Text(inert(item_line(item))))
            parts.append(Padding(grid, (0, 0, 0, 4)))
    parts.append(Text("\nElements with nothing to hear or see on site", "bold underline"))
    parts.append(Padding(Text(", ".join(plan.without_on_site) or "None."), (0, 0, 0, 2)))
    return Styled(Group(*parts))


def to_json(plan: VisitPlan) -> str:
    """The `gap --visit --format json` object."""
    return (
        json.dumps(
            {
                "organisation": plan.organisation,
                "visit": plan.visit.isoformat() if plan.visit is not None else None,
                "service": plan.service,
                "owner": plan.owner,
                "items": plan.items,
                "people": [
                    {
                        "person": person.person,
                        "places": [
                            {"place": place.place, "items": [_item(i) for i in place.items]}
                            for place in person.places
                        ],
                    }
                    for person in plan.people
                ],
                "without_on_site": list(plan.without_on_site),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def _item(item: VisitItem) -> dict[str, object]:
    return {
        "id": item.id,
        "title": item.title,
        "elements": list(item.elements),
        "service": item.service,
        "notes": item.notes,
        "cited_notes": [{"element": e, "notes": notes} for e, notes in item.cited_notes],
        "inferred": list(item.inferred),
    }
