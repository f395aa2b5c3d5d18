"""The program's entry point: a plain `cse check` or `cse report` runs without Typer.

`plain_command` may decline any command line (Typer then runs it); when it
accepts one, it must choose exactly what Typer would: the same parameters, and
so the same output and exit code.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cse_cli import cli
from cse_cli.commands import CheckFormat, ReportFormat, Stage
from cse_cli.main import PlainCheck, PlainReport, main, plain_command
from tests.conftest import BOLTON, element_yaml, write_repo

STAGES = ["self", "desk-top", "final", "latest"]
FORMATS = ["text", "json", "github", "md", "html"]
JUNK = [
    "Final", "JSON", "--", "-", "", "=", "-h", "--help", "-x", "--bogus", "--no-timestamp",
    "check", "a\0b", "--format", "-s",
]  # fmt: skip


def _valued(names: list[str], values: list[str]) -> st.SearchStrategy[list[str]]:
    """An option with its value, in each way Click reads one: `--x v`, `--x=v`, `-xv`."""
    good = st.sampled_from(values)
    value = st.one_of(good, good, good, good, st.sampled_from(JUNK), st.text(max_size=4))
    return st.tuples(st.sampled_from(names), value, st.booleans()).map(
        lambda option: (
            [option[0], option[1]]
            if option[2]
            else [option[0] + ("=" if option[0].startswith("--") else "") + option[1]]
        )
    )


def _maybe(words: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), words)


path = st.one_of(
    st.sampled_from(["x", "a folder", "a/b/", "~", "report.html"]), st.text(max_size=6)
)
stage = _valued(["--stage", "-s"], STAGES)
output = _valued(["--output", "-o"], ["report.html", "out/r.md", "-", ""])
junk = st.one_of(st.sampled_from(JUNK).map(lambda word: [word]), output, st.just(["--timestamp"]))
plausible = {
    "check": [
        _maybe(stage),
        _maybe(_valued(["--format", "-f"], FORMATS[:3])),
        _maybe(path.map(lambda p: [p])),
    ],
    "report": [
        _maybe(stage),
        _valued(["--format", "-f"], FORMATS[3:]),
        _maybe(output),
        _maybe(st.just(["--timestamp"])),
        _maybe(path.map(lambda p: [p])),
    ],
}


@st.composite
def argv_lists(draw: st.DrawFn) -> list[str]:
    """Mostly a line each command could take, in any order, with now and then one thing more."""
    command = draw(st.sampled_from(["check", "check", "report", "report", "gap", "--help", ""]))
    parts = [draw(part) for part in plausible.get(command, [])]
    if draw(st.integers(0, 3)) == 0:
        parts.append(draw(st.one_of(junk, stage, path.map(lambda p: [p]))))
    return [command, *(word for words in draw(st.permutations(parts)) for word in words)]


def typer_parameters(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> tuple[object, ...] | None:
    """What Typer passes to the command's function for `argv`, or None when it does not run it."""
    calls: list[tuple[object, ...]] = []

    def check(path: Path, stage: Stage, output_format: CheckFormat, *_: object) -> int:
        calls.append(PlainCheck(path, stage, output_format))
        return 0

    def report(
        path: Path,
        output_format: ReportFormat,
        stage: Stage,
        output: Path | None,
        timestamp: bool,
        *_: object,
    ) -> int:
        calls.append(PlainReport(path, output_format, stage, output, timestamp))
        return 0

    monkeypatch.setattr(cli, "check_evidence", check)
    monkeypatch.setattr(cli, "write_report", report)
    result = CliRunner().invoke(cli.app, argv)
    assert len(calls) == (1 if result.exit_code == 0 and argv[:1] in (["check"], ["report"]) else 0)
    return calls[0] if calls else None


