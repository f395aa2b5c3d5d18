"""`cse gap --visit`: the on-site evidence by person, then place, as text and JSON."""

from __future__ import annotations

import json

from tests.helpers import ANYTOWN, BOLTON, run


def test_json_lists_people_then_places_then_items() -> None:
    result = run("gap", str(ANYTOWN), "--visit", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "organisation", "visit", "service", "owner", "items", "people", "without_on_site",
    ]  # fmt: skip
    assert (data["visit"], data["items"]) == ("2026-03-11", 6)
    assert [p["person"] for p in data["people"]] == [
        "Benefits officer", "Contact centre team leader", "Library assistant",
        "Residents' panel chair", None,
    ]  # fmt: skip
    floor = data["people"][1]["places"][0]
    assert floor["place"] == "Contact centre, Civic Offices"
    assert floor["items"][0] == {
        "id": "AT-TM-CC-FLOOR",
        "title": "Advisers show how the caller profile screen records each customer group",
        "elements": ["1.1.1", "1.2.1", "3.2.1"],
        "service": "Contact Centre",
        "notes": "Best seen between 10:00 and 12:00, when calls peak",
        "cited_notes": [
            {"element": "1.2.1", "notes": "Ask how panel findings reach the advisers' scripts"}
        ],
        "inferred": [],
    }
    assert len(data["without_on_site"]) == 57 - 6


def test_text_names_each_person_and_place_once_with_its_items() -> None:
    result = run("gap", str(ANYTOWN), "--visit", "--owner", "housing manager")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("Anytown Borough Council")
    assert "Narrowed to owner Housing Manager." in lines
    assert "3 on-site items for 2 elements, by person or role, then by place." in lines
    people = ["Contact centre team leader", "Residents' panel chair"]
    assert [line for line in lines if line in people] == people
    assert lines.count("Contact centre, Civic Offices") == 1
    assert "• The call-answering wallboard (for 5.2.3; Contact Centre)" in lines


def test_a_repository_with_no_on_site_evidence_says_so() -> None:
    result = run("gap", str(BOLTON), "--visit")
    assert result.exit_code == 0, result.stderr
    assert "No on-site evidence is listed yet: give elements on_site: items." in result.stdout


def test_visit_with_as_of_is_refused_not_ignored() -> None:
    result = run("gap", str(ANYTOWN), "--visit", "--as-of", "2026-03-11")
    assert result.exit_code == 2
    assert result.stderr == (
        "cse: error: --visit and --as-of: --as-of dates the gap's stale evidence, and the "
        "visit plan has none; leave --as-of out\n"
    )


def test_visit_and_review_together_are_refused() -> None:
    result = run("gap", str(ANYTOWN), "--visit", "--review", "surveillance-1")
    assert result.exit_code == 2
    assert result.stderr == (
        "cse: error: --visit and --review: choose one (the visit plan, or a surveillance's)\n"
    )
