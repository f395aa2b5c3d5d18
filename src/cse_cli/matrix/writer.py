"""Writes the repository an imported matrix gives: cse.yaml, its element files, and the rest.

`cse import` starts a new repository: it refuses a folder that holds one
already, so nothing anyone wrote is ever replaced or mixed with the matrix.
The matrix's elements get files holding their evidence; `cse init` then adds
the schemas and a file for every element the matrix does not give. Each file
is written atomically and only where no file is (`write_new`); if writing
fails part way, the files written are removed again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import textwrap
from typing import TYPE_CHECKING, Any

from cse_cli.core.problems import CseError
from cse_cli.io.atomic import write_new
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.scaffold import ELEMENT_SCHEMA, Schemas, config_text, init_repository

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.standard import Standard

EVIDENCE_DIR = "evidence"


def refuse_existing(root: Path) -> None:
    """Raise CseError unless `root` is a place for a new repository."""
    if root.exists() and not root.is_dir():
        raise CseError(f"{root}: is a file, not a folder for the new repository")
    marker = root / CONFIG_FILE
    if marker.exists() or marker.is_symlink():
        raise CseError(
            f"{root} already holds an evidence repository ({CONFIG_FILE}): cse import starts a "
            "new one and never adds to one; import into a new folder, then copy across the "
            "element files you want"
        )
    folder = root / EVIDENCE_DIR
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CseError(
            f"{folder}: already exists and is not an empty folder: import into a new folder"
        )


def element_text(standard: Standard, data: dict[str, Any], source: str) -> str:
    """An element file holding `data`, headed by the element's wording as a comment."""
    element_id = data["element"]
    criterion, sub, element = standard.element(element_id)
    heading = f"{element_id} · {criterion.title} › {sub.id} {sub.title}"  # noqa: RUF001 - as cse init writes it
    wrapped = "\n".join("# " + line for line in textwrap.wrap(element.text, 86))
    return (
        f"# yaml-language-server: $schema=../{ELEMENT_SCHEMA}\n# {heading}\n#\n{wrapped}\n#\n"
        f"# Imported from {source} by cse import.\n" + yaml_text(data)
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
                for name, field in entry.items():
                    lines.append(f"{lead}{name}: {_scalar(field)}")
                    lead = "    "
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    """A scalar as YAML: a date as it is, anything else as a double-quoted (JSON) string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = json.dumps(value, ensure_ascii=False)  # JSON's escapes are YAML's too
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


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
            f"services: {listed}\n",
        )
    return text


def write_imported(
    root: Path,
    standard: Standard,
    files: dict[str, str],
    schemas: Schemas,
) -> list[str]:
    """Write cse.yaml and the element files (`files`: path -> text), then what cse init adds.

    The created files, relative to `root`, in the order written.
    """
    refuse_existing(root)
    created: list[str] = []
    try:
        (root / EVIDENCE_DIR).mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            if not write_new(root / rel, text):
                _appeared(root / rel)
            created.append(rel)
        result = init_repository(root, standard, None, schemas)
    except BaseException:
        for rel in reversed(created):
            with contextlib.suppress(OSError):
                os.unlink(root / rel)
        raise
    return created + [rel for rel in result.created if rel not in created]


def _appeared(path: Path) -> None:
    raise CseError(f"{path}: appeared while cse import wrote: nothing kept")
