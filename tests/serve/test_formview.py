"""A form as its templates show it: kinds, choices offered, inferred markings, ids, keys kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.resources import load_standard
from cse_cli.serve.fields import element_form
from cse_cli.serve.formstate import from_data
from cse_cli.serve.formview import form_view, unoffered

if TYPE_CHECKING:
    from cse_cli.serve.formview import FormView

ELEMENT = element_form(load_standard())
BASE = {
    "element": "1.1.1",
    "owner": "Sam",
    "colour": "red",
    "evidence": [
        {"title": "Survey", "service": "Old service", "date": "2026-03-01", "inferred": ["date"]},
        {"ref": "ES-NSS", "title": "Not its own"},
    ],
}
SOURCES = {"services": ["Libraries", "Housing"], "documents": ["documents/a.pdf"]}


def _view(
    change: dict[str, str] | None = None, sources: dict[str, list[str]] = SOURCES
) -> FormView:
    state = from_data(ELEMENT, BASE, "h")
    for key, value in (change or {}).items():
        index, _, name = key.partition(".")
        state.lists["evidence"][int(index)].values[name] = value
    return form_view(ELEMENT, state, BASE, sources)


def test_a_service_is_chosen_from_cse_yamls_and_the_files_own_value_stays_offered() -> None:
    view = _view()
    service = view.lists["evidence"][0].fields["service"]
    assert service.kind == "select"
    assert [c.value for c in service.choices if c.value] == ["Libraries", "Housing", "Old service"]
    assert unoffered(view) == []


def test_a_choice_not_offered_is_said_at_its_field() -> None:
    view = _view({"0.service": "Swimming"})
    assert unoffered(view) == [
        ("f-evidence-0-service", "Choose one from the list: 'Swimming' is not one of its choices")
    ]


def test_a_service_is_typed_when_cse_yaml_lists_none() -> None:
    view = _view({"0.service": "Swimming"}, {"services": [], "documents": []})
    assert view.lists["evidence"][0].fields["service"].kind == "text"
    assert unoffered(view) == []


def test_a_line_break_in_a_one_line_field_is_shown_in_a_box_that_keeps_it() -> None:
    view = _view({"0.owner": "Two\nlines"})
    assert view.lists["evidence"][0].fields["owner"].kind == "long"
    assert view.lists["evidence"][0].fields["title"].kind == "long"


def test_inferred_values_are_marked_at_their_fields() -> None:
    fields = _view().lists["evidence"][0].fields
    assert fields["date"].inferred
    assert not fields["title"].inferred


def test_every_place_a_problem_can_be_has_an_id_and_the_keys_kept_are_shown() -> None:
    view = _view()
    first, cited = view.lists["evidence"]
    assert first.fields["date"].id == "f-evidence-0-date"
    assert first.fields["date"].name == "evidence.0.date"
    assert cited.kind == "ref"
    assert [(k.spelled, k.text) for k in cited.kept] == [("title", '"Not its own"')]
    assert [(k.id, k.spelled) for k in view.kept] == [("f-colour", "colour")]
    assert {"f", "f-evidence", "f-development_points", "f-colour", "f-evidence-1"} <= view.ids
    assert "f-evidence-1-title" in view.ids  # the cited item's own title, kept
    assert "f-evidence-1-title" not in view.field_ids
    assert "f-evidence-1-notes" in view.field_ids
