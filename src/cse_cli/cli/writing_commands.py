"""The commands that write files: init, schema, import, export and pack.

Each only hands its options to its module in `cse_cli.cli.commands`, imported
when the command runs, and returns that module's exit code.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

from pathlib import Path
from typing import Annotated

import typer

from cse_cli.cli.exits import Exit
from cse_cli.cli.options import PathArgument, Prefer, StageOption, choice, required
from cse_cli.core.problems import CseError
from cse_cli.core.stages import Stage
from cse_cli.render.formats import ExportFormat, ExportLayout, ImportFormat, SchemaKind


def init(
    path: PathArgument = Path(),
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            "-o",
            help="The organisation's name for cse.yaml (default: the folder's name). "
            'Example: --organisation "Bolton Library"',
        ),
    ] = None,
    ci: Annotated[
        bool,
        typer.Option(
            "--ci",
            help="Also write a GitHub Actions workflow (.github/workflows/cse.yml) that runs "
            "cse check and shows cse diff as the job summary. Example: cse init --ci",
        ),
    ] = False,
    cse_source: Annotated[
        str | None,
        typer.Option(
            "--cse-source",
            help="With --ci: where the workflow installs cse from, pinned (default: where "
            "this cse was installed from, if pinned). "
            "Example: --cse-source git+https://github.com/OWNER/cse@v0.1.0",
        ),
    ] = None,
) -> Exit:
    """Create cse.yaml and the 57 element files, each with the element's wording.

    It never overwrites a file that exists: run again, it only adds what is missing.

    Example: cse init my-cse --organisation "Anytown Council"
    """
    from cse_cli.cli.commands import init as command

    return command.run(path, organisation, ci=ci, cse_source=cse_source)


def schema(
    kind: Annotated[
        SchemaKind,
        choice(
            SchemaKind,
            "--kind",
            "-k",
            help="element: the schema of the element files; config: of cse.yaml; review: "
            "of reviews/surveillance-1.yaml and -2.yaml. Example: --kind config",
        ),
    ] = SchemaKind.ELEMENT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the schema to this file instead of printing it. "
            "Example: -o .cse/element.schema.json",
            show_default=False,
        ),
    ] = None,
) -> Exit:
    """Print the JSON Schema of element files (or of cse.yaml) for editors.

    VS Code (with the YAML extension) and JetBrains IDEs use it to complete keys,
    element ids and ratings, and to flag mistakes such as `finale:` as you type.
    `cse init` writes both schemas to .cse/ and points each file at them.

    Example: cse schema --kind element -o .cse/element.schema.json
    """
    from cse_cli.cli.commands import schema as command

    return command.run(kind, output)


def import_(
    matrix: Annotated[
        Path,
        typer.Argument(
            help="The evidence matrix: an Excel workbook (.xlsx) or a CSV file.",
            show_default=False,
        ),
    ],
    path: Annotated[
        Path,
        typer.Argument(
            help="The folder for the new evidence repository, or with --update a folder of "
            "the repository to merge into (default: the current folder).",
            show_default=False,
        ),
    ] = Path(),
    *,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="The one sheet of the workbook to read (default: every sheet that holds a "
            "header row; with --update, an export's matrix sheet, the first whose name has "
            '"matrix" or "evidence" in it). Example: --sheet "Evidence Matrix"',
            show_default=False,
        ),
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            "-c",
            help="FIELD=HEADER: read the field from the column with this header, where the "
            "usual names do not fit; repeat it for each. Fields: element, wording, evidence, "
            "evidence_id, owner, service, date, link, rating, self_assessment, desk_top, "
            "final, surveillance_1, surveillance_2, notes, inferred, delete, key. "
            'Example: --column owner="Lead officer"',
            show_default=False,
            metavar="FIELD=HEADER",
        ),
    ] = None,
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            help="The organisation's name for cse.yaml (default: the folder's name). "
            'Example: --organisation "Bolton Library"',
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ImportFormat,
        choice(
            ImportFormat,
            "--format",
            "-f",
            help="text: what was read and written, then the check's verdict; json: one "
            "JSON object on stdout. Example: --format json",
        ),
    ] = ImportFormat.TEXT,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Merge the matrix into the existing repository in PATH instead of starting "
            "a new one: it shows what would change and writes nothing without --write. "
            "Example: cse import matrix.xlsx . --update",
        ),
    ] = False,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="With --update: write the changes it shows (all files or none). "
            "Example: --update --write",
        ),
    ] = False,
    prefer: Annotated[
        Prefer | None,
        choice(
            Prefer,
            "--prefer",
            help="With --update: where the sheet and the repository both changed a value "
            "since the export, keep the sheet's or the repository's (without it, nothing is "
            "written while a conflict remains). Example: --prefer sheet",
            show_default=False,
        ),
    ] = None,
) -> Exit:
    """Start a new evidence repository from an evidence matrix in Excel (.xlsx) or CSV.

    It finds the header row below any title rows, reads one element per run of
    rows (merged cells and continuation rows included), turns an evidence id
    used again ("ES 2 …") into a ref: to its first use, and takes services from
    a column or the colour key. Every problem is listed at once, located as
    matrix.xlsx:Sheet!C12, and then nothing is written (exit 2). It never adds
    to an existing repository, unless --update merges it into one. It ends with
    the check's verdict (exit 0).

    Example: cse import matrix.xlsx my-cse --sheet "Evidence Matrix"
    """
    if not update and (write or prefer is not None):
        raise CseError(f"{'--write' if write else '--prefer'} is for --update: add --update "
                       "to merge the matrix into the repository in PATH")  # fmt: skip
    if update:
        if organisation is not None:
            raise CseError("--organisation names a new repository: --update merges into one")
        from cse_cli.cli.commands import import_update

        return import_update.run(
            matrix, path, sheet, column or [], output_format, write=write, prefer=prefer
        )
    from cse_cli.cli.commands import import_ as command

    return command.run(matrix, path, sheet, column or [], output_format, organisation)


def export(
    path: PathArgument = Path(),
    *,
    output_format: Annotated[
        ExportFormat | None,
        choice(
            ExportFormat,
            "--format",
            "-f",
            help="Required. xlsx: an Excel workbook with the matrix and a summary sheet; "
            "csv: the matrix alone, as UTF-8 CSV. Example: --format xlsx",
        ),
    ] = None,
    stage: StageOption = Stage.LATEST,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the matrix to this file (default: stdout, which must not be a "
            "terminal for xlsx). Example: -o matrix.xlsx",
            show_default=False,
        ),
    ] = None,
    layout: Annotated[
        ExportLayout,
        choice(
            ExportLayout,
            "--layout",
            help="matrix: a row per evidence or on-site item (the default); self-assessment: "
            "the certification body's workbook, a sheet per criterion and a block per element "
            "(xlsx only). Example: --layout self-assessment",
        ),
    ] = ExportLayout.MATRIX,
) -> Exit:
    """Write the evidence matrix for managers: one row per evidence item, in Excel or CSV.

    Each row has the element's number and wording, its rating at the stage and
    at each recorded stage, and the item's id, title, owner, service, date, link
    and notes; the workbook adds a summary sheet with each criterion's verdict.
    The same evidence gives the same bytes, no cell is ever a formula, and
    `cse import` reads an export back. Exit 0, or 2 when the evidence is invalid.

    With --layout self-assessment: the certification body's self-assessment
    workbook instead (a sheet per criterion, a block per element: Show Me and Tell
    Me with their refs, the self-assessment and the desk-top rating), to send back.

    Example: cse export examples/bolton --format xlsx -o matrix.xlsx

    Example: cse export examples/anytown --layout self-assessment --format xlsx -o sa.xlsx
    """
    if output_format is None:
        raise required("--format", ExportFormat)
    from cse_cli.cli.commands import export as command

    return command.run(path, output_format, stage, output, layout)


def pack(
    path: PathArgument = Path(),
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The zip file to write (replaced if it exists). Example: -o pack.zip",
            show_default=False,
        ),
    ],
    stage: StageOption = Stage.LATEST,
) -> Exit:
    """Make the evidence pack an assessor opens offline: one zip file.

    It holds the HTML report, whose evidence links open the documents inside
    the pack; every document an item names with path:, once each; a manifest
    (manifest.csv, manifest.json) of each document's size, SHA-256 and the
    elements citing it; and a README page. The same evidence gives the same
    bytes. Exit 0, or 2 when the evidence is invalid, a document cannot be
    packed or the documents pass the size limit (nothing is written then).

    Example: cse pack examples/bolton -o bolton-pack.zip
    """
    from cse_cli.cli.commands import pack as command

    return command.run(path, output, stage)
