"""The on-site evidence in a Word report: beside an element's desk-top evidence, and by person.

`on_site_lines` adds an element's on-site items to its evidence cell, each
labelled "On site"; `add_plan` adds the planning view (cse_cli.views.visit) as
a section: a heading per person or role, one per place under it, and the items
as bullets. Both list at most `LISTED` items in one place, then say how many
more there are, as the rest of the Word report does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.render import docx_document as frame
from cse_cli.render import docx_parts as parts
from cse_cli.render.visit import intro, item_line
from cse_cli.views.visit import NO_PERSON, NO_PLACE, ON_SITE

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell

    from cse_cli.views.visit import OnSiteView, VisitPlan

TITLE = "On-site evidence by person and place"


def on_site_lines(cell: _Cell, items: tuple[OnSiteView, ...], *, first: bool) -> None:
    """The on-site items in an evidence cell, after its desk-top items (`first`: none before)."""
    for item in items[: frame.LISTED]:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        parts.set_style(paragraph, parts.BULLET)
        parts.add_text(paragraph, f"{ON_SITE}: ", bold=True)
        parts.add_text(paragraph, item.title)
        if item.details:
            parts.add_text(paragraph, f" ({item.details})")
    frame.more(cell, len(items), "on-site items")


def add_plan(document: Document, plan: VisitPlan) -> None:
    """The planning view as a section of its own, on a new page."""
    heading = parts.heading(document, TITLE, 1)
    heading.paragraph_format.page_break_before = True
    parts.paragraph(document, intro(plan))
    for person in plan.people:
        parts.heading(document, person.person or NO_PERSON, 2)
        for place in person.places:
            parts.heading(document, place.place or NO_PLACE, 3)
            for item in place.items[: frame.LISTED]:
                parts.bullet(document, item_line(item))
            frame.more(document, len(place.items), "on-site items here")
    without = ", ".join(plan.without_on_site) or "none"
    parts.paragraph(document, f"Elements with nothing to hear or see on site: {without}.")
