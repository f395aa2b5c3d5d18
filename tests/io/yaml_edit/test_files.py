"""Saving: only over the version an edit was made from, all files or none."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from cse_cli.io.atomic import NotRegularFile
from cse_cli.io.yaml_edit import ChangedOnDisk, FileChange, content_hash, save
from tests.helpers import fifo


def test_the_content_hash_is_the_sha256_of_the_bytes() -> None:
    # the published SHA-256 test vector for "abc" (FIPS 180-2)
    assert (
        content_hash(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def _repo(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "1.1.1.yaml", tmp_path / "1.1.2.yaml"
    first.write_bytes(b"final: full\n")
    second.write_bytes(b"final: partial\n")
    return first, second


def test_save_writes_every_file_still_as_it_was_read(tmp_path: Path) -> None:
    first, second = _repo(tmp_path)
    new = tmp_path / "new.yaml"
    save(
        [
            FileChange(first, b"final: partial\n", content_hash(b"final: full\n")),
            FileChange(second, b"final: full\n", content_hash(b"final: partial\n")),
            FileChange(new, b"date: 2027-03-10\n", None),
        ]
    )
    assert first.read_bytes() == b"final: partial\n"
    assert second.read_bytes() == b"final: full\n"
    assert new.read_bytes() == b"date: 2027-03-10\n"


def test_a_file_changed_on_disk_stops_the_whole_save(tmp_path: Path) -> None:
    first, second = _repo(tmp_path)
    read_then = content_hash(b"final: partial\n")
    second.write_bytes(b"final: non-compliance\n")  # a code editor saved it meanwhile
    with pytest.raises(ChangedOnDisk) as stopped:
        save(
            [
                FileChange(first, b"final: partial\n", content_hash(b"final: full\n")),
                FileChange(second, b"final: full\n", read_then, "evidence/1.1.2.yaml"),
            ]
        )
    assert [c.path for c in stopped.value.changed] == [second]
    assert str(stopped.value) == (
        "evidence/1.1.2.yaml:0:0: error: changed on disk since it was read: nothing was saved; "
        "read it again and make the change again"
    )
    assert first.read_bytes() == b"final: full\n"
    assert second.read_bytes() == b"final: non-compliance\n"


def test_a_new_file_that_appeared_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    made = tmp_path / "surveillance-1.yaml"
    made.write_bytes(b"date: 2027-03-11\n")  # another tab created it first
    with pytest.raises(ChangedOnDisk, match="was created since it was read"):
        save([FileChange(made, b"date: 2027-03-10\n", None)])
    assert made.read_bytes() == b"date: 2027-03-11\n"


def test_a_named_pipe_is_refused_without_being_opened(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "1.1.1.yaml")
    result: list[BaseException] = []

    def attempt() -> None:
        try:
            save([FileChange(pipe, b"final: full\n", content_hash(b""))])
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            result.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "save opened the named pipe and waits on it"
    assert isinstance(result[0], NotRegularFile)
