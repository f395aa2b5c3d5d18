"""What a rule may ask of the rest of the repository, each question noted with its answer."""

from __future__ import annotations

from cse_cli.rules.context import Lookups, Place
from tests.fuzzing import MemoryTree
from tests.helpers import element_context, review_context

A = Place("evidence/1.1.1.yaml", 4, 9)


def test_an_id_this_file_defines_is_its_own_and_asks_no_other_file() -> None:
    context = element_context(ids={"A": A})
    assert context.first_definition("A") == A
    assert context.first_definition("B") is None
    context.defined["B"] = Place("evidence/1.1.2.yaml", 3, 9)
    assert context.first_definition("B") == Place("evidence/1.1.2.yaml", 3, 9)
    assert context.lookups.ids == [("A", A), ("B", None)]


def test_lookups_hold_while_every_question_gets_the_same_answer() -> None:
    tree = MemoryTree({"documents/a.pdf": b"%PDF"})
    asked = Lookups(
        ids=[("A", A), ("B", None)],
        elements=[("1.1.1", None)],
        paths=[("documents/a.pdf", None)],
    )
    assert asked.hold({"A": A, "C": A}, {"1.1.2": "x.yaml"}, tree)
    assert not asked.hold({"A": A, "B": A}, {}, tree)  # an id defined since
    assert not asked.hold({"A": Place("evidence/1.1.1.yaml", 5, 9)}, {}, tree)  # moved
    assert not asked.hold({"A": A}, {"1.1.1": "x.yaml"}, tree)  # an element taken since
    assert not asked.hold({"A": A}, {}, MemoryTree({}))  # the document is gone


def test_a_suggestion_among_every_id_makes_the_answers_incomplete() -> None:
    context = review_context(ids={"A": A})
    assert context.defined("A")
    assert context.lookups.complete
    assert list(context.every_id()) == ["A"]
    assert not context.lookups.complete
