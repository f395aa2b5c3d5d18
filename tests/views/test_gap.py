"""`cse gap`: the `to_raise` arithmetic, the gap view model, its text and JSON forms."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from cse_cli.core.problems import CseError
from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import ratings_at, score
from cse_cli.core.stages import Stage
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.render.gap import plan, to_text
from cse_cli.views.gap import build_gap, closest_first, months_before
from tests.helpers import ANYTOWN, BOLTON, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.views.gap import Gap

AS_OF = dt.date(2025, 6, 30)
F, P, NC, CP = Rating.FULL, Rating.PARTIAL, Rating.NON_COMPLIANCE, Rating.COMPLIANCE_PLUS


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 6, 30), 12, dt.date(2024, 6, 30)),
        (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2025, 1, 15), 13, dt.date(2023, 12, 15)),
        (dt.date(2025, 1, 15), 120, dt.date(2015, 1, 15)),
        (dt.date(2, 3, 4), 14, dt.date(1, 1, 4)),
        (dt.date(1, 6, 1), 12, dt.date.min),  # year 0 cannot be written: nothing is before it
        (dt.date(1, 1, 1), 1, dt.date.min),
        (dt.date(9999, 12, 31), 119988, dt.date.min),
    ],
    ids=[
        "a-year",
        "leap-day",
        "short-month",
        "across-two-years",
        "ten-years",
        "into-year-1",
        "into-year-0",
        "the-first-day",
        "ten-thousand-years",
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


# the gap view model ------------------------------------------------------------

ITEM = "  - title: Survey results\n    service: Library\n    date: 2025-01-10\n"


def _element(element_id: str, body: str = "") -> str:
    if not body:
        body = f"owner: Library lead\nfinal: full\nevidence:\n{ITEM}"
    return f'element: "{element_id}"\n{body}'


def full_repo(root: Path, overrides: dict[str, str], config: str = "") -> Path:
    """Every element full with one dated item, except the bodies in `overrides`."""
    files: dict[str, str | bytes] = {
        f"evidence/{e}.yaml": _element(e, overrides.get(e, ""))
        for e in load_standard().element_ids()
    }
    head = 'organisation: "Test Council"\nservices: [Library, Careers]\n'
    return write_repo(root, files, config=head + config)


def gap_of(root: Path, *, stage: str = "latest", **filters: str) -> Gap:
    standard = load_standard()
    evidence = open_repository(root, standard)
    assert evidence.problems == []
    verdict = score(standard, ratings_at(evidence.elements, Stage(stage)), Stage(stage))
    return build_gap(standard, evidence, verdict, as_of=AS_OF, **filters)


@pytest.fixture
def varied(tmp_path: Path) -> Path:
    """A repository with one element in each state that gap reports."""
    return full_repo(
        tmp_path / "repo",
        {
            "1.1.1": "owner: Careers lead\nfinal: partial\nevidence:\n"
            "  - id: SHARED\n    title: Careers survey\n    service: Careers\n"
            "development_points:\n  - Survey every careers customer group\n"
            "  - point: Done already\n    status: addressed\n",
            "1.1.2": "owner: Careers lead\nfinal: non-compliance\nevidence:\n  - ref: SHARED\n",
            "1.1.3": "owner: Library lead\nfinal: full\nevidence: []\n",
            "1.2.1": "owner: Library lead\nfinal: compliance-plus\nevidence:\n" + ITEM,
            "1.2.2": "owner: Library lead\nfinal: compliance-plus\n"
            "compliance_plus: Beyond the standard\nevidence:\n" + ITEM,
            "1.2.3": "owner: Library lead\nevidence:\n" + ITEM,
            "2.1.1": "owner: Library lead\nfinal: full\nevidence:\n"
            "  - title: Old charter\n    service: Library\n    date: 2024-06-29\n"
            "  - title: Charter a year old\n    service: Library\n    date: 2024-06-30\n"
            "  - title: Old careers leaflet\n    service: Careers\n    date: 2020-01-01\n",
            "3.1.1": "owner: Library lead\nfinal: full\ndevelopment_points:\n"
            "  - point: Keep the leaflets current\n    raised: 2025-03-12\n",
        },
    )


def test_gap_lists_every_state(varied: Path) -> None:
    gap = gap_of(varied)
    first = gap.criteria[0]
    assert (first.met, first.to_raise) == (False, 2)
    assert first.must_raise == (("1.1.2", NC), ("1.2.3", None))
    assert (first.then_raise, first.partials) == (0, ("1.1.1",))
    assert [(e.element, e.rating, e.owner) for e in first.elements] == [
        ("1.1.1", P, "Careers lead"),
        ("1.1.2", NC, "Careers lead"),
        ("1.2.3", None, "Library lead"),
    ]
    assert first.elements[0].development_points == ("Survey every careers customer group",)
    assert first.elements[0].text.startswith("We have an in-depth understanding")
    assert [c.met for c in gap.criteria[1:]] == [True, True, True, True]
    assert [n.element for n in gap.without_evidence] == ["1.1.3", "3.1.1"]
    assert [n.element for n in gap.unsupported] == ["1.1.3", "3.1.1"]
    assert [n.element for n in gap.unjustified_compliance_plus] == ["1.2.1"]
    assert [(i.element, i.title, i.date) for i in gap.stale] == [
        ("2.1.1", "Old careers leaflet", dt.date(2020, 1, 1)),
        ("2.1.1", "Old charter", dt.date(2024, 6, 29)),
    ]
    assert [(i.element, i.title) for i in gap.undated] == [("1.1.1", "Careers survey")]
    assert [(p.element, p.point, p.raised) for p in gap.open_development_points] == [
        ("1.1.1", "Survey every careers customer group", None),
        ("3.1.1", "Keep the leaflets current", dt.date(2025, 3, 12)),
    ]
    assert gap.stale_before == dt.date(2024, 6, 30)


def test_plan_says_which_elements_to_raise(varied: Path, tmp_path: Path) -> None:
    gap = gap_of(varied)
    assert plan(gap.criteria[0]) == (
        "raise 2 to full compliance: 1.1.2 (non-compliance) and 1.2.3 (unrated)"
    )
    assert plan(gap.criteria[1]) == "met: nothing to raise"
    partials = dict.fromkeys(("1.1.1", "1.1.2", "1.1.3", "1.2.1"), "final: partial\n")
    root = full_repo(tmp_path / "partials", {**partials, "1.2.2": "final: non-compliance\n"})
    assert plan(gap_of(root).criteria[0]) == (
        "raise 3 to full compliance: 1.2.2 (non-compliance) "
        "and 2 of the 4 partials (1.1.1, 1.1.2, 1.1.3, 1.2.1)"
    )


def test_stale_after_months_comes_from_cse_yaml(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo", {}, config="stale_after_months: 5\n")
    gap = gap_of(root)
    assert gap.stale_before == dt.date(2025, 1, 30)
    assert len(gap.stale) == 57
    assert gap.stale[0] == type(gap.stale[0])("1.1.1", "Survey results", dt.date(2025, 1, 10))


def test_service_narrows_the_lists_not_the_verdict(varied: Path) -> None:
    whole, careers = gap_of(varied), gap_of(varied, service="careers")
    assert careers.service == "Careers"
    assert [(c.met, c.to_raise, c.reasons) for c in careers.criteria] == [
        (c.met, c.to_raise, c.reasons) for c in whole.criteria
    ]
    assert [e.element for e in careers.criteria[0].elements] == ["1.1.1", "1.1.2"]
    assert careers.without_evidence == ()
    assert [i.title for i in careers.stale] == ["Old careers leaflet"]
    assert [i.title for i in careers.undated] == ["Careers survey"]
    assert [p.element for p in careers.open_development_points] == ["1.1.1"]


def test_owner_narrows_the_lists_not_the_verdict(varied: Path) -> None:
    gap = gap_of(varied, owner="CAREERS LEAD")
    assert gap.owner == "Careers lead"
    assert gap.criteria[0].to_raise == 2
    assert [e.element for e in gap.criteria[0].elements] == ["1.1.1", "1.1.2"]
    assert gap.stale == ()
    assert gap.unjustified_compliance_plus == ()


def test_unknown_service_or_owner_is_an_error(varied: Path) -> None:
    with pytest.raises(CseError) as service:
        gap_of(varied, service="Libary")
    assert str(service.value) == (
        "--service 'Libary' names no service: the services are Careers, Library "
        "(did you mean 'Library'?)"
    )
    with pytest.raises(CseError) as owner:
        gap_of(varied, owner="Nobody")
    assert str(owner.value) == (
        "--owner 'Nobody' owns no element: the owners are Careers lead, Library lead"
    )


def test_stage_changes_what_is_below_full(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo", {"1.1.1": "self_assessment: partial\nfinal: full\n"})
    first = gap_of(root, stage="self").criteria[0].elements[0]
    assert (first.element, first.rating) == ("1.1.1", P)
    assert gap_of(root, stage="final").criteria[0].elements == ()


# text and JSON -----------------------------------------------------------------


def _screen(gap: Gap, width: int = 100) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    console.print(to_text(gap).renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_text_says_what_to_fix_first_and_why(varied: Path) -> None:
    lines = _screen(gap_of(varied))
    assert lines[0] == "Test Council: gaps at the latest stage, as of 2025-06-30"
    assert "Not met: criterion 1 falls short (indicative: the certification body decides)." in lines
    start = lines.index("What to fix first: the criteria closest to being met")
    assert lines[start + 1 : start + 3] == [
        "  1.  Criterion 1 Customer Insight: raise 2 to full compliance: 1.1.2 (non-compliance)"
        " and 1.2.3",
        "      (unrated)",
    ]
    assert "    1.1.1  P Partial Compliance · owner: Careers lead" in lines
    assert "           Open development point: Survey every careers customer group" in lines
    assert "    1.2.3  Unrated · owner: Library lead" in lines
    stale = lines.index(
        "Stale evidence: dated before 2024-06-30, more than 12 months before 2025-06-30"
    )
    assert lines[stale + 1 : stale + 3] == [
        "  2.1.1  2020-01-01 Old careers leaflet",
        "  2.1.1  2024-06-29 Old charter",
    ]
    points = lines.index("Open development points")
    assert lines[points + 1 :] == [
        "  3.1.1  raised 2025-03-12 (who wrote it is not recorded): Keep the leaflets current",
        "  and the 1 shown above, on the elements below full.",
    ]


def test_a_long_list_shows_its_first_rows_then_how_many_more(tmp_path: Path) -> None:
    # 57 stale items (one an element): the screen lists 50 and counts the 7 more
    root = full_repo(tmp_path / "repo", {}, config="stale_after_months: 5\n")
    gap = gap_of(root)
    lines = _screen(gap)
    start = next(i for i, line in enumerate(lines) if line.startswith("Stale evidence:"))
    listed = lines[start + 1 : start + 51]
    assert [line.split()[0] for line in listed] == [i.element for i in gap.stale[:50]]
    assert lines[start + 51] == (
        "  and 7 more stale items in 7 elements: `cse gap --format json` lists every one."
    )
    assert len(json.loads(run("gap", str(root), "--format", "json").stdout)["stale"]) == 57


def test_text_escapes_nothing_into_markup(tmp_path: Path) -> None:
    root = full_repo(
        tmp_path / "repo", {"1.1.1": "owner: '[bold red]Boss[/]'\nfinal: partial\nevidence: []\n"}
    )
    assert "    1.1.1  P Partial Compliance · owner: [bold red]Boss[/]" in _screen(gap_of(root))


def test_json_holds_the_contract_keys(varied: Path) -> None:
    result = run("gap", str(varied), "--format", "json", "--as-of", "2025-06-30")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    for key in ("stage", "as_of", "criteria", "without_evidence", "unsupported", "stale"):
        assert key in data
    assert {"undated", "open_development_points"} <= set(data)
    assert (data["stage"], data["as_of"]) == ("latest", "2025-06-30")
    first = data["criteria"][0]
    assert {k: first[k] for k in ("number", "title", "met", "to_raise")} == {
        "number": 1,
        "title": "Customer Insight",
        "met": False,
        "to_raise": 2,
    }
    assert first["reasons"][0].startswith("non-compliance: 1 element rated non-compliance")
    assert {k: first["elements"][0][k] for k in ("element", "rating", "owner")} == {
        "element": "1.1.1",
        "rating": "partial",
        "owner": "Careers lead",
    }
    assert first["elements"][0]["development_points"] == ["Survey every careers customer group"]
    assert first["elements"][2]["rating"] is None
    assert data["stale"][0] == {
        "element": "2.1.1",
        "title": "Old careers leaflet",
        "date": "2020-01-01",
    }
    assert data["undated"] == [{"element": "1.1.1", "title": "Careers survey"}]
    assert data["open_development_points"][1] == {
        "element": "3.1.1",
        "point": "Keep the leaflets current",
        "raised": "2025-03-12",
        "raised_at": None,
        "by": None,
        "source": "who wrote it is not recorded",
    }
    assert data["without_evidence"][0] == {
        "element": "1.1.3",
        "rating": "full",
        "owner": "Library lead",
    }
    assert data["compliance_plus_without_justification"] == [
        {"element": "1.2.1", "rating": "compliance-plus", "owner": "Library lead"}
    ]


def test_invalid_evidence_exits_2_with_the_problems(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo", {"1.1.1": "finale: full\n"})
    result = run("gap", str(root))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "evidence/1.1.1.yaml:2:1: error: unknown key 'finale' (did you mean 'final'?)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--as-of", "30/06/2025"],
            "cse: error: --as-of '30/06/2025' is not a date: write it as YYYY-MM-DD\n",
        ),
        (
            ["--owner", "Nobody"],
            "cse: error: --owner 'Nobody' owns no element: "
            "the owners are Careers lead, Library lead\n",
        ),
    ],
    ids=["bad-date", "unknown-owner"],
)  # fmt: skip
def test_bad_options_exit_2(varied: Path, args: list[str], message: str) -> None:
    result = run("gap", str(varied), *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def test_bolton_gap_shows_what_to_fix_first() -> None:
    result = run("gap", str(BOLTON), "--as-of", "2015-03-09", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    verdicts = [(c["number"], c["met"], c["to_raise"]) for c in data["criteria"]]
    assert verdicts == [(1, True, 0), (2, True, 0), (3, True, 0), (4, True, 0), (5, False, 1)]
    below = [e["element"] for c in data["criteria"] for e in c["elements"]]
    assert below == ["1.3.3", "1.3.4", "4.1.2", "4.1.3", "4.3.1", "5.3.1", "5.3.2", "5.3.3"]
    assert [p["element"] for p in data["open_development_points"]] == below
    desk_top = json.loads(
        run("gap", str(BOLTON), "--stage", "desk-top", "--as-of", "2015-03-09", "-f", "json").stdout
    )
    # the partials over the table's maximum: 7-2, 10-2, 8-2, 13-3, 9-2
    assert [c["to_raise"] for c in desk_top["criteria"]] == [5, 8, 6, 10, 7]


@pytest.mark.parametrize("review", [[], ["--review", "surveillance-2"]], ids=["gap", "gap-review"])
def test_an_as_of_in_the_year_1_counts_nothing_stale(review: list[str]) -> None:
    # 12 (or 24) months before 0001-06-01 is in the year 0, which no date can hold:
    # the cut-off is the first day there is, and no evidence is dated before it
    result = run("gap", str(ANYTOWN), *review, "--as-of", "0001-06-01", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["as_of"] == "0001-06-01"
    assert data["stale" if not review else "stale_elements"] == []


def test_the_criteria_closest_to_being_met_come_first() -> None:
    gap = gap_of(ANYTOWN, stage="desk-top")
    failed = closest_first(gap.criteria)
    assert {c.number for c in failed} == {c.number for c in gap.criteria if not c.met}
    assert [(c.to_raise, c.number) for c in failed] == sorted(
        (c.to_raise, c.number) for c in failed
    )
    assert len({c.to_raise for c in failed}) > 1  # the order is not the criteria's own


# on-site evidence ------------------------------------------------------------


def test_an_element_resting_on_the_visit_is_not_without_evidence(tmp_path: Path) -> None:
    on_site = "on_site:\n  - title: Advisers show the profile screen\n    service: Careers\n"
    root = full_repo(
        tmp_path / "repo",
        {
            "1.1.3": "owner: Library lead\nfinal: full\nevidence: []\n" + on_site,
            "3.1.1": "owner: Library lead\nfinal: full\n",
            "3.1.2": "owner: Library lead\nfinal: full\non_site:\n  - title: Front desk\n",
        },
    )
    gap = gap_of(root)
    assert [n.element for n in gap.without_evidence] == ["3.1.1"]
    assert [n.element for n in gap.rests_on_visit] == ["1.1.3", "3.1.2"]
    assert [n.element for n in gap.unsupported] == ["3.1.1"]
    # an on-site item's service narrows the lists as an evidence item's does
    careers = gap_of(root, service="careers")
    assert [n.element for n in careers.rests_on_visit] == ["1.1.3"]
    assert careers.without_evidence == ()
    data = json.loads(run("gap", str(root), "--format", "json").stdout)
    assert data["rests_on_visit"] == [
        {"element": "1.1.3", "rating": "full", "owner": "Library lead"},
        {"element": "3.1.2", "rating": "full", "owner": "Library lead"},
    ]
    text = run("gap", str(root)).stdout
    heading = "Resting on the visit: no desk-top evidence, only on-site evidence"
    assert text.split(heading)[1].split("\n\n")[0].split() == [
        "1.1.3", "F", "Full", "Compliance", "·", "owner:", "Library", "lead",
        "3.1.2", "F", "Full", "Compliance", "·", "owner:", "Library", "lead",
    ]  # fmt: skip
