"""The scoring rule as the certification body applies it: the partials table, the share a note.

The assessor's table of maximum partials (2, 2, 2, 3, 2) is the rule; the strict
80% share is a rule only when cse.yaml asks for it (`rules: strict_share: true`
or an explicit `min_compliant_share`), and otherwise only a note on a met
criterion that falls below it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import score
from cse_cli.core.stages import Stage
from cse_cli.core.standard import Criterion
from cse_cli.io.resources import load_standard
from cse_cli.views.to_raise import to_raise_criterion
from tests.helpers import element_yaml, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()
CP, F, P, NC = Rating.COMPLIANCE_PLUS, Rating.FULL, Rating.PARTIAL, Rating.NON_COMPLIANCE
C4 = [element.id for element in STANDARD.criteria[3].elements]


def _c4(*below: Rating) -> dict[str, Rating | None]:
    """Every element full, criterion 4's first elements as given."""
    ratings: dict[str, Rating | None] = dict.fromkeys(STANDARD.element_ids(), F)
    ratings.update(zip(C4, below, strict=False))
    return ratings


def test_criterion_4_at_three_partials_is_met_with_a_note() -> None:
    criterion = score(STANDARD, _c4(P, P, P), Stage.FINAL).criteria[3]
    assert (criterion.met, criterion.reasons) == (True, ())
    assert criterion.notes == (
        "share: 10 of 13 elements (76.9%) at full compliance or compliance plus, below a "
        "strict 80%; met, as the partials table the assessor applies allows 3 partials",
    )
    assert to_raise_criterion(criterion) == 0


def test_criterion_4_at_two_partials_has_no_note() -> None:
    criterion = score(STANDARD, _c4(P, P), Stage.FINAL).criteria[3]
    assert (criterion.met, criterion.notes) == (True, ())


@pytest.mark.parametrize("strict", [{"strict_share": True}, {"min_compliant_share": 0.8}])
def test_the_share_is_a_rule_when_asked_for(strict: dict[str, object]) -> None:
    share = strict.get("min_compliant_share")
    criterion = score(
        STANDARD,
        _c4(P, P, P),
        Stage.FINAL,
        share if isinstance(share, float) else None,
        strict_share=bool(strict.get("strict_share")),
    ).criteria[3]
    assert criterion.met is False
    assert criterion.reasons == (
        "share: 10 of 13 elements (76.9%) at full compliance or compliance plus, "
        "below the minimum of 80%",
    )
    assert criterion.notes == ()
    assert to_raise_criterion(criterion) == 1


def test_a_criterion_that_fails_the_table_gets_no_note() -> None:
    criterion = score(STANDARD, _c4(P, P, P, P), Stage.FINAL).criteria[3]
    assert criterion.met is False
    assert [reason.split(":")[0] for reason in criterion.reasons] == ["partials"]
    assert criterion.notes == ()
    assert to_raise_criterion(criterion) == 1  # 4 partials, 3 allowed


RATING = st.sampled_from([CP, F, P, NC, None])


@given(st.sampled_from(STANDARD.criteria), st.data())
def test_met_is_the_table_alone(criterion: Criterion, data: st.DataObject) -> None:
    ratings = {e.id: data.draw(RATING) for e in criterion.elements}
    result = score(STANDARD, ratings, Stage.FINAL).criteria[criterion.number - 1]
    values = list(ratings.values())
    expected = NC not in values and None not in values
    expected = expected and values.count(P) <= criterion.max_partials
    assert result.met is expected
    compliant = values.count(F) + values.count(CP)
    assert bool(result.notes) is (expected and compliant * 5 < 4 * len(values))


def test_cse_yaml_strict_share_makes_check_fail(tmp_path: Path) -> None:
    files = {
        f"evidence/{element_id}.yaml": element_yaml(element_id, final="full")
        for element_id in STANDARD.element_ids()
    }
    for element_id in C4[:3]:
        files[f"evidence/{element_id}.yaml"] = element_yaml(element_id, final="partial")
    table = write_repo(tmp_path / "table", files)
    result = run("check", str(table), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["criteria"][3]["notes"] != []
    strict = write_repo(
        tmp_path / "strict", files, config="organisation: Test\nrules:\n  strict_share: true\n"
    )
    result = run("check", str(strict), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["criteria"][3]["met"] is False
    wrong = write_repo(
        tmp_path / "wrong", files, config="organisation: Test\nrules:\n  strict_share: maybe\n"
    )
    result = run("check", str(wrong))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "cse.yaml:3:17: error: strict_share: expected true or false, not 'maybe'\n"
    )
