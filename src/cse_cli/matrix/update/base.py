"""What an exported matrix was exported from: its base, written by `cse export`, read by `--update`.

The base is the matrix as exported (every row's cells that import reads, each
row's key), the organisation and stage, and each element file's name and
content hash (`content_hash`: the SHA-256 of its bytes). It is written as JSON,
compressed with zlib and encoded as URL-safe base64, in lines that each start
with `#cse-base`: the first gives the format and the SHA-256 of the JSON, the
others carry the encoded text in pieces of at most 32,000 characters, which a
cell of Excel (at most 32,767) and of LibreOffice (a line of a CSV file is cut
at 65,535) both hold whole. A workbook keeps these lines in column A of a
hidden, protected sheet, `cse base`; a CSV file as its first lines, which Excel
and LibreOffice keep as one-cell rows when they save the file again (padding
them with commas, which the reader ignores). The lines hold no comma, quote,
semicolon or tab, so no list separator can split them.

Reading the lines back checks everything a person or a program could have
changed: the format, the encoding, the size once decompressed (at most
100,000,000 bytes, so a crafted base cannot grow past it), the checksum and the
shape of the JSON. Anything wrong is `Damaged`, whose message says so.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.matrix.header import BY_NAME, normal

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from cse_cli.matrix.cells import Value

MARK = "#cse-base"
"""How every line of the base starts."""
SHEET = "cse base"
"""The hidden sheet of a workbook that holds the base."""
NOTE = (
    "Written by cse export: what this matrix was exported from, so that cse import --update "
    "can merge the matrix back into the repository. Do not edit this sheet."
)
FORMAT = 1
PIECE = 32_000
"""The most characters of the encoded base on one line (one cell)."""
MAX_BASE_BYTES = 100_000_000
"""The largest base read, decompressed: as much as a workbook's parts may expand to."""
_LEFT_OUT = ("wording", "delete")
"""Fields of the matrix the base leaves out: the standard's wording, and an empty column."""


class Damaged(ValueError):  # noqa: N818 - reads as what the base is
    """The base cannot be read as `cse export` wrote it; the message says why."""


@dataclass(frozen=True)
class Base:
    """The matrix as it was exported, and the repository it was exported from."""

    organisation: str
    stage: str
    files: Mapping[str, tuple[str, str]]
    """Each element's file and its content hash, by element id."""
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


def base_lines(base: Base) -> tuple[str, ...]:
    """The lines that carry `base`: the first with its format and checksum, then the pieces."""
    payload = {
        "format": FORMAT,
        "organisation": base.organisation,
        "stage": base.stage,
        "files": {element: list(file) for element, file in base.files.items()},
        "headers": list(base.headers),
        "rows": [[_cell(value) for value in row] for row in base.rows],
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text = base64.urlsafe_b64encode(zlib.compress(data, 9)).decode("ascii")
    pieces = [text[start : start + PIECE] for start in range(0, len(text), PIECE)]
    first = f"{MARK} {FORMAT} {hashlib.sha256(data).hexdigest()} (do not edit these lines)"
    return (first, *(f"{MARK} {piece}" for piece in pieces))


def matrix_base(
    organisation: str,
    stage: str,
    files: Mapping[str, tuple[str, str]],
    headers: Sequence[str],
    rows: Sequence[Sequence[Value]],
) -> Base:
    """The base of an export: its rows without the columns import does not read back."""
    kept = [index for index, header in enumerate(headers) if _kept(header)]
    return Base(
        organisation,
        stage,
        files,
        tuple(headers[index] for index in kept),
        tuple(tuple(row[index] for index in kept) for row in rows),
    )


def _kept(header: str) -> bool:
    """Whether import reads the column back (not the rating export computes, not the wording)."""
    text = normal(header)
    name = "element" if text == "element" else BY_NAME.get(text)
    return name is not None and name not in _LEFT_OUT


def _cell(value: Value) -> str | int | float | bool | None:
    """A cell as JSON holds it: a date as its ISO text, which the Date column reads back."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def read_base(lines: Sequence[str]) -> Base:
    """The base the lines carry; Damaged when they are not what `cse export` wrote."""
    words = lines[0].split(" ") if lines else []
    if len(words) < 3 or words[0] != MARK:  # noqa: PLR2004 - the mark, format, checksum
        raise Damaged("its first line is not the one cse export writes")
    if words[1] != str(FORMAT):
        raise Damaged(f"it is in format {words[1]!r}, and this cse reads format {FORMAT}")
    encoded = "".join(line.removeprefix(MARK).strip() for line in lines[1:])
    try:
        packed = base64.urlsafe_b64decode(encoded.encode("ascii"))
        inflate = zlib.decompressobj()
        data = inflate.decompress(packed, MAX_BASE_BYTES + 1)
    except (binascii.Error, UnicodeEncodeError, ValueError, zlib.error):
        raise Damaged("its text is not the encoding cse export writes") from None
    if len(data) > MAX_BASE_BYTES or inflate.unconsumed_tail:
        raise Damaged(f"it expands past {MAX_BASE_BYTES:,} bytes")
    if hashlib.sha256(data).hexdigest() != words[2]:
        raise Damaged("its checksum does not match what it holds")
    try:
        return _parsed(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise Damaged(f"what it holds is not a base cse export writes ({exc})") from None


def _parsed(payload: dict[str, object]) -> Base:
    """The base from its JSON; TypeError or KeyError when its shape is wrong."""
    headers, rows, files = payload["headers"], payload["rows"], payload["files"]
    if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
        raise TypeError("headers")
    if not isinstance(rows, list) or not all(_row(row, len(headers)) for row in rows):
        raise TypeError("rows")
    if not isinstance(files, dict) or not all(_file(file) for file in files.values()):
        raise TypeError("files")
    organisation, stage = payload["organisation"], payload["stage"]
    if not isinstance(organisation, str) or not isinstance(stage, str):
        raise TypeError("organisation")
    return Base(
        organisation,
        stage,
        {str(element): (file[0], file[1]) for element, file in files.items()},
        tuple(headers),
        tuple(tuple(row) for row in rows),
    )


def _row(row: object, width: int) -> bool:
    return (
        isinstance(row, list)
        and len(row) == width
        and all(v is None or isinstance(v, str | int | float) for v in row)
    )


def _file(file: object) -> bool:
    return (
        isinstance(file, list)
        and len(file) == 2  # noqa: PLR2004 - a name and a hash
        and all(isinstance(part, str) for part in file)
    )
