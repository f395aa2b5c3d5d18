"""The stages of a cycle: surveillance ratings carried forward, `latest`, and the cycle's dates."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from cse_cli.core.evidence import ElementFile
from cse_cli.core.ratings import Rating
from cse_cli.core.stages import Stage
from tests.helpers import commit_all, element_yaml, init_git, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

CP, F, P = Rating.COMPLIANCE_PLUS, Rating.FULL, Rating.PARTIAL
CYCLE = (
    "organisation: Test\n"
    "cycle:\n"
    "  desk_top_review: 2026-03-09\n"
    "  visit: 2026-03-11\n"
    "  surveillance_1: 2027-03-10\n"
    "  surveillance_2: 2028-03-08\n"
)


def _element(**ratings: str) -> ElementFile:
    return ElementFile.model_validate({"element": "1.1.1", **ratings})


# (written ratings, expected at self, desk-top, final, surveillance-1, surveillance-2, latest)
CARRIED = [
    ({"final": "P"}, (None, None, P, P, P, P)),
    ({"final": "P", "surveillance_1": "F"}, (None, None, P, F, F, F)),
    ({"final": "P", "surveillance_2": "F"}, (None, None, P, P, F, F)),
    ({"final": "F", "surveillance_1": "CP", "surveillance_2": "F"}, (None, None, F, CP, F, F)),
    ({"desk_top": "P", "surveillance_1": "F"}, (None, P, None, F, F, F)),
    ({"self_assessment": "F", "desk_top": "P"}, (F, P, None, None, None, P)),
    ({"self_assessment": "F"}, (F, None, None, None, None, F)),
    ({}, (None, None, None, None, None, None)),
]
STAGES = (
    Stage.SELF, Stage.DESK_TOP, Stage.FINAL, Stage.SURVEILLANCE_1, Stage.SURVEILLANCE_2,
    Stage.LATEST,
)  # fmt: skip


@pytest.mark.parametrize(("written", "expected"), CARRIED, ids=[str(w) for w, _ in CARRIED])
def test_carry_forward_at_each_stage(
    written: dict[str, str], expected: tuple[Rating | None, ...]
) -> None:
    element = _element(**written)
    assert tuple(element.rating(stage) for stage in STAGES) == expected


def test_a_surveillance_carries_only_the_certified_ratings() -> None:
    # a desk-top rating is not the result: the first surveillance carries the final one
    element = _element(desk_top="F", final="P")
    assert element.rating(Stage.SURVEILLANCE_1) is P
    assert element.recorded(Stage.SURVEILLANCE_1) is None


def test_check_scores_a_surveillance_stage(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/5.3.1.yaml": element_yaml("5.3.1", final="partial", surveillance_1="full"),
            "evidence/5.3.2.yaml": element_yaml("5.3.2", final="partial"),
        },
        config=CYCLE,
    )
    for stage, partial in (("final", 2), ("surveillance-1", 1), ("surveillance-2", 1)):
        result = run("check", str(root), "--stage", stage, "--format", "json")
        assert result.exit_code == 1, result.stderr
        report = json.loads(result.stdout)
        assert report["stage"] == stage
        assert report["criteria"][4]["partial"] == partial


def test_diff_shows_a_surveillance_rating_change(tmp_path: Path) -> None:
    root = init_git(tmp_path / "repo")
    write_repo(root, {"evidence/5.3.1.yaml": element_yaml("5.3.1", final="partial")}, CYCLE)
    commit_all(root, "assessment")
    write_repo(
        root,
        {"evidence/5.3.1.yaml": element_yaml("5.3.1", final="partial", surveillance_1="full")},
        CYCLE,
    )
    result = run("diff", "HEAD", "--path", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["ratings"] == [
        {"element": "5.3.1", "stage": "surveillance-1", "before": "partial", "after": "full"}
    ]
    at_stage = run("diff", "HEAD", "--path", str(root), "--stage", "surveillance-2", "-f", "json")
    assert json.loads(at_stage.stdout)["ratings"] == [
        {"element": "5.3.1", "stage": "surveillance-1", "before": "partial", "after": "full"}
    ]


def test_a_rating_at_a_surveillance_with_no_date_is_located(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.yaml": element_yaml("1.1.1", final="partial", surveillance_1="full")},
        config="organisation: Test\n",
    )
    result = run("check", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "evidence/1.1.1.yaml:3:17: error: surveillance_1: a rating at the first surveillance, "
        "but cse.yaml's cycle gives no surveillance_1 date: add it, or leave the rating out"
    )


def test_an_invalid_cse_yaml_hides_no_element_but_blames_none_for_dates(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.yaml": element_yaml("1.1.1", surveillance_1="full")},
        config="organisation: Test\nfinale: 1\n",
    )
    result = run("check", str(root))
    assert result.exit_code == 2
    assert [line.split(":")[0] for line in result.stderr.splitlines()[:-1]] == ["cse.yaml"]


def test_every_stage_has_its_words_in_the_standard() -> None:
    from cse_cli.io.resources import load_standard

    standard = load_standard()
    assert sorted(standard.stages) == sorted(stage.value for stage in Stage)
    assert standard.called("surveillance-1") == "the first surveillance"
