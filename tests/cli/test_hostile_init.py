"""`cse init` on hostile ground: one line and exit 2, nothing written out of place (§4, §5)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from tests.helpers import DEVICE, fifo, link, needs_devices, run, snapshot, write_repo


def _fails(args: list[str], line: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"cse: error: {line}\n"
    assert "Traceback" not in result.output


def test_an_evidence_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    link(root / "evidence", outside)
    _fails(
        ["init", str(root)],
        f"{root / 'evidence'}: is a symbolic link out of the repository: "
        "cse init writes the element files only inside it",
    )
    assert list(outside.iterdir()) == []


def test_a_link_inside_the_repository_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "records").mkdir(parents=True)
    link(root / "evidence", "records")
    assert run("init", str(root)).exit_code == 0
    assert len(list((root / "records").iterdir())) == 57


@pytest.mark.parametrize("name", ["repo", "repo/evidence", "repo/.cse"])
def test_a_dangling_link_where_a_folder_goes(tmp_path: Path, name: str) -> None:
    (tmp_path / "repo").mkdir()
    if name == "repo":
        (tmp_path / "repo").rmdir()
    link(tmp_path / name, tmp_path / "nowhere")
    result = run("init", str(tmp_path / "repo"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cse: error: {tmp_path / name}: is a symbolic link to nothing")
    assert "Traceback" not in result.output
    assert not (tmp_path / "nowhere").exists()


def test_a_cse_yaml_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "repo" / "cse.yaml").mkdir(parents=True)
    _fails(
        ["init", str(tmp_path / "repo")],
        f"{tmp_path / 'repo' / 'cse.yaml'}: is a folder, not a file",
    )


def test_a_cse_yaml_that_is_a_named_pipe(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    fifo(root / "cse.yaml")
    _fails(["init", str(root)], f"{root / 'cse.yaml'}: is not a regular file")
    assert sorted(p.name for p in root.iterdir()) == ["cse.yaml"]


@needs_devices
def test_a_cse_yaml_that_leads_to_a_device(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    link(root / "cse.yaml", DEVICE)
    _fails(
        ["init", str(root)],
        f"{root / 'cse.yaml'}: leads outside the repository (through a symbolic link)",
    )
    assert sorted(p.name for p in root.iterdir()) == ["cse.yaml"]


def test_a_cse_yaml_over_the_limit(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {}, config="#" * 5_000_001)
    result = run("init", str(root))
    assert result.exit_code == 2
    assert "over the limit of 5,000,000" in result.stderr


def test_ci_where_github_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".github").write_text("not a folder\n", encoding="utf-8", newline="")
    _fails(
        ["init", str(root), "--ci", "--cse-source", "git+https://e.org/cse@v1"],
        f"{root / '.github'}: is a file, not a folder for the workflow",
    )


@pytest.mark.parametrize(
    ("evidence_dir", "problem"),
    [
        ('"a\\0b"', "holds a control or invisible character"),
        ('"a\\tb"', "holds a control or invisible character"),
        ("x" * 256, "has a name longer than 255 bytes, which no file system allows"),
        ("../elsewhere", "is not a folder inside the repository"),
        (".", "is not a folder inside the repository"),
    ],
)
def test_an_evidence_dir_that_cannot_be_a_folder(
    tmp_path: Path, evidence_dir: str, problem: str
) -> None:
    root = write_repo(
        tmp_path / "repo", {}, config=f"organisation: X\nevidence_dir: {evidence_dir}\n"
    )
    before = snapshot(root)
    result = run("init", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith("cse: error: cse.yaml: evidence_dir ")
    assert result.stderr.endswith(f" {problem}\n")
    assert len(result.stderr.splitlines()) == 1
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("organisation", "problem"),
    [
        # b"Caf\xe9" as Python decodes an argument (surrogateescape)
        ("Caf\udce9", "--organisation holds bytes that are not UTF-8"),
        ("Bad\x7fName", "--organisation 'Bad\\x7fName' is empty or holds a control"),
        ("Two\nLines", "--organisation 'Two\\nLines' is empty or holds a control"),
        ("   ", "--organisation '   ' is empty"),
    ],
)
def test_an_organisation_that_cse_check_would_refuse(
    tmp_path: Path, organisation: str, problem: str
) -> None:
    result = run("init", str(tmp_path / "repo"), "--organisation", organisation)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cse: error: {problem}")
    assert not (tmp_path / "repo").exists()


def test_a_folder_name_that_cse_check_would_refuse(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "bad\x7fname"))
    assert result.exit_code == 2
    assert "give --organisation NAME" in result.stderr
    ok = run("init", str(tmp_path / "bad\x7fname"), "--organisation", "Good")
    assert ok.exit_code == 0
    assert run("check", str(tmp_path / "bad\x7fname")).exit_code == 1  # valid, not met


@pytest.mark.parametrize("step", ["mkdir", "mkstemp"])
def test_a_read_only_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def read_only(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    root = tmp_path / "repo"
    if step == "mkstemp":
        root.mkdir()
        monkeypatch.setattr(tempfile, "mkstemp", read_only)
    else:
        monkeypatch.setattr(Path, "mkdir", read_only)
    result = run("init", str(root))
    assert result.exit_code == 2
    assert result.stderr.endswith(": Read-only file system\n")
    assert len(result.stderr.splitlines()) == 1


def test_a_new_organisation_on_an_existing_repository_is_reported_kept(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {}, config="organisation: Old Name\n")
    result = run("init", str(root), "--organisation", "New Name")
    assert result.exit_code == 0
    assert (
        result.stderr
        == "cse: warning: kept the organisation in cse.yaml, 'Old Name', not 'New Name': "
        "edit cse.yaml to change it\n"
    )
    assert (root / "cse.yaml").read_text(encoding="utf-8") == "organisation: Old Name\n"
