"""Helpers the test modules share: the project's paths, evidence repositories built in
tmp_path, `run` (cse in-process), what this system can make (links, named pipes, odd
file names), git repositories, and the bad-input cases.

Test modules import from here, never from one another; tests/conftest.py keeps
only the fixtures.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest
from openpyxl import Workbook

from cse_cli.cli.main import main

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from types import ModuleType
    from typing import TypeVar

    from pydantic import BaseModel

    from cse_cli.core.config import Config
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage
    from cse_cli.io.yaml_document import Document
    from cse_cli.rules.context import ElementContext, Place, ReviewContext
    from cse_cli.serve.formstate import FormState

    M = TypeVar("M", bound=BaseModel)

    from cse_cli.matrix.cells import Sheet

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
BOLTON = PROJECT / "examples" / "bolton"
ANYTOWN = PROJECT / "examples" / "anytown"
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"

CONFIG = 'organisation: "Test Council"\n'

# Real parts: Debian's chromium (driven by Playwright) with axe-core from `npm ci`.
CHROMIUM = Path(os.environ.get("CSE_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def need(found: object, what: str) -> None:
    """Skip without `what`, except in CI, where its absence is a failure."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run must install it", pytrace=False)
    pytest.skip(f"{what} is missing (installed by .ci/run)")


def axe(page: Any) -> dict[str, Any]:
    """axe-core's WCAG 2.2 A/AA results for a loaded Playwright page (skip-or-fail without it).

    The page is closed after; a run that checked no rule fails here.
    """
    need(AXE.is_file(), f"axe-core ({AXE}; run `npm ci`)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    page.close()
    assert found["passes"], "axe ran no rule"
    return found


def need_tool(tool: str) -> str:
    """The path of `tool`; skipped without it, except in CI, where its absence is a failure."""
    found = shutil.which(tool)
    need(found, tool)
    assert found is not None
    return found


def to_pdf(document: Path, folder: Path) -> Path:
    """`document` (a .docx) converted to PDF in `folder` by LibreOffice, in its own profile.

    Needs soffice and poppler-utils (pdfinfo, pdftotext, pdftoppm) to read the PDF.
    """
    soffice = need_tool("soffice")
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        need_tool(tool)
    profile = (folder / "profile").as_uri()
    converted = subprocess.run(
        [
            soffice, f"-env:UserInstallation={profile}", "--headless",
            "--convert-to", "pdf", "--outdir", str(folder), str(document),
        ],
        capture_output=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    pdf = folder / f"{document.stem}.pdf"
    assert converted.returncode == 0, converted.stdout + converted.stderr
    assert pdf.is_file(), converted.stdout + converted.stderr
    return pdf


def pdf_info(pdf: Path, last_page: int) -> str:
    """What pdfinfo says of `pdf`, with the size of each page up to `last_page`."""
    return subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(last_page), str(pdf)],
        capture_output=True, encoding="utf-8", check=True,
    ).stdout  # fmt: skip


