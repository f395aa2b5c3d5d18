"""When cse.yaml lists services, every item's service is one of them (on-site items' too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.items import each_item
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each service not in cse.yaml's `services:` is an error at it, with the list."""
    services = context.config.services
    if not services:
        return True
    for kind, index, item in each_item(element):
        if item.ref is None and item.service is not None and item.service not in services:
            doc.error(
                doc.position((kind, index, "service")),
                f"service {quoted(item.service)} is not one of cse.yaml's services "
                f"({', '.join(services)}){did_you_mean(item.service, services)}",
            )
    return True


SERVICES = Rule("services", "a service that is not one of cse.yaml's `services`", check)
