"""A value written as YAML text that cse's loader reads back as exactly that value.

Text is written plain when YAML 1.1 would read it back as the same text (not
`yes`, `1.10`, `2026-01-01`, `~`…) and nothing in it starts a comment, a tag, an
alias or a mapping; a long line is folded (`>-`) at single spaces, as the
examples fold their long titles; text of several lines is a literal block
(`|`, `|-`) when that reads back exactly; everything else is quoted, in the
file's own quotes, or in double quotes with escapes for what no other style can
hold (control and invisible characters, a tab, trailing line breaks).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from cse_cli.core.text import short
from cse_cli.io.limits import MAX_NUMBER_CHARS
from cse_cli.io.yaml_scalars import LongNumberError, typed

LINE = 100  # a line of text that would pass this column is folded…
WRAP = 88  # …into lines that end by this column
MAX_KEY = 1000  # libyaml reads a key (a "simple key") of at most 1,024 characters
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW = frozenset(",[]{}?")  # `?` too: libyaml reads `[a?]`, other YAML readers do not
_ESCAPES = {
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


class Unwritable(ValueError):  # noqa: N818 - reads as what it says
    """A value no YAML text reads back as; the message says why."""


class Rendered(NamedTuple):
    """A value as text: `head` on the line of its key or dash, `body` the whole lines after it."""

    head: str
    body: str = ""


def printable(char: str) -> bool:
    """Whether YAML holds the character as it is, and it is no line break or tab."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E  # noqa: PLR2004 - the ranges are YAML's own
        or (0xA0 <= code <= 0xD7FF and code not in {0x2028, 0x2029})  # noqa: PLR2004
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)  # noqa: PLR2004
        or 0x10000 <= code <= 0x10FFFF  # noqa: PLR2004
    )


def scalar(value: object) -> str:
    """The one-line text of a value that is not text: a number, a date, true or false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        written = str(value)
        if len(written) > MAX_NUMBER_CHARS:
            raise Unwritable(
                f"a number of {len(written):,} characters: cse reads numbers of at most "
                f"{MAX_NUMBER_CHARS}"
            )
    elif isinstance(value, float):
        written = _float(value)
    elif isinstance(value, dt.datetime):
        written = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        written = value.isoformat()
    else:
        raise Unwritable(f"{type(value).__name__} is not a value a YAML file holds")
    if not _reads_as(written, value):
        raise Unwritable(f"{short(written)} would not read back as the same value")
    return written


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    written = repr(value)
    if "." not in written:  # YAML 1.1 reads 1e+20 as text: it needs 1.0e+20
        mantissa, _, exponent = written.partition("e")
        written = f"{mantissa}.0" + (f"e{exponent}" if exponent else "")
    return written


def _reads_as(written: str, value: object) -> bool:
    try:
        back = typed(written)
    except (LongNumberError, ValueError):
        return False
    if isinstance(value, float) and isinstance(back, float) and math.isnan(value):
        return math.isnan(back)
    return type(back) is type(value) and back == value


def plain_ok(text: str, *, flow: bool) -> bool:
    """Whether `text` written plain reads back as the same text."""
    shaped = (
        bool(text)
        and (text[0] not in _INDICATORS or _dash_like(text))
        and text[0] != " "
        and text[-1] not in " :"
        and ": " not in text
        and " #" not in text
        and not text.startswith(("---", "..."))
        and all(printable(c) for c in text)
        and not (flow and (":" in text or any(c in _FLOW for c in text)))
    )
    return shaped and _reads_as(text, text)


def _dash_like(text: str) -> bool:
    """`-x`, `?x`, `:x`: an indicator followed by a character that is not a space is text."""
    return text[0] == "-" and len(text) > 1 and text[1] != " "


def key_text(key: str, *, flow: bool = False) -> str:
    """A mapping key as text, quoted when it must be."""
    if len(key) > MAX_KEY:
        raise Unwritable(f"a key of {len(key):,} characters: YAML reads keys of at most {MAX_KEY}")
    if key != "<<" and plain_ok(key, flow=flow):
        return key
    return double_quoted(key)


def double_quoted(text: str) -> str:
    """`text` in double quotes, with YAML's escapes for what cannot stand as it is."""
    out = []
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:  # noqa: PLR2004 - surrogates
            raise Unwritable("the text is not valid Unicode (it holds a lone surrogate)")
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif printable(char):
            out.append(char)
        elif code <= 0xFF:  # noqa: PLR2004
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:  # noqa: PLR2004
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def quoted(text: str, quote: str) -> str:
    """`text` in the file's own quotes when they can hold it, else in double quotes."""
    if quote == "'" and all(printable(c) for c in text):
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def text_value(
    text: str, *, at: int, indent: int, step: int, quote: str, blocks: bool = True
) -> Rendered:
    """Text in block context: its head starts at column `at`; a block's lines at `indent + step`.

    `indent` is the column of the key (or dash) the text belongs to. Without
    `blocks`, it is written on one line (quoted, with escapes, if it must be).
    """
    if "\n" in text:
        literal = _literal(text, indent, step) if blocks else None
        return literal if literal is not None else Rendered(double_quoted(text))
    if blocks and at + len(text) > LINE:
        folded = _folded(text, indent + step)
        if folded is not None:
            return Rendered(">-", folded)
    if plain_ok(text, flow=False):
        return Rendered(text)
    return Rendered(quoted(text, quote))


def flow_text(text: str, quote: str) -> str:
    """Text inside brackets (`[a, b]`, `{k: v}`): plain when it may be, else quoted."""
    return text if plain_ok(text, flow=True) else quoted(text, quote)


def _literal(text: str, indent: int, step: int) -> Rendered | None:
    """A literal block (`|`, `|-`) that reads back as `text`, None when none does."""
    if not all(c == "\n" or printable(c) for c in text) or not text.strip(" \n"):
        return None
    chomp = "" if text.endswith("\n") else "-"
    lines = (text[:-1] if chomp == "" else text).split("\n")
    if not lines[-1]:  # a second line break at the end: only keeping (`|+`) would hold it
        return None
    first = next(line for line in lines if line)
    hint = str(step) if first.startswith(" ") else ""
    if hint and not 1 <= step <= 9:  # noqa: PLR2004 - YAML's indentation indicator is one digit
        return None
    pad = " " * (indent + step)
    body = "".join((pad + line if line else "") + "\n" for line in lines)
    return Rendered(f"|{hint}{chomp}", body)


def _folded(text: str, column: int) -> str | None:
    """`text` folded (`>-`) at single spaces into lines ending by WRAP; None when it cannot be."""
    if not all(printable(c) for c in text) or text != text.strip(" "):
        return None
    width = max(WRAP - column, 20)
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        cut = _break_before(text, start, start + width)
        if cut is None:
            break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    if len(lines) == 1:
        return None
    pad = " " * column
    return "".join(pad + line + "\n" for line in lines)


def _break_before(text: str, start: int, limit: int) -> int | None:
    """The last single space between two words in text[start:limit+1], else the first after."""
    at = text.rfind(" ", start + 1, limit + 1)
    while at > start:
        if _between_words(text, at):
            return at
        at = text.rfind(" ", start + 1, at)
    at = text.find(" ", limit + 1)
    while at != -1:
        if _between_words(text, at):
            return at
        at = text.find(" ", at + 1)
    return None


def _between_words(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and text[at - 1] != " " and text[at + 1] != " "
