"""`cse pack`: the evidence pack an assessor opens offline, as one zip file.

The report at its root links to the documents inside it; every document an
item names with `path:` goes in once, streamed in chunks, with a manifest and a
README page. Every document is checked, and the total against its limit, before
anything is written; the zip is written beside the target and moved into place.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.cli.exits import Exit
from cse_cli.cli.output import inputs_of, refuse_inputs
from cse_cli.cli.reading import read_valid
from cse_cli.core.problems import CseError
from cse_cli.core.text import plural, quoted

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.scoring import Verdict
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard
    from cse_cli.io.tree import DirTree
    from cse_cli.io.zipstream import ZipStream
    from cse_cli.render import Document as Rendered
    from cse_cli.views.pack import Document, Packed


def run(path: Path, output: Path, stage: Stage) -> Exit:
    """Pack the repository holding `path` into the zip file `output`."""
    from cse_cli.io.limits import MAX_PACK_BYTES
    from cse_cli.io.tree import DirTree
    from cse_cli.io.zipstream import is_replaceable
    from cse_cli.views.pack import documents

    standard, evidence, verdict = read_valid(path, stage, progress=True)
    refuse_inputs(output, "pack", inputs_of(evidence))
    if not is_replaceable(output):
        raise CseError(f"{output}: is not a regular file: cse pack writes or replaces only a file")
    assert evidence.root is not None  # noqa: S101 - read from a folder, never a revision
    tree = DirTree(evidence.root)
    wanted = documents(standard, evidence)
    sizes = _sizes(tree, wanted)
    total = sum(sizes)
    if total > MAX_PACK_BYTES:
        raise CseError(
            f"the {plural(len(wanted), 'document')} total {total:,} bytes, over the limit of "
            f"{MAX_PACK_BYTES:,} for one pack: cite the largest with url: instead of path:"
        )
    try:
        _write(output, standard, evidence, verdict, tree, dict(zip(wanted, sizes, strict=True)))
    except OSError as exc:
        raise CseError(f"{output}: cannot write the pack: {exc.strerror or exc}") from None
    echo(f"wrote {output} ({plural(len(wanted), 'document')}, {total:,} bytes)", err=True)
    return Exit.MET


def _sizes(tree: DirTree, wanted: tuple[Document, ...]) -> list[int]:
    """The size of each document; CseError listing every one that cannot be packed."""
    from cse_cli.io.zipstream import open_document

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
    return sizes


def _write(
    output: Path,
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    tree: DirTree,
    wanted: dict[Document, int],
) -> None:
    """Write the zip: the report, the documents, the manifests and the README page."""
    from cse_cli import __version__
    from cse_cli.io.atomic import replacing
    from cse_cli.io.limits import MAX_PACK_BYTES
    from cse_cli.io.zipstream import ZipStream
    from cse_cli.render import PACK, REPORT
    from cse_cli.render.formats import PackFormat, ReportFormat
    from cse_cli.views import pack as views
    from cse_cli.views.report import build_view

    report = dataclasses.replace(build_view(standard, evidence, verdict), documents=views.DOCUMENTS)
    with replacing(output) as stream, ZipStream(stream) as packed:
        packed.add(views.REPORT, _bytes(REPORT[ReportFormat.HTML](report)))
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


def _bytes(document: Rendered) -> bytes:
    """A document as a zip entry holds it: text in UTF-8."""
    return document.encode("utf-8") if isinstance(document, str) else document


def _copy(packed: ZipStream, tree: DirTree, document: Document, size: int) -> Packed:
    """Stream one document of `size` bytes into the pack, checked again as it is opened."""
    from cse_cli.io.zipstream import Changed, open_document
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
