"""Typical edits on real files, to the byte: what changes, and that nothing else does."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cse_cli.core.evidence import ElementFile
from cse_cli.core.reviews import Review
from cse_cli.io.scaffold_text import element_text
from cse_cli.io.yaml_edit import (
    Delete,
    EditDoesNotFit,
    FileNotEditable,
    Insert,
    Move,
    Set,
    WouldReadDifferently,
    apply_edits,
    changes,
    key_order,
    rewrite,
    scalars,
)
from cse_cli.io.yaml_loader import load
from tests.helpers import ANYTOWN, BOLTON

ORDER = key_order(ElementFile)
BOLTON_113 = (BOLTON / "evidence" / "1.1.3.yaml").read_bytes()
ANYTOWN_133 = (ANYTOWN / "evidence" / "1.3.3.yaml").read_bytes()
TEMPLATE = element_text("1.1.1", "1.1.1 heading", "We have an understanding.").encode()


def _edit(raw: bytes, *edits: Set | Delete | Insert | Move) -> str:
    return apply_edits(raw, list(edits), file="evidence/x.yaml", order=ORDER).decode()


def _replaced(raw: bytes, old: str, new: str) -> str:
    text = raw.decode()
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_set_a_rating() -> None:
    assert _edit(BOLTON_113, Set(("final",), "partial")) == _replaced(
        BOLTON_113, "final: full\n", "final: partial\n"
    )


def test_add_a_key_that_was_absent_where_the_template_puts_it() -> None:
    assert _edit(BOLTON_113, Set(("owner",), "Head of Student Services")) == _replaced(
        BOLTON_113,
        'element: "1.1.3"\n',
        'element: "1.1.3"\nowner: Head of Student Services\n',
    )
    assert _edit(BOLTON_113, Set(("self_assessment",), "full")) == _replaced(
        BOLTON_113, "desk_top: partial\n", "self_assessment: full\ndesk_top: partial\n"
    )
    assert _edit(BOLTON_113, Set(("notes",), "Seen")).endswith("context\nnotes: Seen\n")


def test_add_an_evidence_item_to_a_list() -> None:
    item = {"title": "Library induction", "service": "Library", "date": dt.date(2026, 3, 9)}
    assert _edit(BOLTON_113, Insert(("evidence", 1), item)) == _replaced(
        BOLTON_113,
        "    service: Library\n  - title: Appointments\n",
        "    service: Library\n"
        "  - title: Library induction\n"
        "    service: Library\n"
        "    date: 2026-03-09\n"
        "  - title: Appointments\n",
    )


def test_an_items_keys_go_in_the_templates_order() -> None:
    item = {"notes": "Strongest", "date": dt.date(2026, 1, 31), "title": "Survey", "id": "S-1"}
    written = _edit(BOLTON_113, Insert(("evidence", 12), item))
    assert written.endswith(
        "  - id: S-1\n    title: Survey\n    date: 2026-01-31\n    notes: Strongest\n"
    )


def test_add_the_first_item_to_an_empty_list() -> None:
    item = {"title": "Ward profiles", "inferred": ["date"]}
    new_lines = "evidence:\n  - title: Ward profiles\n    inferred: [date]\n"
    assert _edit(TEMPLATE, Insert(("evidence", 0), item)) == _replaced(
        TEMPLATE, "evidence: []\n", new_lines
    )
    empty = TEMPLATE.replace(b"evidence: []\n", b"evidence:\n")
    assert _edit(empty, Insert(("evidence", 0), item)) == TEMPLATE.decode().replace(
        "evidence: []\n", new_lines
    )


def test_remove_an_item() -> None:
    assert _edit(BOLTON_113, Delete(("evidence", 1))) == _replaced(
        BOLTON_113, "  - title: Appointments\n", ""
    )


def test_remove_the_first_key_of_an_item() -> None:
    assert _edit(BOLTON_113, Delete(("evidence", 3, "id"))) == _replaced(
        BOLTON_113, "  - id: WEBSITE-24-7\n    title:", "  - title:"
    )


def test_move_an_item() -> None:
    assert _edit(BOLTON_113, Move(("evidence", 2), 1)) == _replaced(
        BOLTON_113,
        "  - title: Appointments\n  - title: Subject help\n",
        "  - title: Subject help\n  - title: Appointments\n",
    )


def test_move_an_item_with_its_comment() -> None:
    comment = (
        "    inferred: [service]       # the report does not print it: read from the context\n"
    )
    meet = "  - id: MEET-AND-EAT\n    title: Meet and Eat event at Halls\n"
    counsellor = "  - title: A female counsellor is available for appointments on request\n"
    service = "    service: Student Services\n"
    assert _edit(BOLTON_113, Move(("evidence", 10), 11)) == _replaced(
        BOLTON_113,
        meet + service + comment + counsellor + service + comment,
        counsellor + service + comment + meet + service + comment,
    )


def test_respond_to_a_development_point() -> None:
    path = ("development_points", 0, "reviews", "surveillance-2", "response")
    assert _edit(ANYTOWN_133, Set(path, "Still in every survey")) == _replaced(
        ANYTOWN_133,
        "        update: Seen in the survey forms; addressed\n",
        "        update: Seen in the survey forms; addressed\n"
        "      surveillance-2:\n"
        "        response: Still in every survey\n",
    )


def test_an_inline_list_grows_in_place_and_its_comment_stays() -> None:
    assert _edit(BOLTON_113, Set(("evidence", 5, "inferred"), ["service", "date"])) == _replaced(
        BOLTON_113,
        "    service: Student Services\n    inferred: [service]       # the report does not print"
        " it: read from the context\n  - title: Bite",
        "    service: Student Services\n    inferred: [service, date]       # the report does not"
        " print it: read from the context\n  - title: Bite",
    )


def test_the_template_is_filled_in_with_its_comments_kept() -> None:
    written = _edit(
        TEMPLATE,
        Set(("owner",), "Jo Bloggs"),
        Set(("surveillance_1",), "full"),
        Set(("key_questions",), ["Discuss with managers"]),
    )
    expected = (
        TEMPLATE.decode()
        .replace("owner:\n", "owner: Jo Bloggs\n")
        .replace("surveillance_1:               #", "surveillance_1: full          #")
        .replace("key_questions: []\n", "key_questions:\n  - Discuss with managers\n")
    )
    assert written == expected


def test_an_empty_field_removes_the_key_and_an_empty_key_stays() -> None:
    assert _edit(BOLTON_113, Set(("desk_top",), None)) == _replaced(
        BOLTON_113, "desk_top: partial\n", ""
    )
    assert _edit(TEMPLATE, Set(("owner",), None), Set(("surveillance_1",), None)) == (
        TEMPLATE.decode()
    )


def test_a_crlf_file_stays_crlf() -> None:
    raw = BOLTON_113.replace(b"\n", b"\r\n")
    written = _edit(raw, Insert(("evidence", 0), {"title": "A", "notes": "one\ntwo"}))
    assert "\n" not in written.replace("\r\n", "")
    assert "  - title: A\r\n    notes: |-\r\n      one\r\n      two\r\n" in written


def test_an_item_set_whole_keeps_what_did_not_change() -> None:
    item = load(BOLTON_113, "x").data["evidence"][5]
    assert _edit(BOLTON_113, Set(("evidence", 5), {**item, "title": "Evening service"})) == (
        _replaced(
            BOLTON_113,
            "title: Student adviser evening service\n",
            "title: Evening service\n",
        )
    )


def test_the_whole_file_rewritten_as_it_is_is_the_same_bytes() -> None:
    for path in sorted((BOLTON / "evidence").glob("*.yaml")):
        raw = path.read_bytes()
        assert rewrite(raw, load(raw, path.name).data) is raw


def test_changes_are_one_edit_per_change() -> None:
    old = load(BOLTON_113, "x").data
    new = {**old, "final": "partial", "evidence": old["evidence"][1:]}
    assert changes(old, new) == [Set(("final",), "partial"), Delete(("evidence", 0))]
    assert changes(old, old) == []


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (Set(("final", "x"), 1), "evidence/x.yaml:5:8: error: final: holds text, not a mapping"),
        (
            Delete(("evidence", 20)),
            "evidence/x.yaml:10:3: error: evidence[20]: the list has 12 items",
        ),
        (Move(("evidence", 0), 12), "cannot move item 0 to 12: the list has 12 items"),
        (Insert(("evidence", 13), "x"), "the list has 12 items: insert at 0 to 12"),
        (Insert(("evidence", "x"), "x"), "evidence.x: the path must end with a list index"),
        (Set(("key_questions", 1), None), "a list item cannot be empty (None): delete it instead"),
        (Set(("notes",), ["a", None]), "notes[1]: a list item cannot be empty (None)"),
        (Set(("notes",), 10**101), "a number of 102 characters: cse reads numbers of at most 100"),
        (Set((), None), "the file: the whole file cannot be emptied: set it to {} instead"),
        (Delete(()), "the file: the whole file cannot be deleted: set it to {} instead"),
    ],
)
def test_an_edit_that_does_not_fit_is_refused(edit: Set, message: str) -> None:
    with pytest.raises(EditDoesNotFit, match=re.escape(message)):
        _edit(BOLTON_113, edit)


def test_a_file_cse_cannot_read_is_not_edited() -> None:
    with pytest.raises(FileNotEditable) as refused:
        _edit(b"final: full\nfinal: partial\n", Set(("owner",), "x"))
    assert str(refused.value) == (
        "evidence/x.yaml:2:1: error: duplicate key 'final' (first at line 1): "
        "YAML would silently keep only the last one"
    )


def test_a_value_behind_an_anchor_is_not_changed() -> None:
    raw = b"a: &shared\n  title: x\nb: *shared\n"
    with pytest.raises(FileNotEditable, match="uses a YAML anchor or alias"):
        _edit(raw, Set(("a", "title"), "y"))
    with pytest.raises(FileNotEditable, match="uses a YAML anchor or alias"):
        _edit(raw, Set(("b", "title"), "y"))
    with pytest.raises(FileNotEditable, match="uses a YAML anchor or alias"):
        _edit(raw, Delete(("a",)))
    assert _edit(raw, Set(("b",), "own value")) == "a: &shared\n  title: x\nb: own value\n"


def test_a_text_that_would_read_differently_is_never_returned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scalars, "plain_ok", lambda *_, **__: True)  # a planted bug
    with pytest.raises(WouldReadDifferently) as refused:
        _edit(BOLTON_113, Set(("owner",), "yes"))  # written plain, `yes` reads as true
    assert str(refused.value) == (
        "evidence/x.yaml:0:0: error: owner would not read back as the value meant, so nothing "
        "was written: this is a bug in cse, please report it"
    )


@pytest.mark.parametrize(
    ("raw", "edits", "expected"),
    [
        (  # a byte order mark stays, outside the columns
            b"\xef\xbb\xbfdate: 2027-03-10\nassessor: A\n",
            [Set(("assessor",), "B"), Set(("days",), 1.5)],
            b"\xef\xbb\xbfdate: 2027-03-10\nassessor: B\ndays: 1.5\n",
        ),
        (  # old Mac line ends
            b"date: 2027-03-10\rassessor: A\r",
            [Set(("assessor",), "B"), Set(("plan",), [{"date": dt.date(2027, 3, 10)}])],
            b"date: 2027-03-10\rassessor: B\rplan:\r  - date: 2027-03-10\r",
        ),
        (  # a directive, document markers and what comes after the document
            b"%YAML 1.1\n---\ndate: 2027-03-10\n...\n# after\n",
            [Set(("notes",), "n")],
            b"%YAML 1.1\n---\ndate: 2027-03-10\nnotes: n\n...\n# after\n",
        ),
        (  # a tab before a comment: cse reads it (ruamel.yaml refuses the file)
            b"date: 2027-03-10\nassessor: A\t# tab before\n",
            [Set(("assessor",), "B")],
            b"date: 2027-03-10\nassessor: B\t# tab before\n",
        ),
        (  # a new file: only the line that points editors at the schema
            b"# yaml-language-server: $schema=../.cse/review.schema.json\n",
            [Set((), {"date": dt.date(2027, 3, 10), "plan": [{"people": ["Head of X", "Y"]}]})],
            b"# yaml-language-server: $schema=../.cse/review.schema.json\n"
            b"date: 2027-03-10\nplan:\n  - people:\n      - Head of X\n      - Y\n",
        ),
        (b"", [Set(("date",), dt.date(2027, 3, 10))], b"date: 2027-03-10\n"),
        (  # a tag goes with the value it tagged
            b"k: !!map   # c\n  a: 1\nj: !!str |-  # d\n  a\n",
            [Set(("k",), "x"), Set(("j",), "y\nz")],
            b"k: x   # c\nj: |-  # d\n  y\n  z\n",
        ),
        (b"k: !!map\n  a: 1\n", [Set(("k", "b"), 2)], b"k: !!map\n  a: 1\n  b: 2\n"),
        (  # a literal block would take in the comment after it: the text stays on its line
            b"a:\n  k: x\n    # deep\nb: 1\n",
            [Set(("a", "k"), "one\ntwo")],
            b'a:\n  k: "one\\ntwo"\n    # deep\nb: 1\n',
        ),
        (
            b"a:\n  k: x\n  # level with k\nb: 1\n",
            [Set(("a", "k"), "one\ntwo")],
            b"a:\n  k: |-\n    one\n    two\n  # level with k\nb: 1\n",
        ),
        (b"---\n", [Set(("date",), dt.date(2027, 3, 10))], b"---\ndate: 2027-03-10\n"),
        (  # brackets keep their own spacing, and the comment after them stays
            b"changes: { criterion_1: x }   # c\n",
            [Set(("changes", "criterion_2"), "y, z"), Delete(("changes", "criterion_1"))],
            b'changes: { criterion_2: "y, z" }   # c\n',
        ),
    ],
)
def test_files_of_every_shape(raw: bytes, edits: list[Set | Delete], expected: bytes) -> None:
    assert apply_edits(raw, edits, order=key_order(Review)) == expected
