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

from typing import Any

import yaml
from yaml import events as ev

from cse_cli.core.text import describe, quoted, short
from cse_cli.io.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, too_large
from cse_cli.io.yaml_document import Document, place
from cse_cli.io.yaml_encoding import byte_place, not_utf8, reader_message, syntax_message
from cse_cli.io.yaml_parser import parser
from cse_cli.io.yaml_scalars import COLLECTION_TAGS, TAG, scalar, tag_message, typed

__all__ = ["Document", "load", "typed"]


def load(raw: bytes, file: str) -> Document:
    """Parse one YAML file into plain data, recording problems instead of raising."""
    doc = Document(file)
    if len(raw) > MAX_FILE_BYTES:
        doc.error((1, 1), too_large(len(raw)))
        return doc
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        not_utf8(doc, raw, exc.start)
        return doc
    builder = _Builder(doc)
    try:
        builder.build(parser(raw))
    except _Stop:
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        if _limit_before(doc, raw, exc.problem_mark):
            return doc
        doc.data = None
        doc.error(place(exc.problem_mark or exc.context_mark), syntax_message(raw, exc))
    except yaml.YAMLError as exc:  # a reader error: control characters and the like
        doc.data = None
        position = getattr(exc, "position", None)  # libyaml's offset in bytes
        at = byte_place(raw, position) if isinstance(position, int) else (1, 1)
        doc.error(at, f"YAML syntax: {reader_message(exc)}")
    doc.values = builder.count
    return doc


def _limit_before(doc: Document, raw: bytes, mark: Any) -> bool:
    """Whether one of our own limits is passed before libyaml's error; if so, it is recorded.

    libyaml looks ahead, so a limit of its own (such as its nesting depth) can
    stop it before it gives the events in which ours would be met. The text
    before its error is read again: when that meets one of our limits, that
    limit is the problem, at the place where it was passed.
    """
    if mark is None or not mark.index:
        return False
    prefix = raw.decode("utf-8")[: mark.index].encode("utf-8")
    again = Document(doc.file)
    try:
        _Builder(again).build(parser(prefix))
    except _Stop:
        doc.data = None
        doc.problems.extend(again.problems)
        return True
    except yaml.YAMLError:
        return False
    return False


class _Stop(Exception):  # noqa: N818 - internal control flow, never escapes `load`
    """A limit was reached; the problem is already recorded."""


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
                place(event.start_mark),
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
                value, vmark = scalar(self.doc, event), event.start_mark
                self.count += 1
                if self.count > MAX_VALUES:
                    self._too_many(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) >= MAX_DEPTH:
                    self._too_deep(event)
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
                    self._put(container, cmarks, (key, key_mark), (value, vmark))
                key = _NO_KEY
            event = get()

    def _put(
        self,
        mapping: dict[Any, Any],
        marks: dict[Any, tuple[Any, Any]],
        key: tuple[Any, Any],
        value: tuple[Any, Any],
    ) -> None:
        """Put a (key, mark) and its (value, mark) in a mapping, unless the key is there."""
        if key[0] in marks:
            first = marks[key[0]][0].line + 1
            self.doc.error(
                place(key[1]),
                f"duplicate key {quoted(key[0])} (first at line {first}):"
                " YAML would silently keep only the last one",
            )
            return
        mapping[key[0]] = value[0]
        marks[key[0]] = (key[1], value[1])

    def _too_deep(self, event: Any) -> None:
        """Stop: a collection nested past the limit for one file."""
        self.doc.error(
            place(event.start_mark),
            f"nested more than {MAX_DEPTH} levels deep: the limit for one file",
        )
        raise _Stop

    def _key(self, key: Any, event: Any, mark: Any) -> Any:
        """The key itself when it is a name, else _BAD_KEY with the problem recorded."""
        if isinstance(key, str):
            if key == "<<" and getattr(event, "implicit", (False,))[0]:
                self.doc.error(place(mark), "merge keys (<<) are not supported: write the keys out")
                return _BAD_KEY
            return key
        if isinstance(key, (dict, list)):
            self.doc.error(place(mark), "a key must be a name, not a list or mapping")
        else:
            text = getattr(event, "value", "")
            self.doc.error(
                place(mark),
                f"key {quoted(text)} is read by YAML as {describe(key)}: keys are names",
            )
        return _BAD_KEY

    def _check_collection_tag(self, event: Any, container: object) -> None:
        tag = event.tag
        if tag in {"!", TAG + ("map" if type(container) is dict else "seq")}:
            return
        message = tag_message(tag)
        if tag in COLLECTION_TAGS:  # `!!seq` on a mapping: PyYAML refuses it too
            message = f"tag !!{tag[len(TAG) :]} is not for {describe(container)}: remove the tag"
        self.doc.error(place(event.start_mark), message)
        self.refused[id(container)] = container

    def _too_many(self, event: Any) -> None:
        self.doc.error(
            place(event.start_mark),
            f"the file holds more than {MAX_VALUES:,} values (texts, numbers, lists and "
            "mappings): the limit for one file",
        )
        raise _Stop

    def _alias(self, event: Any) -> Any:
        found = self.anchors.get(event.anchor)
        if found is None:
            name = short(event.anchor)
            self.doc.error(
                place(event.start_mark),
                f"alias *{name} refers to no complete anchor &{name} before it",
            )
            return None
        value, weight = found
        self.count += weight
        if self.count > MAX_VALUES:
            self.doc.error(
                place(event.start_mark),
                f"aliases expand to more than {MAX_VALUES:,} values: the limit for one file",
            )
            raise _Stop
        return value


_NO_KEY = object()
_BAD_KEY = object()
