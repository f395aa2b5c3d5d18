"""The evidence pack as a zip: the report at its root, every document once, the manifests, a README.

`planned` checks every document an item names with `path:` and the total
against the pack's limit before anything is written; `write` writes the zip into
an open seekable stream (`cse pack`'s file); `streamed` gives the very same
bytes as chunks, for the editor's download, without writing a file anywhere.

A zip written to a seekable file goes back to each entry's header, once the
entry is written, to put its size and checksum there; a stream cannot go back,
and zipfile would then write them after the entry instead (other bytes than
`cse pack` writes). So `streamed` makes the zip twice: once into a sink that
keeps nothing but those headers as finally written, then for real, sending each
header as it will end up. Every document is read twice; memory stays flat. A
document that changes between the two (its checksum differs) stops the download
with the error `cse pack` gives when a document changes while it is packed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import queue
import threading
from typing import IO, TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.text import plural, quoted
from cse_cli.io.zipstream import CHUNK, Changed

if TYPE_CHECKING:
    from collections.abc import Generator

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.scoring import Verdict
    from cse_cli.core.standard import Standard
    from cse_cli.io.tree import DirTree
    from cse_cli.io.zipstream import ZipStream
    from cse_cli.views.pack import Document, Packed

_QUEUED = 8  # chunks waiting to be sent: the most a slow download holds in memory


def planned(standard: Standard, evidence: Evidence, tree: DirTree) -> dict[Document, int]:
    """Each document to pack and its size; CseError for any that cannot be, or a pack too large."""
    from cse_cli.io.limits import MAX_PACK_BYTES
    from cse_cli.io.zipstream import open_document
    from cse_cli.views.pack import documents

    wanted = documents(standard, evidence)
    sizes, problems = [], []
    for document in wanted:
        opened = open_document(tree, document.source)
        if isinstance(opened, str):
            problems.append(f"document {quoted(document.source)} {opened}: nothing was packed")
            continue
        stream, size = opened
        stream.close()
        sizes.append(size)
    if problems:
        raise CseError(*problems)
    total = sum(sizes)
    if total > MAX_PACK_BYTES:
        raise CseError(
            f"the {plural(len(wanted), 'document')} total {total:,} bytes, over the limit of "
            f"{MAX_PACK_BYTES:,} for one pack: cite the largest with url: instead of path:"
        )
    return dict(zip(wanted, sizes, strict=True))


def write(
    stream: IO[bytes],
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    tree: DirTree,
    wanted: dict[Document, int],
) -> None:
    """Write the zip into `stream`: the report, the documents, the manifests and the README page."""
    from cse_cli import __version__
    from cse_cli.io.limits import MAX_PACK_BYTES
    from cse_cli.io.zipstream import ZipStream
    from cse_cli.render import PACK, REPORT
    from cse_cli.render.formats import PackFormat, ReportFormat
    from cse_cli.views import pack as views
    from cse_cli.views.report import build_view

    report = dataclasses.replace(build_view(standard, evidence, verdict), documents=views.DOCUMENTS)
    with ZipStream(stream) as packed:
        page = REPORT[ReportFormat.HTML](report)
        packed.add(views.REPORT, page.encode("utf-8") if isinstance(page, str) else page)
        contents = tuple(_copy(packed, tree, document, size) for document, size in wanted.items())
        view = views.PackView(
            organisation=evidence.config.organisation,
            stage=verdict.stage,
            stage_words=standard.words(verdict.stage.value),
            version=__version__,
            documents=contents,
            total=sum(wanted.values()),
            limit=MAX_PACK_BYTES,
        )
        for name, part in (
            (views.MANIFEST_CSV, PackFormat.CSV),
            (views.MANIFEST_JSON, PackFormat.JSON),
            (views.README, PackFormat.HTML),
        ):
            packed.add(name, PACK[part](view).encode("utf-8"))


def _copy(packed: ZipStream, tree: DirTree, document: Document, size: int) -> Packed:
    """Stream one document of `size` bytes into the pack, checked again as it is opened."""
    from cse_cli.io.zipstream import open_document
    from cse_cli.views.pack import Packed

    opened = open_document(tree, document.source)
    if isinstance(opened, str):
        raise CseError(f"document {quoted(document.source)} {opened}: nothing was packed")
    stream, now = opened
    with stream:
        try:
            sha256 = packed.copy(document.path, stream, size) if now == size else None
        except Changed:
            sha256 = None
    if sha256 is None:
        raise CseError(
            f"document {quoted(document.source)} changed while it was packed: "
            "nothing was packed; run cse pack again"
        )
    return Packed(document, size, sha256)


class _Seekable(io.RawIOBase):
    """A stream zipfile can go back in, to write an entry's header again once it is known."""

    def __init__(self) -> None:
        self.at = 0
        self.end = 0

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.at

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.at = {io.SEEK_SET: 0, io.SEEK_CUR: self.at, io.SEEK_END: self.end}[whence] + offset
        return self.at

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        if self.at < self.end:
            self.again(self.at, chunk)
        else:
            self.ahead(self.at, chunk)
        self.at += len(chunk)
        self.end = max(self.end, self.at)
        return len(chunk)

    def ahead(self, at: int, chunk: bytes) -> None:
        """Bytes written at the end."""

    def again(self, at: int, chunk: bytes) -> None:
        """Bytes written again over earlier ones (a header, once its entry is written)."""


