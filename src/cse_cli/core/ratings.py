"""Ratings: the four the assessor gives, and the many ways people write them.

A rating is read forgivingly (`partial`, `P`, `Partial Compliance`, in any
letter case) but a rating that is not one is explained: a letter from another
alphabet that looks like a Latin one, such as the Cyrillic Er the assessor's
own report uses for P, is named.
"""

# No `from __future__ import annotations`: Pydantic reads the annotations of the
# models that use `parse_rating` when they are built.

import enum

from pydantic_core import PydanticCustomError

from cse_cli.core.text import as_written, describe, quoted, short


class Rating(str, enum.Enum):
    """A rating of one element, in the assessor's order from best to worst."""

    COMPLIANCE_PLUS = "compliance-plus"
    FULL = "full"
    PARTIAL = "partial"
    NON_COMPLIANCE = "non-compliance"

    @property
    def abbreviation(self) -> str:
        """The assessor's abbreviation: CP, F, P or NC."""
        return _ABBREVIATIONS[self]

    @property
    def label(self) -> str:
        """The rating as the assessor's report writes it, such as 'Compliance Plus'."""
        return _LABELS[self]

    @property
    def compliant(self) -> bool:
        """Full compliance or compliance plus: what counts toward the minimum share."""
        return self in {Rating.FULL, Rating.COMPLIANCE_PLUS}


_ABBREVIATIONS = {
    Rating.COMPLIANCE_PLUS: "CP",
    Rating.FULL: "F",
    Rating.PARTIAL: "P",
    Rating.NON_COMPLIANCE: "NC",
}
_LABELS = {
    Rating.COMPLIANCE_PLUS: "Compliance Plus",
    Rating.FULL: "Full Compliance",
    Rating.PARTIAL: "Partial Compliance",
    Rating.NON_COMPLIANCE: "Non-compliance",
}
_RATING_NAMES: dict[str, Rating] = {}
for _rating in Rating:
    for _name in (_rating.value, _rating.abbreviation, _rating.label):
        _RATING_NAMES[_name.lower().replace(" ", "-")] = _rating
_RATING_NAMES["full-compliance"] = Rating.FULL
_RATING_NAMES["noncompliance"] = Rating.NON_COMPLIANCE
RATING_CHOICES = "compliance-plus, full, partial or non-compliance (or CP, F, P, NC)"

# Letters from other alphabets that look like the Latin letters of CP, F, P, NC.
# The assessor's own report writes the Cyrillic Р for P: say what was meant.
_LOOKALIKES = str.maketrans(
    {
        "\u0420": "P", "\u0440": "p", "\u0421": "C", "\u0441": "c",  # Cyrillic Р р С с
        "\u03a1": "P", "\u03c1": "p", "\u039d": "N", "\u03bd": "n",  # Greek Ρ ρ Ν ν
        "\u0395": "E", "\u0410": "A", "\u0430": "a", "\u041d": "H",  # Greek Ε, Cyrillic А а Н
        "\u0405": "S", "\u0455": "s", "\u0406": "I", "\u0456": "i",  # Cyrillic Ѕ ѕ І і
        "\u041e": "O", "\u043e": "o", "\u0415": "E", "\u0435": "e",  # Cyrillic О о Е е
        "\u0422": "T", "\u0442": "t", "\u0425": "X", "\u0445": "x",  # Cyrillic Т т Х х
    }
)  # fmt: skip


def parse_rating(value: object) -> Rating | None:
    """Read a rating written as a long name or an abbreviation, in any case."""
    if value is None or isinstance(value, Rating):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "rating",
            "expected a rating, but YAML read {shown} as {kind}: use " + RATING_CHOICES,
            {"shown": as_written(value), "kind": describe(value)},
        )
    key = value.strip().lower().replace(" ", "-").replace("_", "-")
    if key in _RATING_NAMES:
        return _RATING_NAMES[key]
    import unicodedata  # only to explain a rating that is not one

    normal = unicodedata.normalize("NFKC", value.strip())
    # invisible format characters (a zero-width space, a right-to-left mark) say nothing
    visible = "".join(ch for ch in normal if unicodedata.category(ch) != "Cf")
    latin = visible.translate(_LOOKALIKES)
    meant = _RATING_NAMES.get(latin.lower().replace(" ", "-"))
    if meant is not None:
        raise PydanticCustomError(
            "rating",
            "{value} looks like '{meant}' but {why}",
            {"value": quoted(value), "meant": latin.strip(), "why": _not_latin(value)},
        )
    raise PydanticCustomError(
        "rating", "{value} is not a rating: use " + RATING_CHOICES, {"value": quoted(value)}
    )


def _not_latin(value: str) -> str:
    """What stands in for Latin letters in `value`: look-alikes, invisible characters."""
    import unicodedata

    def named(ch: str) -> str:
        return f"{short(ch)} ({unicodedata.name(ch, f'U+{ord(ch):04X}').lower()})"

    beyond = [ch for ch in dict.fromkeys(value) if ord(ch) > 127]  # noqa: PLR2004 - beyond ASCII
    invisible = [named(ch) for ch in beyond if unicodedata.category(ch) == "Cf"]
    foreign = [named(ch) for ch in beyond if unicodedata.category(ch) != "Cf"]
    parts = []
    if foreign:
        parts.append(f"is written with {', '.join(foreign)}: type it with Latin letters")
    if invisible:
        parts.append(f"holds the invisible {', '.join(invisible)}: delete it")
    return "; and ".join(parts)
