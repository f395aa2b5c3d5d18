"""Any edit of any file: it reads back as meant, and leaves the rest of the file as it was.

The files are the examples', those `cse init` writes, and files generated in
varied styles (indented or not, CRLF, comments everywhere, brackets, quoted
keys, no final line break). The edits are drawn at random from what the file
holds, with awkward values. Each edit is made on its own, and:

1. cse's loader reads back exactly the data the edit means (`yaml_model.model`);
2. every line outside the lines the edit may touch (`yaml_text.touched`, from
   PyYAML's own composer) is still there, byte for byte, in order;
3. every comment is still there, except those on lines of what the edit removed,
   and no comment is added.

Then all the edits made at once give the same bytes as one after another.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile
from cse_cli.core.reviews import Review
from cse_cli.io.scaffold_text import config_text, element_text
from cse_cli.io.yaml_edit import (
    Delete,
    Edit,
    FileNotEditable,
    Insert,
    Move,
    Path,
    Set,
    apply_edits,
    key_order,
)
from cse_cli.io.yaml_edit.edits import same
from cse_cli.io.yaml_edit.layout import Layout
from cse_cli.io.yaml_loader import load
from tests.helpers import ANYTOWN, BOLTON
from tests.yaml_model import AWKWARD, model
from tests.yaml_text import comments, comments_on, kept_in_order, styled, touched

ELEMENT, REVIEW, CONFIG = key_order(ElementFile), key_order(Review), key_order(Config)
REAL = [
    *((p.name, p.read_bytes(), ELEMENT) for p in sorted((BOLTON / "evidence").glob("*.yaml"))),
    *((p.name, p.read_bytes(), ELEMENT) for p in sorted((ANYTOWN / "evidence").glob("*.yaml"))),
    *((p.name, p.read_bytes(), REVIEW) for p in sorted((ANYTOWN / "reviews").glob("*.yaml"))),
    *(("cse.yaml", (e / "cse.yaml").read_bytes(), CONFIG) for e in (BOLTON, ANYTOWN)),
    (
        "init.yaml",
        element_text("1.1.1", "1.1.1 heading", "We have an understanding.").encode(),
        ELEMENT,
    ),
    ("init-cse.yaml", config_text("Anytown").encode(), CONFIG),
]
WORDS = st.sampled_from(["Library", "survey", "staff", "#5", "a:b", "résumé", "yes", "2026"])
TEXTS = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=12),
    st.lists(WORDS, min_size=20, max_size=40).map(" ".join),
)
SCALARS = st.one_of(
    TEXTS,
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(),
    st.dates(min_value=dt.date(1900, 1, 1)),
)
KEYS = st.one_of(
    st.sampled_from(["owner", "final", "id", "title", "date", "notes", "inferred", "reviews"]),
    st.sampled_from(["yes", "1", "a b", "k: x", "#k", "null", "<<", "é", "-k", "x,y"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(KEYS, st.none() | inner, max_size=3)
    ),
    max_leaves=6,
)
ITEMS = st.fixed_dictionaries(
    {"title": TEXTS},
    optional={
        "id": st.sampled_from(["A-1", "B-2"]),
        "date": st.dates(),
        "notes": TEXTS,
        "inferred": st.lists(st.sampled_from(["date", "title"]), max_size=2),
    },
)
DOCUMENTS = st.fixed_dictionaries(
    {"element": st.just("1.1.1")},
    optional={
        "owner": TEXTS,
        "final": st.sampled_from(["full", "partial", None]),
        "verified_on_site": st.booleans(),
        "key_questions": st.lists(TEXTS, max_size=3),
        "evidence": st.lists(ITEMS, max_size=4),
        "development_points": st.lists(
            TEXTS
            | st.fixed_dictionaries(
                {
                    "point": TEXTS,
                    "reviews": st.fixed_dictionaries(
                        {"surveillance-1": st.fixed_dictionaries({"response": TEXTS})}
                    ),
                }
            ),
            max_size=2,
        ),
        "notes": TEXTS,
        "yes": VALUES,
    },
)


@st.composite
def generated(draw: st.DrawFn) -> tuple[str, bytes, Any]:
    """A file in a style of its own: indentation, dashes, brackets, line ends, comments."""
    return "generated.yaml", styled(draw, draw(DOCUMENTS)).encode(), ELEMENT


FILES = st.one_of(st.sampled_from(REAL), generated())


# --- edits drawn from what the data holds ---------------------------------------------------


def _paths(data: object, path: Path = ()) -> list[tuple[Path, object]]:
    found = [(path, data)]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


@st.composite
def edits(draw: st.DrawFn, data: object) -> Edit:
    """One edit that fits `data`."""
    everything = _paths(data)
    inside = [p for p, _ in everything if p]
    maps = [p for p, v in everything if isinstance(v, dict)]
    lists = [(p, v) for p, v in everything if isinstance(v, list)]
    kinds = ["set"] + (["new", "deep", "merge"] if maps else [])
    kinds += ["none", "delete"] if inside else []
    kinds += ["insert", "append", "move"] if lists else []
    kind = draw(st.sampled_from(kinds))
    event(f"edit: {kind}")
    if kind in {"set", "none", "delete"}:
        path = draw(st.sampled_from(inside or [()]))
        if kind == "set":
            return Set(path, draw(VALUES))
        return Set(path, None) if kind == "none" and isinstance(path[-1], str) else Delete(path)
    if kind in {"new", "deep", "merge"}:
        return _in_mapping(draw, kind, data, draw(st.sampled_from(maps)))
    path, items = draw(st.sampled_from(lists))
    return _in_list(draw, kind, path, len(items))


def _in_mapping(draw: st.DrawFn, kind: str, data: object, path: Path) -> Edit:
    mapping = _at(data, path)
    if kind == "merge":
        return Set(path, _changed(draw, mapping))
    key = draw(KEYS.filter(lambda k: k not in mapping))
    choices: list[Path] = [(), ("sub",), (0,), ("a", "b")]
    deeper = draw(st.sampled_from(choices)) if kind == "deep" else ()
    return Set((*path, key, *deeper), draw(VALUES))


def _in_list(draw: st.DrawFn, kind: str, path: Path, length: int) -> Edit:
    if kind == "append":
        return Set((*path, length), draw(VALUES))
    if kind == "insert" or length < 2:
        return Insert((*path, draw(st.integers(0, length))), draw(VALUES))
    return Move((*path, draw(st.integers(0, length - 1))), draw(st.integers(0, length - 1)))


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _changed(draw: st.DrawFn, mapping: dict[str, Any]) -> dict[str, Any]:
    """A mapping as a form would post it back: some values changed, some gone, some new."""
    new = dict(mapping)
    for key, value in mapping.items():
        if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
            continue  # lists of records change item by item (Insert, Delete, Move)
        action = draw(st.sampled_from(["keep", "keep", "change", "drop"]))
        if action == "change":
            new[key] = draw(SCALARS)
        elif action == "drop":
            new[key] = None
    new.update(draw(st.dictionaries(KEYS, SCALARS, max_size=2)))
    return new


# --- the properties -------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_edit_reads_back_as_meant_and_leaves_the_rest(data: st.DataObject) -> None:
    name, raw, order = data.draw(FILES)
    event("a generated file" if name == "generated.yaml" else "a real file")
    current: object = load(raw, name).data
    text, made = raw, []
    for _ in range(data.draw(st.integers(1, 4))):
        edit = data.draw(edits(current))
        after = _attempt(text, edit, name, order)
        if isinstance(after, FileNotEditable):
            assert "inside brackets" in str(after), after
            event("refused: a comment inside brackets")
            return
        meant = model(current, edit)
        read = load(after, name)
        assert not read.problems, read.problems
        assert same(read.data, meant), (edit, read.data, meant)
        _check_text(text.decode(), after.decode(), edit)
        event("the text changed" if after != text else "nothing to change")
        text, current = after, meant
        made.append(edit)
    at_once = apply_edits(raw, made, file=name, order=order)
    assert same(load(at_once, name).data, current)
    assert not comments(at_once.decode()) - comments(raw.decode()), "a comment added"


def _attempt(text: bytes, edit: Edit, name: str, order: Any) -> bytes | FileNotEditable:
    try:
        return apply_edits(text, [edit], file=name, order=order)
    except FileNotEditable as refused:
        return refused


def _check_text(before: str, after: str, edit: Edit) -> None:
    if before == after:
        return
    changed, removable = touched(before, edit)
    missing = kept_in_order(before, after, changed)
    assert missing is None, (missing, edit, before, after)
    was, now = comments(before), comments(after)
    assert not now - was, f"comments added: {now - was}"
    lost = was - now - comments_on(before, removable)
    assert not lost, (f"comments lost: {lost}", edit, before, after)


def test_the_real_files_are_all_there_to_draw() -> None:
    kinds = Counter(order for _, _, order in REAL)
    assert kinds[ELEMENT] == 57 + 57 + 1  # both examples' element files, and cse init's
    assert kinds[REVIEW] >= 2
    assert kinds[CONFIG] == 3


def test_the_checks_catch_a_writer_that_drops_a_comment(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"l:\n  - a\n  # about b\n  - b\n  - c\n"
    edit = Delete(("l", 2))
    _check_text(raw.decode(), apply_edits(raw, [edit]).decode(), edit)  # as written: kept
    monkeypatch.setattr(Layout, "gaps", lambda _, node: ["" for _ in node.children[1:]])
    dropped = apply_edits(raw, [edit]).decode()  # a planted bug: the lines between items go
    assert dropped == "l:\n  - a\n  - b\n"
    with pytest.raises(AssertionError, match="is missing or out of order"):
        _check_text(raw.decode(), dropped, edit)
