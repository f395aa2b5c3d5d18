"""`cse check --format github`: GitHub Actions workflow commands, one per problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.render.check import verdict_lines

if TYPE_CHECKING:
    from cse_cli.views.check import CheckView


def to_github(view: CheckView) -> str:
    """One workflow command per problem, so each lands on its line; then the verdict.

    Given the repository's root folder, each file is an absolute path, which the
    runner turns into one relative to the workspace: annotations land on the
    right file even when cse.yaml is in a subfolder of the git repository.
    Without it, files are relative to the repository root. Values are escaped as
    GitHub's toolkit escapes them, so a message can never start a second
    command. When the evidence is valid, plain lines (not commands) say why it
    fails, for the job log.
    """
    base = view.root.resolve() if view.root is not None else None
    lines = []
    for problem in view.problems:
        command = "error" if problem.severity == "error" else "warning"
        file = (base / problem.file).as_posix() if base is not None else problem.file
        place = f"file={_escape_property(file)}"
        if problem.line:
            place += f",line={problem.line}"
            if problem.column:
                place += f",col={problem.column}"
        lines.append(f"::{command} {place},title=cse check::{_escape_data(problem.message)}")
    if not view.invalid:
        lines += verdict_lines(view.verdict)
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
