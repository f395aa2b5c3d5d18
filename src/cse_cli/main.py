"""The `cse` program: a plainly written `check` or `report` runs at once, the rest via Typer.

Loading Typer (and the Pydantic adapters it builds for every option) takes longer
than reading a real evidence repository, and `cse check` is the command that runs
on every commit and every push. So `plain_command` recognises exactly
`check [PATH] [--stage S] [--format F]` and
`report [PATH] --format F [--stage S] [--output FILE] [--timestamp]` (with `-s`,
`-f`, `-o`, `--stage=S`, `-sS`…) when every value is plainly valid, and `main`
runs them with the functions the Typer commands run. Anything else (help,
completion, a bad, repeated or missing option, another command) goes to Typer
unchanged, so that its messages stay Typer's.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from cse_cli.commands import (
    CheckFormat,
    ReportFormat,
    Stage,
    check_evidence,
    echo,
    write_report,
)
from cse_cli.errors import EXIT_BUG

_STAGE = {"--stage": "stage", "-s": "stage"}
_FORMAT = {"--format": "format", "-f": "format"}
_OPTIONS = {
    "check": {**_STAGE, **_FORMAT},
    "report": {**_STAGE, **_FORMAT, "--output": "output", "-o": "output"},
}
_FLAGS = {"report": {"--timestamp": "timestamp"}}
_STAGES = {stage.value: stage for stage in Stage}
_CHECK_FORMATS = {output_format.value: output_format for output_format in CheckFormat}
_REPORT_FORMATS = {output_format.value: output_format for output_format in ReportFormat}


class PlainCheck(NamedTuple):
    """The parameters of a `cse check` that needs no command-line parser."""

    path: Path
    stage: Stage
    output_format: CheckFormat

    def run(self) -> int:
        """Run the check; the exit code."""
        return check_evidence(self.path, self.stage, self.output_format)


class PlainReport(NamedTuple):
    """The parameters of a `cse report` that needs no command-line parser."""

    path: Path
    output_format: ReportFormat
    stage: Stage
    output: Path | None
    timestamp: bool

    def run(self) -> int:
        """Write the report; the exit code."""
        return write_report(self.path, self.output_format, self.stage, self.output, self.timestamp)


def plain_command(
    argv: Sequence[str], environ: Mapping[str, str], streams: Sequence[TextIO] = ()
) -> PlainCheck | PlainReport | None:
    """The parameters of `cse check` or `cse report` written plainly, else None (for Typer).

    None whenever Typer might do anything but run the command with these
    values: an unknown, repeated or missing option, a value that is not one of
    the choices as written, a second PATH, a PATH or file name that starts
    with '-', is empty or holds a NUL character, shell completion (an
    environment variable `_…_COMPLETE`), or a stream whose ASCII encoding
    Typer would replace with its own.
    """
    if not argv or argv[0] not in _OPTIONS or _typer_needed(environ, streams):
        return None
    parsed = _arguments(argv[1:], _OPTIONS[argv[0]], _FLAGS.get(argv[0], {}))
    if parsed is None:
        return None
    path, given = parsed
    folder = Path(path) if path is not None else Path()
    stage = _STAGES.get(given.get("stage", Stage.LATEST.value))
    if stage is None:
        return None
    if argv[0] == "check":
        return _plain_check(folder, stage, given)
    return _plain_report(folder, stage, given)


def _plain_check(folder: Path, stage: Stage, given: Mapping[str, str]) -> PlainCheck | None:
    output_format = _CHECK_FORMATS.get(given.get("format", CheckFormat.TEXT.value))
    return None if output_format is None else PlainCheck(folder, stage, output_format)


def _plain_report(folder: Path, stage: Stage, given: Mapping[str, str]) -> PlainReport | None:
    output_format = _REPORT_FORMATS.get(given.get("format", ""))  # Typer says it is missing
    output = given.get("output")
    if output_format is None or output == "" or (output or "").startswith("-"):
        return None  # a file name that is plainly one: not empty, no '-' first
    path = Path(output) if output is not None else None
    return PlainReport(folder, output_format, stage, path, "timestamp" in given)


def _arguments(
    args: Sequence[str], options: Mapping[str, str], flags: Mapping[str, str]
) -> tuple[str | None, dict[str, str]] | None:
    """The PATH and each option's value as written (a flag's is ''), or None for anything else."""
    if any("\0" in arg for arg in args):  # Typer refuses a path with the NUL character
        return None
    path: str | None = None
    given: dict[str, str] = {}
    rest = list(reversed(args))
    while rest:
        arg = rest.pop()
        if not arg.startswith("-"):
            if path is not None or not arg:
                return None
            path = arg
            continue
        if arg in flags and flags[arg] not in given:
            given[flags[arg]] = ""
            continue
        if arg.startswith("--"):
            name, equals, value = arg.partition("=")
        else:  # -sfinal is -s final, as Click reads it
            name, equals, value = arg[:2], "", arg[2:]
        option = options.get(name)
        if option is None or option in given or not (equals or value or rest):
            return None
        given[option] = value if equals or value else rest.pop()
    return path, given


def _typer_needed(environ: Mapping[str, str], streams: Sequence[TextIO]) -> bool:
    """Shell completion asked for, or a stream in ASCII, which Typer writes in its own way."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in environ):
        return True
    return any(_is_ascii(stream) for stream in streams)


def _is_ascii(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return True


def main() -> None:
    """Run the command line; a bug (and only a bug) shows a traceback and exits 3."""
    try:
        plain = plain_command(sys.argv[1:], os.environ, (sys.stdout, sys.stderr))
        if plain is None:
            from cse_cli.cli import app

            app()
        else:
            sys.exit(plain.run())
    except SystemExit:
        raise
    except KeyboardInterrupt:
        echo("cse: interrupted", err=True)
        sys.exit(130)
    except Exception:  # noqa: BLE001 - the one place that turns a bug into exit 3
        import traceback

        traceback.print_exc()
        echo("cse: internal error (a bug): please report it with the lines above", err=True)
        sys.exit(EXIT_BUG)
