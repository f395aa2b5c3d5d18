"""What looks like element files that cse will not read is named in a warning.

Element files are NAME.yaml or NAME.yml, in lower case, directly in the
evidence folder: `1.1.1.YAML`, or a folder of element files inside it, would
otherwise be skipped without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.core.text import short
from cse_cli.rules.file_names import ELEMENT_SUFFIXES
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


def check(prefix: str, name: str, inside: Callable[[], Iterable[str]] | None) -> Problem | None:
    """The warning for `name`, not an element file, in the evidence folder; or None.

    `inside` lists the names in it when it is a folder (None when it is not).
    """
    shown = short(name)
    if name.lower().endswith(ELEMENT_SUFFIXES):
        message = f"{shown} is not read: name element files NAME.yaml or NAME.yml, in lower case"
    elif inside is not None and any(n.lower().endswith(ELEMENT_SUFFIXES) for n in inside()):
        message = f"{shown} is a folder: cse does not read the element files in it"
    else:
        return None
    return Problem(prefix + shown, 0, 0, "warning", message)


RULE = Rule(
    "files-not-read", "a file or folder that looks like element files cse does not read", check
)
