"""One element file read in its repository: its rules applied, and what reading it did."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules.context import Place, Ref
from cse_cli.rules.element import read_element
from cse_cli.rules.schema import validate
from tests.helpers import element_context, located

FILE = (
    'element: "1.1.2"\nfinal: full\nevidence:\n'
    "  - id: X-1\n    title: Survey\n    path: documents/a.pdf\n"
    "  - ref: X-2\n"
)


def test_a_file_that_counts_gives_its_element_ids_refs_and_questions() -> None:
    doc = located(FILE, "evidence/1.1.2.yaml")
    context = element_context(files={"documents/a.pdf": b"%PDF"})
    outcome = read_element(doc, validate(doc, ElementFile, "x"), context)
    assert outcome.problems == ()
    assert outcome.element is not None
    assert (outcome.element.element_id, outcome.element.file) == ("1.1.2", "evidence/1.1.2.yaml")
    assert outcome.ids == (("X-1", Place("evidence/1.1.2.yaml", 4, 9)),)
    assert outcome.refs == (Ref("X-2", "evidence/1.1.2.yaml", 7, 10),)
    assert outcome.lookups.elements == [("1.1.2", None)]
    assert outcome.lookups.ids == [("X-1", None)]
    assert outcome.lookups.paths == [("documents/a.pdf", None)]
    assert outcome.read == (17, 2)  # 17 values (keys too, the mappings and the list), 2 items
    assert outcome.holds({}, {}, context.paths)
    assert not outcome.holds({"X-1": Place("evidence/1.1.1.yaml", 4, 9)}, {}, context.paths)


def test_a_file_refused_as_its_element_still_defines_cites_and_checks_paths() -> None:
    doc = located(FILE, "evidence/copy.yaml")
    context = element_context(elements={"1.1.2": "evidence/1.1.2.yaml"})
    outcome = read_element(doc, validate(doc, ElementFile, "x"), context)
    assert outcome.element is None
    assert [problem.message for problem in outcome.problems] == [
        "element 1.1.2 is already given in evidence/1.1.2.yaml: one file per element",
        "path 'documents/a.pdf' does not exist",
    ]
    assert [item_id for item_id, _ in outcome.ids] == ["X-1"]
    assert [ref.ref for ref in outcome.refs] == ["X-2"]


def test_a_file_that_did_not_validate_is_read_as_written() -> None:
    doc = located(FILE.replace("final: full", "final: fine"), "evidence/1.1.2.yaml")
    outcome = read_element(doc, validate(doc, ElementFile, "x"), element_context())
    assert outcome.element is None
    assert [problem.line for problem in outcome.problems] == [2, 6]  # the rating, the path
    assert [item_id for item_id, _ in outcome.ids] == ["X-1"]
    assert outcome.effects == (outcome.ids, None)


def test_a_ref_item_is_checked_as_one_and_its_keys_are_not_checked_as_its_own() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - ref: X-2\n    path: nowhere.pdf\n')
    outcome = read_element(doc, validate(doc, ElementFile, "x"), element_context())
    assert [p.message for p in outcome.problems] == [
        "a ref: item only cites 'X-2'; its path belongs where that id is defined"
    ]  # not "needs a title", nor "path 'nowhere.pdf' does not exist"
    assert outcome.lookups.paths == []
    assert [ref.ref for ref in outcome.refs] == ["X-2"]


def test_the_effects_are_what_another_file_can_ask_about() -> None:
    doc = located(FILE, "evidence/1.1.2.yaml")
    outcome = read_element(doc, validate(doc, ElementFile, "x"), element_context())
    moved = located("# a comment\n" + FILE, "evidence/1.1.2.yaml")
    again = read_element(moved, validate(moved, ElementFile, "x"), element_context())
    assert outcome.effects == (outcome.ids, ("1.1.2", "evidence/1.1.2.yaml"))
    assert again.effects != outcome.effects  # the id is defined a line lower


def test_a_file_that_did_not_validate_still_defines_and_cites_its_on_site_items() -> None:
    written = (
        'element: "1.1.2"\nfinal: fine\non_site:\n  - id: T-1\n    title: Desk\n'
        "    path: documents/none.pdf\n  - ref: T-2\n"
    )
    doc = located(written, "evidence/1.1.2.yaml")
    context = element_context()
    outcome = read_element(doc, validate(doc, ElementFile, "x"), context)
    assert outcome.element is None
    assert outcome.ids == (("T-1", Place("evidence/1.1.2.yaml", 4, 9, "on_site")),)
    assert outcome.refs == (Ref("T-2", "evidence/1.1.2.yaml", 7, 10, "on_site"),)
    assert outcome.lookups.paths == []  # an on-site item has no path: none is looked at