def pdf_text(pdf: Path) -> str:
    """The text of `pdf`, laid out as on the page (pdftotext -layout)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, encoding="utf-8", check=True
    ).stdout


# what this system can make ----------------------------------------------------------
#
# Windows has no named pipes in folders, no /dev, no permission bits but "read-only",
# file names without control characters or backslashes, and symbolic links only for
# users with Developer Mode or administrator rights; macOS names must be UTF-8. A test
# of what a system cannot hold is skipped there, saying what is missing; everything
# else runs everywhere.

WINDOWS = sys.platform == "win32"
SCRIPTS = Path(sysconfig.get_path("scripts"))
"""Where pip put the programs of this Python's packages (`cse`, `lint-imports`…): bin/
beside python in a virtual environment, but Scripts\\ (not beside python.exe) for a
Python installed on Windows."""

DEVICE = Path(os.devnull if WINDOWS else "/dev/zero")
"""A device, endless where the system has such a device (Windows' NUL reads as empty)."""
SYSTEM_FILE = (
    Path(os.environ.get("SYSTEMROOT", r"C:\Windows"), "win.ini") if WINDOWS else Path("/etc/passwd")
)
"""A file of the system's own, outside any repository: what a hostile link points at."""

NO_FIFO = "Windows has no named pipes in folders (os.mkfifo)"
NO_LINKS = "this user may not make symbolic links (Windows: Developer Mode or administrator)"
NO_PERMISSIONS = "Windows keeps no permission bits: a file is read-only or not"
NO_DEVICES = "Windows has no /dev: its devices (NUL, CON) are names no link can point at"
NO_SIGINT = "Windows sends no SIGINT to a process: os.kill ends it, send_signal refuses"
NO_STAGED_RESOLUTION = (
    "Windows resolves a path in one system call (GetFinalPathNameByHandle), not link by link "
    "through os.lstat and os.readlink, where a test stages a denial or a swap"
)


def _can_link() -> bool:
    with tempfile.TemporaryDirectory(prefix="cse-links-") as folder:
        try:
            (Path(folder) / "link").symlink_to("target")
        except (OSError, NotImplementedError):
            return False
    return True


CAN_LINK = _can_link()
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason=NO_FIFO)
needs_posix_permissions = pytest.mark.skipif(WINDOWS, reason=NO_PERMISSIONS)
needs_devices = pytest.mark.skipif(WINDOWS, reason=NO_DEVICES)
needs_sigint = pytest.mark.skipif(WINDOWS, reason=NO_SIGINT)
needs_posix_realpath = pytest.mark.skipif(WINDOWS, reason=NO_STAGED_RESOLUTION)


def shown_mode(mode: int) -> int:
    """The permission bits a file given `mode` shows here (`st_mode & 0o777`).

    Windows keeps only whether the owner may write (`chmod` sets or clears the read-only
    attribute from 0o200), and shows any file as 0o666 or, read-only, 0o444.
    """
    if WINDOWS:
        return 0o666 if mode & 0o200 else 0o444
    return mode


