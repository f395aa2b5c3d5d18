"""The forms' description: a place for every key the model reads, and the lists whose items cite."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.evidence import (
    DevelopmentPoint,
    ElementFile,
    EvidenceItem,
    OnSiteItem,
    PointReview,
)
from cse_cli.core.reviews import DocumentSent, PlanVisit, Review
from cse_cli.core.stages import REVIEWS
from cse_cli.io.resources import load_cycle, load_standard
from cse_cli.serve.fields import CITING, element_form, review_form

if TYPE_CHECKING:
    from cse_cli.serve.fields import Field

STANDARD = load_standard()
ELEMENT = element_form(STANDARD)
REQUESTED = load_cycle().documents
REVIEW = review_form(REQUESTED, [(c.number, c.title) for c in STANDARD.criteria])


def _keys(fields: tuple[Field, ...], depth: int = 0) -> set[str]:
    return {f.path[depth] for f in fields if len(f.path) > depth}


def test_the_element_form_has_a_place_for_every_key_of_an_element_file() -> None:
    shown = _keys(ELEMENT.fields) | {i.key for i in ELEMENT.lists} | set(ELEMENT.fixed)
    assert shown == set(ElementFile.model_fields)


def test_an_item_of_each_list_and_a_development_point_have_a_field_for_every_key() -> None:
    evidence = ELEMENT.items("evidence")
    assert _keys(evidence.fields) == set(EvidenceItem.model_fields) - {"ref"}
    assert _keys(evidence.ref_fields) == {"ref", "notes", "inferred"}
    on_site = ELEMENT.items("on_site")
    assert _keys(on_site.fields) == set(OnSiteItem.model_fields) - {"ref"}
    assert _keys(on_site.ref_fields) == {"ref", "notes", "inferred"}
    points = ELEMENT.items("development_points").fields
    assert _keys(points) == set(DevelopmentPoint.model_fields)
    per_review = {f.path[1:] for f in points if f.path[0] == "reviews"}
    assert per_review == {(s.value, key) for s in REVIEWS for key in PointReview.model_fields}


def test_the_review_form_has_a_place_for_every_key_of_a_review_file() -> None:
    assert _keys(REVIEW.fields) | {i.key for i in REVIEW.lists} == set(Review.model_fields)
    assert _keys(REVIEW.items("plan").fields) == set(PlanVisit.model_fields)
    documents = [f for f in REVIEW.fields if f.path[0] == "documents"]
    assert {f.path[1] for f in documents} == {d.key for d in REQUESTED}
    for document in REQUESTED:
        mine = tuple(f for f in documents if f.path[1] == document.key)
        assert _keys(mine, 2) == set(DocumentSent.model_fields)
    changes = {f.path[1] for f in REVIEW.fields if f.path[0] == "changes"}
    assert changes == {f"criterion_{c.number}" for c in STANDARD.criteria}


def test_every_citing_list_is_on_the_element_form_before_the_points_and_cites_by_ref() -> None:
    assert [i.key for i in ELEMENT.lists] == [*(i.key for i in CITING), "development_points"]
    assert all(i.ref_fields and i.ref_fields[0].path == ("ref",) for i in CITING)
    assert not ELEMENT.items("development_points").ref_fields
