"""A form's page and its POST, the same for every file the editor edits.

GET shows the file as it is on disk, as a form, with the problems `cse check`
prints for it at their fields. POST first writes any document uploaded with the
form (into documents/, chosen at once in its field), then does what the button
pressed asks: an add, remove, move or cite changes the form alone and shows it
again with every text kept; "Save" checks the bytes the form would write
(`forms.judge`) and writes them, or shows the form again, as sent, with the
problems at their fields. A file that changed on disk since the page was made is
never written over unasked: the page shows what changed, and offers to save the
form over it. A file the form cannot show without losing some of it (it is not
YAML cse can read, or holds a list where text goes) is edited as text
(`astext`), with the same check before it is written.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cse_cli.serve.bodies import Refused, read_files
from cse_cli.serve.documents import listed
from cse_cli.serve.editor import editor
from cse_cli.serve.formdata import act
from cse_cli.serve.forms import Judged, data_of, hash_of, judge, placed, readable, view_of
from cse_cli.serve.formstate import from_data, from_post, unshowable
from cse_cli.serve.placing import id_of

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.serve.editor import Editor
    from cse_cli.serve.forms import Target
    from cse_cli.serve.formstate import FormState
    from cse_cli.serve.formview import FormView

    Render = Callable[[Request, FormState | None, "Shown", int], Awaitable[Response]]

_DIFF_LINES = 400  # of a file changed on disk: past them, the page says how many more
TOP = id_of(())


@dataclass
class Shown:
    """What a form's page shows of the form, beside what the file's own page adds."""

    view: FormView | None
    judged: Judged = field(default_factory=lambda: Judged(None, None))
    focus: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """The form's own errors: (id, message), an upload's among them."""
    uploaded: list[str] = field(default_factory=list)
    stale: list[str] | None = None
    """The lines that changed on disk since the page was made, when a save found them."""
    over: str = ""
    """The hash of the file on disk, when the page offers to save over it."""
    text: str | None = None
    """The file's text, when it is edited as text."""
    why_text: str = ""
    digest: str = ""
    """The content hash of the file the text was read from (for a save of the text)."""
    notice: dict[str, object] = field(default_factory=dict)

    def at_fields(self) -> dict[str, list[str]]:
        """Every message by the id of the field (or item, or list) it is about."""
        found = {key: list(messages) for key, messages in self.judged.placed.items()}
        for at, message in (*self.errors, *self.judged.refused):
            found.setdefault(at, []).append(message)
        return found


@dataclass(frozen=True)
class Asked:
    """One request to a form's address: the file, how to show its page, and where it is."""

    request: Request
    target: Target
    render: Render
    address: str

    @property
    def ed(self) -> Editor:
        """The editor serving the request."""
        return editor(self.request)

    def disk(self) -> tuple[bytes | None, str | None]:
        """The file's bytes now (None: absent), or why cse cannot read it."""
        return readable(self.ed.repository.root, self.target.rel)

    def base(self, raw: bytes | None) -> bytes:
        """What a form starts from: the file's bytes, or a new file's."""
        return raw if raw is not None else self.target.fresh

    def view(self, state: FormState, made_from: bytes) -> FormView:
        """The form holding `state`, for the file whose bytes were `made_from`."""
        data, _ = data_of(made_from, self.target.rel)
        return view_of(self.target, state, data, sources(self.ed))

    async def show(self, state: FormState | None, shown: Shown, status: int) -> Response:
        """The page."""
        return await self.render(self.request, state, shown, status)


def sources(ed: Editor) -> dict[str, list[str]]:
    """The choices of the lists to choose from: cse.yaml's services, the repository's documents."""
    cited, others = listed(ed)
    documents = sorted({d.path for d in (*cited, *others) if d.problem is None})
    services = list(ed.repository.current().evidence.config.services)
    return {"services": services, "documents": documents}


async def page(asked: Asked, state: FormState | None = None) -> Response:
    """The form of the file as it is on disk (or `state`, a form started from it)."""
    ed = asked.ed
    raw, unreadable = asked.disk()
    if unreadable is not None:
        return await asked.show(None, Shown(None, why_text=unreadable), 200)
    base = asked.base(raw)
    data, problems = data_of(base, asked.target.rel)
    digest = hash_of(raw)
    if raw is not None:
        ed.remember(digest, raw)
    why = "; ".join(p.message for p in problems) or unshowable(asked.target.form, data) or ""
    if why or asked.request.query_params.get("as") == "text":
        text = base.decode("utf-8", "replace")
        return await asked.show(None, Shown(None, text=text, why_text=why, digest=digest), 200)
    state = state or from_data(asked.target.form, data, digest)
    view = view_of(asked.target, state, data, sources(ed))
    found = [p for p in ed.repository.current().evidence.problems if p.file == asked.target.rel]
    by_id, summary = placed(view, found, base, asked.target.rel, {})
    notice = ed.notices.pop(asked.target.rel, {})
    return await asked.show(
        state, Shown(view, Judged(raw, None, by_id, summary), notice=notice), 200
    )