def utf8_streams(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """`env` (else this process's), for a Python that calls cse's `main` itself: its output
    in UTF-8, as the installed program makes it (`cse_cli.__main__`), not in the code page
    Windows gives a pipe, which lacks ─ and ✅."""
    return {**(os.environ if env is None else env), "PYTHONIOENCODING": "utf-8"}


def script(name: str) -> str:
    """The path of the program `name` that pip installed for this Python (`cse`, `mypy`…)."""
    found = shutil.which(name, path=str(SCRIPTS))
    assert found is not None, f"{name} is not installed in {SCRIPTS}"
    return found


class Venv(NamedTuple):
    """Where a virtual environment keeps its Python, its programs and its packages."""

    python: Path
    scripts: Path
    site: Path

    @classmethod
    def at(cls, env: Path) -> Venv:
        """The virtual environment made at `env` (Scripts\\ and Lib\\ on Windows, bin/, lib/)."""
        if WINDOWS:
            return cls(
                env / "Scripts" / "python.exe", env / "Scripts", env / "Lib" / "site-packages"
            )
        return cls(env / "bin" / "python", env / "bin", next(env.glob("lib/python*/site-packages")))


def link(path: Path, target: str | Path) -> Path:
    """Make `path` a symbolic link to `target`, as this system writes one, and return it.

    A relative target is written with the system's separator (Windows resolves a link
    only through its own), and a link to a folder is made one (Windows tells the two
    apart). Skips the test where this user may not make links.
    """
    if not CAN_LINK:
        pytest.skip(NO_LINKS)
    target = Path(target)
    path.symlink_to(target, target_is_directory=(path.parent / target).is_dir())
    return path


def fifo(path: Path) -> Path:
    """Make a named pipe at `path`; skip the test on a system without them (Windows)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip(NO_FIFO)
    os.mkfifo(path)
    return path


def refused_name(name: str | bytes) -> str | None:
    """Why this system will not take `name` for a file (bytes: as POSIX names it), or None."""
    if isinstance(name, bytes):
        if WINDOWS:
            return "Windows names files in Unicode: a name cannot hold other bytes"
        name = os.fsdecode(name)
    if WINDOWS and any(ord(c) < 32 or c in '<>:"|?*\\' for c in name):
        return 'Windows file names cannot hold control characters or any of <>:"|?*\\'
    if sys.platform == "darwin" and any("\udc80" <= c <= "\udcff" for c in name):
        return "macOS file names must be UTF-8"
    return None


def named_file(folder: Path, name: str | bytes, data: bytes) -> Path:
    """Write `data` to a file called `name`; skip the test where the system refuses the name."""
    why = refused_name(name)
    if why is not None:
        pytest.skip(why)
    path = folder / (os.fsdecode(name) if isinstance(name, bytes) else name)
    path.write_bytes(data)
    return path


def element_yaml(element_id: str, **fields: str) -> str:
    """A minimal element file: `element:` plus the given keys, written as YAML lines."""
    lines = [f'element: "{element_id}"']
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def write_repo(root: Path, files: Mapping[str, str | bytes], config: str | None = CONFIG) -> Path:
    """Write an evidence repository: cse.yaml (unless None) and the given files."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "cse.yaml").write_text(config, encoding="utf-8", newline="")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file and link under `root` with a hash of its content: to prove nothing changed."""
    state = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            state[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            state[rel] = "dir"
    return state


class Result(NamedTuple):
    """What a run of `cse` printed, and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Stdout and stderr together."""
        return self.stdout + self.stderr


def run(*args: str) -> Result:
    """Run `cse` in-process through `main`, as a user would type it."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(list(args))
    return Result(code, stdout.getvalue(), stderr.getvalue())


# bad-input cases: tests/data/invalid/<case>/ and tests/data/valid/<case>/ ---------------


def load_module(name: str, path: Path) -> ModuleType:
    """The Python file at `path`, run as a module called `name` (not added to sys.modules)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare_case(case: Path, tmp_path: Path) -> Path:
    """Copy a case's `repo/` into `tmp_path` and let its `make.py` add what git cannot hold."""
    root = tmp_path / case.name
    shutil.copytree(case / "repo", root, symlinks=True)
    maker = case / "make.py"
    if maker.exists():
        load_module(f"make_{case.name}", maker).make(root)
    return root


# git repositories --------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    """Run git in `root` and return its output; fail the test when git fails."""
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, encoding="utf-8", check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def init_git(root: Path) -> Path:
    """Make `root` a git repository of its own settings, whatever the machine's, to commit in.

    Its branch is main; it has a committer, signs nothing, and keeps every byte of a
    file as written (Git for Windows would otherwise turn `\\n` into `\\r\\n`).
    """
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    for key, value in (
        ("user.name", "Test"),
        ("user.email", "test@example.org"),
        ("commit.gpgsign", "false"),
        ("tag.gpgsign", "false"),
        ("core.autocrlf", "false"),
    ):
        git(root, "config", key, value)
    return root


def commit_all(root: Path, message: str = "evidence") -> str:
    """Commit everything in the working tree and return the commit id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def bolton_repo(root: Path) -> Path:
    """A git repository holding a copy of the Bolton example, committed."""
    shutil.copytree(BOLTON, root)
    init_git(root)
    commit_all(root, "Bolton")
    return root


def git_state(root: Path) -> dict[str, str]:
    """The working tree and the index, to prove that reading a revision changed neither."""
    state = {k: v for k, v in snapshot(root).items() if not k.startswith(".git/")}
    state[".git/index"] = hashlib.sha256((root / ".git" / "index").read_bytes()).hexdigest()
    return state


# spreadsheets ---------------------------------------------------------------------

HEADER = ("Ref", "Element", "Evidence", "Owner", "Notes")
SHEET_XML = "xl/worksheets/sheet1.xml"


def matrix_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    header: Sequence[str] = HEADER,
    sheet: str = "Evidence Matrix",
) -> Path:
    """Write a workbook whose sheet holds a title row, the header (row 3) and `rows` below it."""
    book = Workbook()
    worksheet = book.active
    assert worksheet is not None
    worksheet.title = sheet
    worksheet.append(["Evidence matrix"])
    worksheet.append([])
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    book.save(path)
    return path


SELF_ASSESSMENT_HEADER = (
    "Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass", "Assessor",
    "Assessor Comments",
)  # fmt: skip
GUIDANCE = (
    "GUIDANCE: list under Show Me the documents that demonstrate this element, and under "
    "Tell Me the people, places and activities the assessor could hear or see on the day."
)
SelfAssessmentBlock = tuple["str | Sequence[object] | None", "Sequence[Sequence[object]]"]
"""An element's block: its element row (a text merged across the block, the cells of the row,
or None for a block without one) and its evidence rows, a cell per column of the header."""


def self_assessment_workbook(
    path: Path, sheets: Sequence[tuple[str, str, Sequence[SelfAssessmentBlock]]]
) -> Path:
    """Write a workbook laid out as a certification body's self-assessment workbook.

    Each sheet (name, title, blocks): a title block, then per element its row (merged
    across the header's width when a text), a GUIDANCE row, the header and its rows.
    """
    book = Workbook()
    for number, (name, title, blocks) in enumerate(sheets):
        sheet = book.active if number == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = name
        sheet.append(["Customer Service Excellence: self-assessment workbook"])
        sheet.append([title])
        sheet.append(["Organisation:", None, "Completed by:"])
        for element_row, rows in blocks:
            sheet.append([])
            if isinstance(element_row, str):
                sheet.append([element_row])
                sheet.merge_cells(start_row=sheet.max_row, start_column=1,
                                  end_row=sheet.max_row, end_column=7)  # fmt: skip
            elif element_row is not None:
                sheet.append(list(element_row))
            sheet.append([GUIDANCE])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1,
                              end_row=sheet.max_row, end_column=7)  # fmt: skip
            sheet.append(list(SELF_ASSESSMENT_HEADER))
            for row in rows:
                sheet.append(list(row))
    book.save(path)
    return path


def rewrite_part(path: Path, name: str, change: Callable[[bytes], bytes]) -> None:
    """Replace one part of a zip archive (such as a workbook's sheet) with `change(part)`."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, change(data) if info.filename == name else data)


def matrix_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8") -> Path:
    """Write a CSV matrix: the header line and `lines`, in `encoding`."""
    path.write_bytes("\r\n".join([",".join(HEADER), *lines, ""]).encode(encoding))
    return path


def as_shared_strings(path: Path) -> None:
    """Rewrite a workbook's inline strings as a shared string table, as Excel saves text."""
    strings: list[bytes] = []

    def shared(found: re.Match[bytes]) -> bytes:
        strings.append(found[3])
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (found[1], found[2], len(strings) - 1)

    inline = re.compile(
        rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>'
    )
    rewrite_part(path, SHEET_XML, lambda xml: inline.sub(shared, xml))
    table = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    part = b'<sst xmlns="%s" count="%d">%s</sst>' % (main, len(strings), table)
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % kind
    rewrite_part(path, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", override))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", part)


# cse serve, started as a user starts it ----------------------------------------------

SERVING = re.compile(r"^cse: serving (.+) at (http://([^/]+)/\?token=([\w-]+)) \(Ctrl-C to stop\)$")


class Served(NamedTuple):
    """A running `cse serve`: the address it printed, and how to reach it as a browser would."""

    process: subprocess.Popen[str]
    organisation: str
    url: str
    host: str
    """The address and port, as the Host header names them."""
    token: str

    @property
    def port(self) -> int:
        """The port it serves on."""
        return int(self.host.rpartition(":")[2])

    def cookies(self) -> dict[str, str]:
        """The cookies the printed address sets (the token's and the CSRF token's)."""
        response = self.request("GET", f"/?token={self.token}", cookies={})
        assert response.status == 303, response.body
        found = {}
        for header in response.headers.get_all("set-cookie") or []:
            name, _, rest = header.partition("=")
            found[name] = rest.split(";", 1)[0]
        return found

    def request(
        self,
        method: str,
        path: str,
        *,
        cookies: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
    ) -> Response:
        """One HTTP request to the server, with the token's cookies unless others are given."""
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        jar = self.cookies() if cookies is None else cookies
        sent = {"Host": self.host, **(headers or {})}
        if jar:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in jar.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()


class Response(NamedTuple):
    """What the server answered."""

    status: int
    headers: Any
    body: bytes

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")


def start_serve(path: Path, *args: str, env: Mapping[str, str] | None = None) -> Served:
    """Start `cse serve PATH --port 0 --no-browser` as a program, and read the line it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cse_cli", "serve", str(path), "--port", "0", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
    assert process.stdout is not None
    line = process.stdout.readline().rstrip("\n")
    found = SERVING.match(line)
    if found is None:
        process.kill()
        _, err = process.communicate(timeout=30)
        pytest.fail(f"cse serve printed {line!r}, then on stderr: {err}")
    return Served(process, found[1], found[2], found[3], found[4])


def stop_serve(served: Served) -> tuple[int, str, str]:
    """Stop it with Ctrl-C (SIGINT); its exit code and what else it printed.

    Windows has no SIGINT to send (NO_SIGINT): there the process is ended outright,
    and only the tests marked `needs_sigint` look at how Ctrl-C ends it.
    """
    import signal

    if WINDOWS:
        served.process.terminate()
    else:
        served.process.send_signal(signal.SIGINT)
    out, err = served.process.communicate(timeout=60)
    return served.process.returncode, out, err


@contextmanager
def serving(path: Path, *args: str, env: Mapping[str, str] | None = None) -> Iterator[Served]:
    """`cse serve` running over `path`; stopped by Ctrl-C after, which must end it with 130."""
    served = start_serve(path, *args, env=env)
    try:
        yield served
    except BaseException:
        stop_serve(served)
        raise
    code, _, err = stop_serve(served)
    if not WINDOWS:
        assert code == 130, err
        assert err.strip().splitlines()[-1:] == ["cse: interrupted"], err


class _FormReader(HTMLParser):
    """The fields a browser sends for one form of a page (no button, no file)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._option: tuple[str, bool] | None = None
        self._chosen: str | None = None
        self._first: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = found.get("id") == self.form_id
        if not self.inside:
            return
        name = found.get("name", "")
        kind = found.get("type", "text")
        if tag == "input" and name and kind not in {"file", "submit", "button"}:
            if kind not in {"radio", "checkbox"} or "checked" in found:
                self.fields.append((name, found.get("value", "on")))
        elif tag == "select":
            self._select, self._chosen, self._first = name, None, None
        elif tag == "option" and self._select is not None:
            value = found.get("value", "")
            self._first = value if self._first is None else self._first
            if "selected" in found:
                self._chosen = value
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            chosen = self._chosen if self._chosen is not None else self._first
            self.fields.append((self._select, chosen or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._text.removeprefix("\n")
            self.fields.append((self._textarea, text))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data


def browser_fields(state: FormState) -> dict[str, str]:
    """What a browser sends for a form holding `state`, as the editor's pages lay it out."""
    sent = {"hash": state.hash, **state.values}
    for key, items in state.lists.items():
        sent[f"{key}.count"] = str(len(items))
        for index, item in enumerate(items):
            sent[f"{key}.{index}.origin"] = "" if item.origin is None else str(item.origin)
            sent[f"{key}.{index}.kind"] = item.kind
            sent.update({f"{key}.{index}.{name}": text for name, text in item.values.items()})
    return sent


def form_of(page: str, form_id: str = "file-form") -> dict[str, str]:
    """What a browser sends for the form `form_id` of `page` as it is: every field, no button."""
    reader = _FormReader(form_id)
    reader.feed(page)
    return dict(reader.fields)


def post_form(
    served: Served,
    path: str,
    fields: Mapping[str, str],
    files: Sequence[tuple[str, str, bytes]] = (),
) -> Response:
    """POST a form (multipart, as the editor's forms are sent) with the CSRF token of `served`."""
    cookies = served.cookies()
    sent = {**fields, "csrftoken": cookies[f"cse-csrf-{served.port}"]}
    body, kind = multipart_files(sorted(sent.items(), key=lambda kv: kv[0] != "csrftoken"), files)
    return served.request("POST", path, cookies=cookies, body=body, headers={"Content-Type": kind})


def multipart_files(
    fields: Sequence[tuple[str, str]], files: Sequence[tuple[str, str, bytes]]
) -> tuple[bytes, str]:
    """A multipart/form-data body with `fields` first, then any files; and its content type."""
    boundary = "cse-test-boundary-7d4a1f"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value.encode()
        + b"\r\n"
        for name, value in fields
    ]
    for field, filename, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    return b"".join(
        parts
    ) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def multipart(fields: Sequence[tuple[str, str]], file: tuple[str, str, bytes]) -> tuple[bytes, str]:
    """A multipart/form-data body with `fields` first, then one file; and its content type."""
    return multipart_files(fields, [file])


# workbooks built part by part, streamed: the bombs of `cse import` ----------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>Evidence</t></is></c></row>'
)


def _rels(*rels: tuple[str, str, str]) -> bytes:
    listed = "".join(f'<Relationship Id="{i}" Type="{_DOC}/{t}" Target="{x}"/>' for i, t, x in rels)
    return f'<Relationships xmlns="{_RELS}">{listed}</Relationships>'.encode()


def streamed_workbook(
    path: Path,
    rows: Iterable[bytes] = (HEADER_ROW,),
    after_rows: Iterable[bytes] = (),
    strings: Iterable[bytes] | None = None,
    sheet_rels: Iterable[bytes] | None = None,
    sheet_head: bytes = b"",
) -> Path:
    """A workbook of one sheet ("Evidence Matrix"), each part written as a stream of chunks.

    `rows` are the sheet's `<row>` elements, `after_rows` what follows `</sheetData>`
    (merged cells, hyperlinks), `strings` the `<si>` entries of a shared-string
    table, `sheet_rels` the `<Relationship>` elements of the sheet, and
    `sheet_head` what comes before the root element of the sheet's XML.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')  # fmt: skip
        archive.writestr("_rels/.rels", _rels(("rId1", "officeDocument", "xl/workbook.xml")))
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
                         '<sheet name="Evidence Matrix" sheetId="1" r:id="rId1"/></sheets>'
                         "</workbook>")  # fmt: skip
        book_rels = [("rId1", "worksheet", "worksheets/sheet1.xml")]
        if strings is not None:
            book_rels.append(("rId2", "sharedStrings", "sharedStrings.xml"))
            _stream(archive, "xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">'.encode(), strings,
                    b"</sst>")  # fmt: skip
        archive.writestr("xl/_rels/workbook.xml.rels", _rels(*book_rels))
        if sheet_rels is not None:
            _stream(archive, "xl/worksheets/_rels/sheet1.xml.rels",
                    f'<Relationships xmlns="{_RELS}">'.encode(), sheet_rels,
                    b"</Relationships>")  # fmt: skip
        head = sheet_head + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheetData>'.encode()
        _stream(archive, SHEET_XML, head, rows, b"</sheetData>", after_rows, b"</worksheet>")
    return path


def _stream(archive: zipfile.ZipFile, name: str, *parts: bytes | Iterable[bytes]) -> None:
    with archive.open(name, "w", force_zip64=True) as entry:
        for part in parts:
            if isinstance(part, bytes):
                entry.write(part)
                continue
            chunk = bytearray()
            for piece in part:
                chunk += piece
                if len(chunk) > 1 << 20:
                    entry.write(chunk)
                    chunk.clear()
            entry.write(chunk)


def repeated(piece: bytes, times: int) -> Iterator[bytes]:
    """`piece`, `times` times over, in chunks of a thousand."""
    block = piece * 1000
    for _ in range(times // 1000):
        yield block
    yield piece * (times % 1000)


def evidence_rows(rows: int, first: int = 2) -> Iterator[bytes]:
    """Rows of a matrix, one element id and one piece of evidence each (1.1.1 throughout)."""
    for number in range(first, first + rows):
        cells = (b'<c r="A%d" t="inlineStr"><is><t>1.1.1</t></is></c><c r="B%d" '
                 b't="inlineStr"><is><t>E%d</t></is></c>') % (number, number, number)  # fmt: skip
        yield b'<row r="%d">%s</row>' % (number, cells)


def wide_csv(path: Path, fields: int) -> Path:
    """A CSV file: a header, then one record of `fields` fields."""
    with path.open("wb") as stream:
        stream.write(b"Ref,Evidence\r\n1.1.1,Surveys")
        for chunk in repeated(b",", fields):
            stream.write(chunk)
        stream.write(b"x\r\n")
    return path


def sheet_of(
    rows: Sequence[Sequence[object]], header_row: int = 1, name: str | None = "Evidence Matrix"
) -> Sheet:
    """A sheet as a reader gives it: `rows` from row `header_row` on, empty cells left out.

    A cell given as a `Cell` is kept as it is (with its fill or link); any other value
    becomes a plain cell in its place.
    """
    from cse_cli.matrix.cells import Cell, Sheet

    sheet = Sheet("matrix.xlsx" if name else "matrix.csv", name)
    for number, row in enumerate(rows, start=header_row):
        cells = [
            value if isinstance(value, Cell) else Cell(number, column, value)  # type: ignore[arg-type]
            for column, value in enumerate(row, start=1)
            if value not in (None, "")
        ]
        if cells:
            sheet.rows.append(cells)
    return sheet


# The rules (tests/rules/): a document as the loader makes it, checked in a context.

RULE_CONFIG = (
    "organisation: Test\nservices: [Library, Careers]\n"
    "cycle:\n  desk_top_review: 2026-03-09\n  visit: 2026-03-11\n  surveillance_1: 2027-03-10\n"
)


def located(text: str, file: str = "evidence/1.1.1.yaml") -> Document:
    """The document `cse check` would make of `text` in `file`."""
    from cse_cli.io.yaml_loader import load

    doc = load(text.encode("utf-8"), file)
    assert not doc.problems, doc.problems
    return doc


def validated(doc: Document, model: type[M]) -> M:
    """The model of a document that is valid."""
    from cse_cli.rules.schema import validate

    found = validate(doc, model, "a test file")
    assert found is not None, doc.problems
    return found


def rule_config(text: str = RULE_CONFIG) -> Config:
    """A valid cse.yaml's settings."""
    from cse_cli.core.config import Config

    return validated(located(text, "cse.yaml"), Config)


def element_context(
    *,
    config: Config | None = None,
    ids: Mapping[str, Place] | None = None,
    elements: Mapping[str, str] | None = None,
    files: Mapping[str, bytes] | None = None,
    cycle_known: bool = True,
) -> ElementContext:
    """The rest of a repository, as an element file's rules ask of it: the files read before
    define `ids` and take `elements`; `files` are the repository's (in memory)."""
    from cse_cli.io.resources import load_standard
    from cse_cli.rules.context import ElementContext
    from tests.fuzzing import MemoryTree

    return ElementContext(
        frozenset(load_standard().element_ids()), config or rule_config(), cycle_known,
        ids or {}, elements or {}, MemoryTree(dict(files or {})),
    )  # fmt: skip


def review_context(
    *,
    config: Config | None = None,
    ids: Mapping[str, Place] | None = None,
    files: Mapping[str, bytes] | None = None,
    earlier: Mapping[Stage, Review] | None = None,
) -> ReviewContext:
    """The rest of a repository, as a review file's rules ask of it."""
    from cse_cli.io.resources import load_cycle
    from cse_cli.rules.context import ReviewContext
    from tests.fuzzing import MemoryTree

    config = config or rule_config()
    requested = config.surveillance_documents or load_cycle().documents
    return ReviewContext(
        config, requested, [1, 2, 3, 4, 5], ids or {}, MemoryTree(dict(files or {})),
        earlier or {},
    )  # fmt: skip


def said(doc: Document) -> list[str]:
    """The problems of a document, as `cse check` prints them."""
    return [str(problem) for problem in doc.problems]


def evidence_facts(evidence: Evidence | None) -> object:
    """Everything a reading of a repository gives, to compare two readings of it."""
    if evidence is None:
        return None
    return (
        evidence.problems,
        {key: element.model_dump() for key, element in evidence.elements.items()},
        evidence.files,
        {stage: review.model_dump() for stage, review in evidence.reviews.items()},
        evidence.review_files,
        evidence.requested,
    )


# cse import --update: a matrix exported, edited and merged back --------------------------


def exported(root: Path, out: Path, *args: str) -> Path:
    """The matrix `cse export` writes of `root` to `out` (its suffix is the format)."""
    result = run("export", str(root), "--format", out.suffix[1:], "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    return out


def header_columns(sheet: Any) -> dict[str, int]:
    """Each header of an openpyxl sheet's first row, with its column number."""
    return {str(cell.value): cell.column for cell in sheet[1] if cell.value is not None}


def key_rows(sheet: Any) -> dict[str, int]:
    """The row of each key in the `cse key` column of an exported matrix sheet."""
    column = header_columns(sheet)["cse key"]
    return {
        str(sheet.cell(row, column).value): row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, column).value is not None
    }


def edited_matrix(path: Path, out: Path, change: Callable[[Any], None]) -> Path:
    """The workbook at `path` with its matrix sheet changed by `change`, saved by openpyxl."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    change(book["Evidence Matrix"])
    book.save(out)
    return out


def soffice_convert(source: Path, kind: str, folder: Path) -> Path:
    """`source` opened and saved again as `kind` (xlsx, csv) by LibreOffice, in its own profile."""
    soffice = need_tool("soffice")
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "profile").as_uri()
    converted = subprocess.run(
        [
            soffice, f"-env:UserInstallation={profile}", "--headless",
            "--convert-to", kind, "--outdir", str(folder), str(source),
        ],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    out = folder / f"{source.stem}.{kind}"
    assert converted.returncode == 0, converted.stdout + converted.stderr
    assert out.is_file(), converted.stdout + converted.stderr
    return out


SMALL_EVIDENCE = {
    "evidence/1.1.1.yaml": (
        '# Customer insight\nelement: "1.1.1"\nowner: Head of Service\nfinal: full\n'
        "evidence:\n  - id: ES-1\n    title: Customer survey\n    owner: JS\n"
        "  - title: Complaints log   # kept by the contact centre\n"
    ),
    "evidence/1.1.2.yaml": (
        'element: "1.1.2"\nfinal: partial\nevidence:\n  - ref: ES-1\n    notes: The 2025 wave\n'
        "  - title: Focus group notes\n"
    ),
}
"""A small repository: rows 2-6 of its matrix are 1.1.1's own row, its two items (ES-1 and
the complaints log), then 1.1.2's citing ES-1 and its focus group notes."""


def update_case(
    folder: Path,
    edit: Callable[[Any], None] = lambda _: None,
    suffix: str = "xlsx",
    config: str = CONFIG,
) -> tuple[Path, Path]:
    """A small repository in git, its matrix exported and edited: a case of `import --update`.

    `edit` gets the openpyxl sheet of a workbook, or the list of a CSV file's lines.
    """
    root = write_repo(folder / "repo", SMALL_EVIDENCE, config)
    init_git(root)
    commit_all(root)
    matrix = exported(root, folder / f"export.{suffix}")
    if suffix == "xlsx":
        return root, edited_matrix(matrix, folder / "matrix.xlsx", edit)
    lines = matrix.read_text(encoding="utf-8-sig").split("\r\n")
    edit(lines)
    back = folder / "matrix.csv"
    back.write_text("\r\n".join(lines), encoding="utf-8", newline="")
    return root, back
