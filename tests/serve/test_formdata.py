"""From a form to the file: what the user did not touch stays as it was; what they typed reads back.

The forms are made from real files (the Bolton and Anytown examples), sent back
as a browser sends them, and written with the one YAML writer; cse's own loader
reads the result.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.core.reviews import Review
from cse_cli.io.resources import load_cycle, load_standard
from cse_cli.io.yaml_edit import apply_edits, key_order
from cse_cli.io.yaml_loader import load
from cse_cli.serve.fields import EVIDENCE, Field, Form, Items, element_form, review_form
from cse_cli.serve.formdata import act, written
from cse_cli.serve.formstate import ItemState, from_data, from_post
from tests.helpers import ANYTOWN, BOLTON, browser_fields

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()
ELEMENT = element_form(STANDARD)
REVIEW = review_form(load_cycle().documents, [(c.number, c.title) for c in STANDARD.criteria])
FILES = sorted([*BOLTON.glob("evidence/*.yaml"), *ANYTOWN.glob("evidence/*.yaml")])


def _write(
    form: Form, raw: bytes, change: dict[str, str] | None = None, model: type = ElementFile
) -> bytes:
    """The file after its form, sent as a browser sends it with `change` made, is saved."""
    data = load(raw, "file.yaml").data
    sent = {**browser_fields(from_data(form, data, "hash")), **(change or {})}
    made = written(form, from_post(form, sent), data)
    return apply_edits(raw, made.edits, file="file.yaml", order=key_order(model))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_form_sent_back_as_it_came_writes_the_file_unchanged(path: Path) -> None:
    raw = path.read_bytes()
    assert _write(ELEMENT, raw) == raw


@pytest.mark.parametrize("name", ["surveillance-1.yaml", "surveillance-2.yaml"])
def test_a_review_form_sent_back_as_it_came_writes_the_file_unchanged(name: str) -> None:
    raw = (ANYTOWN / "reviews" / name).read_bytes()
    assert _write(REVIEW, raw, model=Review) == raw


def test_a_rating_written_as_a_letter_stays_a_letter_unless_changed() -> None:
    raw = b'element: "1.1.1"\nfinal: P  # the assessor\'s\ndesk_top: P\n'
    assert _write(ELEMENT, raw, {"desk_top": "full"}) == (
        b'element: "1.1.1"\nfinal: P  # the assessor\'s\ndesk_top: full\n'
    )


def test_items_moved_and_removed_take_their_own_lines_and_comments() -> None:
    raw = (BOLTON / "evidence" / "1.1.1.yaml").read_bytes()
    data = load(raw, "file.yaml").data
    state = from_data(ELEMENT, data, "hash")
    assert act(ELEMENT, state, "down:evidence:1") == ("f-evidence-2", None)
    assert act(ELEMENT, state, "remove:evidence:0") == ("f-evidence", None)
    new = apply_edits(raw, written(ELEMENT, state, data).edits, order=key_order(ElementFile))
    text = new.decode()
    first, _, rest = text.partition("  - title: Employer database\n")
    assert first.endswith("evidence:\n  - title: Information from SITS and the student profile\n")
    assert rest.startswith(
        "    service: Careers\n"
        "    inferred: [service]       # the report does not print it: read from the context\n"
    )
    assert text.count("# the report does not print it") == raw.decode().count(
        "# the report does not print it"
    )


def test_a_blank_new_item_is_not_written_and_a_new_one_goes_where_it_was_put() -> None:
    raw = b'element: "1.1.1"\nevidence:\n  - title: One\n  - title: Two\n'
    data = load(raw, "f").data
    state = from_data(ELEMENT, data, "hash")
    act(ELEMENT, state, "add:evidence")
    act(ELEMENT, state, "add:evidence")
    state.lists["evidence"][3].values["title"] = "Three"
    act(ELEMENT, state, "up:evidence:2")  # the blank one: One, blank, Two, Three
    act(ELEMENT, state, "up:evidence:3")  # One, blank, Three, Two
    made = written(ELEMENT, state, data)
    assert made.maps["evidence"] == [0, 2, 3]  # where each item written is in the form
    new = apply_edits(raw, made.edits, order=key_order(ElementFile))
    assert new == b'element: "1.1.1"\nevidence:\n  - title: One\n  - title: Three\n  - title: Two\n'


def test_an_open_point_written_as_a_line_stays_one_until_it_says_more() -> None:
    raw = b'element: "1.1.1"\ndevelopment_points:\n  - Publish complaint patterns\n'
    assert _write(ELEMENT, raw, {"development_points.0.point": "Publish them termly"}) == (
        b'element: "1.1.1"\ndevelopment_points:\n  - Publish them termly\n'
    )
    assert _write(ELEMENT, raw, {"development_points.0.status": "addressed"}) == (
        b'element: "1.1.1"\ndevelopment_points:\n'
        b"  - point: Publish complaint patterns\n    status: addressed\n"
    )


def test_a_response_for_a_review_makes_the_mappings_on_the_way_and_clearing_it_removes_them() -> (
    None
):
    raw = b'element: "1.1.1"\ndevelopment_points:\n  - point: P\n'
    key = "development_points.0.reviews.surveillance-1.response"
    answered = _write(ELEMENT, raw, {key: "Done"})
    assert answered.endswith(b"    reviews:\n      surveillance-1:\n        response: Done\n")
    assert _write(ELEMENT, answered, {key: ""}) == raw


def test_a_key_the_form_does_not_know_is_kept_unless_ticked_to_go() -> None:
    raw = b'element: "1.1.1"\nfinale: full  # a typo\nevidence:\n  - title: T\n    colour: red\n'
    assert _write(ELEMENT, raw, {"owner": "Sam"}) == (
        b'element: "1.1.1"\nowner: Sam\nfinale: full  # a typo\nevidence:\n'
        b"  - title: T\n    colour: red\n"
    )
    assert _write(ELEMENT, raw, {"drop.0": "yes", "evidence.0.drop.0": "yes"}) == (
        b'element: "1.1.1"\nevidence:\n  - title: T\n'
    )


def test_a_cited_item_keeps_what_only_the_cited_item_may_give_until_ticked() -> None:
    raw = b'element: "1.1.1"\nevidence:\n  - ref: ES-NSS\n    title: Not its own\n'
    state = from_data(ELEMENT, load(raw, "f").data, "hash")
    assert state.lists["evidence"][0].kind == "ref"
    assert _write(ELEMENT, raw, {"evidence.0.notes": "2015 wave"}) == (
        b'element: "1.1.1"\nevidence:\n  - ref: ES-NSS\n    title: Not its own\n'
        b"    notes: 2015 wave\n"
    )


def test_citing_adds_a_ref_item_and_needs_a_choice() -> None:
    state = from_data(ELEMENT, {"element": "1.1.1"}, "")
    assert act(ELEMENT, state, "cite:evidence")[0] == "cite-evidence-q"
    state.values["cite.evidence.choice"] = "ES-NSS"
    assert act(ELEMENT, state, "cite:evidence") == ("f-evidence-0", None)
    assert state.lists["evidence"] == [ItemState(None, "ref", {"ref": "ES-NSS"})]


def test_each_citing_list_has_its_own_search_and_choice() -> None:
    other = Items(
        "other", "Other", "other item", (Field(("title",), "Title"),), (Field(("ref",), "Cites"),)
    )
    form = Form(fields=(), lists=(EVIDENCE, other))
    state = from_data(form, {}, "")
    state.values["cite.evidence.choice"] = "ES-NSS"
    assert act(form, state, "cite:other")[0] == "cite-other-q"
    assert act(form, state, "search:other") == ("cite-other-results", None)
    state.values["cite.other.choice"] = "TM-DESK"
    assert act(form, state, "cite:other") == ("f-other-0", None)
    assert state.lists == {"evidence": [], "other": [ItemState(None, "ref", {"ref": "TM-DESK"})]}


@pytest.mark.parametrize("action", ["", "refresh", "remove:evidence:9", "up:nothing:0", "x:y:z"])
def test_a_button_that_names_nothing_changes_nothing(action: str) -> None:
    state = from_data(ELEMENT, {"element": "1.1.1", "evidence": [{"title": "T"}]}, "")
    before = repr(state)
    act(ELEMENT, state, action)
    assert repr(state) == before


TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=60)
LONG = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r"), max_size=80)


@settings(max_examples=150, deadline=None)
@given(
    owner=TEXT,
    notes=LONG,
    questions=st.lists(TEXT, max_size=4),
    title=LONG,
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
def test_what_is_typed_reads_back_exactly(
    owner: str, notes: str, questions: list[str], title: str, day: dt.date
) -> None:
    raw = (BOLTON / "evidence" / "1.1.1.yaml").read_bytes()
    change = {
        "owner": owner,
        "notes": notes,
        "key_questions": "\n".join(questions),
        "evidence.0.title": title,
        "evidence.0.date.day": str(day.day),
        "evidence.0.date.month": str(day.month),
        "evidence.0.date.year": str(day.year),
    }
    back = load(_write(ELEMENT, raw, change), "evidence/1.1.1.yaml")
    assert back.problems == []
    data = back.data
    assert data.get("owner") == (owner.strip() or None)
    assert data.get("notes") == (notes.strip() or None)
    expected = [q.strip() for q in questions if q.strip()]
    assert data.get("key_questions") == (expected or None)
    assert data["evidence"][0].get("title") == (title.strip() or None)
    assert data["evidence"][0]["date"] == day
