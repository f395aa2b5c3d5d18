"""Where a YAML file that cannot be parsed goes wrong, in the user's words and place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

    from cse_cli.io.yaml_document import Document


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def not_utf8(doc: Document, raw: bytes, start: int) -> None:
    """Say why a file that is not UTF-8 cannot be read, at the first byte that shows it."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            doc.error((1, 1), f"file is {encoding} text: save it as UTF-8")
            return
    if b"\x00" in raw:
        doc.error(
            (1, 1), "file is binary, not text (it holds NUL bytes): a YAML file is UTF-8 text"
        )
        return
    byte = raw[start : start + 1]
    legacy = byte.decode("cp1252", errors="replace")
    readable = legacy.isprintable() and legacy != "\ufffd"
    meant = f", '{legacy}' in Windows-1252 or Latin-1" if readable else ""
    doc.error(
        byte_place(raw, start),
        f"file is not UTF-8 text (byte 0x{byte[0]:02x}{meant}): save it as UTF-8",
    )


def byte_place(raw: bytes, offset: int) -> tuple[int, int]:
    """The (line, column) of a byte offset, lines ending as YAML ends them, in characters."""
    before = raw[:offset]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    if line_start == 0 and before.startswith(b"\xef\xbb\xbf"):
        line_start = 3  # the byte-order mark is not a column
    return line, len(before[line_start:].decode("utf-8", errors="replace")) + 1


def character_at(raw: bytes, mark: Any) -> str:
    """The character at a libyaml mark, or '' past the end of its line."""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    line: int = mark.line
    column: int = mark.column
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def reader_message(exc: yaml.YAMLError) -> str:
    """Why libyaml's reader refused the text, in the user's words."""
    character = getattr(exc, "character", None)  # a code point from libyaml, a str from PyYAML
    if isinstance(character, str) and len(character) == 1:
        character = ord(character)
    if isinstance(character, int):
        kind = "a NUL byte" if character == 0 else "a control character"
        return f"character U+{character:04X} ({kind}) is not allowed in YAML text: delete it"
    return str(exc).splitlines()[0]


def syntax_message(raw: bytes, exc: yaml.MarkedYAMLError) -> str:
    """What libyaml's syntax error says, as the user reads it (placed at its problem's mark)."""
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "not valid YAML"
    if exc.context and exc.problem:
        opened = exc.context_mark
        where = f" that starts at line {opened.line + 1}" if opened is not None else ""
        message = f"{exc.problem} ({exc.context}{where})"
    if mark is not None and character_at(raw, mark) == "\t":
        message += ": a tab, but YAML indents with spaces only"
    return f"YAML syntax: {message}"
