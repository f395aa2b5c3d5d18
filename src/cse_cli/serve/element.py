"""The element page: the standard's wording, then the element file as a form, with its verdict.

Every key an element file has is a field (`fields.element_form`); the form runs
on the engine every form shares (`formpage`, `forms`). The file is the one that
gives the element (`evidence/1.1.3.yaml`, or the file named after it when it
cannot be read); an element with no file gets one when its form is first
saved, starting from what `cse init` writes. `POST /element/ID/check` is the
live verdict: the form checked as a save would check it, nothing written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.evidence import ElementFile
from cse_cli.io.tree import DirTree, Why
from cse_cli.serve.bodies import MAX_UPLOAD_BYTES, Refused, read_files
from cse_cli.serve.editor import editor
from cse_cli.serve.fields import CITING, element_form
from cse_cli.serve.formpage import Asked, page, post, sources
from cse_cli.serve.forms import Target, data_of, hash_of, judge, readable, view_of
from cse_cli.serve.formstate import ItemState, from_data, from_post

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence
    from cse_cli.serve.editor import Editor
    from cse_cli.serve.formpage import Render, Shown
    from cse_cli.serve.formstate import FormState


def target(ed: Editor, element_id: str) -> Target:
    """The file an element's form edits, and what it must be read as."""
    from cse_cli.io.scaffold_text import ELEMENT_SCHEMA, element_text

    evidence = ed.repository.current().evidence
    folder = evidence.config.evidence_dir.strip("/") or "evidence"
    rel = evidence.files.get(element_id) or _named(ed, folder, element_id)
    schema = "../" * len(folder.split("/")) + ELEMENT_SCHEMA
    _, _, wording = ed.standard.element(element_id)
    fresh = element_text(element_id, ed.standard.heading(element_id), wording.text, schema)

    def taken(found: Evidence) -> bool:
        return element_id in found.elements and found.files.get(element_id) == rel

    form = ed.made(("element-form", id(ed.standard)), lambda: element_form(ed.standard))
    return Target(rel, form, ElementFile, fresh.encode("utf-8"), taken)


def _named(ed: Editor, folder: str, element_id: str) -> str:
    """The file named after the element (read or not), else the one a new file gets."""
    tree = DirTree(ed.repository.root)
    for name in (f"{element_id}.yaml", f"{element_id}.yml"):
        refusal = tree.check_file(f"{folder}/{name}")
        if refusal is None or refusal.why is not Why.MISSING:
            return f"{folder}/{name}"
    return f"{folder}/{element_id}.yaml"


async def element_page(request: Request) -> Response:
    """One element: the standard's wording, then its file as a form.

    `?cite=ID&list=KEY` adds an item citing ID to the list KEY (one of
    fields.CITING; evidence when not given), unsaved, as the form's own
    button would.
    """
    ed = editor(request)
    element_id = request.path_params["element_id"]
    if element_id not in ed.standard.element_ids():
        return ed.pages.render(request, "missing.html.j2", 404, what="element")
    found = target(ed, element_id)
    asked = Asked(request, found, _render(element_id, found), f"/element/{element_id}")
    cite = request.query_params.get("cite", "").strip()
    key = request.query_params.get("list", CITING[0].key)
    state = None
    if cite and any(items.key == key for items in CITING):
        raw, _ = readable(ed.repository.root, found.rel)
        data, problems = data_of(raw if raw is not None else found.fresh, found.rel)
        if not problems:
            state = from_data(found.form, data, hash_of(raw))
            state.lists[key].append(ItemState(None, "ref", {"ref": cite[:200]}))
    return await page(asked, state)


async def element_post(request: Request) -> Response:
    """The element's form sent: a button of the form done, or the file saved."""
    ed = editor(request)
    element_id = request.path_params["element_id"]
    if element_id not in ed.standard.element_ids():
        return ed.pages.render(request, "missing.html.j2", 404, what="element")
    found = target(ed, element_id)
    return await post(Asked(request, found, _render(element_id, found), f"/element/{element_id}"))


async def element_check(request: Request) -> Response:
    """The live verdict: the form as it stands, checked and scored, nothing written."""
    from cse_cli.serve.verdict import verdict_change

    ed = editor(request)
    element_id = request.path_params["element_id"]
    if element_id not in ed.standard.element_ids():
        return ed.pages.render(request, "missing.html.j2", 404, what="element")
    try:
        sent = await read_files(request, lambda _name: False)
    except Refused as exc:
        return ed.pages.render(request, "refused.html.j2", exc.status, message=str(exc))
    found = target(ed, element_id)
    fields = {key: value.replace("\r\n", "\n") for key, value in sent.fields.items()}
    state = from_post(found.form, fields)
    raw, unreadable = readable(ed.repository.root, found.rel)
    reading = ed.repository.current()
    judged = None
    if unreadable is None:
        data, _ = data_of(raw if raw is not None else found.fresh, found.rel)
        view = view_of(found, state, data, sources(ed))
        judged = judge(found, state, view, raw, reading.state)
    change = verdict_change(ed.standard, reading.evidence, element_id, judged)
    return ed.pages.render(request, "verdict.html.j2", change=change)


def _render(element_id: str, found: Target) -> Render:
    """How the element's page shows its form."""

    async def render(
        request: Request, state: FormState | None, shown: Shown, status: int
    ) -> Response:
        from cse_cli.serve.citing import cited, search
        from cse_cli.serve.verdict import verdict_change

        ed = editor(request)
        evidence = ed.repository.current().evidence
        criterion, sub, wording = ed.standard.element(element_id)
        citing = [items.key for items in CITING]
        values = state.values if state else {}
        queries = {key: values.get(f"cite.{key}.q", "").strip() for key in citing}
        return ed.pages.render(
            request,
            "element.html.j2",
            status,
            element_id=element_id,
            criterion=criterion,
            sub=sub,
            wording=wording.text,
            file=found.rel,
            form=found.form,
            shown=shown,
            placed=shown.at_fields(),
            saved=request.query_params.get("saved", "") if request.method == "GET" else "",
            change=verdict_change(ed.standard, evidence, element_id, shown.judged),
            cited={key: cited(evidence, key) for key in citing},
            queries=queries,
            found_items={key: search(evidence, q, key) for key, q in queries.items() if q},
            limit=MAX_UPLOAD_BYTES,
        )

    return render
