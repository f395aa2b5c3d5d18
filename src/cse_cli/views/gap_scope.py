"""What the lists of `cse gap` are drawn from: the elements listed, and what supports each.

`--service` narrows the lists to the elements with evidence (desk-top or on site)
of one service, `--owner` to the elements one owner looks after; the verdict is
never narrowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.views.narrowing import narrowed

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.core.evidence import ElementFile, Evidence, EvidenceItem, OnSiteItem
    from cse_cli.core.ratings import Rating
    from cse_cli.core.scoring import Verdict
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class ElementNote:
    """An element named in one of the gap's lists, with its rating and owner."""

    element: str
    rating: Rating | None
    owner: str | None


@dataclass(frozen=True)
class Scope:
    """What the gap's lists are drawn from: the elements listed, in the standard's order."""

    elements: Mapping[str, ElementFile]
    items: Mapping[str, list[EvidenceItem]]
    """Each element's items, cited ones resolved."""
    on_site: Mapping[str, list[OnSiteItem]]
    """Each element's on-site items, cited ones resolved."""
    ratings: Mapping[str, Rating | None]
    """Each element's rating at the stage."""
    order: tuple[str, ...]
    """The elements listed: every one, or those of the service or owner asked for."""
    service: str | None
    owner: str | None

    def supported(self, element_id: str) -> tuple[bool, bool]:
        """Whether the element has desk-top evidence, and whether it has on-site evidence."""
        return bool(self.items.get(element_id)), bool(self.on_site.get(element_id))

    def note(self, element_id: str) -> ElementNote:
        """The element as a list names it: its rating and owner."""
        element = self.elements.get(element_id)
        owner = element.owner if element else None
        return ElementNote(element_id, self.ratings[element_id], owner)


def gap_scope(
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    service: str | None,
    owner: str | None,
) -> Scope:
    """The elements the lists cover, narrowed to a service's evidence or an owner's elements."""
    elements = evidence.elements
    items = {element_id: evidence.resolved_items(e) for element_id, e in elements.items()}
    on_site = {element_id: evidence.resolved_on_site(e) for element_id, e in elements.items()}
    service, owner, listed = narrowed(evidence, items, service, owner, on_site)
    ratings = dict(rating for c in verdict.criteria for rating in c.ratings)
    order = tuple(element_id for element_id in standard.element_ids() if listed(element_id))
    return Scope(elements, items, on_site, ratings, order, service, owner)
