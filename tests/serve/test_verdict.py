"""The live verdict: the criterion's and the standard's, now and with the form's values."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from cse_cli.io.editing import check_file_in, read_state
from cse_cli.io.resources import load_standard
from cse_cli.serve.forms import Judged
from cse_cli.serve.verdict import verdict_change
from tests.helpers import ANYTOWN

if TYPE_CHECKING:
    from cse_cli.io.editing import RepositoryState

STANDARD = load_standard()
ELEMENT = "evidence/3.2.2.yaml"


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> RepositoryState:
    """Anytown with 3.2.3 partial at the second surveillance: criterion 3 has a partial too many."""
    root = tmp_path_factory.mktemp("verdict") / "anytown"
    shutil.copytree(ANYTOWN, root)
    element = root / "evidence" / "3.2.3.yaml"
    element.write_text(
        element.read_text(encoding="utf-8").replace(
            "final: full\n", "final: full\nsurveillance_2: partial\n"
        ),
        encoding="utf-8",
        newline="",
    )
    return read_state(root, STANDARD)


def _judged(state: RepositoryState, old: bytes, new: bytes, *, unread: bool = False) -> Judged:
    raw = (ANYTOWN / ELEMENT).read_bytes()
    assert old in raw
    data = raw.replace(old, new)
    return Judged(data, check_file_in(state, ELEMENT, data), unread=unread)


def test_a_rating_raised_shows_the_criterion_met_as_it_would_be(state: RepositoryState) -> None:
    judged = _judged(state, b"surveillance_2: partial\n", b"surveillance_2: full\n")
    change = verdict_change(STANDARD, state.evidence, "3.2.2", judged)
    assert (change.number, change.element) == (3, "3.2.2")
    assert change.now.met is False
    assert change.then is not None
    assert change.then.met is True
    assert change.changed
    assert change.problems == 0


def test_the_same_ratings_change_nothing(state: RepositoryState) -> None:
    judged = _judged(state, b"owner: Libraries Manager\n", b"owner: Someone else\n")
    change = verdict_change(STANDARD, state.evidence, "3.2.2", judged)
    assert change.then == change.now
    assert not change.changed


def test_values_that_leave_the_file_unread_are_not_scored(state: RepositoryState) -> None:
    judged = _judged(state, b"final: full\n", b"final: fine\n", unread=True)
    change = verdict_change(STANDARD, state.evidence, "3.2.2", judged)
    assert change.unread
    assert change.then is None
    assert not change.changed
    assert change.problems == 1


def test_a_form_not_judged_shows_the_verdict_now(state: RepositoryState) -> None:
    change = verdict_change(STANDARD, state.evidence, "3.2.2", None)
    assert change.then is None
    assert change.now.met is False
    assert change.now.valid
