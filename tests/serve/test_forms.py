"""What blocks a save and what does not, judged by `cse check` on the bytes a form would write.

The repository is a real copy of an example, read as the editor reads it; each
case changes one field of a form as a user (or a hand-made request) would, and
the judgement is compared with the rule: refused only when the file would not be
read as what it is, or a list's choice was not offered; every other problem
shown at its field, word for word, and the file saved.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from cse_cli.core.evidence import ElementFile
from cse_cli.io.editing import read_state
from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_loader import load
from cse_cli.serve.fields import element_form
from cse_cli.serve.forms import Target, judge, view_of
from cse_cli.serve.formstate import from_data, from_post
from tests.helpers import ANYTOWN, BOLTON, browser_fields

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.serve.forms import Judged

STANDARD = load_standard()
FORM = element_form(STANDARD)


def _judged(root: Path, element_id: str, change: dict[str, str]) -> Judged:
    rel = f"evidence/{element_id}.yaml"
    raw = (root / rel).read_bytes()

    def taken(evidence: Evidence) -> bool:
        return evidence.files.get(element_id) == rel and element_id in evidence.elements

    target = Target(rel, FORM, ElementFile, b"", taken)
    data = load(raw, rel).data
    sent = {**browser_fields(from_data(FORM, data, "h")), **change}
    state = from_post(FORM, sent)
    services = read_state(root, STANDARD).evidence.config.services
    view = view_of(target, state, data, {"services": services, "documents": []})
    return judge(target, state, view, raw, read_state(root, STANDARD))


@pytest.fixture(scope="module")
def anytown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("forms") / "anytown"
    shutil.copytree(ANYTOWN, root)
    return root


DATE = {"evidence.0.date.day": "31", "evidence.0.date.month": "2", "evidence.0.date.year": "2026"}


@pytest.mark.parametrize(
    ("change", "at", "said"),
    [
        (
            DATE,
            "f-evidence-0-date",
            "error: date: '2026-02-31' is not a date: write it as YYYY-MM-DD",
        ),
        (
            {"final": "fine"},
            "f-final",
            "error: final: 'fine' is not a rating: use compliance-plus, full, partial or "
            "non-compliance (or CP, F, P, NC)",
        ),
        (
            {"evidence.0.url": "example.org"},
            "f-evidence-0-url",
            "error: url: 'example.org' is not a web address: it starts with http:// or https:// "
            "and has no spaces, quotes or angle brackets",
        ),
        (
            {"evidence.0.id": "two words"},
            "f-evidence-0-id",
            "error: id: 'two words' must be one word with no spaces",
        ),
    ],
    ids=["a bad date", "a bad rating", "a bad web address", "an id of two words"],
)
def test_a_value_cse_could_not_read_blocks_the_save_and_is_said_at_its_field(
    anytown: Path, change: dict[str, str], at: str, said: str
) -> None:
    judged = _judged(anytown, "1.1.1", change)
    assert judged.blocked
    assert judged.unread
    assert judged.placed == {at: [said]}
    [(line, target)] = judged.summary
    assert target == at
    assert line.startswith("evidence/1.1.1.yaml:")
    assert line.endswith(f": {said}")


def test_an_unknown_service_blocks_the_save_with_checks_words_and_the_lists(anytown: Path) -> None:
    judged = _judged(anytown, "1.1.1", {"evidence.0.service": "Swimming"})
    assert judged.blocked
    assert not judged.unread  # cse reads the file; the service is not one of cse.yaml's
    assert judged.refused == [
        ("f-evidence-0-service", "Choose one from the list: 'Swimming' is not one of its choices")
    ]
    assert judged.placed["f-evidence-0-service"] == [
        "error: service 'Swimming' is not one of cse.yaml's services (Contact Centre, "
        "Libraries, Revenues and Benefits, Housing)"
    ]


@pytest.mark.parametrize(
    ("change", "at", "said"),
    [
        (
            {"evidence.0.title": ""},
            "f-evidence-0",
            "error: an evidence item needs a title (or a ref: to an item's id)",
        ),
        (
            {"evidence.0.date.day": "", "evidence.0.date.month": "", "evidence.0.date.year": ""},
            None,
            None,
        ),
        ({"surveillance_2": "non-compliance"}, None, None),
    ],
    ids=["no title yet", "no date yet", "a criterion no longer met"],
)
def test_problems_of_the_repository_or_of_work_not_finished_never_block(
    anytown: Path, change: dict[str, str], at: str | None, said: str | None
) -> None:
    judged = _judged(anytown, "1.1.1", change)
    assert not judged.blocked
    assert judged.placed == ({at: [said]} if at else {})


def test_an_id_defined_in_a_file_read_before_is_said_and_saved(anytown: Path) -> None:
    judged = _judged(anytown, "1.1.2", {"evidence.0.id": "AT-1.1.1"})
    assert not judged.blocked
    assert judged.placed == {
        "f-evidence-0-id": [
            "error: evidence id 'AT-1.1.1' is already defined at evidence/1.1.1.yaml:9"
        ]
    }


def test_a_ref_to_an_id_defined_nowhere_is_said_and_saved(anytown: Path) -> None:
    raw = (anytown / "evidence" / "1.1.2.yaml").read_bytes()
    (anytown / "evidence" / "1.1.2.yaml").write_bytes(raw + b"  - ref: AT-NOWHERE\n")
    try:
        judged = _judged(anytown, "1.1.2", {})
    finally:
        (anytown / "evidence" / "1.1.2.yaml").write_bytes(raw)
    assert not judged.blocked
    assert judged.placed == {
        "f-evidence-2-ref": ["error: ref 'AT-NOWHERE' names no evidence item id"]
    }


def test_a_rating_at_a_surveillance_the_cycle_has_no_date_for_is_said_and_saved(
    tmp_path: Path,
) -> None:
    root = tmp_path / "bolton"
    shutil.copytree(BOLTON, root)
    judged = _judged(root, "5.3.1", {"surveillance_1": "full"})
    assert not judged.blocked
    assert list(judged.placed) == ["f-surveillance_1"]
    assert judged.check is not None
    assert "5.3.1" in judged.check.state.evidence.elements


def test_a_document_not_in_the_repository_is_refused_one_the_file_has_is_kept(
    anytown: Path,
) -> None:
    judged = _judged(anytown, "1.1.1", {"evidence.0.path": "../../etc/passwd"})
    assert judged.blocked
    assert judged.refused == [
        (
            "f-evidence-0-path",
            "Choose one from the list: '../../etc/passwd' is not one of its choices",
        )
    ]
    assert judged.placed["f-evidence-0-path"] == [
        "error: path '../../etc/passwd' is outside the repository"
    ]
    raw = (anytown / "evidence" / "1.1.2.yaml").read_bytes()
    gone = raw.replace(
        b"    date: 2025-02-15\n", b"    date: 2025-02-15\n    path: documents/gone.pdf\n", 1
    )
    (anytown / "evidence" / "1.1.2.yaml").write_bytes(gone)
    try:
        judged = _judged(anytown, "1.1.2", {"owner": "Sam"})
    finally:
        (anytown / "evidence" / "1.1.2.yaml").write_bytes(raw)
    assert not judged.blocked
    assert judged.placed == {
        "f-evidence-0-path": ["error: path 'documents/gone.pdf' does not exist"]
    }


def test_a_key_cse_does_not_know_blocks_until_it_is_ticked_to_go(anytown: Path) -> None:
    raw = (anytown / "evidence" / "1.1.3.yaml").read_bytes()
    (anytown / "evidence" / "1.1.3.yaml").write_bytes(raw + b"finale: full\n")
    try:
        kept = _judged(anytown, "1.1.3", {})
        dropped = _judged(anytown, "1.1.3", {"drop.0": "yes"})
    finally:
        (anytown / "evidence" / "1.1.3.yaml").write_bytes(raw)
    assert kept.blocked
    assert kept.placed == {"f-finale": ["error: unknown key 'finale' (did you mean 'final'?)"]}
    assert not dropped.blocked
    assert dropped.data == raw
