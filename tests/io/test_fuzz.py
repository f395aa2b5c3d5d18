"""Property tests: generated element files, valid ones and ones mutated at the byte and YAML level.

Whatever the bytes, `cse` keeps the contract of tests/contract.py: exit 0, 1 or 2,
every problem located on one line, no traceback, and not a byte of the
repository changed. Valid files read back as what was written.

The example counts are modest so the suite stays quick; for a longer run:

    CSE_FUZZ_SCALE=50 python -m pytest tests/io/test_fuzz.py

(fuzz/README.md describes the coverage-guided fuzzer for the loader.)
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cse_cli.core.evidence import Evidence
from cse_cli.core.ratings import parse_rating
from tests.contract import assert_json_contract, assert_text_contract, problem_lines
from tests.fuzzing import STANDARD, MemoryTree, check_load, read_with
from tests.helpers import run, snapshot

ELEMENT_IDS = STANDARD.element_ids()
SCALE = int(os.environ.get("CSE_FUZZ_SCALE", "1"))


def _examples(count: int) -> settings:
    return settings(
        max_examples=count * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# generated repositories -----------------------------------------------------------------

RATING_WORDS = [
    "compliance-plus", "full", "partial", "non-compliance", "CP", "F", "P", "NC",
    "Full Compliance", "partial compliance", "cp", " P ", "Non-compliance",
]  # fmt: skip
SERVICES = ["Library", "Student Services", "Careers", "Llyfrgell"]
# Without NEL (U+0085): PyYAML writes it raw in a quoted text, where YAML folds it as a
# line break, so yaml.safe_load(yaml.safe_dump(...)) itself does not give it back.
text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x85"), min_size=1, max_size=30
)
# Not a name Windows keeps for a device (CON, NUL, COM1…), whatever follows it: a document
# called NUL.pdf would be written to nowhere there.
names = st.from_regex(r"\A[A-Za-z][A-Za-z0-9-]{0,10}\Z").filter(
    lambda name: re.fullmatch(r"(?i)con|prn|aux|nul|com\d|lpt\d", name) is None
)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
urls = st.from_regex(r"\Ahttps?://[a-z0-9.-]{1,20}(/[A-Za-z0-9._~%-]{0,10}){0,3}\Z")


@st.composite
def items(draw: st.DrawFn, number: str, documents: list[str]) -> dict[str, Any]:
    """One evidence item with a title and any of the optional keys; `number` makes its id unique."""
    item: dict[str, Any] = {"title": draw(text)}
    if draw(st.booleans()):
        item["id"] = f"ID-{number}-{draw(names)}"
    if draw(st.booleans()):
        item["service"] = draw(st.sampled_from(SERVICES))
    if draw(st.booleans()):
        item["date"] = draw(dates)
    if draw(st.booleans()):
        item["url"] = draw(urls)
    if draw(st.booleans()) and documents:
        item["path"] = draw(st.sampled_from(documents))
    return item


@st.composite
def element_files(draw: st.DrawFn, element_id: str, documents: list[str]) -> dict[str, Any]:
    """The data of one valid element file."""
    data: dict[str, Any] = {"element": element_id}
    for stage in ("self_assessment", "desk_top", "final"):
        if draw(st.booleans()):
            data[stage] = draw(st.sampled_from(RATING_WORDS))
    optional = {
        "owner": text,
        "verified_on_site": st.booleans(),
        "key_questions": st.lists(text, max_size=3),
        "visit_evidence": text,
        "compliance_plus": text,
        "notes": text,
        "development_points": st.lists(
            st.one_of(
                text,
                st.fixed_dictionaries(
                    {"point": text},
                    optional={
                        "raised": dates,
                        "status": st.sampled_from(["open", "addressed"]),
                        "progress": text,
                    },
                ),
            ),
            max_size=3,
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    count = draw(st.integers(0, 6))
    data["evidence"] = [draw(items(f"{element_id}-{index}", documents)) for index in range(count)]
    return data


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, Any]:
    """cse.yaml, element files and documents, as data: rel path -> data (bytes for documents)."""
    # distinct in any case: macOS and Windows fold it, so a.pdf and A.pdf are one file there
    drawn = draw(st.lists(names, max_size=3, unique_by=str.casefold))
    documents = [f"documents/{name}.pdf" for name in drawn]
    chosen = draw(st.lists(st.sampled_from(ELEMENT_IDS), min_size=1, max_size=6, unique=True))
    config: dict[str, Any] = {"organisation": draw(text)}
    if draw(st.booleans()):
        config["services"] = SERVICES
    repo: dict[str, Any] = {"cse.yaml": config}
    for element_id in chosen:
        repo[f"evidence/{element_id}.yaml"] = draw(element_files(element_id, documents))
    ids = [
        item["id"]
        for rel, data in repo.items()
        if rel != "cse.yaml"
        for item in data["evidence"]
        if "id" in item
    ]
    if draw(st.booleans()) and ids:  # cite an item from another file
        repo[f"evidence/{chosen[0]}.yaml"]["evidence"].append({"ref": draw(st.sampled_from(ids))})
    for document in documents:
        repo[document] = b"%PDF-1.4\n"
    return repo


class _Dumper(yaml.SafeDumper):
    """`yaml.safe_dump`'s writer, which also writes frozensets (as `!!set`, to be refused)."""


