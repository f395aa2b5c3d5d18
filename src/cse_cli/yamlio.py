"""Every YAML decision: safe loading, positions, duplicate keys, tags and limits.

Files are parsed by libyaml's C parser as a stream of events, and the data is
built from those events in one pass that also records where every key and value
stands. That is faster than PyYAML's own constructors (no node tree, no
generators), needs no second parse to locate an error, and lets us refuse what
the standard loaders accept silently: duplicate keys, tags that construct
objects, alias bombs and nesting deep enough to crash the C composer.

Only plain scalars are typed (YAML 1.1 rules, as PyYAML does), so `1.1.1` is
text, `1.10` a number and `2015-03-09` a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from cse_cli.errors import Problem

try:  # libyaml's C parser; the pure-Python one behaves the same, only slower
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: bytes) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


# What one file may cost. Real element files are a few kilobytes and a few
# hundred values; these limits are far above any real one and far below what
# would hurt a CI runner (a file at every limit loads in about a second and
# well under 100 MB).
MAX_FILE_BYTES = 5_000_000
MAX_VALUES = 100_000  # texts, numbers, lists and mappings, each use of an alias counted in full
MAX_DEPTH = 64  # lists and mappings nested in one another
MAX_NUMBER_CHARS = 100  # a plain scalar YAML would read as a number (as 1:2:3…, base 60)
MAX_SHOWN = 60  # characters of the user's text quoted back in a message

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = _TAG + "str", _TAG + "int", _TAG + "float"
_BOOL, _NULL, _TIMESTAMP = _TAG + "bool", _TAG + "null", _TAG + "timestamp"
_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}
_TAG_WORDS = {
    _INT: "a whole number",
    _FLOAT: "a number with a decimal point",
    _BOOL: "true or false",
    _NULL: "empty (null)",
    _TIMESTAMP: "a date (YYYY-MM-DD)",
}
_COLLECTION_TAGS = {_TAG + "map", _TAG + "seq"}
# `<<` and `=` out of place: PyYAML has no constructor for them; read as text, as YAML 1.2 does
_TEXT_TAGS = {_TAG + "merge", _TAG + "value"}
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# the pattern a scalar must match to have each tag, for explicit tags such as `!!int 3`
_PATTERNS = {tag: pattern for resolvers in _IMPLICIT.values() for tag, pattern in resolvers}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TYPED_CACHE: dict[str, object] = {}
_CACHE_LIMIT = 20_000
_CACHE_TEXT = 64  # only short texts (ratings, dates, names) recur enough to be worth caching
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


def shown(value: object) -> str:
    """A value as the user wrote it, near enough: 1.1, 2015-03-09, 'text'; long ones cut short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int, float)):
        return str(value)  # the loader keeps numbers short (MAX_NUMBER_CHARS)
    if isinstance(value, str):
        return repr(value) if len(value) <= MAX_SHOWN else quoted(value)
    import reprlib  # only for messages, so only when there is one

    cut = reprlib.Repr()
    cut.maxstring = cut.maxother = MAX_SHOWN
    cut.maxlevel, cut.maxlist, cut.maxdict = 2, 4, 4
    return cut.repr(value)


def quoted(text: str) -> str:
    r"""The user's text in quotes for a message: invisible characters escaped, long text cut.

    A message stays one readable line whatever the file holds: a zero-width space
    is written as \u200b, a right-to-left mark cannot reorder the line, and a
    4 MB value is shown as its first characters and its length.
    """
    if len(text) > MAX_SHOWN:
        return f"'{short(text)}' ({len(text):,} characters)"
    return f"'{short(text)}'"


def short(text: str) -> str:
    """The user's text for a message, unquoted: invisible characters escaped, long text cut."""
    cut = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    if cut.isprintable():
        return cut
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in cut)


def too_large(size: int) -> str:
    """The message for a file over MAX_FILE_BYTES."""
    return (
        f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for one YAML file: "
        "keep large documents as files of their own and point at them with path:"
    )


