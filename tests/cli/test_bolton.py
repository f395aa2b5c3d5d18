"""What `cse check` says about the University of Bolton, derived by hand from the report.

The assessor's analysis (reference 14/5167, transcribed in examples/bolton/RESULTS.md)
gives a desk-top (DTR) and a final result for every element. Counted by hand from the report:

desk-top: C1 4 F, 7 P; C2 1 F, 10 P; C3 4 F, 8 P; C4 13 P; C5 1 F, 9 P (5.2.5's
DTR is printed "Э": read as P, see its notes). Every criterion has more partials
than its maximum, so the standard is not met at the desk-top stage.

final: the partials are 1.3.3, 1.3.4 (C1: 9 of 11 full, 81.8%, within the maximum
of 2, met); none in C2 and C3 (met); 4.1.2, 4.1.3, 4.3.1 (C4: 3 partials is the
maximum the table allows, so met as the assessor applies the rules, with a note
that 10 of 13 is 76.9%, below a strict 80%: the case the README's scoring section names); 5.3.1,
5.3.2, 5.3.3 (C5: 3 partials over the maximum of 2, not met). So the final result
does not meet the standard either, because of criterion 5 alone. With
`rules: strict_share: true` criterion 4 fails on the share as well.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from tests.helpers import BOLTON, run

FINAL = {
    # number: (full, partial, met, the rules that fail)
    1: (9, 2, True, []),
    2: (11, 0, True, []),
    3: (12, 0, True, []),
    4: (10, 3, True, []),
    5: (7, 3, False, ["partials"]),
}
DESK_TOP = {
    1: (4, 7, False, ["partials"]),
    2: (1, 10, False, ["partials"]),
    3: (4, 8, False, ["partials"]),
    4: (0, 13, False, ["partials"]),
    5: (1, 9, False, ["partials"]),
}


@pytest.mark.parametrize(
    ("stage", "expected"), [("final", FINAL), ("latest", FINAL), ("desk-top", DESK_TOP)]
)
def test_bolton_counts(stage: str, expected: dict[int, tuple[int, int, bool, list[str]]]) -> None:
    result = run("check", str(BOLTON), "--stage", stage, "--format", "json")
    assert result.exit_code == 1  # valid evidence, standard not met
    report = json.loads(result.stdout)
    assert report["met"] is False
    assert report["problems"] == []
    for criterion in report["criteria"]:
        full, partial, met, rules = expected[criterion["number"]]
        assert (criterion["full"], criterion["partial"]) == (full, partial)
        assert criterion["compliance_plus"] == criterion["non_compliance"] == 0
        assert criterion["unrated"] == 0
        assert criterion["met"] is met
        assert [reason.split(":")[0] for reason in criterion["reasons"]] == rules


def test_bolton_final_partials_are_the_reports() -> None:
    result = run("check", str(BOLTON), "--stage", "final", "--format", "json")
    criteria = {c["number"]: c for c in json.loads(result.stdout)["criteria"]}
    assert criteria[4]["reasons"] == []
    assert criteria[4]["notes"] == [
        "share: 10 of 13 elements (76.9%) at full compliance or compliance plus, below a "
        "strict 80%; met, as the partials table the assessor applies allows 3 partials"
    ]
    assert criteria[5]["reasons"] == [
        "partials: 3 partial compliances (5.3.1, 5.3.2, 5.3.3), more than the maximum of 2"
    ]
    assert [c["number"] for c in criteria.values() if c["notes"]] == [4]


def test_bolton_final_with_the_strict_share(tmp_path: Path) -> None:
    copy = tmp_path / "bolton"
    shutil.copytree(BOLTON, copy)
    config = copy / "cse.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "rules:\n  strict_share: true\n",
        encoding="utf-8",
        newline="",
    )
    result = run("check", str(copy), "--stage", "final", "--format", "json")
    criteria = {c["number"]: c for c in json.loads(result.stdout)["criteria"]}
    assert criteria[4]["met"] is False
    assert [r.split(":")[0] for r in criteria[4]["reasons"]] == ["share"]
    assert [r.split(":")[0] for r in criteria[5]["reasons"]] == ["partials", "share"]
    assert criteria[4]["notes"] == []


def test_bolton_self_stage_is_unrated() -> None:
    # the report gives no self-assessment, so nothing is rated at that stage
    result = run("check", str(BOLTON), "--stage", "self", "--format", "json")
    assert result.exit_code == 1
    assert all(c["unrated"] == c["elements"] for c in json.loads(result.stdout)["criteria"])


# The services the report prints for an item, per element, checked by hand against the
# report (RESULTS.md, "What the transcription infers"): in the item's own words, a heading
# it sits under or its row's label. Every other `service:` must be marked inferred.
PRINTED_SERVICES = {
    "1.1.2": ["Library", "Reception"],
    "1.1.3": ["Library"],
    "1.3.4": ["Student Services"],  # "Targets within SS local plans"
    "1.3.5": ["Library", "Library"],
    "2.1.1": ["Careers"],
    "2.1.2": ["Careers", "Careers"],
    "2.1.3": ["Library", "Student Services"],
    "2.2.2": ["Student Services", "Careers"],
    "3.2.1": ["Library"],
    "3.2.3": ["Careers"],
    "3.4.1": ["Student Services", "Careers"],
    "4.1.1": ["Careers"],
    "4.1.2": ["Student Services", "Careers", "Careers"],
    "4.2.1": ["Library", "Careers"],
    "4.2.2": ["Library"],
    "4.2.3": ["Careers"],
    "4.3.1": ["Careers"],
    "5.3.1": ["Student Services"],
}


def test_bolton_marks_every_service_the_report_does_not_print() -> None:
    evidence = open_repository(BOLTON, load_standard())
    items = [(e.element, i) for e in evidence.elements.values() for i in e.evidence]
    services = [(element, i) for element, i in items if i.service is not None]
    printed: dict[str, list[str]] = {}
    for element, item in services:
        if "service" not in item.inferred:
            printed.setdefault(element, []).append(item.service or "")
    assert printed == PRINTED_SERVICES
    assert (len(services), sum(map(len, printed.values()))) == (113, 27)  # 86 inferred
    assert all(set(i.inferred) <= {"service", "title"} for _, i in items)


def test_bolton_marks_the_grouping_it_cannot_read() -> None:
    evidence = open_repository(BOLTON, load_standard())
    marked = [
        (e.element, (i.title or "")[:30])
        for e in evidence.elements.values()
        for i in e.evidence
        if "title" in i.inferred
    ]
    assert marked == [
        ("3.4.1", "… customer and address their n"),
        ("3.4.2", "Halls – we link with The Stude"),
        ("4.1.2", "Feedback on performance is obt"),
        ("4.1.2", "Support providers, for example"),
    ]
    # 3.4.2 prints the fragment after 3.4.1's lost line, not the referrals sentence before it
    assert [i.ref for i in evidence.elements["3.4.2"].evidence][:2] == [
        "ADDRESS-THEIR-NEEDS",
        "HALLS-LANDLORD-LINKS",
    ]
    md = run("report", str(BOLTON), "--format", "md").stdout
    assert md.count("wording or grouping inferred") == 5  # 3.4.2 cites the fragment