_Dumper.add_representer(frozenset, _Dumper.represent_set)


@st.composite
def dumped(draw: st.DrawFn, data: object) -> bytes:
    """`data` written as YAML in one of the styles people (and tools) write."""
    text_out = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None, True])),
        sort_keys=draw(st.booleans()),
        width=draw(st.sampled_from([80, 40, 1000])),
        explicit_start=draw(st.booleans()),
        indent=draw(st.sampled_from([2, 4])),
    )
    if draw(st.booleans()):
        text_out = text_out.replace("\n", "\r\n")
    raw = text_out.encode()
    return b"\xef\xbb\xbf" + raw if draw(st.booleans()) else raw


@st.composite
def as_files(draw: st.DrawFn, repo: dict[str, Any]) -> dict[str, bytes]:
    """The files of `repo`, each element file and cse.yaml written in a style of its own."""
    return {
        rel: data if isinstance(data, bytes) else draw(dumped(data)) for rel, data in repo.items()
    }


def _read(files: dict[str, bytes]) -> Evidence:
    """The evidence in `files`; fails when a problem is not located on one line."""
    return read_with(files)


def _event(evidence: Evidence) -> None:
    """Tell Hypothesis's statistics whether the mutation was still valid evidence."""
    errors = [p for p in evidence.problems if p.severity == "error"]
    event("still a valid repository" if not errors else "invalid: errors located")


# valid files ------------------------------------------------------------------------------


@_examples(60)
@given(st.data())
def test_a_valid_repository_reads_back_as_written(data: st.DataObject) -> None:
    repo = data.draw(repositories())
    evidence = _read(data.draw(as_files(repo)))
    assert evidence.problems == [], [str(p) for p in evidence.problems]
    items = sum(len(element.evidence) for element in evidence.elements.values())
    event(f"{len(evidence.elements)} element files" if items else "no evidence item")
    for rel, written in repo.items():
        if not rel.startswith("evidence/"):
            continue
        element = evidence.elements[written["element"]]
        assert element.final == parse_rating(written.get("final"))
        assert element.desk_top == parse_rating(written.get("desk_top"))
        assert len(element.evidence) == len(written["evidence"])
        for item, original in zip(element.evidence, written["evidence"], strict=True):
            assert item.title == original.get("title")
            assert item.date == original.get("date")


# mutated files ----------------------------------------------------------------------------

