r"""Escaping for Markdown output (reports and diffs): user text that stays inert.

One escaper for the one output language: `md_text` for Markdown text (a
paragraph, a heading or a table cell) and `md_html` for text inside the HTML
that GitHub Markdown allows (a `<summary>` label). Both make user text unable
to break a table, inject HTML, or notify or link anything: no @mention, no
#123 reference, no :emoji: code. Markdown is read in terminals too (`cat
REPORT.md`), so a control character (ESC starting a terminal's escape sequence,
BEL ending one) is written out as the text formats write it, `\x1b`, never
raw. The Markdown template's Jinja environment passes every `{{ value }}`
through `md_text` (as its `finalize`), the way the HTML template's autoescape
does.
"""

from __future__ import annotations

import html
import re


class MdSafe(str):
    """Markdown that is already escaped (or written by us): passed through as it is."""

    __slots__ = ()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would open a heading, list, rule or setext underline at the start of a line.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=](?=[-= ]*$)|(\d{1,9})(?=[.)](?:\s|$)))"
)
_URL_UNSAFE = re.compile(r"[()<>|\\`\"' \x00-\x1f\x7f-\x9f]")
# What GitHub turns into a notification, a link or a picture: @name, #123 (and
# GH-123), :name:. A zero-width space after the first character breaks each
# pattern and is invisible on the page.
_LIVE = re.compile(r"(?<![\w@])@(?=[\w-])|(?<!\w)(?:#|GH-)(?=\d)|:(?=[\w+-]+:)")
_BREAK = "&#8203;"
# Control characters other than the line breaks and tabs text holds: ESC, BEL, the
# C1 controls (U+0080 to U+009F, among them CSI) and the like.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Text holding none of this is inert as it is (the common case: a title, a key
# question); any of it sends the text through the whole of `md_text`.
_MAY_NEED = re.compile(
    r"[\\`*_\[\]|~$&<>\r\n@#:\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|GH-|^[\s\-+=\d]|\s$"
)


def _inert(text: str) -> str:
    return _LIVE.sub(lambda match: match.group(0) + _BREAK, text)


def _visible(text: str) -> str:
    r"""Control characters written out as Python writes them (`\x1b`), as `inert` does."""
    return _CONTROL.sub(lambda match: repr(match.group(0))[1:-1], text)


def md_text(value: object) -> str:
    """User text made inert in GitHub Markdown, even inside a table cell.

    Markdown punctuation and pipes are backslash-escaped, `<` and `>` become
    entities so no HTML gets through, and line breaks become `<br>`, which GitHub
    renders inside a table cell. A line that would start a heading, list or rule
    has its first character escaped, and mentions, references and emoji codes
    are broken with a zero-width space.
    """
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    text = str(value)
    return _escaped(text) if _MAY_NEED.search(text) else text


def _escaped(text: str) -> str:
    """`md_text` in full, for text that may need any of its escapes."""
    text = _visible(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    lines = (_BLOCK_START.sub(_escape_start, line.strip()) for line in text.split("\n"))
    return _inert("<br>".join(line for line in lines if line))


def md_html(value: str) -> str:
    """User text inside an HTML element of a Markdown page (where Markdown is not read)."""
    return _inert(html.escape(_visible(" ".join(value.split())), quote=False))


def _escape_start(match: re.Match[str]) -> str:
    return match.group(0) + "\\" if match.group(1) else "\\" + match.group(0)


def md_url(url: str) -> MdSafe:
    """A link target that cannot end the link or the table cell early."""
    return MdSafe(_URL_UNSAFE.sub(lambda m: f"%{ord(m.group(0)):02X}", url))