@settings(max_examples=400, deadline=None)
@given(argv_lists())
def test_a_plain_command_is_what_typer_would_run(argv: list[str]) -> None:
    plain = plain_command(argv, {})
    if plain is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert typer_parameters(monkeypatch, argv) == plain


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], PlainCheck(Path(), Stage.LATEST, CheckFormat.TEXT)),
        (["check", "x", "--format", "json"], PlainCheck(Path("x"), Stage.LATEST, CheckFormat.JSON)),
        (["check", "-fjson", "-sfinal", "x"], PlainCheck(Path("x"), Stage.FINAL, CheckFormat.JSON)),
        (
            ["check", "--stage=desk-top", "-f", "github"],
            PlainCheck(Path(), Stage.DESK_TOP, CheckFormat.GITHUB),
        ),
        (
            ["report", "x", "--format", "html", "-o", "r.html"],
            PlainReport(Path("x"), ReportFormat.HTML, Stage.LATEST, Path("r.html"), False),
        ),
        (
            ["report", "--timestamp", "-fmd", "--stage", "self"],
            PlainReport(Path(), ReportFormat.MD, Stage.SELF, None, True),
        ),
    ],
)
def test_plain_command_lines_are_recognised(
    argv: list[str], expected: PlainCheck | PlainReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plain_command(argv, {}) == expected
    assert typer_parameters(monkeypatch, argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["gap"],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "--stage", "Final"],  # Typer says which values are allowed
        ["check", "--format"],
        ["check", "--format", "json", "--format", "text"],  # valid, but not plain
        ["check", "a", "b"],
        ["check", "--", "a"],
        ["check", "-"],
        ["check", ""],
        ["report", "x"],  # --format is required: Typer says so
        ["report", "-fmd", "-o", "-"],
        ["report", "-fmd", "--timestamp=yes"],
        ["report", "-fmd", "--timestamp", "--timestamp"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert plain_command(argv, {}) is None


def test_shell_completion_is_left_to_typer() -> None:
    assert plain_command(["check"], {"_CSE_COMPLETE": "bash_complete"}) is None


def test_a_stream_in_ascii_is_left_to_typer() -> None:
    ascii_stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    utf8_stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert plain_command(["check"], {}, [utf8_stream]) is not None
    assert plain_command(["check"], {}, [utf8_stream, ascii_stream]) is None


def _broken(tmp_path: Path) -> Path:
    files = {
        "evidence/1.1.1.yaml": element_yaml("1.1.1", finale="full"),
        "evidence/1.1.2.yaml": element_yaml("1.1.2", final="full") + "evidence:\n  - ref: NOPE\n",
    }
    return write_repo(tmp_path / "broken", files)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{bolton}"],
        ["check", "{bolton}", "--format", "json", "--stage", "desk-top"],
        ["check", "{bolton}", "-fgithub"],
        ["check", "{broken}"],
        ["check", "{broken}", "--format=json"],
        ["check", "{broken}", "-f", "github"],
        ["check", "{tmp}"],  # no repository
        ["report", "{bolton}", "--format", "md"],
        ["report", "{bolton}", "-fhtml", "-o", "{tmp}/report.html"],
        ["report", "{broken}", "-fmd"],
        ["report", "{bolton}", "-fmd", "-o", "{tmp}/no/such/folder/r.md"],
    ],
)
def test_both_ways_print_the_same_and_exit_the_same(
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    places = {"bolton": BOLTON, "broken": _broken(tmp_path), "tmp": tmp_path}
    argv = [arg.format(**places) for arg in args]
    assert plain_command(argv, {}) is not None
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

    typer_way = CliRunner().invoke(cli.app, argv)
    typer_file = _read_and_remove(tmp_path / "report.html")

    monkeypatch.setattr(sys, "argv", ["cse", *argv])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    assert exit_info.value.code == typer_way.exit_code
    assert (out, err) == (typer_way.stdout, typer_way.stderr)
    assert _read_and_remove(tmp_path / "report.html") == typer_file


def _read_and_remove(path: Path) -> bytes | None:
    if not path.exists():
        return None
    content = path.read_bytes()
    path.unlink()
    return content