class _Headers(_Seekable):
    """The first making: keeps only what is written again, where."""

    def __init__(self) -> None:
        super().__init__()
        self.final: dict[int, bytes] = {}

    def again(self, at: int, chunk: bytes) -> None:
        self.final[at] = chunk


class _Sent(_Seekable):
    """The second making: each header as it ends up, the rest as written, into a queue."""

    def __init__(
        self, final: dict[int, bytes], out: queue.Queue[object], stop: threading.Event
    ) -> None:
        super().__init__()
        self.final = final
        self.out = out
        self.stop = stop
        self.held = bytearray()

    def ahead(self, at: int, chunk: bytes) -> None:
        ended = self.final.get(at)
        self.held += ended if ended is not None and len(ended) == len(chunk) else chunk
        if len(self.held) >= CHUNK:
            self.send()

    def again(self, at: int, chunk: bytes) -> None:
        if self.final.get(at) != chunk:
            raise Changed  # a document differs from the first making: the header sent is wrong

    def send(self) -> None:
        while self.held:
            try:
                self.out.put(bytes(self.held), timeout=1)
            except queue.Full:
                if self.stop.is_set():
                    raise Changed from None  # the download was abandoned: stop making it
                continue
            self.held.clear()


def streamed(
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    tree: DirTree,
    wanted: dict[Document, int],
) -> Generator[bytes, None, None]:
    """The bytes `write` writes into a file, in chunks, made without writing a file."""
    headers = _Headers()
    write(headers, standard, evidence, verdict, tree, wanted)  # type: ignore[arg-type]
    out: queue.Queue[object] = queue.Queue(maxsize=_QUEUED)
    stop = threading.Event()
    done = object()

    def make() -> None:
        try:
            sent = _Sent(headers.final, out, stop)
            write(sent, standard, evidence, verdict, tree, wanted)  # type: ignore[arg-type]
            sent.send()
            outcome: object = done
        except Exception as exc:  # noqa: BLE001 - handed to the reader, who raises it
            outcome = exc
        while not stop.is_set():
            with contextlib.suppress(queue.Full):
                out.put(outcome, timeout=1)
                return

    maker = threading.Thread(target=make, name="cse-pack", daemon=True)
    maker.start()
    try:
        while (item := out.get()) is not done:
            if isinstance(item, Exception):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        maker.join(timeout=5)
