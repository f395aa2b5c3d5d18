"""The self-assessment workbook's view: a block per element, items side by side, ratings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.views.self_assessment import build_self_assessment
from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path


def test_each_element_has_a_block_with_its_items_side_by_side(tmp_path: Path) -> None:
    files = {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nself_assessment: P\ndesk_top: CP\n'
        "evidence:\n  - {id: SM1, title: Profiles, service: Library}\n  - title: Census\n"
        "  - title: Maps\non_site:\n  - {id: TM1, title: The desk, person: Adviser}\n",
        "evidence/1.1.2.yaml": 'element: "1.1.2"\nfinal: NC\nevidence: [{ref: SM1}]\n'
        "on_site: [{ref: TM1, notes: Ask too}]\n",
        "evidence/1.1.3.yaml": 'element: "1.1.3"\nself_assessment: non-compliance\n',
    }
    standard = load_standard()
    view = build_self_assessment(standard, open_repository(write_repo(tmp_path, files), standard))
    assert [(s.name, s.title, len(s.blocks)) for s in view.sheets] == [
        ("Criterion 1", "Criterion 1: Customer Insight", 11),
        ("Criterion 2", "Criterion 2: The Culture of the Organisation", 11),
        ("Criterion 3", "Criterion 3: Information and Access", 12),
        ("Criterion 4", "Criterion 4: Delivery", 13),
        ("Criterion 5", "Criterion 5: Timeliness and Quality of Service", 10),
    ]
    first, second, third, fourth = view.sheets[0].blocks[:4]
    assert first.element.startswith("Element 1.1.1 We have an in-depth understanding")
    assert first.rows == (
        ("SM1", "Profiles", "TM1", "The desk", "Partial", "Compliance Plus", None),
        (None, "Census", None, None, None, None, None),
        (None, "Maps", None, None, None, None, None),
    )
    # a ref shows the id it cites and its title; a final rating has no column here
    assert second.rows == (("SM1", "Profiles", "TM1", "The desk", None, None, None),)
    assert third.rows == ((None, None, None, None, "Non Compliance", None, None),)
    assert fourth.rows == ()  # nothing to say of 1.2.1: its block is empty