@dataclass
class Document:
    """A loaded YAML file: its data, the problems met, and where values stand."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    # id(container) -> {key or index: (key mark, value mark)}; marks are libyaml's
    _marks: dict[int, dict[Any, tuple[Any, Any]]] = field(default_factory=dict)
    _root_mark: Any = None

    def error(self, where: tuple[int, int], message: str) -> None:
        """Record an error at a (line, column) place, both counted from 1."""
        self.problems.append(Problem(self.file, where[0], where[1], "error", message))

    def warning(self, where: tuple[int, int], message: str) -> None:
        """Record a warning at a (line, column) place, both counted from 1."""
        self.problems.append(Problem(self.file, where[0], where[1], "warning", message))

    def position(self, loc: tuple[Any, ...] = (), *, of_key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `loc`, or of its key with `of_key`.

        Parts of `loc` that name no key (as Pydantic adds for union members)
        are skipped; a key that is absent resolves to its mapping's place.
        """
        node, mark = self.data, self._root_mark
        for part in loc:
            marks = self._marks.get(id(node))
            if marks is None or part not in marks:
                continue
            key_mark, value_mark = marks[part]
            mark = key_mark if of_key and part == loc[-1] and key_mark is not None else value_mark
            node = node[part]
        return _place(mark)

    def contains(self, loc: tuple[Any, ...]) -> bool:
        """Whether every key of `loc` exists in the data."""
        node = self.data
        for part in loc:
            marks = self._marks.get(id(node))
            if marks is None or part not in marks:
                return False
            node = node[part]
        return True


def _place(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def load(raw: bytes, file: str) -> Document:
    """Parse one YAML file into plain data, recording problems instead of raising."""
    doc = Document(file)
    if len(raw) > MAX_FILE_BYTES:
        doc.error((1, 1), too_large(len(raw)))
        return doc
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        _not_utf8(doc, raw, exc.start)
        return doc
    try:
        _Builder(doc).build(_Parser(raw))
    except _Stop:
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.problem:
            opened = exc.context_mark
            where = f" that starts at line {opened.line + 1}" if opened is not None else ""
            message = f"{exc.problem} ({exc.context}{where})"
        if mark is not None and _character_at(raw, mark) == "\t":
            message += ": a tab, but YAML indents with spaces only"
        doc.data = None
        doc.error(_place(mark), f"YAML syntax: {message}")
    except yaml.YAMLError as exc:  # a reader error: control characters and the like
        doc.data = None
        position = getattr(exc, "position", None)  # libyaml's offset in bytes
        place = _byte_place(raw, position) if isinstance(position, int) else (1, 1)
        doc.error(place, f"YAML syntax: {_reader_message(exc)}")
    return doc


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _not_utf8(doc: Document, raw: bytes, start: int) -> None:
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
        _byte_place(raw, start),
        f"file is not UTF-8 text (byte 0x{byte[0]:02x}{meant}): save it as UTF-8",
    )


def _byte_place(raw: bytes, offset: int) -> tuple[int, int]:
    """The (line, column) of a byte offset, lines ending as YAML ends them, in characters."""
    before = raw[:offset]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    if line_start == 0 and before.startswith(b"\xef\xbb\xbf"):
        line_start = 3  # the byte-order mark is not a column
    return line, len(before[line_start:].decode("utf-8", errors="replace")) + 1


def _character_at(raw: bytes, mark: Any) -> str:
    lines = raw.decode("utf-8", errors="replace").splitlines()
    line: int = mark.line
    column: int = mark.column
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _reader_message(exc: yaml.YAMLError) -> str:
    character = getattr(exc, "character", None)  # a code point from libyaml, a str from PyYAML
    if isinstance(character, str) and len(character) == 1:
        character = ord(character)
    if isinstance(character, int):
        kind = "a NUL byte" if character == 0 else "a control character"
        return f"character U+{character:04X} ({kind}) is not allowed in YAML text: delete it"
    return str(exc).splitlines()[0]


class _Stop(Exception):  # noqa: N818 - internal control flow, never escapes `load`
    """A limit was reached; the problem is already recorded."""


class _LongNumberError(ValueError):
    """A scalar YAML reads as a number is longer than MAX_NUMBER_CHARS."""


