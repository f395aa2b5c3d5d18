"""`cse diff` shows every field of the assessor's table, and its JSON every element list."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import element_yaml, run, write_repo

BEFORE = element_yaml("1.1.1", final="full", owner="Ann", verified_on_site="false")
AFTER = element_yaml(
    "1.1.1",
    final="full",
    owner="Bob",
    verified_on_site="true",
    key_questions="[How are customers segmented?]",
    visit_evidence="Charts seen on site",
    compliance_plus="Sector-leading research",
    notes="Checked",
)


def _diff(tmp_path: Path, *extra: str) -> str:
    base = write_repo(
        tmp_path / "base",
        {"evidence/1.1.1.yaml": BEFORE, "evidence/1.1.2.yaml": element_yaml("1.1.2")},
    )
    head = write_repo(
        tmp_path / "head",
        {
            "evidence/1.1.1.yaml": AFTER,
            "evidence/1.1.3.yaml": element_yaml("1.1.3"),
            "evidence/1.2.1.yaml": "element: [\n",
        },
    )
    result = run("diff", "--base-dir", str(base), "--head-dir", str(head), *extra)
    assert "Traceback" not in result.output
    return result.stdout


def test_every_field_change_is_shown(tmp_path: Path) -> None:
    text = _diff(tmp_path)
    assert "No change to the evidence" not in text
    assert "6 other fields changed" in text
    for line in [
        "  1.1.1 owner: Ann → Bob",
        "  1.1.1 verified_on_site: no → yes",
        "  1.1.1 key_questions: (none) → How are customers segmented?",
        "  1.1.1 visit_evidence: (none) → Charts seen on site",
        "  1.1.1 compliance_plus: (none) → Sector-leading research",
        "  1.1.1 notes: (none) → Checked",
    ]:
        assert line in text.splitlines(), text


def test_markdown_shows_them_in_a_table(tmp_path: Path) -> None:
    markdown = _diff(tmp_path, "--format", "md")
    assert "<summary>Other fields changed (6)</summary>" in markdown
    assert "| 1.1.1 | owner | Ann | Bob |" in markdown


def test_json_has_the_elements_added_removed_and_not_compared(tmp_path: Path) -> None:
    report = json.loads(_diff(tmp_path, "--format", "json"))
    assert report["elements"] == {
        "added": ["1.1.3"],
        "removed": ["1.1.2"],
        "not_compared": ["1.2.1"],
    }
    assert {f["field"] for f in report["fields_changed"]} == {
        "owner", "verified_on_site", "key_questions", "visit_evidence", "compliance_plus", "notes",
    }  # fmt: skip
    assert report["fields_changed"][0] == {
        "element": "1.1.1", "field": "owner", "before": "Ann", "after": "Bob"
    }  # fmt: skip
