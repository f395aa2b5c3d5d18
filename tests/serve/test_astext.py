"""A file edited as its text: its own line ends kept, and never written over a change on disk."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from tests.helpers import ANYTOWN, Served, form_of, post_form, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("astext") / "anytown"
    shutil.copytree(ANYTOWN, root)
    return root


@pytest.fixture(scope="module")
def served(repo: Path) -> Iterator[Served]:
    with serving(repo) as running:
        yield running


@pytest.mark.parametrize("ends", [b"\r\n", b"\n"], ids=["windows", "unix"])
def test_a_file_keeps_its_own_line_ends(served: Served, repo: Path, ends: bytes) -> None:
    path = repo / "evidence" / "5.3.1.yaml"
    path.write_bytes(b'element: "5.3.1"' + ends + b"final: full" + ends)
    form = form_of(served.request("GET", "/element/5.3.1?as=text").text)
    text = 'element: "5.3.1"\r\nfinal: partial\r\nowner: Sam\r\n'  # as a browser sends it
    answer = post_form(served, "/element/5.3.1", {**form, "text": text})
    assert answer.status == 303
    assert path.read_bytes() == ends.join(
        [b'element: "5.3.1"', b"final: partial", b"owner: Sam", b""]
    )


def test_text_over_a_file_changed_on_disk_is_refused_and_kept(served: Served, repo: Path) -> None:
    path = repo / "evidence" / "5.3.2.yaml"
    form = form_of(served.request("GET", "/element/5.3.2?as=text").text)
    changed = path.read_bytes() + b"notes: changed on disk\n"
    path.write_bytes(changed)
    typed = 'element: "5.3.2"\nfinal: full\n'
    answer = post_form(served, "/element/5.3.2", {**form, "text": typed})
    assert answer.status == 409
    assert "The file changed on disk since this page was made: nothing was saved" in answer.text
    assert form_of(answer.text)["text"] == typed
    assert path.read_bytes() == changed
