"""An output never replaces an input, under any spelling (issue 18, §1).

Every `-o` of every command is refused, with one line, exit 2 and nothing
written, when it names a file the command reads or the repository holds:
cse.yaml, an element file, a review file, a document named by `path:`, an
editor schema in `.cse/`, or cse's own standard. The files are real (a copy of
the Anytown example, with its schemas), and each spelling reaches the same file
a different way: relative, absolute, `./x/../`, through a symbolic link to the
file or to a folder above it, and through a hard link.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cse_cli.io import resources
from tests.helpers import ANYTOWN, PROJECT, link, matrix_csv, run, snapshot

Spelling = Callable[[Path, str, Path, pytest.MonkeyPatch], str]


def _relative(root: Path, rel: str, _place: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root)
    return rel


def _absolute(root: Path, rel: str, _place: Path, _monkeypatch: pytest.MonkeyPatch) -> str:
    return str(root / rel)


def _dot_dot(root: Path, rel: str, _place: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root)
    folder = rel.split("/", maxsplit=1)[0] if "/" in rel else "evidence"
    return f"./{folder}/../{rel}"


def _link(root: Path, rel: str, place: Path, _monkeypatch: pytest.MonkeyPatch) -> str:
    link(place / "link", root / rel)
    return str(place / "link")


def _link_to_folder(root: Path, rel: str, place: Path, _monkeypatch: pytest.MonkeyPatch) -> str:
    link(place / "folder", root)
    return str(place / "folder" / rel)


def _hard_link(root: Path, rel: str, place: Path, _monkeypatch: pytest.MonkeyPatch) -> str:
    os.link(root / rel, place / "hard")
    return str(place / "hard")


SPELLINGS: dict[str, Spelling] = {
    "relative": _relative,
    "absolute": _absolute,
    "dot-dot": _dot_dot,
    "symbolic-link": _link,
    "link-to-a-folder-above": _link_to_folder,
    "hard-link": _hard_link,
}
COMMANDS = {
    "report md": ["report", "--format", "md"],
    "report html": ["report", "--format", "html"],
    "report docx": ["report", "--format", "docx"],
    "report review": ["report", "--review", "surveillance-1", "--format", "md"],
    "export csv": ["export", "--format", "csv"],
    "export xlsx": ["export", "--format", "xlsx"],
    "pack": ["pack"],
}
TARGETS = {  # each input, and what the refusal says it is
    "cse.yaml": "the repository's settings",
    "evidence/1.3.1.yaml": "an element file of the repository",
    "reviews/surveillance-1.yaml": "a review file of the repository",
    "documents/satisfaction-2026.md": "a document the evidence cites",
    ".cse/element.schema.json": "an editor schema of the repository",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of Anytown, with the editor schemas `cse init` would add."""
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root, ignore=shutil.ignore_patterns("*.py"))
    (root / ".cse").mkdir()
    for kind in ("element", "config", "review"):
        result = run("schema", "--kind", kind, "-o", str(root / ".cse" / f"{kind}.schema.json"))
        assert result.exit_code == 0, result.stderr
    return root


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder outside the repository for links."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _refused(args: list[str], spelled: str, rel: str, state: dict[str, str], root: Path) -> None:
    result = run(*args, "-o", spelled)
    assert (result.exit_code, result.stdout) == (2, "")
    what = TARGETS.get(rel, "part of cse's standard")
    assert result.stderr == (
        f"cse: error: {Path(spelled)}: cannot write the {args[0]}: is {rel}, {what}: "
        f"write the {args[0]} elsewhere\n"
    )
    assert snapshot(root) == state  # every byte as it was, and no temporary left


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_no_command_writes_over_an_element_file(
    command: list[str],
    spelling: Spelling,
    repo: Path,
    place: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = snapshot(repo)
    spelled = spelling(repo, "evidence/1.3.1.yaml", place, monkeypatch)
    args = [command[0], str(repo), *command[1:]]
    _refused(args, spelled, "evidence/1.3.1.yaml", state, repo)


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
@pytest.mark.parametrize("target", TARGETS.keys())
def test_no_input_is_written_over(
    target: str, spelling: Spelling, repo: Path, place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = snapshot(repo)
    spelled = spelling(repo, target, place, monkeypatch)
    _refused(["report", str(repo), "--format", "md"], spelled, target, state, repo)


@pytest.mark.parametrize("target", TARGETS.keys())
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_refuses_every_input(command: list[str], target: str, repo: Path) -> None:
    state = snapshot(repo)
    args = [command[0], str(repo), *command[1:]]
    _refused(args, str(repo / target), target, state, repo)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """cse's standard and templates, as a copy it reads from (so a failure harms no checkout)."""
    copy = tmp_path / "cse"
    for name in ("standard", "templates"):
        shutil.copytree(PROJECT / name, copy / name)
    monkeypatch.setattr(resources, "resource", lambda name: copy / name)
    return copy


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
@pytest.mark.parametrize(
    "args", [["schema"], ["report", str(ANYTOWN), "--format", "md"]], ids=["schema", "report"]
)
def test_no_command_writes_over_cse_s_own_standard(
    args: list[str], spelling: Spelling, shipped: Path, place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = snapshot(shipped)
    spelled = spelling(shipped, "standard/elements.yaml", place, monkeypatch)
    _refused(args, spelled, "standard/elements.yaml", state, shipped)


def test_an_output_beside_the_inputs_is_written(repo: Path) -> None:
    """What is not an input may be replaced: a report kept in the repository, say."""
    (repo / "REPORT.md").write_text("the old report\n", encoding="utf-8", newline="")
    result = run("report", str(repo), "--format", "md", "-o", str(repo / "REPORT.md"))
    assert result.exit_code == 0, result.stderr
    assert (repo / "REPORT.md").read_text(encoding="utf-8").startswith("# ")


def test_the_schema_refreshes_the_repository_s_schemas(repo: Path) -> None:
    """`cse schema` reads no repository: writing .cse/ is how the README refreshes it."""
    target = repo / ".cse" / "element.schema.json"
    target.write_text("{}\n", encoding="utf-8", newline="")
    assert run("schema", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("schema").stdout


def test_import_never_writes_over_its_matrix(tmp_path: Path) -> None:
    """Import creates only new names, none a matrix's: the matrix beside them is untouched."""
    root = tmp_path / "new"
    root.mkdir()
    matrix = matrix_csv(root / "matrix.csv", ['1.1.1,We…,"ES 1 Survey",JS,'])
    before = matrix.read_bytes()
    result = run("import", str(matrix), str(root))
    assert result.exit_code == 0, result.stderr
    assert matrix.read_bytes() == before
