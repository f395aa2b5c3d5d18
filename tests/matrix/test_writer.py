"""cse_cli.matrix.writer: PATH checked first, then every file written, or none, PATH as it was."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from cse_cli.core.problems import CseError
from cse_cli.io import atomic
from cse_cli.matrix import writer
from cse_cli.matrix.writer import refuse_existing, write_repository
from tests.helpers import link, snapshot

FILES = {
    "cse.yaml": "organisation: X\n",
    "evidence/1.1.1.yaml": 'element: "1.1.1"\n',
    ".cse/element.schema.json": "{}",
}


def _refusal(root: Path) -> str:
    with pytest.raises(CseError) as caught:
        write_repository(root, FILES)
    return str(caught.value)


def test_it_writes_every_file_and_the_folders_they_need(tmp_path: Path) -> None:
    root = tmp_path / "a" / "new"
    assert write_repository(root, FILES) == list(FILES)
    assert (root / "evidence" / "1.1.1.yaml").read_text(encoding="utf-8") == 'element: "1.1.1"\n'


def test_a_place_that_is_no_place_for_a_new_repository(tmp_path: Path) -> None:
    link(tmp_path / "dangling", tmp_path / "nowhere")
    assert _refusal(tmp_path / "dangling") == (
        f"{tmp_path / 'dangling'}: is a symbolic link to nothing, not a folder for the new "
        "repository"
    )
    (tmp_path / "file").write_text("", encoding="utf-8", newline="")
    assert _refusal(tmp_path / "file") == (
        f"{tmp_path / 'file'}: is a file, not a folder for the new repository"
    )
    (tmp_path / "old").mkdir()
    link(tmp_path / "old" / "cse.yaml", tmp_path / "nowhere")  # a link counts too
    assert _refusal(tmp_path / "old").startswith(f"{tmp_path / 'old'} already holds an evidence")


@pytest.mark.parametrize("folder", ["evidence", ".cse"])
def test_a_folder_it_writes_in_that_leads_out_is_refused_before_anything_is_made(
    tmp_path: Path, folder: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "new"
    root.mkdir()
    link(root / folder, outside)
    before = snapshot(tmp_path)
    assert _refusal(root) == (
        f"{root / folder}: is a symbolic link out of {root}: cse import writes only inside the "
        "new repository"
    )
    assert snapshot(tmp_path) == before
    (root / folder).unlink()
    link(root / folder, tmp_path / "nowhere")
    assert _refusal(root) == f"{root / folder}: is a symbolic link to nothing, not a folder"


def test_a_link_to_a_folder_inside_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "new"
    (root / "kept").mkdir(parents=True)
    link(root / "evidence", root / "kept")
    write_repository(root, FILES)
    assert (root / "kept" / "1.1.1.yaml").exists()


def test_files_there_already_are_refused_before_any_is_written(tmp_path: Path) -> None:
    root = tmp_path / "new"
    (root / "evidence").mkdir(parents=True)
    (root / "evidence" / "1.2.1.yaml").write_text("mine", encoding="utf-8", newline="")
    assert _refusal(root) == (
        f"{root / 'evidence'}: already exists and is not an empty folder: import into a new folder"
    )
    (root / "evidence" / "1.2.1.yaml").unlink()
    (root / ".cse").mkdir()
    (root / ".cse" / "element.schema.json").write_text("mine", encoding="utf-8", newline="")
    assert _refusal(root) == (
        f"{root / '.cse' / 'element.schema.json'}: already exists: cse import writes only new "
        "files; import into a new folder"
    )
    assert sorted(p.name for p in (root / "evidence").iterdir()) == []


@pytest.mark.parametrize("made", [False, True], ids=["new-folder", "empty-folder"])
def test_a_write_that_fails_leaves_path_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: bool
) -> None:
    root = tmp_path / "new"
    if made:
        root.mkdir()
    before = snapshot(tmp_path)
    real = atomic.write_new
    written: list[Path] = []

    def full_disk(path: Path, text: str) -> bool:
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        return real(path, text)

    monkeypatch.setattr(writer, "write_new", full_disk)
    assert _refusal(root) == (
        f"{root / '.cse' / 'element.schema.json'}: cannot write the new repository: No space "
        "left on device: nothing written"
    )
    assert snapshot(tmp_path) == before  # no file, no empty evidence/ or .cse/, no PATH made
    assert root.exists() is made


def test_a_file_that_appears_meanwhile_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "new"
    monkeypatch.setattr(writer, "write_new", lambda *_: False)
    assert _refusal(root) == f"{root / 'cse.yaml'}: appeared while cse import wrote: nothing kept"
    assert not root.exists()


def test_refuse_existing_is_said_before_the_matrix_is_read(tmp_path: Path) -> None:
    (tmp_path / "cse.yaml").write_text("organisation: Mine\n", encoding="utf-8", newline="")
    with pytest.raises(CseError, match="already holds an evidence repository"):
        refuse_existing(tmp_path)
