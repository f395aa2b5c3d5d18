"""`--service` and `--owner`: the service or owner a user names, as the evidence spells it.

`cse gap` narrows its lists (never its verdict) to one service's evidence or to
the elements one owner looks after. A name is matched whatever its letter case
and surrounding spaces; one that names nothing is an error that lists the names
there are, with a suggestion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.text import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from cse_cli.core.evidence import ElementFile, Evidence, EvidenceItem, OnSiteItem


def same_name(written: str | None, wanted: str) -> bool:
    """Whether a name in the evidence is the one wanted, whatever the letter case and spaces."""
    return written is not None and written.strip().casefold() == wanted.strip().casefold()


def services(
    evidence: Evidence,
    items: Mapping[str, list[EvidenceItem]],
    on_site: Mapping[str, list[OnSiteItem]] | None = None,
) -> list[str]:
    """Every service there is: cse.yaml's, and those the items and on-site items name.

    `items` and `on_site` are each element's, cited ones resolved.
    """
    used = {i.service for found in items.values() for i in found if i.service is not None}
    for listed in (on_site or {}).values():
        used.update(i.service for i in listed if i.service is not None)
    return sorted(set(evidence.config.services) | used)


def narrowed(
    evidence: Evidence,
    items: Mapping[str, list[EvidenceItem]],
    service: str | None,
    owner: str | None,
    on_site: Mapping[str, list[OnSiteItem]] | None = None,
) -> tuple[str | None, str | None, Callable[[str], bool]]:
    """The service and owner as the evidence spells them, and whether an element is listed.

    An element is listed when its owner is the one asked for, and one of its items
    or on-site items (cited ones resolved, `items` and `on_site`) belongs to the
    service asked for. CseError, as `known_service` and `known_owner` say it, for a
    name that names nothing.
    """
    service = known_service(evidence, items, service, on_site)
    owner = known_owner(evidence.elements, owner)

    def listed(element_id: str) -> bool:
        element = evidence.elements.get(element_id)
        if owner is not None and (element is None or not same_name(element.owner, owner)):
            return False
        offered = [*items.get(element_id, ()), *(on_site or {}).get(element_id, ())]
        return service is None or any(i.service == service for i in offered)

    return service, owner, listed


def known_service(
    evidence: Evidence,
    items: Mapping[str, list[EvidenceItem]],
    service: str | None,
    on_site: Mapping[str, list[OnSiteItem]] | None = None,
) -> str | None:
    """The service as the evidence spells it; CseError when no evidence names it.

    The services named are cse.yaml's, and those of the evidence `items` and the
    `on_site` items (each element's, cited ones resolved).
    """
    if service is None:
        return None
    known = services(evidence, items, on_site)
    match = next((name for name in known if same_name(name, service)), None)
    if match is None:
        choices = f"the services are {', '.join(known)}" if known else "no item names a service"
        raise CseError(
            f"--service '{service}' names no service: {choices}{did_you_mean(service, known)}"
        )
    return match


def known_owner(elements: Mapping[str, ElementFile], owner: str | None) -> str | None:
    """The owner as the evidence spells it; CseError when no element has that owner."""
    if owner is None:
        return None
    known = sorted({e.owner for e in elements.values() if e.owner})
    match = next((name for name in known if same_name(name, owner)), None)
    if match is None:
        choices = f"the owners are {', '.join(known)}" if known else "no element names an owner"
        raise CseError(f"--owner '{owner}' owns no element: {choices}{did_you_mean(owner, known)}")
    return match