async def post(asked: Asked) -> Response:
    """A form sent: uploads written, then a list's button done, or the file saved."""
    from cse_cli.serve.astext import save_text
    from cse_cli.serve.uploads import uploads

    ed = asked.ed
    try:
        sent = await read_files(asked.request, lambda name: name.endswith(".upload"))
    except Refused as exc:
        message = (
            f"{exc}: nothing was written. Go back to the form: your browser kept what you typed"
        )
        return ed.pages.render(asked.request, "refused.html.j2", exc.status, message=message)
    fields = {key: value.replace("\r\n", "\n") for key, value in sent.fields.items()}
    if fields.get("mode") == "text":
        return await save_text(asked, fields)
    state = from_post(asked.target.form, fields)
    shown = Shown(None)
    if state.garbled:  # nothing written, uploads included
        shown.errors = [(TOP, garbled(state.garbled))]
        return await _button(asked, state, shown, "save")
    shown.errors, shown.uploaded = uploads(ed, asked.target.form, state, sent.files)
    action = fields.get("action", "save")
    if shown.errors or action != "save":
        return await _button(asked, state, shown, action)
    return await _saving(asked, state, shown, fields.get("over", ""))


async def _button(asked: Asked, state: FormState, shown: Shown, action: str) -> Response:
    """The form again after a button other than Save (or an upload refused): nothing saved."""
    if shown.errors:
        shown.focus = shown.errors[0][0]
        return await again(asked, state, shown, 400)
    focus, error = act(asked.target.form, state, action)
    shown.focus = focus or ""
    shown.errors += [(focus or TOP, error)] if error else []
    return await again(asked, state, shown, 400 if error else 200)


async def _saving(asked: Asked, state: FormState, shown: Shown, over: str) -> Response:
    """Save, if the file is still the version the form was made from (or the user chose `over`)."""
    raw, unreadable = asked.disk()
    if unreadable is not None:
        shown.errors.append((TOP, unreadable))
        return await again(asked, state, shown, 409)
    made_from = None
    if hash_of(raw) != state.hash:
        made_from = asked.ed.version(state.hash) if over == hash_of(raw) else None
        if made_from is None:
            return await stale(asked, state, raw, shown)
    return await _save(asked, state, raw, made_from, shown)


async def again(
    asked: Asked, state: FormState, shown: Shown, status: int, made_from: bytes | None = None
) -> Response:
    """The form again, as sent, judged against the file on disk (for its verdict).

    After a button (not a save), the problems wait for "Save": only the verdict shows.
    """
    raw, _ = asked.disk()
    shown.view = asked.view(state, made_from or asked.base(raw))
    state_now = asked.ed.repository.current().state
    shown.judged = judge(asked.target, state, shown.view, raw, state_now, made_from)
    if shown.stale is None:  # the problems wait for "Save"
        shown.judged.placed, shown.judged.summary, shown.judged.refused = {}, [], []
    return await asked.show(state, shown, status)


async def stale(asked: Asked, state: FormState, raw: bytes | None, shown: Shown) -> Response:
    """The save refused: the file changed on disk since the page was made. What changed."""
    old = asked.ed.version(state.hash)
    now = [] if raw is None else raw.decode("utf-8", "replace").splitlines(keepends=True)
    if old is not None:
        was = old.decode("utf-8", "replace").splitlines(keepends=True)
        lines = list(difflib.unified_diff(was, now, "as this page was made", "on disk now", n=2))
        shown.stale = [line.rstrip("\n") for line in lines[:_DIFF_LINES]]
        shown.over = hash_of(raw)
    else:
        shown.stale = []
    return await again(asked, state, shown, 409, old)


async def _save(
    asked: Asked, state: FormState, raw: bytes | None, made_from: bytes | None, shown: Shown
) -> Response:
    from starlette.responses import RedirectResponse

    ed = asked.ed
    shown.view = asked.view(state, made_from or asked.base(raw))
    judged = shown.judged = judge(
        asked.target, state, shown.view, raw, ed.repository.current().state, made_from
    )
    if judged.blocked or judged.data is None or judged.check is None:
        return await asked.show(state, shown, 400)
    if judged.data == asked.base(raw):
        return RedirectResponse(f"{asked.address}?saved=none", status_code=303)
    from cse_cli.io.yaml_edit import ChangedOnDisk

    try:
        refused = write(asked, judged.data, raw)
    except ChangedOnDisk:
        return await stale(asked, state, asked.disk()[0], shown)
    if refused is not None:
        shown.errors.append((TOP, refused))
        return await asked.show(state, shown, 409)
    check = judged.check
    ed.repository.adopt(check)
    ed.session.written.add(asked.target.rel)
    ed.notices[asked.target.rel] = {
        "caused": [str(p) for p in check.caused],
        "ended": len(check.ended),
        "uploaded": shown.uploaded,
    }
    return RedirectResponse(f"{asked.address}?saved=yes", status_code=303)


def write(asked: Asked, data: bytes, raw: bytes | None) -> str | None:
    """Write the file over the version it was made from; None, or why not.

    Raises ChangedOnDisk, nothing written, when the file is no longer that version.
    """
    from cse_cli.io.atomic import NotRegularFile
    from cse_cli.io.yaml_edit import FileChange, save

    target = asked.target
    path = asked.ed.repository.root / target.rel
    try:
        save([FileChange(path, data, hash_of(raw) or None, target.rel)])
    except (NotRegularFile, OSError) as exc:
        why = getattr(exc, "strerror", None) or exc
        return f"{target.rel} cannot be written ({why}): nothing was written"
    return None


def garbled(names: list[str]) -> str:
    """What a form sent back with its hidden fields changed is told, in one line."""
    return (
        f"the form came back with {', '.join(names)} missing or changed (fields the page "
        "writes itself), so it cannot tell which items you kept: nothing was saved. Open "
        "the page again"
    )