FRAGMENTS = [
    b"\n", b"\r\n", b"\r", b"\t", b" ", b"  ", b"- ", b": ", b":", b"[", b"]", b"{", b"}",
    b",", b"'", b'"', b"#", b"&a ", b"*a", b"&b [*a, *a, *a, *a]", b"!!str ", b"!!int ",
    b"!!python/object:os.system ", b"!custom ", b"<<: ", b"<<", b"=", b"? ", b"---\n", b"...\n",
    b"%YAML 1.1\n", b"|\n", b">-\n", b"\x00", b"\x07", b"\xff", b"\xe9", b"\xef\xbb\xbf",
    b"\xd0\xa0", b"\xe2\x80\x8b", b"\xe2\x80\xae", b"yes", b"no", b"~", b"null", b"1.10",
    b"2015-02-30", b"1:30", b"0x1F", b".inf", b"full", b"element", b"finale", b"evidence",
    b"title", b"path: ../../etc/passwd", b"path: /etc/passwd", b"ref: NOWHERE",
    b'"\\u0000"', b"[" * 70, b"9" * 150, b"x" * 5000,
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` after a few edits at random places: deletions, insertions, replacements, cuts."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "cut", "repeat-line"]))
        if kind == "insert":
            fragment = draw(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=8)))
            raw = raw[:at] + fragment + raw[at:]
        elif kind == "delete":
            raw = raw[:at] + raw[at + draw(st.integers(1, 20)) :]
        elif kind == "replace" and at < len(raw):
            raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
        elif kind == "cut":
            raw = raw[:at]
        elif kind == "repeat-line":
            start = raw.rfind(b"\n", 0, at) + 1
            end = raw.find(b"\n", at)
            line = raw[start : end + 1 if end != -1 else len(raw)]
            raw = raw[:start] + line * draw(st.integers(2, 5)) + raw[start:]
    return raw


HOSTILE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**120, max_value=10**130),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.text(max_size=20),
    st.sampled_from(["Р", "СР", "ΝC", "full\u200b", "\u202efull", "Ｆ", "fully", "", " "]),
    st.just("y" * 10_000),
    st.lists(st.integers(), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.frozensets(st.integers(), max_size=3),  # written with the !!set tag
    st.binary(max_size=8),  # written with the !!binary tag
    st.recursive(st.just([]), lambda inner: st.lists(inner, max_size=2), max_leaves=80),
)


def _somewhere(draw: st.DrawFn, data: Any) -> tuple[Any, Any]:
    """A place in `data`, as its parent and the key or index there (perhaps not present)."""
    path: list[Any] = []
    node = data
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        key = draw(
            st.sampled_from(sorted(node, key=str) if isinstance(node, dict) else range(len(node)))
        )
        path.append(key)
        node = node[key]
    if not path:
        path = [draw(st.sampled_from(["final", "element", "evidence", "owner", "zzz"]))]
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    return parent, path[-1]


def _billion_laughs(draw: st.DrawFn) -> Any:
    """Nested lists that share themselves: safe_dump writes them as nested aliases."""
    laughs: Any = ["lol"] * 10
    for _ in range(draw(st.integers(2, 7))):
        laughs = [laughs] * 10
    return laughs


@st.composite
def yaml_mutated(draw: st.DrawFn, data: Any) -> Any:
    """`data` with a value replaced, a key misspelt, removed or added, or a value shared.

    A copy is changed, never `data` itself: a strategy may hand the same object to
    another example (`st.just`, `st.sampled_from`), which must not see the change.
    """
    data = copy.deepcopy(data)
    parent, last = _somewhere(draw, data)
    kind = draw(st.sampled_from(["replace", "misspell", "remove", "add", "share", "bomb"]))
    if isinstance(parent, list) and kind in {"misspell", "add"}:
        kind = "replace"
    present = last in parent if isinstance(parent, dict) else True
    if kind == "replace":
        parent[last] = draw(HOSTILE_VALUES)
    elif kind == "misspell" and present:
        parent[f"{last}e"] = parent.pop(last)
    elif kind == "remove" and isinstance(parent, dict) and present:
        del parent[last]
    elif kind == "add":
        key = draw(st.one_of(st.text(max_size=8), st.integers(), st.booleans()))
        parent[key] = draw(HOSTILE_VALUES)
    elif kind == "share":  # the same object twice: safe_dump writes an anchor and an alias
        shared = draw(HOSTILE_VALUES)
        parent[last] = [shared, shared] if isinstance(shared, (list, dict)) else shared
    elif kind == "bomb":
        parent[last] = _billion_laughs(draw)
    return data


@_examples(150)
@given(st.data())
def test_bytes_mutated_anywhere_keep_the_contract(data: st.DataObject) -> None:
    repo = data.draw(repositories())
    files = data.draw(as_files(repo))
    rel = data.draw(st.sampled_from(sorted(files)))
    files[rel] = data.draw(mutated(files[rel]))
    _event(_read(files))


@_examples(150)
@given(st.data())
def test_yaml_mutated_anywhere_keeps_the_contract(data: st.DataObject) -> None:
    repo = data.draw(repositories())
    rel = data.draw(st.sampled_from([rel for rel in sorted(repo) if rel.endswith(".yaml")]))
    repo[rel] = data.draw(yaml_mutated(repo[rel]))
    _event(_read(data.draw(as_files(repo))))


@_examples(40)
@given(st.data())
def test_the_command_line_keeps_the_contract_on_mutated_files(data: st.DataObject) -> None:
    """Through the command line, on disk: both outputs agree and the repository is unchanged."""
    repo = data.draw(repositories())
    files = data.draw(as_files(repo))
    rel = data.draw(st.sampled_from(sorted(files)))
    if data.draw(st.booleans()):
        files[rel] = data.draw(mutated(files[rel]))
    else:
        repo[rel] = data.draw(yaml_mutated(repo[rel])) if rel.endswith(".yaml") else repo[rel]
        files = data.draw(as_files(repo))
    folder = Path(tempfile.mkdtemp(prefix="cse-fuzz-"))
    try:
        for path, content in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(content)
        before = snapshot(folder)
        as_text = run("check", str(folder))
        assert_text_contract(as_text.exit_code, as_text.stdout, as_text.stderr)
        as_json = run("check", str(folder), "--format", "json")
        report = assert_json_contract(as_json.exit_code, as_json.stdout, as_json.stderr)
        assert as_json.exit_code == as_text.exit_code
        event({0: "a verdict: met", 1: "a verdict: not met"}.get(as_json.exit_code, "invalid"))
        lines = [
            f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: {p['message']}"
            for p in report.get("problems", [])
        ]
        assert lines == problem_lines(as_text.stderr)
        assert snapshot(folder) == before
    finally:
        shutil.rmtree(folder)


# the loader on its own --------------------------------------------------------------------

yamlish = st.lists(st.sampled_from(FRAGMENTS[:-3]), max_size=40).map(b"".join)


@_examples(400)
@given(st.one_of(st.binary(max_size=200), yamlish))
def test_the_loader_never_raises_and_agrees_with_pyyaml(raw: bytes) -> None:
    event(check_load(raw))  # also what fuzz/fuzz_loader.py checks on every input


def test_memory_tree_answers_like_a_folder(tmp_path: Path) -> None:
    """The in-memory tree the properties use says what DirTree says of the same files."""
    from cse_cli.io.tree import DirTree

    files = {"cse.yaml": b"organisation: X\n", "evidence/1.1.1.yaml": b'element: "1.1.1"\n'}
    for rel, content in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(content)
    memory, disk = MemoryTree(files), DirTree(tmp_path)
    for rel in ("cse.yaml", "evidence", "evidence/1.1.1.yaml", "nowhere", "../x", "."):
        assert memory.check_file(rel) == disk.check_file(rel), rel
    for rel in ("cse.yaml", "evidence/1.1.1.yaml", "nowhere"):
        assert memory.read(rel) == disk.read(rel), rel
    for rel in ("evidence", ".", "cse.yaml", "nowhere"):
        assert memory.listdir(rel) == disk.listdir(rel), rel
