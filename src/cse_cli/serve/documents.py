"""The Documents page: each document with the elements citing it, uploads, and downloads of one.

Only documents are ever served: a file under `documents/`, or one an evidence
item names with `path:`, found through the repository's `DirTree`, so `..`,
links out of the repository, folders, devices and named pipes are refused as
`cse check` refuses them. A document is always sent as a download (never shown
in the editor's own pages, where an HTML file could run a script).

An upload is read within its limit (`cse_cli.serve.bodies`), given a safe name,
and written into `documents/` atomically (`cse_cli.io.atomic`): a new name never
replaces a file that appeared meanwhile, and a file that has the name is
replaced only when the user chose to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from cse_cli.io.tree import DirTree, Entry, Unreadable, Why, clean
from cse_cli.serve.bodies import MAX_UPLOAD_BYTES, Refused, read_upload
from cse_cli.serve.editor import editor
from cse_cli.serve.state import DOCUMENTS

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.serve.editor import Editor

_MAX_LISTED = 5_000  # documents on the page; past it the folder holds more than any team keeps
_MAX_NAME = 120  # characters of an uploaded file's name
_WINDOWS = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Listed:
    """A document on the page: its path, size, the elements citing it, or why it is unusable."""

    path: str
    size: int
    elements: tuple[str, ...]
    problem: str | None = None


def safe_name(given: str) -> str | None:
    """An uploaded file's name made safe to write in `documents/`: None when nothing is left.

    The last part of the name only (a browser may send a whole path, or `../../x`),
    in NFC, with anything but letters, digits, dots, dashes, underscores and
    spaces turned into a dash; never hidden, never a Windows device name.
    """
    base = unicodedata.normalize("NFC", given.replace("\\", "/").rsplit("/", 1)[-1])
    kept = "".join(ch if ch.isalnum() or ch in "._- " else "-" for ch in base)
    kept = re.sub(r"-{2,}", "-", re.sub(r"\s+", " ", kept)).strip(" .-")
    if not kept:
        return None
    stem, dot, suffix = kept.rpartition(".") if "." in kept else (kept, "", "")
    if stem.split(".")[0].upper() in _WINDOWS:
        stem = f"file-{stem}"
    suffix = suffix[:16]
    stem = stem[: _MAX_NAME - len(suffix) - 1].rstrip(" .-")
    return f"{stem}{dot}{suffix}" if stem else None


def exists(ed: Editor, rel: str) -> bool:
    """Whether a document (anything but nothing) has the name `rel` already."""
    refusal = DirTree(ed.repository.root).check_file(rel)
    return refusal is None or refusal.why is not Why.MISSING


def listed(ed: Editor) -> tuple[list[Listed], list[Listed]]:
    """The documents cited by the evidence, and those under documents/ no element cites."""
    from cse_cli.views.pack import documents

    evidence = ed.repository.current().evidence
    tree = DirTree(ed.repository.root)
    cited = []
    for document in documents(ed.standard, evidence):
        problem = tree.check_file(document.source)
        size = _size(tree, document.source) if problem is None else 0
        cited.append(Listed(document.source, size, document.elements, problem))
    known = {document.path for document in cited}
    others = [d for d in _under(tree, DOCUMENTS) if d.path not in known]
    return cited, others


def _size(tree: DirTree, rel: str) -> int:
    try:
        return (tree.root / rel).stat().st_size
    except OSError:
        return 0


def _under(tree: DirTree, folder: str, depth: int = 8) -> list[Listed]:
    """Every file under `folder`, by path (folders are walked, never shown)."""
    found: list[Listed] = []
    try:
        entries: list[Entry] = tree.listdir(folder) or []
    except Unreadable:
        return found
    for entry in entries:
        if len(found) >= _MAX_LISTED or entry.name.startswith("."):
            continue
        rel = f"{folder}/{entry.name}"
        if entry.kind == "dir" and depth > 0:
            found += _under(tree, rel, depth - 1)
        elif entry.kind == "file":
            found.append(Listed(rel, entry.size, ()))
        elif entry.kind == "other":
            found.append(Listed(rel, 0, (), str(entry.problem or "is not a regular file")))
    return found[:_MAX_LISTED]


async def documents_page(request: Request, status: int = 200, **shown: object) -> Response:
    """The documents, each with the elements citing it, and the upload form."""
    ed = editor(request)
    cited, others = listed(ed)
    return ed.pages.render(
        request,
        "documents.html.j2",
        status,
        cited=cited,
        others=others,
        limit=MAX_UPLOAD_BYTES,
        uploaded=request.query_params.get("uploaded"),
        **shown,
    )


async def upload(request: Request) -> Response:
    """Write an uploaded document into documents/, never replacing a file unasked."""
    from starlette.responses import RedirectResponse

    ed = editor(request)
    try:
        sent = await read_upload(request, "document")
    except Refused as exc:
        return await documents_page(request, exc.status, error=f"{exc}: nothing was written")
    name = safe_name(sent.filename)
    if name is None:
        return await documents_page(
            request,
            400,
            error="The file's name has no letters or digits: rename it and upload it again",
        )
    rel = f"{DOCUMENTS}/{name}"
    refused = write_document(ed, rel, sent.data, replace=sent.fields.get("replace") == "yes")
    if refused is not None:
        return await documents_page(
            request, 409 if "exists" in refused else 400, error=refused, name=rel
        )
    ed.session.written.add(rel)
    return RedirectResponse(f"/documents?{urlencode({'uploaded': rel})}", status_code=303)


def write_document(ed: Editor, rel: str, data: bytes, *, replace: bool) -> str | None:
    """Write an uploaded document at `rel` (under documents/); None, or why nothing was written."""
    from cse_cli.io.atomic import NotRegularFile, write_atomic, write_new

    tree = DirTree(ed.repository.root)
    folder = tree.check_file(DOCUMENTS)
    if folder is not None and folder.why not in {Why.FOLDER, Why.MISSING}:
        return f"{DOCUMENTS} {folder}: nothing was written"
    refusal = tree.check_file(rel)
    exists = refusal is None
    if refusal is not None and refusal.why is not Why.MISSING:
        return f"{rel} {refusal}: nothing was written"
    if exists and not replace:
        return (
            f"{rel} already exists: choose “Replace the document that has this name” and "
            "upload it again, or rename your file. Nothing was written"
        )
    path = tree.root / rel
    try:
        if folder is not None and folder.why is Why.MISSING:
            (tree.root / DOCUMENTS).mkdir()
        if exists:
            write_atomic(path, data)
        elif not write_new(path, data):
            return f"{rel} appeared while it was uploaded: upload it again. Nothing was written"
    except (NotRegularFile, OSError) as exc:
        return f"{rel} cannot be written ({exc.strerror or exc}): nothing was written"
    return None


async def download(request: Request) -> Response:
    """One document, as a download: only a listed one, checked again as it is opened."""
    from starlette.responses import StreamingResponse

    from cse_cli.io.zipstream import open_document

    ed = editor(request)
    wanted = clean(request.query_params.get("path", ""))
    cited, others = listed(ed)
    usable = {d.path for d in (*cited, *others) if d.problem is None}
    if wanted is None or wanted not in usable:
        return ed.pages.render(request, "missing.html.j2", 404, what="document")
    opened = open_document(DirTree(ed.repository.root), wanted)
    if isinstance(opened, str):
        return ed.pages.render(request, "missing.html.j2", 404, what="document")
    stream, size = opened

    def chunks() -> object:
        with stream:
            while piece := stream.read(_CHUNK):
                yield piece

    name = wanted.rsplit("/", 1)[-1]
    return StreamingResponse(
        chunks(),  # type: ignore[arg-type]
        media_type="application/octet-stream",
        headers={
            "content-disposition": _attachment(name),
            "content-length": str(size),
            "content-security-policy": "sandbox; default-src 'none'",
        },
    )


def _attachment(name: str) -> str:
    """A Content-Disposition that downloads `name`, written safely for any name (RFC 6266)."""
    from urllib.parse import quote

    ascii_name = re.sub(r"[^A-Za-z0-9._ -]", "_", name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
