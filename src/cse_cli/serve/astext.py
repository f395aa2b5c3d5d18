"""A file edited as its text: when its form cannot show it without losing some of it, or on asking.

The text is checked as a form's bytes are (`cse_cli.io.editing.check_file_in`)
and refused for the same reasons: when cse would not read the file as what it
is. It is written with the file's own line ends, and only over the version the
page was made from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.serve.forms import Judged, hash_of

if TYPE_CHECKING:
    from starlette.responses import Response

    from cse_cli.serve.formpage import Asked

FIELD = "f-text"
CHANGED = (
    "The file changed on disk since this page was made: nothing was saved. Copy your text, "
    "then open the file again"
)


async def save_text(asked: Asked, fields: dict[str, str]) -> Response:
    """The file saved from its text, after the same check as a form's."""
    from starlette.responses import RedirectResponse

    from cse_cli.io.editing import check_file_in
    from cse_cli.io.yaml_edit import ChangedOnDisk
    from cse_cli.serve.formpage import Shown, write

    ed = asked.ed
    raw, unreadable = asked.disk()
    text = fields.get("text", "")
    shown = Shown(None, text=text, why_text=fields.get("why", ""), digest=fields.get("hash", ""))
    if unreadable is not None or hash_of(raw) != shown.digest:
        shown.errors.append((FIELD, unreadable or CHANGED))
        return await asked.show(None, shown, 409)
    newline = "\r\n" if raw is not None and b"\r\n" in raw else "\n"
    data = text.replace("\n", newline).encode("utf-8")
    check = check_file_in(ed.repository.current().state, asked.target.rel, data)
    unread = not asked.target.taken(check.state.evidence)
    summary = [(str(problem), FIELD) for problem in check.problems]
    shown.judged = Judged(data, check, {}, summary, [], unread)
    if shown.judged.blocked:
        return await asked.show(None, shown, 400)
    try:
        refused = write(asked, data, raw)
    except ChangedOnDisk:
        refused = CHANGED
    if refused is not None:
        shown.errors.append((FIELD, refused))
        return await asked.show(None, shown, 409)
    ed.repository.adopt(check)
    ed.session.written.add(asked.target.rel)
    return RedirectResponse(f"{asked.address}?saved=yes", status_code=303)
