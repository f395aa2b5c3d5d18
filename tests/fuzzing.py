"""What the loader promises for any bytes, as checks the fuzzer and the property tests share.

`check_load` and `check_read` take one input and raise AssertionError when the
contract is broken: they are what fuzz/fuzz_loader.py runs on every input the
coverage-guided fuzzer makes, and what tests/io/test_fuzz.py runs on generated ones.

- `load` never raises; every problem is located at line >= 1 and column >= 1 and
  is one line; when it reports no problem, the data is exactly what PyYAML's safe
  C loader makes of the same bytes.
- `read_evidence` never raises either; its problems are located the same way, or
  at 0:0 when they concern a whole file.
- Each takes a bounded time (far more than a real file needs).
"""

from __future__ import annotations

import math

import yaml

from cse_cli.core.evidence import Evidence
from cse_cli.core.problems import Problem
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import Entry, Refusal, Unreadable, Why, clean
from cse_cli.io.yaml_loader import load

STANDARD = load_standard()
REDEFINED_ANCHOR = "found duplicate anchor"  # PyYAML's words for an anchor defined again
# The rest of the repository an input is read in: the Bolton example's services,
# and an item that an input may cite with `ref: SHARED`.
CONFIG = b"organisation: Fuzz\nservices: [Library, Student Services, Careers, Reception]\n"
ELEMENT = b'element: "1.1.2"\nfinal: full\nevidence:\n  - id: SHARED\n    title: Shared\n'
AROUND = {
    "cse.yaml": CONFIG,
    "evidence/1.1.2.yaml": ELEMENT,
    "documents/policy.pdf": b"%PDF-1.4\n",
}


class ReferenceLoader(yaml.CSafeLoader):
    """PyYAML's safe C loader, which builds no objects, as `load` must agree with it.

    With the differences `load` makes on purpose, each as YAML 1.2 reads it, where
    PyYAML fails: a plain `<<` or `=` out of place is that text (PyYAML has no
    constructor for its YAML 1.1 tag; a `<<` key is refused by `load` as a merge
    key), and an anchor defined again is allowed, an alias naming the latest
    (`REDEFINED_ANCHOR`).
    """


def _as_text(loader: yaml.CSafeLoader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)  # both tags are resolved from plain scalars
    return str(loader.construct_scalar(node))


ReferenceLoader.add_constructor("tag:yaml.org,2002:merge", _as_text)
ReferenceLoader.add_constructor("tag:yaml.org,2002:value", _as_text)


class MemoryTree:
    """A repository held in memory (rel path -> bytes), read as DirTree reads one on disk."""

    label = "memory"

    def __init__(self, files: dict[str, bytes]) -> None:
        """The repository whose files (by path relative to its root) are `files`."""
        self.files = files

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file, None when it is absent."""
        cleaned = clean(rel)
        if cleaned is None:
            raise Unreadable(Refusal(Why.OUTSIDE))
        return self.files.get(cleaned)

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder)."""
        cleaned = clean(rel)
        if cleaned is None or cleaned in self.files:
            return None
        prefix = "" if cleaned == "." else cleaned + "/"
        names: dict[str, str] = {}
        for path in self.files:
            if path.startswith(prefix):
                name, _, rest = path[len(prefix) :].partition("/")
                names[name] = "dir" if rest else "file"
        if not names:
            return None
        return [
            Entry(name, "dir")
            if kind == "dir"
            else Entry(name, "file", size=len(self.files[prefix + name]))
            for name, kind in sorted(names.items())
        ]

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file, or None when it is."""
        cleaned = clean(rel)
        if cleaned is None:
            return Refusal(Why.OUTSIDE)
        if cleaned in self.files:
            return None
        return Refusal(Why.FOLDER if self.listdir(cleaned) else Why.MISSING)


def same_data(ours: object, theirs: object) -> bool:
    """Equal and of the same types all the way down (NaN equal to NaN, True not 1)."""
    if isinstance(ours, float) and isinstance(theirs, float) and math.isnan(ours):
        return math.isnan(theirs)
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same_data(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(same_data, ours, theirs))
    return type(ours) is type(theirs) and ours == theirs


def check_problems(problems: list[Problem], *, whole_file: bool) -> None:
    """Each problem is located (or at 0:0 for a whole file, when allowed) and one line long."""
    for problem in problems:
        place = (problem.line, problem.column)
        located = problem.line >= 1 and problem.column >= 1
        assert located or (whole_file and place == (0, 0)), f"badly located: {problem!r}"
        assert problem.message, f"no message: {problem!r}"
        assert len(str(problem).splitlines()) == 1, f"not one line: {problem!r}"


def check_load(raw: bytes) -> str:
    """`load` keeps its contract on `raw`; says what it checked, for the share of real work."""
    document = load(raw, "f.yaml")
    check_problems(document.problems, whole_file=False)
    if document.problems:
        return "problems reported, each located"
    try:
        theirs = yaml.load(raw, Loader=ReferenceLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        if REDEFINED_ANCHOR in str(exc):
            return "an anchor redefined: no data to compare"
        msg = f"load found no problem where PyYAML fails: {exc}"
        raise AssertionError(msg) from exc
    assert same_data(document.data, theirs), (document.data, theirs)
    return "loaded, and the data is PyYAML's"


def read_with(files: dict[str, bytes]) -> Evidence:
    """`read_evidence` over `files` held in memory, checked against the contract."""
    evidence = read_evidence(MemoryTree(files), STANDARD)
    check_problems(evidence.problems, whole_file=True)
    return evidence


def check_read(raw: bytes) -> None:
    """`read_evidence` keeps its contract with `raw` as an element file, then as cse.yaml."""
    read_with({**AROUND, "evidence/1.1.1.yaml": raw})
    read_with({**AROUND, "cse.yaml": raw, "evidence/1.1.1.yaml": b'element: "1.1.1"\n'})
