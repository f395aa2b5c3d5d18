"""A range read commit by commit gives what reading each commit whole gives.

`cse history --range` reuses what reading a file did at the commit before, and
patches the last commit's evidence when only element files changed (see
cse_cli.io.rereading). These tests walk real git histories built to cross
every dependency one file's reading has on the others (ids defined first,
elements taken, refs, paths, cse.yaml, review files, limits) and compare every
commit's evidence with `History.read` of that commit, which reads it whole.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING, Any

import pytest

from cse_cli.io import rereading
from cse_cli.io.history import open_history
from cse_cli.io.resources import load_standard
from cse_cli.rules import repository_limits
from tests.helpers import commit_all, evidence_facts, init_git

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.io.memo import RepositoryRead

Files = dict[str, str]

CONFIG = "organisation: Test\nservices: [A, B]\n"
BASE: Files = {
    "cse.yaml": CONFIG,
    "documents/a.md": "A\n",
    "evidence/1.1.1.yaml": (
        'element: "1.1.1"\nfinal: full\nevidence:\n'
        "  - id: X-1\n    title: Survey\n    service: A\n    path: documents/a.md\n"
    ),
    "evidence/1.1.2.yaml": (
        'element: "1.1.2"\nfinal: partial\nevidence:\n  - ref: X-1\n  - ref: X-2\n'
        "on_site:\n  - ref: T-1\n    notes: seen\n"
    ),
    "evidence/1.1.3.yaml": (
        'element: "1.1.3"\nfinal: compliance_plus\nevidence:\n  - id: X-2\n    title: Panel\n'
        "on_site:\n  - id: T-1\n    title: Desk\n    person: Adviser\n"
    ),
}


def _toggle(path: str, text: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        if path in files:
            del files[path]
        else:
            files[path] = text

    return edit


def _swap(path: str, old: str, new: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        if path not in files:
            return
        text = files[path]
        files[path] = text.replace(old, new, 1) if old in text else text.replace(new, old, 1)

    return edit


_EDIT = count()


def _notes(*paths: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        for path in paths:
            if path in files:
                lines = [x for x in files[path].splitlines() if not x.startswith("notes:")]
                files[path] = "\n".join([*lines, f"notes: edit {next(_EDIT)}"]) + "\n"

    return edit


def _shift(path: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        if path in files:
            text = files[path]
            files[path] = text[2:] if text.startswith("#\n") else "#\n" + text

    return edit


EDITS: dict[str, Callable[[Files], None]] = {
    "notes in one file": _notes("evidence/1.1.1.yaml"),
    "notes in another": _notes("evidence/1.1.3.yaml"),
    "notes in two files": _notes("evidence/1.1.2.yaml", "evidence/1.1.3.yaml"),
    "a rating changes": _swap("evidence/1.1.2.yaml", "final: partial", "final: full"),
    "every line of a defining file moves": _shift("evidence/1.1.1.yaml"),
    "a later file defines the same id": _swap("evidence/1.1.3.yaml", "id: X-2", "id: X-1"),
    "the first definition goes": _swap("evidence/1.1.1.yaml", "id: X-1", "id: X-9"),
    "the document goes or comes back": _toggle("documents/a.md", "A\n"),
    "the document's words change": _swap("documents/a.md", "A", "B"),
    "a service leaves cse.yaml": _swap("cse.yaml", "[A, B]", "[B]"),
    "a typo in a key": _swap("evidence/1.1.2.yaml", "final: partial", "finale: partial"),
    "a second file for one element": _toggle(
        "evidence/1.1.1-copy.yaml", 'element: "1.1.1"\nfinal: full\n'
    ),
    "a service that is not listed": _swap("evidence/1.1.3.yaml", "title: Panel", "service: C"),
    "a review file with an unknown key": _toggle(
        "reviews/surveillance-1.yaml", "date: 2027-03-10\nbogus: 1\n"
    ),
    "an element file not named for it": _toggle(
        "evidence/other.yaml", 'element: "1.2.1"\nfinal: full\nevidence:\n  - ref: X-2\n'
    ),
    "an empty element file": _toggle("evidence/empty.yaml", ""),
    "another empty one": _toggle("evidence/empty-2.yaml", ""),
    "cse.yaml is not YAML": _swap("cse.yaml", "organisation: Test", "organisation: [Test"),
    "an on-site id takes an evidence id": _swap("evidence/1.1.3.yaml", "id: T-1", "id: X-1"),
    "an on-site ref cites evidence": _swap(
        "evidence/1.1.2.yaml", "ref: T-1\n    notes: seen", "ref: X-2\n    notes: seen"
    ),
    "an on-site item's notes change": _swap("evidence/1.1.2.yaml", "notes: seen", "notes: heard"),
    "an on-site service that is not listed": _swap(
        "evidence/1.1.3.yaml", "person: Adviser", "service: C"
    ),
    "an on-site item loses its title": _swap("evidence/1.1.3.yaml", "title: Desk", "place: Hall"),
}


def _grow(path: str, items: int) -> Callable[[Files], None]:
    """Add `items` items at the end of the file's evidence list (before its notes), or not."""
    tail = "  - title: a\n" * items

    def edit(files: Files) -> None:
        body, notes, rest = files[path].partition("notes:")
        body = body[: -len(tail)] if body.endswith(tail) else body + tail
        files[path] = body + notes + rest

    return edit


