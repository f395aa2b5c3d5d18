"""Development points followed up: whose words, where raised, each review's response and update."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.evidence import DevelopmentPoint
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard
from cse_cli.views.points import point_view
from tests.helpers import run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()
CONFIG = (
    "organisation: Test\n"
    "cycle:\n  visit: 2026-03-11\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
)
ELEMENT = """\
element: "1.1.1"
final: partial
development_points:
  - point: Publish the survey results
    by: organisation
    raised_at: final
    reviews:
      surveillance-1:
        response: Our own words about the survey
        update: The assessor saw the results page
  - point: Segment insight by ward
    by: assessor
    raised_at: final
    status: addressed
    addressed_at: surveillance-1
    addressed: 2027-03-10
"""


def test_a_point_says_who_wrote_it_and_what_was_inferred() -> None:
    own = point_view(STANDARD, "1.1.1", DevelopmentPoint(point="x", by="organisation"))
    assert own.source == "the organisation's own action"
    unknown = point_view(STANDARD, "1.1.1", DevelopmentPoint(point="x"))
    assert unknown.source == "who wrote it is not recorded"
    restated = point_view(
        STANDARD, "1.1.1", DevelopmentPoint(point="x", by="assessor", inferred=["point"])
    )
    assert restated.source == (
        "the assessor's point; wording inferred by the transcriber, not the source's"
    )


def test_a_point_addressed_at_the_first_surveillance_is_open_there_only() -> None:
    point = point_view(
        STANDARD,
        "1.1.1",
        DevelopmentPoint(point="x", status="addressed", addressed_at="surveillance-1"),
    )
    assert point.open_at(Stage.SURVEILLANCE_1)
    assert not point.open_at(Stage.SURVEILLANCE_2)
    assert point.addressed == "at the first surveillance"


def test_the_report_never_gives_the_organisations_words_as_the_assessors(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": ELEMENT}, CONFIG)
    result = run("report", str(root), "--format", "md")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert (
        "- **1.1.1** (open; the organisation's own action; raised at the final result): "
        "Publish the survey results<br>*First surveillance, the organisation's response:* Our own "
        "words about the survey<br>*First surveillance, the assessor's update:* The assessor saw "
        "the results page\n"
    ) in md
    assert "the assessor's point; raised at the final result; addressed at the first " in md
    assert "the assessor's update:* Our own words" not in md


def test_gap_json_says_who_wrote_each_open_point(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": ELEMENT}, CONFIG)
    result = run("gap", str(root), "--format", "json", "--as-of", "2027-01-01")
    assert result.exit_code == 0, result.stderr
    points = json.loads(result.stdout)["open_development_points"]
    assert points == [
        {
            "element": "1.1.1",
            "point": "Publish the survey results",
            "raised": None,
            "raised_at": "final",
            "by": "organisation",
            "source": "the organisation's own action",
        }
    ]


def test_bolton_never_shows_the_transcribers_words_as_the_assessors() -> None:
    from tests.helpers import BOLTON

    md = run("report", str(BOLTON), "--format", "md").stdout
    points = [line for line in md.splitlines() if line.startswith("- **") and "(open;" in line]
    assert len(points) == 8
    assert all(
        "the assessor's point; wording inferred by the transcriber, not the source's" in line
        for line in points
    )
    assert "2015-03-12" not in md  # the report gives the points no date
    assert "Student Services (service inferred)" in md
