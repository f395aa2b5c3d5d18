"""Words for messages: the user's text quoted back safely, lists joined, a near name suggested.

Each exists once, so every message of every command quotes, joins and suggests
in the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

MAX_QUOTED = 60  # characters of the user's text quoted back in a message
_KIND = {
    list: "a list",
    dict: "a mapping",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    dt.date: "a date",
    dt.datetime: "a date and time",
    type(None): "empty (null)",
}


def describe(value: object) -> str:
    """What YAML made of a value, in words: 'a number', 'a date', 'text' and so on."""
    return _KIND.get(type(value), "text" if isinstance(value, str) else "a value")


def as_written(value: object) -> str:
    """A value as the user wrote it, near enough: 1.1, 2015-03-09, 'text'; long ones cut short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int, float)):
        return str(value)  # the loader keeps numbers short
    if isinstance(value, str):
        return repr(value) if len(value) <= MAX_QUOTED else quoted(value)
    import reprlib  # only for messages, so only when there is one

    cut = reprlib.Repr()
    cut.maxstring = cut.maxother = MAX_QUOTED
    cut.maxlevel, cut.maxlist, cut.maxdict = 2, 4, 4
    return cut.repr(value)


def quoted(text: str) -> str:
    r"""The user's text in quotes for a message: invisible characters escaped, long text cut.

    A message stays one readable line whatever the file holds: a zero-width space
    is written as \u200b, a right-to-left mark cannot reorder the line, and a
    4 MB value is shown as its first characters and its length.
    """
    if len(text) > MAX_QUOTED:
        return f"'{short(text)}' ({len(text):,} characters)"
    return f"'{short(text)}'"


def short(text: str) -> str:
    """The user's text for a message, unquoted: invisible characters escaped, long text cut."""
    return inert(text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…")


def inert(text: str) -> str:
    r"""The user's text for one line of output, whole, that cannot break or reorder the line.

    A line break is written as \n, a right-to-left override as \u202e, and so on
    for every control and invisible character, so a value from the evidence can
    never start a line of its own (forging an `error:` line) or show a file name
    `txt.exe` as `exe.txt`.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def and_list(words: Iterable[str], conjunction: str = "and") -> str:
    """Words joined as English joins them: 'A', 'A and B', 'A, B and C' (or 'A, B or C')."""
    listed = list(words)
    if len(listed) > 1:
        return ", ".join(listed[:-1]) + f" {conjunction} " + listed[-1]
    return "".join(listed)


def plural(number: int, noun: str) -> str:
    """A count with its noun: '1 element', '2 elements'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


MAX_SUGGESTED = 100  # no typo is that long; comparing longer words would be slow


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the choice closest to `word`, or '' when none is close."""
    if len(word) > MAX_SUGGESTED:
        return ""
    import difflib  # only when there is a mistake to suggest a fix for

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {quoted(close[0])}?)" if close else ""
