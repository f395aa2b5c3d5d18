"""`cse pack`: the zip's contents, its manifest, determinism, refusals, and its links in Chromium.

The browser test unzips the pack and opens its report and README page in
Debian's chromium (through Playwright, as tests/test_report_browser.py does):
every link must resolve to a file inside the pack. Without chromium or
Playwright it is skipped locally and fails in CI (when CI is set).
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from cse_cli.io import limits
from cse_cli.io.zipstream import ZipStream
from tests.helpers import BOLTON, axe, link, needs_posix_realpath, run, snapshot, write_repo

DOCUMENTS: dict[str, bytes] = {
    "docs/policy.pdf": b"%PDF-1.4 policy\n",
    "docs/survey results 2024.xlsx": b"PK survey",
    "docs/deep/minutes #3.docx": b"minutes" * 1000,
    "photo.jpg": os.urandom(300_000),
}
FILES: dict[str, str | bytes] = {
    "evidence/1.1.1.yaml": (
        'element: "1.1.1"\nfinal: full\nevidence:\n'
        "  - id: POLICY\n    title: The policy\n    path: docs/policy.pdf\n"
        "  - title: Survey\n    path: ./docs/deep/../survey results 2024.xlsx\n"
        "  - title: A web page\n    url: https://example.org/cse\n"
    ),
    "evidence/1.1.2.yaml": (
        'element: "1.1.2"\nfinal: partial\nevidence:\n'
        "  - ref: POLICY\n"
        '  - title: Minutes\n    path: "docs/deep/minutes #3.docx"\n'
        "  - title: The survey again\n    path: docs/survey results 2024.xlsx\n"
    ),
    "evidence/5.3.3.yaml": (
        'element: "5.3.3"\nfinal: full\nevidence:\n  - title: Photo\n    path: photo.jpg\n'
    ),
    **DOCUMENTS,
}
CITED = {
    "docs/deep/minutes #3.docx": ["1.1.2"],
    "docs/policy.pdf": ["1.1.1", "1.1.2"],
    "docs/survey results 2024.xlsx": ["1.1.1", "1.1.2"],
    "photo.jpg": ["5.3.3"],
}


def _repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", FILES)


def _pack(root: Path, out: Path, *args: str) -> zipfile.ZipFile:
    result = run("pack", str(root), "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    assert (
        result.stderr == f"wrote {out} (4 documents, {sum(map(len, DOCUMENTS.values())):,} bytes)\n"
    )
    return zipfile.ZipFile(out)


def test_the_pack_holds_the_report_each_document_once_and_the_manifest(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    with _pack(root, tmp_path / "pack.zip") as pack:
        assert pack.namelist() == [
            "report.html",
            *(f"documents/{name}" for name in sorted(CITED)),
            "manifest.csv",
            "manifest.json",
            "README.html",
        ]
        for name, content in DOCUMENTS.items():
            assert pack.read(f"documents/{name}") == content
        manifest = json.loads(pack.read("manifest.json"))
        table = list(csv.DictReader(io.StringIO(pack.read("manifest.csv").decode("utf-8"))))
        report = pack.read("report.html").decode("utf-8")
    expected = [
        {
            "path": f"documents/{name}",
            "source": name,
            "size": len(DOCUMENTS[name]),
            "sha256": hashlib.sha256(DOCUMENTS[name]).hexdigest(),
            "elements": CITED[name],
        }
        for name in sorted(CITED)
    ]
    assert manifest["documents"] == expected
    assert manifest["total_size"] == sum(len(c) for c in DOCUMENTS.values())
    assert table == [
        {**row, "size": str(row["size"]), "elements": " ".join(row["elements"])}  # type: ignore[arg-type]
        for row in expected
    ]
    assert 'href="documents/docs/deep/minutes%20%233.docx"' in report
    assert 'href="https://example.org/cse"' in report


def test_the_normal_report_does_not_link_documents(tmp_path: Path) -> None:
    result = run("report", str(_repo(tmp_path)), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert "documents/" not in result.stdout
    assert "file: docs/policy.pdf" in result.stdout


def test_the_same_evidence_gives_the_same_bytes(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    first = tmp_path / "first.zip"
    _pack(root, first).close()
    for name in DOCUMENTS:
        os.utime(root / name, (1_000_000_000, 1_000_000_000))  # other dates: same pack
    second = tmp_path / "second.zip"
    with _pack(root, second) as pack:
        assert {info.date_time for info in pack.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert first.read_bytes() == second.read_bytes()


def test_a_repository_without_documents_still_packs_its_report(tmp_path: Path) -> None:
    out = tmp_path / "bolton.zip"
    result = run("pack", str(BOLTON), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as pack:
        assert pack.namelist() == ["report.html", "manifest.csv", "manifest.json", "README.html"]
        assert "No evidence item names a document" in pack.read("README.html").decode()


def test_documents_that_are_not_regular_files_inside_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8", newline="")
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": (
                'element: "1.1.1"\nevidence:\n'
                "  - title: Link out\n    path: link.txt\n"
                "  - title: A folder\n    path: docs\n"
                "  - title: Up and out\n    path: ../secret.txt\n"
            ),
            "docs/.keep": "",
        },
    )
    link(root / "link.txt", outside)
    out = tmp_path / "pack.zip"
    result = run("pack", str(root), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "evidence/1.1.1.yaml:4:11: error: path 'link.txt' leads outside the "
        "repository (through a symbolic link)",
        "evidence/1.1.1.yaml:6:11: error: path 'docs' is a folder, not a file",
        "evidence/1.1.1.yaml:8:11: error: path '../secret.txt' is outside the repository",
    ]
    assert not out.exists()


def test_past_the_size_limit_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    out = tmp_path / "pack.zip"
    out.write_bytes(b"the old pack")
    monkeypatch.setattr(limits, "MAX_PACK_BYTES", 300_000)
    before = snapshot(tmp_path)
    result = run("pack", str(root), "-o", str(out))
    assert result.exit_code == 2
    total = sum(len(c) for c in DOCUMENTS.values())
    assert result.stderr == (
        f"cse: error: the 4 documents total {total:,} bytes, over the limit of 300,000 for one "
        "pack: cite the largest with url: instead of path:\n"
    )
    assert snapshot(tmp_path) == before


def test_a_failed_write_leaves_the_old_pack_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path)
    out = tmp_path / "out" / "pack.zip"
    out.parent.mkdir()
    out.write_bytes(b"the old pack")

    def full(*_: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ZipStream, "copy", full)
    result = run("pack", str(root), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"cse: error: {out}: cannot write the pack: No space left on device\n"
    assert out.read_bytes() == b"the old pack"
    assert [p.name for p in out.parent.iterdir()] == ["pack.zip"]


def test_it_never_writes_over_a_document_it_packs(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = snapshot(root)
    out = root / "docs" / "deep" / ".." / "policy.pdf"
    result = run("pack", str(root), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: {out}: cannot write the pack: is docs/policy.pdf, "
        "a document the evidence cites: write the pack elsewhere\n"
    )
    assert snapshot(root) == before


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_it_replaces_only_a_regular_file(tmp_path: Path, kind: str) -> None:
    root = _repo(tmp_path)
    out = tmp_path / "pack.zip"
    if kind == "folder":
        out.mkdir()
    else:
        link(out, tmp_path / "elsewhere.zip")
    result = run("pack", str(root), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: {out}: is not a regular file: cse pack writes or replaces only a file\n"
    )
    assert not (tmp_path / "elsewhere.zip").exists()


@pytest.mark.browser
def test_every_link_resolves_to_a_file_in_the_pack(tmp_path: Path, browser: Any) -> None:
    with _pack(_repo(tmp_path), tmp_path / "pack.zip") as pack:
        unpacked = tmp_path / "unpacked"
        pack.extractall(unpacked)
    linked: set[str] = set()
    for page_name in ("report.html", "README.html"):
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http")
                   else route.continue_())  # fmt: skip
        page.goto((unpacked / page_name).as_uri(), wait_until="load")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        page.close()
        for href in hrefs:
            if href.startswith("https://example.org/"):
                continue  # the item's url:, outside the pack by design
            url = urlsplit(href)
            assert url.scheme == "file", href
            target = Path(url2pathname(url.path))  # /C:/… is C:\\… on Windows
            assert target.is_file(), href
            assert target.resolve().is_relative_to(unpacked.resolve()), href
            linked.add(target.relative_to(unpacked).as_posix())
    assert {f"documents/{name}" for name in CITED} <= linked
    assert {"report.html", "manifest.csv", "manifest.json"} <= linked


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["report.html", "README.html"])
def test_the_pack_pages_pass_axe(tmp_path: Path, browser: Any, page_name: str) -> None:
    with _pack(_repo(tmp_path), tmp_path / "pack.zip") as pack:
        pack.extractall(tmp_path / "unpacked")
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto((tmp_path / "unpacked" / page_name).as_uri(), wait_until="load")
    assert [v["id"] for v in axe(page)["violations"]] == []


@needs_posix_realpath
def test_a_folder_swapped_for_a_link_while_packing_is_refused_not_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`docs` is a link, seen as one, then a folder again when its target is asked for.

    The race made deterministic: the resolution fails (EINVAL) only once the zip
    has begun, when each document is opened again. It is the document's
    refusal, and the old pack stays, never "cannot write the pack".
    """
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence:\n'
            "  - title: The policy\n    path: docs/policy.pdf\n",
            "folder/policy.pdf": "%PDF",
        },
    )
    link(root / "docs", "folder")
    out = tmp_path / "pack.zip"
    out.write_bytes(b"the old pack")
    real_readlink, real_add = os.readlink, ZipStream.add
    begun: list[str] = []

    def readlink(path: str, *args: object, **kwargs: object) -> str:
        if begun:
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), path)
        return real_readlink(path, *args, **kwargs)  # type: ignore[arg-type]

    def add(self: ZipStream, name: str, data: bytes) -> None:
        begun.append(name)
        real_add(self, name, data)

    monkeypatch.setattr(os, "readlink", readlink)
    monkeypatch.setattr(ZipStream, "add", add)
    result = run("pack", str(root), "-o", str(out))
    assert begun  # the zip had begun when the folder was swapped
    assert result.exit_code == 2
    assert result.stderr == (
        "cse: error: document 'docs/policy.pdf' was replaced while cse was reading it: "
        "nothing was packed\n"
    )
    assert out.read_bytes() == b"the old pack"
    assert [p.name for p in tmp_path.iterdir() if p.name != "repo"] == ["pack.zip"]
