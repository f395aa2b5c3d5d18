"""The layers import one way (import-linter), and the command line offers what the renderers do."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cse_cli import render
from cse_cli.render.formats import (
    CheckFormat,
    DiffFormat,
    ExportFormat,
    Format,
    GapFormat,
    HistoryFormat,
    ImportFormat,
    PackFormat,
    ReportFormat,
    SchemaKind,
    SelfAssessmentFormat,
)
from tests.helpers import PROJECT, run, script, utf8_streams


def _lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [script("lint-imports"), "--no-cache"],
        cwd=project,
        env=utf8_streams({**os.environ, "PYTHONPATH": str(project / "src")}),  # the copy's cse
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(PROJECT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_the_layers_are_kept(tmp_path: Path) -> None:
    result = _lint_imports(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_wrong_way_import_fails(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    planted = copy / "src" / "cse_cli" / "core" / "text.py"
    planted.write_text(
        planted.read_text(encoding="utf-8") + "\nfrom cse_cli.io import limits  # noqa\n",
        encoding="utf-8",
        newline="",
    )
    result = _lint_imports(copy)
    assert result.returncode == 1, result.stdout
    assert "BROKEN" in result.stdout
    assert "cse_cli.core.text -> cse_cli.io.limits" in result.stdout


def test_the_rules_are_independent_of_io(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    planted = copy / "src" / "cse_cli" / "rules" / "paths.py"
    planted.write_text(
        planted.read_text(encoding="utf-8") + "\nfrom cse_cli.io import tree  # noqa\n",
        encoding="utf-8",
        newline="",
    )
    result = _lint_imports(copy)
    assert result.returncode == 1, result.stdout
    assert "cse_cli.rules.paths -> cse_cli.io.tree" in result.stdout


def test_every_format_of_a_view_has_its_renderer_and_no_other() -> None:
    """The registry maps each view's enum whole, in its order (the first is the default)."""
    registry = {
        "CHECK": CheckFormat, "GAP": GapFormat, "READINESS": GapFormat, "HISTORY": HistoryFormat,
        "DIFF": DiffFormat, "REPORT": ReportFormat, "REVIEW": ReportFormat,
        "EXPORT": ExportFormat, "IMPORT": ImportFormat, "UPDATE": ImportFormat,
        "PACK": PackFormat, "VISIT": GapFormat, "SELF_ASSESSMENT": SelfAssessmentFormat,
    }  # fmt: skip
    maps = {
        name
        for name, value in vars(render).items()
        if name.isupper() and callable(getattr(value, "keys", None))
    }
    assert maps == set(registry)
    for name, formats in registry.items():
        assert list(getattr(render, name)) == list(formats), name


@pytest.mark.parametrize(
    ("command", "option", "formats"),
    [
        ("check", "--format", CheckFormat), ("gap", "--format", GapFormat),
        ("report", "--format", ReportFormat), ("diff", "--format", DiffFormat),
        ("history", "--format", HistoryFormat), ("import", "--format", ImportFormat),
        ("export", "--format", ExportFormat), ("schema", "--kind", SchemaKind),
    ],
)  # fmt: skip
def test_each_command_offers_exactly_the_formats_rendered(
    command: str, option: str, formats: type[Format]
) -> None:
    """A command's choices are its view's enum: the help lists them, and so does a refusal."""
    names = [member.value for member in formats]
    assert f"<{'|'.join(names)}>" in run(command, "--help").stdout
    refused = run(command, *(["matrix.csv"] if command == "import" else []), option, "pdf")
    listed = ", ".join(names[:-1]) + f" or {names[-1]}"
    assert refused.stderr == f"cse: error: {option}: 'pdf' is not one of {listed}\n"
    assert refused.exit_code == 2
