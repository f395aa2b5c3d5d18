"""The options several commands share, and options whose value is one of an enum's members.

An option with choices takes its enum (a format of cse_cli.render.formats, a
stage) as its type and converts the value itself, so that a wrong value is one
line naming the option, the value and the choices, with a suggestion:
`--stage: 'finale' is not one of self, …, surveillance-2 or latest (did you mean
'final'?)`. The conversion raises CseError, which Typer passes on untouched and
cse_cli.cli.main prints; the parser knows its option, so no message is reworded
from Typer's and no command line is parsed twice.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from cse_cli.core.problems import CseError
from cse_cli.core.stages import Stage
from cse_cli.core.text import and_list, did_you_mean, quoted

E = TypeVar("E", bound=enum.Enum)


def _names(choices: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in choices]


def _parser(choices: type[E], option: str) -> Callable[[object], E]:
    """The conversion of a value of `option` to a member of `choices`, or CseError."""

    def parse(value: object) -> E:
        if isinstance(value, choices):  # a default, or the value once converted
            return value
        for member in choices:
            if member.value == value:
                return member
        given, names = str(value), _names(choices)
        raise CseError(
            f"{option}: {quoted(given)} is not one of {and_list(names, 'or')}"
            f"{did_you_mean(given, names)}"
        )

    return parse


def choice(choices: type[enum.Enum], *names: str, **settings: Any) -> Any:  # noqa: ANN401 - as typer.Option
    """A `typer.Option` whose value is one of `choices`, converted (and refused) as said above."""
    values = _names(choices)

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return typer.Option(
        *names,
        parser=_parser(choices, max(names, key=len)),
        metavar=f"<{'|'.join(values)}>",
        autocompletion=complete,
        **settings,
    )


def required(option: str, choices: type[enum.Enum]) -> CseError:
    """The error for an option with choices that must be given (raise it)."""
    return CseError(f"{option} is required: choose {and_list(_names(choices), 'or')}")


PathArgument = Annotated[
    Path,
    typer.Argument(
        help="A folder in the evidence repository (its root is found by searching "
        "upward for cse.yaml).",
        show_default=False,
    ),
]
StageOption = Annotated[
    Stage,
    choice(
        Stage,
        "--stage",
        "-s",
        help="Whose ratings count: self (self_assessment), desk-top, final, surveillance-1, "
        "surveillance-2 (each carrying forward the ratings it did not change), or latest "
        "(per element the latest stage that has a rating). Example: --stage surveillance-1",
    ),
]


class Review(str, enum.Enum):
    """A surveillance review of the cycle."""

    SURVEILLANCE_1 = "surveillance-1"
    SURVEILLANCE_2 = "surveillance-2"

    def __str__(self) -> str:
        """The review as users write it: `surveillance-1`."""
        return str(self.value)


ReviewOption = Annotated[
    Review | None,
    choice(
        Review,
        "--review",
        help="A surveillance: surveillance-1 or surveillance-2. Example: --review surveillance-1",
        show_default=False,
    ),
]


class Prefer(str, enum.Enum):
    """Whose value a conflict of `cse import --update` takes: the sheet's, or the repository's."""

    SHEET = "sheet"
    REPOSITORY = "repository"

    def __str__(self) -> str:
        """As users write it: `sheet`."""
        return str(self.value)
