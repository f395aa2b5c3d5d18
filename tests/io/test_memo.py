"""What reading a repository did, kept: an editor's memo keeps the size of the repository."""

from __future__ import annotations

from cse_cli.io.documents import Loaded
from cse_cli.io.memo import Memo
from cse_cli.io.reviews import ReviewsRead
from cse_cli.rules.context import Lookups
from cse_cli.rules.element import Outcome


def _memo() -> Memo:
    memo = Memo()
    for rel in ("cse.yaml", "evidence/1.1.1.yaml", "evidence/1.1.2.yaml"):
        for oid in ("a", "b"):
            memo.loaded[rel, oid] = Loaded(None)
            memo.validated[rel, oid, Memo] = (None, ())
    for rel in ("evidence/1.1.1.yaml", "evidence/1.1.2.yaml"):
        for oid in ("a", "b"):
            for config in ("a", "b"):
                memo.elements[rel, "file", oid, config] = Outcome(())
    for config in ("a", "b"):
        for oid in ("a", "b"):
            memo.reviews[config, (("reviews/surveillance-1.yaml", oid),)] = ReviewsRead(
                (), {}, {}, Lookups()
            )
    return memo


def test_an_element_file_keeps_only_the_contents_asked_for() -> None:
    memo = _memo()
    memo.forget("evidence/1.1.1.yaml", {"b"})
    assert ("evidence/1.1.1.yaml", "a") not in memo.loaded
    assert ("evidence/1.1.2.yaml", "a") in memo.loaded  # another file keeps all
    assert sorted(k for k in memo.elements if k[0] == "evidence/1.1.1.yaml") == [
        ("evidence/1.1.1.yaml", "file", "b", "a"), ("evidence/1.1.1.yaml", "file", "b", "b"),
    ]  # fmt: skip
    assert len(memo.reviews) == 4


def test_cse_yaml_keeps_only_what_was_read_in_the_configs_asked_for() -> None:
    memo = _memo()
    memo.forget("cse.yaml", {"a"})
    assert {k[3] for k in memo.elements} == {"a"}
    assert {k[0] for k in memo.reviews} == {"a"}
    assert len(memo.elements) == 4  # each element file at both contents


def test_a_review_file_keeps_only_its_contents_asked_for() -> None:
    memo = _memo()
    memo.forget("reviews/surveillance-1.yaml", {"a", None})
    kept = (("reviews/surveillance-1.yaml", "a"),)
    assert sorted(memo.reviews) == [("a", kept), ("b", kept)]