class _Builder:
    """Builds Python data from libyaml events, recording marks as it goes."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.marks = doc._marks  # noqa: SLF001 - the builder fills the document it belongs to
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.count = 0
        # collections whose tag was refused, by id (held, so that no id is reused)
        self.refused: dict[int, object] = {}

    def build(self, parser: Any) -> None:
        get = parser.get_event
        event = get()  # StreamStartEvent
        event = get()
        if isinstance(event, ev.StreamEndEvent):
            self.doc.data = None
            return
        event = get()  # the first event after DocumentStartEvent: the root node
        self.doc._root_mark = event.start_mark  # noqa: SLF001
        self.doc.data = self._node(event, get)
        event = get()  # DocumentEndEvent
        event = get()
        if isinstance(event, ev.DocumentStartEvent):
            self.doc.error(
                _place(event.start_mark),
                "a second YAML document: a file holds one document (remove this '---')",
            )

    def _node(self, event: Any, get: Any) -> Any:  # noqa: C901, PLR0912, PLR0915 - one hot loop
        """Build the node that starts with `event`, iteratively (no recursion)."""
        marks = self.marks
        stack: list[tuple[Any, dict[Any, tuple[Any, Any]], Any, Any, Any, int, str | None]] = []
        container: Any = None  # the collection being filled, None at the top
        cmarks: dict[Any, tuple[Any, Any]] = {}
        cmark: Any = None  # where that collection starts
        key: Any = _NO_KEY  # in a mapping: the key waiting for its value
        key_mark: Any = None
        start = 0
        anchor: str | None = None
        scalar_event, alias_event = ev.ScalarEvent, ev.AliasEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        while True:
            kind = type(event)
            if kind is scalar_event:
                value, vmark = self._scalar(event), event.start_mark
                self.count += 1
                if self.count > MAX_VALUES:
                    self._too_many(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) >= MAX_DEPTH:
                    self.doc.error(
                        _place(event.start_mark),
                        f"nested more than {MAX_DEPTH} levels deep: the limit for one file",
                    )
                    raise _Stop
                if self.count >= MAX_VALUES:
                    self._too_many(event)
                stack.append((container, cmarks, cmark, key, key_mark, start, anchor))
                container = {} if kind is mapping_start else []
                if event.tag is not None:
                    self._check_collection_tag(event, container)
                cmarks, cmark = {}, event.start_mark
                marks[id(container)] = cmarks
                key, key_mark = _NO_KEY, None
                start, anchor = self.count, event.anchor
                self.count += 1
                event = get()
                continue
            elif kind is alias_event:
                value, vmark = self._alias(event), event.start_mark
            else:  # MappingEndEvent or SequenceEndEvent: the collection is complete
                value, vmark = container, cmark
                if self.refused and id(value) in self.refused:
                    value = None  # like a scalar with a refused tag: explained once, not again
                if anchor is not None:
                    self.anchors[anchor] = (value, self.count - start)
                container, cmarks, cmark, key, key_mark, start, anchor = stack.pop()
            # `value` is complete: place it in the enclosing collection, if any
            if container is None:
                return value
            if type(container) is list:
                cmarks[len(container)] = (None, vmark)
                container.append(value)
            elif key is _NO_KEY:
                key, key_mark = self._key(value, event, vmark), vmark
            else:
                if key is not _BAD_KEY:
                    if key in cmarks:
                        first = cmarks[key][0].line + 1
                        self.doc.error(
                            _place(key_mark),
                            f"duplicate key {quoted(key)} (first at line {first}):"
                            " YAML would silently keep only the last one",
                        )
                    else:
                        container[key] = value
                        cmarks[key] = (key_mark, vmark)
                key = _NO_KEY
            event = get()

    def _key(self, key: Any, event: Any, mark: Any) -> Any:
        """The key itself when it is a name, else _BAD_KEY with the problem recorded."""
        if isinstance(key, str):
            if key == "<<" and getattr(event, "implicit", (False,))[0]:
                self.doc.error(
                    _place(mark), "merge keys (<<) are not supported: write the keys out"
                )
                return _BAD_KEY
            return key
        if isinstance(key, (dict, list)):
            self.doc.error(_place(mark), "a key must be a name, not a list or mapping")
        else:
            text = getattr(event, "value", "")
            self.doc.error(
                _place(mark),
                f"key {quoted(text)} is read by YAML as {describe(key)}: keys are names",
            )
        return _BAD_KEY

    def _check_collection_tag(self, event: Any, container: object) -> None:
        tag = event.tag
        if tag in {"!", _TAG + ("map" if type(container) is dict else "seq")}:
            return
        message = _tag_message(tag)
        if tag in _COLLECTION_TAGS:  # `!!seq` on a mapping: PyYAML refuses it too
            message = f"tag !!{tag[len(_TAG) :]} is not for {describe(container)}: remove the tag"
        self.doc.error(_place(event.start_mark), message)
        self.refused[id(container)] = container

    def _too_many(self, event: Any) -> None:
        self.doc.error(
            _place(event.start_mark),
            f"the file holds more than {MAX_VALUES:,} values (texts, numbers, lists and "
            "mappings): the limit for one file",
        )
        raise _Stop

    def _alias(self, event: Any) -> Any:
        found = self.anchors.get(event.anchor)
        if found is None:
            name = short(event.anchor)
            self.doc.error(
                _place(event.start_mark),
                f"alias *{name} refers to no complete anchor &{name} before it",
            )
            return None
        value, weight = found
        self.count += weight
        if self.count > MAX_VALUES:
            self.doc.error(
                _place(event.start_mark),
                f"aliases expand to more than {MAX_VALUES:,} values: the limit for one file",
            )
            raise _Stop
        return value

    def _scalar(self, event: Any) -> Any:  # noqa: PLR0911 - one return per kind of scalar
        tag, text = event.tag, event.value
        if tag is None or tag == "!":
            if not event.implicit[0] or tag == "!":  # quoted, or the non-specific tag
                return text
            try:
                return typed(text)
            except _LongNumberError:
                self.doc.error(_place(event.start_mark), _long_number_message(text))
                return None
            except ValueError:  # shaped like a date or number but not one, as 2015-02-30
                self.doc.error(
                    _place(event.start_mark),
                    f"{quoted(text)} looks like a date or number but is not a valid one",
                )
                return None
        if tag not in _SCALAR_TAGS:
            self.doc.error(_place(event.start_mark), _tag_message(tag))
            return None
        if tag == _STR:
            return text
        try:
            return _construct_explicit(tag, text)
        except _LongNumberError:
            self.doc.error(_place(event.start_mark), _long_number_message(text))
            return None
        except (ValueError, KeyError, AttributeError, OverflowError, yaml.YAMLError):
            self.doc.error(
                _place(event.start_mark),
                f"{quoted(text)} is tagged !!{tag[len(_TAG) :]} but is not {_TAG_WORDS[tag]}",
            )
            return None


_NO_KEY = object()
_BASE_60 = "0123456789_:.+-"
_BAD_KEY = object()


def _long_number_message(text: str) -> str:
    return (
        f"{quoted(text)} looks like a number to YAML, and a number has at most "
        f"{MAX_NUMBER_CHARS} characters: put it in quotes if it is text"
    )


def _tag_message(tag: str) -> str:
    written = short("!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag)
    return (
        f"tag {written} is not allowed: evidence files hold only text, numbers, "
        "dates, true/false, lists and mappings"
    )


def typed(text: str) -> object:
    """The value YAML 1.1 gives a plain (unquoted) scalar, as PyYAML's safe loader does."""
    cached = _TYPED_CACHE.get(text, _NO_KEY)
    if cached is not _NO_KEY:
        return cached
    if len(text) > MAX_NUMBER_CHARS and ":" in text:
        return _typed_long(text)
    value: object = text
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if pattern.match(text):
            value = _construct(tag, text) if tag not in _TEXT_TAGS else text
            break
    if len(_TYPED_CACHE) < _CACHE_LIMIT and len(text) <= _CACHE_TEXT:
        _TYPED_CACHE[text] = value
    return value