# The repository's limit on evidence items, lowered for these histories (see `_items_limit`).
ITEMS = 200
PAST_A_LIMIT = "a file past the repository's item limit"
HALF, OTHER_HALF = "a file grows by half the limit", "another grows past the limit in all"
EDITS_IN_TURN = {
    **EDITS,
    PAST_A_LIMIT: _toggle(
        "evidence/1.2.2.yaml", 'element: "1.2.2"\nevidence:\n' + "- title: a\n" * (ITEMS + 1)
    ),
    HALF: _grow("evidence/1.1.1.yaml", ITEMS // 2),
    OTHER_HALF: _grow("evidence/1.1.3.yaml", ITEMS // 2 + 1),
}


@pytest.fixture(autouse=True)
def _items_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository_limits, "MAX_EVIDENCE_ITEMS", ITEMS)


def _write(root: Path, files: Files) -> None:
    for path in {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}:
        if not path.startswith(".git/") and path not in files:
            (root / path).unlink()
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8", newline="")


def _history(root: Path, steps: list[str]) -> Path:
    init_git(root)
    files = dict(BASE)
    _write(root, files)
    commit_all(root, "base")
    for step in steps:
        EDITS_IN_TURN[step](files)
        _write(root, files)
        commit_all(root, step)
    return root


def _compare(root: Path, spec: str) -> list[Any]:
    """Each commit's facts from the walk; each equal to reading that commit whole."""
    standard = load_standard()
    with open_history(root, standard) as history:
        walked = [(found.commit, evidence_facts(found.evidence)) for found in history.walk(spec)]
        for commit, facts in walked:
            assert facts == evidence_facts(history.read(commit, commit).evidence), commit
    return [facts for _, facts in walked]


def test_each_kind_of_change_reads_as_the_whole_commit(tmp_path: Path) -> None:
    steps = [name for name in EDITS_IN_TURN for _ in range(2)]  # each change, then undone
    # and some at once: a duplicate id whose first definition moves, then goes
    steps += ["a later file defines the same id", "every line of a defining file moves",
              "notes in another", "the first definition goes", "notes in two files",
              PAST_A_LIMIT, "notes in one file", "notes in another", PAST_A_LIMIT,
              HALF, "notes in another", OTHER_HALF, "notes in two files",
              OTHER_HALF, HALF,
              # two files alike (each says it is empty); cse.yaml broken while a path comes
              "an empty element file", "another empty one", "cse.yaml is not YAML",
              "the document goes or comes back", "cse.yaml is not YAML",
              "an empty element file", "another empty one"]  # fmt: skip
    facts = _compare(_history(tmp_path / "repo", steps), f"HEAD~{len(steps)}..HEAD")
    assert len(facts) == len(steps)
    problems = {problem.message for found in facts for problem in found[0]}
    said = [str(problem) for found in facts for problem in found[0]]
    # the histories cross what they were built to cross
    assert any("already defined at evidence/1.1.1.yaml:4" in m for m in problems)
    assert any("already defined at evidence/1.1.1.yaml:5" in m for m in problems)
    assert any("names no evidence item id" in m for m in problems)
    assert any("names no on-site item id" in m for m in problems)
    assert any("under on_site: cites an evidence item" in m for m in problems)
    assert any("an on-site item needs a title" in m for m in problems)
    assert any("does not exist" in m for m in problems)
    assert any("already given in" in m for m in problems)
    assert any("not one of cse.yaml's services" in m for m in problems)
    assert any(f"over the limit of {ITEMS} for a repository" in m for m in problems)
    assert any("evidence/empty-2.yaml:1:1: error: expected an element file" in m for m in said)
    assert sum("cse.yaml" in m and "YAML syntax" in m for m in said) >= 2


@pytest.mark.parametrize("seed", range(4))
def test_random_histories_read_as_each_commit_whole(tmp_path: Path, seed: int) -> None:
    chooser = random.Random(seed)  # noqa: S311 - a reproducible history, not a secret
    steps = [chooser.choice(list(EDITS)) for _ in range(40)]
    _compare(_history(tmp_path / "repo", steps), "HEAD~40..HEAD")


def test_the_last_commit_is_patched_when_only_element_files_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the shortcut is taken where it can be, and not where it cannot
    steps = ["notes in one file", "notes in two files", "a service leaves cse.yaml",
             "every line of a defining file moves", "the document's words change"]  # fmt: skip
    root = _history(tmp_path / "repo", steps)
    taken: list[bool] = []
    patched = rereading.patched

    def spy(*args: Any) -> RepositoryRead | None:
        found = patched(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(rereading, "patched", spy)
    _compare(root, "HEAD~5..HEAD")
    # the first is read whole; then cse.yaml changes, and the moved lines change where
    # 1.1.1 defines its id; a document's words are not read
    assert taken == [True, False, False, True]
