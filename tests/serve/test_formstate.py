"""What a form holds, from a file's data or from what the browser sent; what it cannot show."""

from __future__ import annotations

import pytest

from cse_cli.io.resources import load_standard
from cse_cli.serve.fields import element_form
from cse_cli.serve.formstate import ItemState, from_data, from_post, get, kept, unshowable

ELEMENT = element_form(load_standard())


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (["x"], "the file is not a mapping of keys and values"),
        ({"owner": ["a", "b"]}, "owner holds a list where the form shows text"),
        ({"evidence": "x"}, "evidence holds text where the form shows a list of items"),
        ({"evidence": {"a": 1}}, "evidence holds a mapping where the form shows a list of items"),
        ({"evidence": ["x"]}, "evidence[0] is not a mapping of keys and values"),
        (
            {"evidence": [{"title": "T", "date": {"day": 1}}]},
            "evidence[0].date holds a mapping where the form shows text",
        ),
        (
            {"development_points": [{"point": "P", "reviews": "text"}]},
            "development_points[0].reviews holds text where the form shows keys and values",
        ),
    ],
)
def test_what_the_form_cannot_show_is_said_with_its_place(data: object, why: str) -> None:
    assert unshowable(ELEMENT, data) == why


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"element": "1.1.1", "final": 3, "key_questions": "one", "colour": ["kept", "as is"]},
        {"development_points": ["Open, written as a line"], "evidence": [{"ref": "X"}]},
    ],
)
def test_what_the_form_can_show_or_keep_is_shown(data: object) -> None:
    assert unshowable(ELEMENT, data) is None


def test_a_point_written_as_a_line_is_its_wording() -> None:
    state = from_data(ELEMENT, {"development_points": ["Do X"]}, "h")
    [point] = state.lists["development_points"]
    assert (point.origin, point.kind, point.values["point"]) == (0, "", "Do X")
    assert point.values["status"] == "open"  # the model's default, shown as chosen
    assert point.values["progress"] == ""
    assert state.hash == "h"


def test_the_lists_are_read_in_the_order_shown_with_where_each_item_was() -> None:
    sent = {
        "hash": "h",
        "owner": "Sam",
        "cite.evidence.q": "survey",
        "evidence.count": "3",
        "evidence.0.origin": "2",
        "evidence.0.title": "Third, moved up",
        "evidence.1.origin": "",
        "evidence.1.kind": "ref",
        "evidence.1.ref": "ES-NSS",
        "evidence.2.origin": "20000",
        "evidence.2.title": "An origin past the limit",
        "development_points.count": "1",
        "development_points.0.kind": "ref",
        "development_points.0.point": "P",
    }
    state = from_post(ELEMENT, sent)
    assert state.hash == "h"
    assert state.values == {"hash": "h", "owner": "Sam", "cite.evidence.q": "survey"}
    assert state.lists["evidence"] == [
        ItemState(2, "", {"title": "Third, moved up"}),
        ItemState(None, "ref", {"ref": "ES-NSS"}),
        ItemState(None, "", {"title": "An origin past the limit"}),
    ]
    assert state.lists["development_points"] == [ItemState(None, "", {"point": "P"})]


@pytest.mark.parametrize("count", ["", "-1", "two", "20001"])
def test_a_count_that_is_not_one_reads_no_item(count: str) -> None:
    state = from_post(ELEMENT, {"evidence.count": count, "evidence.0.title": "T"})
    assert state.lists["evidence"] == []


def test_keys_the_form_has_no_field_for_are_found_in_order_and_looked_into() -> None:
    names = [("owner",), ("documents", "policy", "path"), ("documents", "policy", "url")]
    data = {
        "colour": "red",
        "owner": "Sam",
        "documents": {"policy": {"path": "p", "size": 3}, "other": {"path": "q"}},
        "finale": "full",
    }
    assert kept(names, data) == [
        (("colour",), "red"),
        (("documents", "policy", "size"), 3),
        (("documents", "other"), {"path": "q"}),
        (("finale",), "full"),
    ]
    assert kept(names, ["not", "a", "mapping"]) == []


def test_a_value_is_found_by_its_keys_and_places_or_is_none() -> None:
    data = {"evidence": [{"title": "T"}]}
    assert get(data, ("evidence", 0, "title")) == "T"
    assert get(data, ("evidence", 1, "title")) is None
    assert get(data, ("evidence", -1)) is None
    assert get(data, ("evidence", "0")) is None
    assert get(data, ()) is data
