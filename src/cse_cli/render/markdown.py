"""Escaping for the Markdown report: user text that cannot break a table or inject HTML.

The Markdown template's Jinja environment passes every `{{ value }}` through
`md_text` (as its `finalize`), the way the HTML template's autoescape does.
"""

from __future__ import annotations

import re


class MdSafe(str):
    """Markdown that is already escaped (or written by us): passed through as it is."""

    __slots__ = ()


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would open a heading, list, rule or setext underline at the start of a line.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=](?=[-= ]*$)|(\d{1,9})(?=[.)](?:\s|$)))"
)
_URL_UNSAFE = re.compile(r"[()<>|\\`\"' ]")


def md_text(value: object) -> str:
    """User text made inert in GitHub Markdown, even inside a table cell.

    Markdown punctuation and pipes are backslash-escaped, `<` and `>` become
    entities so no HTML gets through, and line breaks become `<br>`, which GitHub
    renders inside a table cell. A line that would start a heading, list or rule
    has its first character escaped.
    """
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    lines = (_BLOCK_START.sub(_escape_start, line.strip()) for line in text.split("\n"))
    return "<br>".join(line for line in lines if line)


def _escape_start(match: re.Match[str]) -> str:
    return match.group(0) + "\\" if match.group(1) else "\\" + match.group(0)


def md_url(url: str) -> MdSafe:
    """A link target that cannot end the link or the table cell early."""
    return MdSafe(_URL_UNSAFE.sub(lambda m: f"%{ord(m.group(0)):02X}", url))
