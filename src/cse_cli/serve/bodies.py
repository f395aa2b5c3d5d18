"""Request bodies, read within their limits and with their CSRF token checked.

Every POST route reads its body here and nowhere else. The guard has already
refused a body whose Content-Length is over MAX_BODY_BYTES; here each kind of
body has its own limit, checked against Content-Length before a byte is read
and counted again while the body streams in, so a client that says less than
it sends is stopped at the limit, not after. The CSRF token (the double-submit
cookie's value) must be in the form: for an upload, before the file, so a
forged upload is refused before its file is read.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from collections.abc import Callable

    from starlette.requests import Request

MAX_FORM_BYTES = 1_000_000
"""A form without a file: far more than any element's fields."""
MAX_UPLOAD_BYTES = 20_000_000
"""One uploaded document (20 MB): larger ones are cited with `url:` instead."""
MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 100_000
"""Any request body: an upload, its fields and the multipart framing."""
MAX_FIELDS = 1_000
"""Fields of a small form (an upload's, a save's)."""
MAX_FORM_FIELDS = 100_000
"""Fields of a file's form: one file holds at most 100,000 values, a field each at most."""
CSRF_FIELD = "csrftoken"


class Refused(Exception):  # noqa: N818 - reads as what it says
    """A body that is not read (any further): its status, and why in a sentence."""

    def __init__(self, status: int, message: str) -> None:
        """A refusal with its HTTP status."""
        super().__init__(message)
        self.status = status


@dataclass
class Upload:
    """An uploaded file's name as the browser gave it, its bytes, and the form's other fields."""

    filename: str
    data: bytes
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Sent:
    """A form sent with files: its fields, and each file chosen by its field's name."""

    fields: dict[str, str]
    files: dict[str, Upload]


def _declared(request: Request, limit: int, what: str) -> None:
    length = request.headers.get("content-length", "")
    if not length.isdigit():
        raise Refused(411, "the form was sent without its length")
    if int(length) > limit:
        raise Refused(413, f"{what} is {int(length):,} bytes, over the limit of {limit:,}")


def _check_csrf(request: Request, given: str | None) -> None:
    expected = request.scope.get("state", {}).get("csrf", "")
    if not expected or given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Refused(
            403, "the form did not carry the editor's security code: reload the page and try again"
        )


async def read_form(request: Request) -> dict[str, str]:
    """A URL-encoded form's fields (the last value of each), its CSRF token checked."""
    if request.headers.get("content-type", "").split(";")[0].strip() != (
        "application/x-www-form-urlencoded"
    ):
        raise Refused(415, "the form was not sent as a form")
    _declared(request, MAX_FORM_BYTES, "the form")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise Refused(413, f"the form is over the limit of {MAX_FORM_BYTES:,} bytes")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "the form could not be read") from None
    fields = {key: values[-1] for key, values in parsed.items()}
    _check_csrf(request, fields.get(CSRF_FIELD))
    return fields


async def read_upload(request: Request, file_field: str) -> Upload:
    """A multipart form with one file in `file_field`, streamed within MAX_UPLOAD_BYTES."""
    sent = await read_files(request, lambda name: name == file_field, MAX_FIELDS)
    found = sent.files.get(file_field)
    if found is None:
        raise Refused(400, "choose a file to upload")
    return Upload(found.filename, found.data, sent.fields)


async def read_files(
    request: Request, is_file: Callable[[str], bool], max_fields: int = MAX_FORM_FIELDS
) -> Sent:
    """A multipart form whose files (in fields `is_file` accepts) total at most MAX_UPLOAD_BYTES.

    A file field left empty (no file chosen) is no file.
    """
    from python_multipart.multipart import parse_options_header

    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise Refused(415, "the upload was not sent as a form with a file")
    _declared(request, MAX_BODY_BYTES, "the upload")
    parser = _UploadParser(request, is_file, boundary, max_fields)
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > MAX_BODY_BYTES:
            raise Refused(413, f"the upload is over the limit of {MAX_UPLOAD_BYTES:,} bytes")
        parser.feed(chunk)
    return parser.finish()


class _UploadParser:
    """python-multipart's streaming parser, keeping the fields and the one file."""

    def __init__(
        self, request: Request, is_file: Callable[[str], bool], boundary: bytes, max_fields: int
    ) -> None:
        from python_multipart.multipart import MultipartParser

        self.request = request
        self.is_file = is_file
        self.max_fields = max_fields
        self.fields: dict[str, str] = {}
        self.files: dict[str, tuple[str, bytearray]] = {}
        self.data = bytearray()
        self._filed = 0  # the bytes of every file so far
        self._name = ""
        self._headers: dict[str, bytes] = {}
        self._header = [b"", b""]
        self._value = bytearray()
        self._is_file = False
        self._error: Refused | None = None
        callbacks = {
            "on_part_begin": self._part_begin,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_header_field": lambda data, start, end: self._add(0, data[start:end]),
            "on_header_value": lambda data, start, end: self._add(1, data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
        }
        self.parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]

    def feed(self, chunk: bytes) -> None:
        """Parse the next chunk; Refused as soon as the form breaks a rule."""
        from python_multipart.exceptions import MultipartParseError

        try:
            self.parser.write(chunk)
        except MultipartParseError:
            raise Refused(400, "the upload could not be read") from None
        if self._error is not None:
            raise self._error

    def finish(self) -> Sent:
        """The fields and the files chosen, once the whole body is parsed."""
        self.parser.finalize()
        if self._error is not None:
            raise self._error
        _check_csrf(self.request, self.fields.get(CSRF_FIELD))
        files = {
            name: Upload(filename, bytes(data))
            for name, (filename, data) in self.files.items()
            if filename
        }
        return Sent(self.fields, files)

    def _add(self, index: int, data: bytes) -> None:
        self._header[index] += data

    def _header_end(self) -> None:
        self._headers[self._header[0].decode("latin-1").lower()] = self._header[1]
        self._header = [b"", b""]

    def _part_begin(self) -> None:
        self._headers, self._value, self._is_file = {}, bytearray(), False

    def _headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        _, options = parse_options_header(self._headers.get("content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        self._is_file = filename is not None
        if self._is_file:
            try:
                _check_csrf(self.request, self.fields.get(CSRF_FIELD))
            except Refused as exc:  # the token comes before the file, or the file is not read
                self._fail(exc)
                return
            if not self.is_file(self._name) or self._name in self.files:
                self._fail(Refused(400, "the form sent an unexpected file"))
                return
            self.data = bytearray()
            self.files[self._name] = ((filename or b"").decode("utf-8", "replace"), self.data)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._error is not None:
            return
        target = self.data if self._is_file else self._value
        target += data[start:end]
        if self._is_file:
            self._filed += end - start
        if self._filed > MAX_UPLOAD_BYTES or len(self._value) > MAX_FORM_BYTES:
            self._fail(Refused(413, f"the file is over the limit of {MAX_UPLOAD_BYTES:,} bytes"))

    def _part_end(self) -> None:
        if not self._is_file and self._error is None:
            if len(self.fields) >= self.max_fields:
                self._fail(Refused(413, "the form has too many fields"))
                return
            self.fields[self._name] = self._value.decode("utf-8", "replace")

    def _fail(self, error: Refused) -> None:
        if self._error is None:
            self._error = error
