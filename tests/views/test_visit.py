"""On-site evidence as the outputs show it, and the visit day planned by person and place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cse_cli.core.evidence import OnSiteItem
from cse_cli.core.problems import CseError
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.views.visit import build_visit, element_on_site, on_site_view
from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.views.visit import VisitPlan

CONFIG = (
    'organisation: "Test Council"\nservices: [Library, Contact Centre]\n'
    "cycle:\n  desk_top_review: 2026-03-09\n  visit: 2026-03-11\n"
)
FILES = {
    "evidence/1.1.1.yaml": 'element: "1.1.1"\nowner: Ann\non_site:\n'
    "  - id: DESK\n    title: Advisers explain the complaints log\n"
    "    person: Customer services adviser\n    place: Town hall reception\n"
    "    service: Contact Centre\n    notes: Mornings\n"
    "  - title: The wallboard\n    person: customer services adviser\n"
    "    place: Contact centre\n    inferred: [place]\n",
    "evidence/1.2.1.yaml": 'element: "1.2.1"\nowner: Bob\nevidence:\n  - title: Plan\n'
    "on_site:\n  - ref: DESK\n    notes: Ask about the panel too\n"
    "  - title: The leaflet rack\n    place: Town hall reception\n    service: Library\n",
    "evidence/2.1.1.yaml": 'element: "2.1.1"\nowner: Bob\non_site:\n  - ref: DESK\n'
    "  - title: Talk to a librarian\n    person: Librarian\n    service: Library\n",
}


def _plan(tmp_path: Path, **narrowed: str) -> VisitPlan:
    standard = load_standard()
    evidence = open_repository(write_repo(tmp_path / "repo", FILES, CONFIG), standard)
    assert evidence.problems == []
    return build_visit(standard, evidence, **narrowed)


def _shape(plan: VisitPlan) -> list[tuple[str | None, str | None, str, tuple[str, ...]]]:
    return [
        (person.person, place.place, item.title, item.elements)
        for person in plan.people
        for place in person.places
        for item in place.items
    ]


def test_items_are_by_person_then_place_each_once_with_every_element_it_supports(
    tmp_path: Path,
) -> None:
    plan = _plan(tmp_path)
    assert _shape(plan) == [
        ("Customer services adviser", "Contact centre", "The wallboard", ("1.1.1",)),
        ("Customer services adviser", "Town hall reception",
         "Advisers explain the complaints log", ("1.1.1", "1.2.1", "2.1.1")),
        ("Librarian", None, "Talk to a librarian", ("2.1.1",)),
        (None, "Town hall reception", "The leaflet rack", ("1.2.1",)),
    ]  # fmt: skip
    desk = plan.people[0].places[1].items[0]
    assert (desk.id, desk.notes, desk.cited_notes) == (
        "DESK", "Mornings", (("1.2.1", "Ask about the panel too"),),
    )  # fmt: skip
    assert plan.people[0].places[0].items[0].inferred == ("place",)
    assert plan.items == 4
    assert plan.visit is not None
    assert plan.visit.isoformat() == "2026-03-11"
    assert plan.without_on_site[:3] == ("1.1.2", "1.1.3", "1.2.2")
    assert "1.1.1" not in plan.without_on_site
    assert len(plan.without_on_site) == 57 - 3


def test_a_service_or_owner_narrows_the_plan(tmp_path: Path) -> None:
    library = _plan(tmp_path, service="library")
    assert library.service == "Library"
    assert [title for _, _, title, _ in _shape(library)] == [
        "Talk to a librarian", "The leaflet rack",
    ]  # fmt: skip
    bob = _plan(tmp_path, owner="BOB")
    # the desk, defined by Ann's element, is listed for Bob's elements that cite it
    assert [(title, elements) for _, _, title, elements in _shape(bob)] == [
        ("Advisers explain the complaints log", ("1.2.1", "2.1.1")),
        ("Talk to a librarian", ("2.1.1",)),
        ("The leaflet rack", ("1.2.1",)),
    ]
    assert bob.without_on_site == ()
    with pytest.raises(CseError, match="--service 'Careers' names no service"):
        _plan(tmp_path, service="Careers")


def test_an_element_lists_its_on_site_items_resolved_with_a_refs_own_notes(
    tmp_path: Path,
) -> None:
    standard = load_standard()
    evidence = open_repository(write_repo(tmp_path / "repo", FILES, CONFIG), standard)
    assert [(v.title, v.details) for v in element_on_site(evidence, "1.2.1")] == [
        ("Advisers explain the complaints log",
         "with Customer services adviser; at Town hall reception; Contact Centre; "
         "notes: Mornings; notes here: Ask about the panel too"),
        ("The leaflet rack", "at Town hall reception; Library"),
    ]  # fmt: skip
    assert element_on_site(evidence, "5.3.3") == ()


def test_inferred_values_say_so() -> None:
    item = OnSiteItem(title="Desk", person="Adviser", place="Hall", inferred=["person", "title"])
    assert on_site_view(item).details == (
        "with Adviser (person inferred); at Hall; wording or grouping inferred"
    )