def _typed_long(text: str) -> object:
    """`typed` for a long plain scalar with a colon, without YAML 1.1's base-60 patterns.

    On such a text those patterns take memory in proportion to its length (and
    the number itself hours to compute); a number is never that long, so only a
    date and time can match.
    """
    if not text.strip(_BASE_60):
        raise _LongNumberError
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if tag == _TIMESTAMP and pattern.match(text):
            return _construct(tag, text)
    return text


def _construct_explicit(tag: str, text: str) -> object:
    """The value of a scalar with an explicit tag (`!!int 3`); ValueError when it is not one."""
    if not _PATTERNS[tag].match(text):  # `!!bool maybe`: PyYAML would raise a KeyError
        raise ValueError(text)
    return _construct(tag, text)


def _construct(tag: str, text: str) -> object:
    if len(text) > MAX_NUMBER_CHARS and tag in {_INT, _FLOAT}:
        raise _LongNumberError
    if tag == _TIMESTAMP and len(text) == 10:  # noqa: PLR2004 - YYYY-MM-DD, the common case
        return dt.date.fromisoformat(text)
    if tag == _NULL and text in {"", "~", "null", "Null", "NULL"}:
        return None
    node = yaml.ScalarNode(tag, text)
    method = _CONSTRUCTOR.yaml_constructors[tag]
    return method(_CONSTRUCTOR, node)
