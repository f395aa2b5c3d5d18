"""Loads the standard (standard/elements.yaml and cycle.yaml) shipped with the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from cse_cli.core.reviews import CycleStandard
from cse_cli.core.standard import Standard, standard_from_data
from cse_cli.io.yaml_loader import load

_PACKAGE = Path(__file__).resolve().parent.parent  # cse_cli/


def resource(name: str) -> Path:
    """A folder shipped with cse: `standard` or `templates`.

    A wheel carries them inside the package; a source checkout (or an editable
    install) has them at the project's root.
    """
    for base in (_PACKAGE, _PACKAGE.parent.parent):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"cse is installed without its {name}/ folder")


@cache
def load_standard() -> Standard:
    """The standard: criteria, sub-criteria, elements and scoring rules."""
    return standard_from_data(_shipped("elements.yaml"), _shipped("cycle.yaml")["stages"])


@cache
def load_cycle() -> CycleStandard:
    """The cycle as data: the documents a surveillance requests, each review's headings."""
    return CycleStandard.model_validate(_shipped("cycle.yaml"))


@cache
def _shipped(name: str) -> Any:  # noqa: ANN401 - YAML data: a mapping as its file gives it
    """The data of a file of standard/: our own data, so a problem in it is a bug.

    Read once: cycle.yaml gives both the standard's stages and the cycle.
    """
    path = resource("standard") / name
    document = load(path.read_bytes(), str(path))
    if document.problems:
        raise ValueError("; ".join(str(problem) for problem in document.problems))
    return document.data
