"""The Changes page: what the edits do (as `cse diff HEAD` says it), then save or send them.

"Save a version" commits exactly the files this editor wrote (the session's
record: uploads now, form saves later) with the user's message, on the current
branch or a new one; "send for review" pushes the branch to a GitHub, GitLab or
Azure DevOps remote and shows the address that opens a pull request. Both are
in `cse_cli.serve.gitsave`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.serve import gitsave
from cse_cli.serve.bodies import Refused, read_form
from cse_cli.serve.editor import chosen_stage, editor

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.stages import Stage
    from cse_cli.serve.editor import Editor
    from cse_cli.views.diff import Diff

MAX_MESSAGE = 5_000


@dataclass(frozen=True)
class Uncommitted:
    """The edits since the last version, or why there is nothing to compare with."""

    diff: Diff | None
    reason: str | None
    verdict: str = ""
    summary: str = ""
    sections: tuple[tuple[str, tuple[str, ...], list[tuple[str, ...]]], ...] = ()


def uncommitted(ed: Editor, evidence: Evidence, stage: Stage) -> Uncommitted:
    """`cse diff HEAD` at `stage`: the last version against the files on disk."""
    from cse_cli.render.diff import sections, summary, verdict
    from cse_cli.serve.state import head_commit
    from cse_cli.views.diff import compare

    root = ed.repository.root
    head = ed.git.answer("head", lambda: head_commit(root))
    if head is None:
        if ed.git.answer("state", lambda: gitsave.state(root)).top is None:
            return Uncommitted(None, "This folder is not a git repository, so it has no versions.")
        return Uncommitted(None, "No version is saved yet: the first one will hold every file.")
    before = ed.repository.at_head(*head)
    diff = compare(ed.standard, before, evidence, ("the last version", "your edits"), stage)
    return Uncommitted(diff, None, verdict(diff), summary(diff), tuple(sections(diff)))


async def changes(request: Request, **shown: object) -> Response:
    """The Changes page; `shown` carries a save's or a push's outcome, or a form's errors."""
    ed = editor(request)
    evidence = ed.repository.current().evidence
    stage, _ = chosen_stage(request)
    root = ed.repository.root
    git = ed.git.answer("state", lambda: gitsave.state(root))
    written = sorted(ed.session.written)
    pending = gitsave.changed(root, written) if git.top is not None else written
    status = int(str(shown.pop("status", 200)))
    return ed.pages.render(
        request,
        "changes.html.j2",
        status,
        changes=uncommitted(ed, evidence, stage),
        git=git,
        root=str(root),
        written=written,
        pending=pending,
        author=ed.session.author or git.author,
        errors=shown.pop("errors", []),
        form=shown.pop("form", {}),
        **shown,
    )


async def changes_page(request: Request) -> Response:
    """The Changes page (a GET: nothing saved or sent)."""
    return await changes(request)


async def save_version(request: Request) -> Response:
    """Commit the files the editor wrote, with the user's message, on this or a new branch."""
    ed = editor(request)
    try:
        form = await read_form(request)
    except Refused as exc:
        return ed.pages.render(request, "refused.html.j2", exc.status, message=str(exc))
    root = ed.repository.root
    git = gitsave.state(root)
    errors = _check(ed, form, git)
    if errors:
        return await changes(request, status=400, errors=errors, form=form)
    pending = gitsave.changed(root, ed.session.written)
    if not pending:
        errors = [
            (
                "message",
                "There is nothing to save: the files the editor wrote are as in the last version.",
            )
        ]
        return await changes(request, status=400, errors=errors, form=form)
    author = ed.session.author or git.author
    if author is None:
        author = (form["author_name"].strip(), form["author_email"].strip())
        ed.session.author = author
    branch = None
    try:
        if form.get("where") == "new":
            branch = gitsave.branch_name(root, form.get("branch", "").strip())
        commit = gitsave.save(root, pending, form["message"].strip(), branch, author)
    except gitsave.GitFailed as exc:
        return await changes(
            request,
            status=400,
            errors=[("message", f"Git did not save the version: {exc}")],
            form=form,
        )
    return await changes(request, saved=commit[:7], saved_files=pending)


def _check(ed: Editor, form: dict[str, str], git: gitsave.GitState) -> list[tuple[str, str]]:
    """The save form's errors, each with the field it belongs to."""
    errors = []
    if git.top is None:
        return [("message", "This folder is not a git repository: start one to save versions.")]
    message = form.get("message", "").strip()
    if not message:
        errors.append(
            ("message", "Say what changed, in a sentence: it is the version's description.")
        )
    elif len(message) > MAX_MESSAGE:
        errors.append(("message", f"The description is over {MAX_MESSAGE:,} characters."))
    if form.get("where") == "new" and not form.get("branch", "").strip():
        errors.append(("branch", "Name the new branch, such as evidence/complaints-2026."))
    if git.branch is None and form.get("where") != "new":
        errors.append(("where", "You are not on a branch: save the version on a new branch."))
    if ed.session.author is None and git.author is None:
        if not form.get("author_name", "").strip():
            errors.append(("author_name", "Enter your name, as the version's author."))
        if "@" not in form.get("author_email", ""):
            errors.append(("author_email", "Enter your email address, such as name@example.org."))
    return errors


async def send_for_review(request: Request) -> Response:
    """Push the current branch to origin, and offer the address that opens a pull request."""
    ed = editor(request)
    try:
        await read_form(request)
    except Refused as exc:
        return ed.pages.render(request, "refused.html.j2", exc.status, message=str(exc))
    root = ed.repository.root
    git = gitsave.state(root)
    if git.remote is None or git.branch is None:
        errors = [
            (
                "send",
                (
                    "Sending for review needs a branch and a GitHub, GitLab or Azure DevOps "
                    "remote called origin."
                ),
            )
        ]
        return await changes(request, status=400, errors=errors)
    try:
        gitsave.send(root, git.branch)
    except gitsave.GitFailed as exc:
        return await changes(
            request, status=400, errors=[("send", f"Git did not send the branch: {exc}")]
        )
    return await changes(request, sent=git.branch, pull_request=git.remote.pull_request(git.branch))
