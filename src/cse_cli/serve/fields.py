"""What the editor's forms hold: each field of an element file and of a review file, as data.

A form is a `Form`: fields at fixed places in the file (`Field`, its `path` the
keys from the top) and lists of items (`Items`: evidence, on-site evidence,
development points, an on-site plan's sessions), each item a mapping with fields
of its own. One set of templates and handlers shows and reads every form from
this description; the lists whose items cite are `CITING`.

A field's `kind` says how it is shown and read back:

- `text`, `long` (several lines), `lines` (a list of texts, one a line), `number`;
- `date`: a GOV.UK date input (day, month, year);
- `choice`: radios among `choices`; `select`: a list to choose from, its choices
  from the repository (`source`: `services`, `documents`), text when there are none;
- `check`: one checkbox for true; `inferred`: a checkbox per key of the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.ratings import Rating
from cse_cli.core.stages import RECORDED, REVIEWS

if TYPE_CHECKING:
    from cse_cli.core.config import RequestedDocument
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class Choice:
    """One choice of a field: the text the form sends, the words shown, the value written."""

    value: str
    words: str
    data: object


@dataclass(frozen=True)
class Field:
    """One value of a file, at `path` (keys from the file's top, or from its item's)."""

    path: tuple[str, ...]
    label: str
    kind: str = "text"
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    source: str = ""
    """Where a `select` takes its choices: `services` or `documents`."""
    default: str = ""
    """The choice the model takes when the key is absent (a point's status: open)."""

    @property
    def name(self) -> str:
        """The field's name in the form, relative to its item: `reviews.surveillance-1.response`."""
        return ".".join(self.path)


@dataclass(frozen=True)
class Items:
    """A list of items under `key`, each a mapping of `fields` (a `ref:` item: `ref_fields`)."""

    key: str
    title: str
    noun: str
    fields: tuple[Field, ...]
    ref_fields: tuple[Field, ...] = ()
    """The fields of an item that cites another with `ref:`; none: items cannot cite."""
    plain: str = ""
    """The field whose text alone may stand for a whole item (an open development point)."""

    def fields_of(self, kind: str) -> tuple[Field, ...]:
        """The fields of an item of `kind` ("ref" for a cited item, "" otherwise)."""
        return self.ref_fields if kind == "ref" else self.fields


@dataclass(frozen=True)
class Form:
    """A file's form: its fields at fixed places, and its lists of items."""

    fields: tuple[Field, ...]
    lists: tuple[Items, ...]
    fixed: tuple[str, ...] = ()
    """Keys the form shows but never changes (an element file's `element:`)."""

    def items(self, key: str) -> Items:
        """The list under `key`."""
        return next(found for found in self.lists if found.key == key)


RATINGS = (
    *(Choice(r.value, f"{r.label} ({r.abbreviation})", r.value) for r in Rating),
    Choice("", "Not rated", None),
)
OPEN_OR_ADDRESSED = (Choice("open", "Open", "open"), Choice("addressed", "Addressed", "addressed"))
WHOSE = (
    Choice("assessor", "The assessor's", "assessor"),
    Choice("organisation", "The organisation's own action", "organisation"),
    Choice("", "Not recorded", None),
)
CATEGORIES = (
    Choice("High", "High", "High"),
    Choice("Low", "Low", "Low"),
    Choice("", "Not given", None),
)
ON_OR_OFF_SITE = (
    Choice("true", "On site", True),
    Choice("false", "Off site", False),
    Choice("", "Not given", None),
)
DATE_HINT = "For example, 27 3 2026"
PATH_HINT = "A document in the repository, or upload one below"


def _stages(standard: Standard, stages: tuple[str, ...]) -> tuple[Choice, ...]:
    none = Choice("", "Not recorded", None)
    return (none, *(Choice(s, standard.words(s).capitalize(), s) for s in stages))


def _item_fields() -> tuple[Field, ...]:
    return (
        Field(("title",), "Title", "long", "What the evidence is, as the assessor would list it"),
        Field(("id",), "Id", hint="Optional: a short name, one word, that other elements cite"),
        Field(("service",), "Service", "select", source="services"),
        Field(("date",), "Date", "date", DATE_HINT),
        Field(("path",), "Document", "select", PATH_HINT, source="documents"),
        Field(("url",), "Web address", hint="Starting http:// or https://"),
        Field(("owner",), "Owner", hint="Who looks after this piece of evidence"),
        Field(("notes",), "Notes", "long"),
        Field(("inferred",), "Inferred", "inferred", "Values the source does not give"),
    )


def _ref_fields(cited: str) -> tuple[Field, ...]:
    """The fields of an item citing `cited` with `ref:`: the id, and its own notes."""
    return (
        Field(("ref",), "Cites", hint=f"The id of {cited} defined in another element"),
        Field(("notes",), "Notes here", "long", "About this item, for this element"),
        Field(("inferred",), "Inferred", "inferred"),
    )


EVIDENCE = Items(
    "evidence",
    "Evidence",
    "evidence item",
    _item_fields(),
    ref_fields=_ref_fields("an item"),
)

ON_SITE_ITEMS = Items(
    "on_site",
    "On-site evidence",
    "on-site item",
    (
        Field(("title",), "Title", "long", "What the assessor will hear or see at the visit"),
        Field(("id",), "Id", hint="Optional: a short name, one word, that other elements cite"),
        Field(("person",), "Person", hint="A person or a role to talk to"),
        Field(("place",), "Place", hint="Where to see it"),
        Field(("service",), "Service", "select", source="services"),
        Field(("notes",), "Notes", "long"),
        Field(("inferred",), "Inferred", "inferred", "Values the source does not give"),
    ),
    ref_fields=_ref_fields("an on-site item"),
)

CITING = (EVIDENCE, ON_SITE_ITEMS)
"""The lists whose items can cite an item of the same list in another element with `ref:`.

An element's form shows them in this order, before its development points; each
has its own search (`cite.KEY.q`), choice (`cite.KEY.choice`) and button
(`cite:KEY`), and `/cite?list=KEY` searches the items of that list alone.
"""


def _point_fields(standard: Standard) -> tuple[Field, ...]:
    reviews = tuple(s.value for s in REVIEWS)
    per_review = tuple(
        field
        for review in reviews
        for field in (
            Field(
                ("reviews", review, "response"),
                f"Response at {standard.called(review)}",
                "long",
                "The organisation's own words",
            ),
            Field(
                ("reviews", review, "update"),
                f"Update at {standard.called(review)}",
                "long",
                "The assessor's words",
            ),
        )
    )
    return (
        Field(("point",), "The point", "long", "What is to be improved"),
        Field(("by",), "Whose point", "choice", choices=WHOSE),
        Field(("raised",), "Raised on", "date", DATE_HINT),
        Field(
            ("raised_at",),
            "Raised at",
            "choice",
            choices=_stages(standard, tuple(s.value for s in RECORDED)),
        ),
        Field(("status",), "Status", "choice", choices=OPEN_OR_ADDRESSED, default="open"),
        Field(("addressed",), "Addressed on", "date", DATE_HINT),
        Field(("addressed_at",), "Addressed at", "choice", choices=_stages(standard, reviews)),
        Field(("progress",), "Progress", "long", "What has been done about it"),
        *per_review,
        Field(("inferred",), "Inferred", "inferred"),
    )


def element_form(standard: Standard) -> Form:
    """The form of an element file: its ratings, its details, its evidence and points."""
    carried = "Only when it changed the rating: otherwise the rating before is carried forward"
    ratings = tuple(
        Field(
            (stage.field,),
            f"Rating at {standard.called(stage.value)}",
            "choice",
            carried if stage in REVIEWS else "",
            choices=RATINGS,
        )
        for stage in RECORDED
    )
    return Form(
        fields=(
            *ratings,
            Field(("verified_on_site",), "Verified on site (VO)", "check"),
            Field(("owner",), "Owner", hint="Who looks after this element's evidence"),
            Field(("key_questions",), "Key questions", "lines", "One question a line"),
            Field(("visit_evidence",), "Visit evidence", "long", "What the assessor saw or heard"),
            Field(
                ("compliance_plus",), "Compliance plus", "long", "Why it deserves compliance plus"
            ),
            Field(("notes",), "Notes", "long"),
        ),
        lists=(
            *CITING,
            Items(
                "development_points",
                "Development points",
                "development point",
                _point_fields(standard),
                plain="point",
            ),
        ),
        fixed=("element",),
    )


PLAN = Items(
    "plan",
    "On-site plan",
    "session",
    (
        Field(("date",), "Date", "date", DATE_HINT),
        Field(("time",), "Time", hint="As 09:30, or 09:30-11:00"),
        Field(("people",), "Key people", "lines", "One a line"),
        Field(("issues",), "Key issues", "lines", "One a line"),
    ),
)


def review_form(requested: list[RequestedDocument], criteria: list[tuple[int, str]]) -> Form:
    """The form of a surveillance review file: its details, documents, plan and changes."""
    documents = tuple(
        field
        for document in requested
        for field in (
            Field(("documents", document.key, "path"), "Document", "select", source="documents"),
            Field(("documents", document.key, "url"), "Web address"),
            Field(("documents", document.key, "ref"), "Evidence id", hint="An item's id"),
            Field(("documents", document.key, "date"), "The document's date", "date", DATE_HINT),
            Field(("documents", document.key, "received"), "Receipt confirmed", "date", DATE_HINT),
            Field(("documents", document.key, "notes"), "Notes", "long"),
        )
    )
    changes = tuple(
        Field(("changes", f"criterion_{number}"), f"{number} {title}", "long")
        for number, title in criteria
    )
    return Form(
        fields=(
            Field(("date",), "Date of the review", "date", DATE_HINT),
            Field(("assessor",), "Assessor"),
            Field(("days",), "Days", "number", "0.5, 1, 2…"),
            Field(("category_before",), "Category before", "choice", choices=CATEGORIES),
            Field(("category_after",), "Category after", "choice", choices=CATEGORIES),
            Field(("on_site",), "On site or off site", "choice", choices=ON_OR_OFF_SITE),
            *documents,
            *changes,
            Field(("summary",), "Summary", "long", "The assessor's summary of the review"),
            Field(("notes",), "Notes", "long"),
        ),
        lists=(PLAN,),
    )
