"""The repository a matrix gives, rendered in memory and checked as `cse check` would check it.

Every file import would write is made as text first: cse.yaml, an element file
per element of the matrix (its data as YAML every text of which is quoted), and
what `cse init` adds (the schemas, a file for every other element). Then the
sizes are held to `check`'s limits, and the files are read back through cse's
own repository reader, from memory, over the folder as it is: so what import
writes passes `check`, and a matrix that would give anything else is refused
before a byte is written, each problem shown at the matrix's cell it comes from.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cse_cli.core.text import inert
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.memtree import MemoryTree
from cse_cli.io.repository import read_evidence
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.scaffold_text import CONFIG_SCHEMA, ELEMENT_SCHEMA, REVIEW_SCHEMA, config_text
from cse_cli.io.scaffold_text import element_text as template_text
from cse_cli.io.tree import DirTree
from cse_cli.rules.repository_limits import MAX_EVIDENCE_BYTES

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.io.scaffold import Schemas
    from cse_cli.matrix.cells import Sheet
    from cse_cli.matrix.recognise import Matrix

EVIDENCE_DIR = "evidence"


@dataclass
class Planned:
    """The files a matrix gives (path -> text, in the order written), and `check`'s reading."""

    files: dict[str, str] = field(default_factory=dict)
    evidence: Evidence | None = None
    """What `check` would read from the repository written (None when the sizes are refused)."""
    problems: list[Problem] = field(default_factory=list)
    """Why the repository would not pass `check`, each at the matrix's place it comes from."""


def plan(
    root: Path,
    matrix: Matrix,
    sheet: Sheet,
    standard: Standard,
    schemas: Schemas,
    organisation: str,
) -> Planned:
    """The repository `matrix` gives in `root`, rendered and checked in memory; nothing written."""
    planned = Planned()
    planned.files[CONFIG_FILE] = repository_config(organisation, matrix.services)
    for element_id, data in matrix.elements.items():
        planned.files[_element_file(element_id)] = element_text(standard, data, sheet.file)
    planned.files |= {ELEMENT_SCHEMA: schemas.element, CONFIG_SCHEMA: schemas.config,
                      REVIEW_SCHEMA: schemas.review}  # fmt: skip
    for element_id in standard.element_ids():
        schema = f"../{ELEMENT_SCHEMA}"
        _, _, element = standard.element(element_id)
        planned.files.setdefault(
            _element_file(element_id),
            template_text(element_id, standard.heading(element_id), element.text, schema),
        )
    encoded = {rel: text.encode("utf-8") for rel, text in planned.files.items()}
    planned.problems = _sizes(encoded, matrix, sheet)
    if planned.problems:
        return planned
    below = DirTree(root) if root.is_dir() else None
    evidence = read_evidence(MemoryTree(encoded, below, str(root)), standard)
    evidence.root = root
    planned.evidence = evidence
    planned.problems = [
        _located(p, matrix, sheet) for p in evidence.problems if p.severity == "error"
    ]
    return planned


def _element_file(element_id: str) -> str:
    return f"{EVIDENCE_DIR}/{element_id}.yaml"


def _sizes(encoded: dict[str, bytes], matrix: Matrix, sheet: Sheet) -> list[Problem]:
    """Each element file over `check`'s limit for a file, and the files over the repository's."""
    problems = []
    for element_id in matrix.elements:
        size = len(encoded[_element_file(element_id)])
        if size > MAX_FILE_BYTES:
            row, column = matrix.places[element_id]
            at = matrix.sheets.get(element_id, sheet)
            problems.append(at.problem(row, column, "error", f"the rows of {element_id} give "
                            f"an element file of {size:,} bytes, over cse check's limit of "
                            f"{MAX_FILE_BYTES:,} for one file: shorten the longest texts, or "
                            "keep them in documents and give their location"))  # fmt: skip
    total = sum(len(data) for rel, data in encoded.items() if rel.startswith(f"{EVIDENCE_DIR}/"))
    if total > MAX_EVIDENCE_BYTES:
        problems.append(sheet.problem(0, 0, "error", f"the element files it gives hold "
                        f"{total:,} bytes, over cse check's limit of {MAX_EVIDENCE_BYTES:,} "
                        "for a repository: shorten the longest texts, or keep them in "
                        "documents and give their location"))  # fmt: skip
    return problems


def _located(problem: Problem, matrix: Matrix, sheet: Sheet) -> Problem:
    """A problem `check` would find in a file written, shown where the matrix gives the file."""
    element_id = problem.file.removeprefix(f"{EVIDENCE_DIR}/").removesuffix(".yaml")
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    message = f"what the matrix gives would not pass cse check ({where}): {problem.message}"
    if element_id in matrix.places:
        at = matrix.sheets.get(element_id, sheet)
        return at.problem(*matrix.places[element_id], "error", message)
    return sheet.problem(0, 0, "error", message)


def element_text(standard: Standard, data: dict[str, Any], source: str) -> str:
    """An element file holding `data`, headed by the element's wording as a comment."""
    element_id = data["element"]
    _, _, element = standard.element(element_id)
    wrapped = "\n".join("# " + line for line in textwrap.wrap(element.text, 86))
    return (
        f"# yaml-language-server: $schema=../{ELEMENT_SCHEMA}\n"
        f"# {standard.heading(element_id)}\n#\n{wrapped}\n#\n"
        f"# Imported from {inert(source)} by cse import.\n" + yaml_text(data)
    )


def yaml_text(data: dict[str, Any]) -> str:
    """YAML for an element file's data: scalars, and lists of mappings of scalars.

    Every text is written double-quoted, so none is ever read as a number, a
    boolean, a date or a tag, and every character that is not printable is
    escaped, so the file stays one readable line per value.
    """
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            for entry in value:
                lead = "  - "
                for name, item_field in entry.items():
                    lines.append(f"{lead}{name}: {_scalar(item_field)}")
                    lead = "    "
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    """A scalar as YAML: a date as it is, anything else as a double-quoted (JSON) string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return _printable(json.dumps(value, ensure_ascii=False))  # JSON's escapes are YAML's too


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"  # noqa: PLR2004 - the BMP


def repository_config(organisation: str, services: list[str]) -> str:
    """cse.yaml for an imported matrix: cse init's, with the services the matrix names."""
    text = config_text(organisation)
    if services:
        listed = json.dumps(services, ensure_ascii=False)
        text = text.replace(
            "# services: [Library, Careers]    # when given, every evidence item's service must be one of these\n",  # noqa: E501
            f"services: {_printable(listed)}\n",
        )
    return text


def _printable(text: str) -> str:
    """JSON text with each character a terminal or editor would not show written as an escape."""
    return (
        text
        if text.isprintable()
        else "".join(ch if ch.isprintable() else _escape(ch) for ch in text)
    )
