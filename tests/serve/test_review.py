"""A surveillance review's form: every key of the file, a new file made in its own clean layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import Served, form_of, post_form, run, snapshot

if TYPE_CHECKING:
    from pathlib import Path


def test_every_key_of_the_review_file_has_its_field(served: Served) -> None:
    form = form_of(served.request("GET", "/reviews/surveillance-1").text)
    assert form["date.day"] == "10"
    assert form["category_after"] == "Low"
    assert form["on_site"] == "true"
    assert form["documents.complaints.path"] == "documents/complaints-2026.md"
    assert form["documents.performance_data.ref"] == "AT-PERFORMANCE"
    assert form["documents.complaints.received.day"] == "12"
    assert form["plan.count"] == "2"
    assert form["plan.0.people"] == "Head of Customer Services\nHousing Manager"
    assert form["plan.1.time"] == "11:30-13:00"
    assert form["changes.criterion_4"].startswith("Quarterly performance page")
    assert form["summary"].startswith("Good progress on the development points")


def test_a_new_review_file_gets_its_schema_line_and_the_values_in_order(
    served: Served, repo: Path
) -> None:
    (repo / "reviews/surveillance-2.yaml").unlink()
    form = form_of(served.request("GET", "/reviews/surveillance-2").text)
    assert form["hash"] == ""
    form.update({
        "date.day": "8", "date.month": "3", "date.year": "2028", "assessor": "A. Assessor",
        "category_before": "Low", "on_site": "false", "documents.complaints.path":
        "documents/complaints-2027.md", "documents.complaints.received.day": "1",
        "documents.complaints.received.month": "2", "documents.complaints.received.year": "2028",
        "action": "add:plan",
    })  # fmt: skip
    answer = post_form(served, "/reviews/surveillance-2", form)
    form = form_of(answer.text)
    form.update({"plan.0.date.day": "8", "plan.0.date.month": "3", "plan.0.date.year": "2028"})
    form["plan.0.people"] = "Head of Customer Services\r\nHousing Manager"
    assert post_form(served, "/reviews/surveillance-2", form).status == 303
    assert (repo / "reviews/surveillance-2.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../.cse/review.schema.json\n"
        "# The second surveillance: what Sections 2 and 3 of the assessor's record ask for.\n"
        "date: 2028-03-08\n"
        "assessor: A. Assessor\n"
        "category_before: Low\n"
        "on_site: false\n"
        "documents:\n"
        "  complaints:\n"
        "    path: documents/complaints-2027.md\n"
        "    received: 2028-02-01\n"
        "plan:\n"
        "  - date: 2028-03-08\n"
        "    people:\n"
        "      - Head of Customer Services\n"
        "      - Housing Manager\n"
    )
    assert run("check", str(repo)).exit_code == 0


def test_a_bad_value_is_refused_at_its_field(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    form = {**form_of(served.request("GET", "/reviews/surveillance-1").text), "days": "two"}
    answer = post_form(served, "/reviews/surveillance-1", form)
    assert answer.status == 400
    assert "days: expected a number, not &#39;two&#39;" in answer.text
    assert 'id="f-days-error1"' in answer.text
    assert snapshot(repo) == before


def test_a_review_the_cycle_does_not_have_is_not_found(served: Served) -> None:
    assert served.request("GET", "/reviews/surveillance-3").status == 404
    assert post_form(served, "/reviews/surveillance-3", {}).status == 404
