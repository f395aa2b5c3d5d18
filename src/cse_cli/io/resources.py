"""Loads the standard (standard/elements.yaml and cycle.yaml) shipped with the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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
    path = resource("standard") / "elements.yaml"
    document = load(path.read_bytes(), str(path))
    if document.problems:  # our own data: a problem here is a bug, not user input
        raise ValueError("; ".join(str(problem) for problem in document.problems))
    cycle = resource("standard") / "cycle.yaml"
    words = load(cycle.read_bytes(), str(cycle))
    if words.problems:  # our own data, as above
        raise ValueError("; ".join(str(problem) for problem in words.problems))
    return standard_from_data(document.data, words.data["stages"])


@cache
def load_cycle() -> CycleStandard:
    """The cycle as data: the documents a surveillance requests, each review's headings."""
    path = resource("standard") / "cycle.yaml"
    document = load(path.read_bytes(), str(path))
    if document.problems:  # our own data: a problem here is a bug, not user input
        raise ValueError("; ".join(str(problem) for problem in document.problems))
    return CycleStandard.model_validate(document.data)
