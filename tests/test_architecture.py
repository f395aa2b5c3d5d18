"""The layers import one way (import-linter), and the command line offers what the renderers do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_args

from cse_cli.cli import options
from cse_cli.render import formats
from tests.helpers import PROJECT


def _lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    linter = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(linter), "--no-cache"],
        cwd=project,
        env={"PYTHONPATH": str(project / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
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
    )
    result = _lint_imports(copy)
    assert result.returncode == 1, result.stdout
    assert "cse_cli.rules.paths -> cse_cli.io.tree" in result.stdout


def test_each_command_offers_exactly_the_formats_rendered() -> None:
    assert get_args(options.CheckFormat) == formats("check")
    assert get_args(options.GapFormat) == formats("gap")
    assert get_args(options.ReportFormat) == formats("report")
    assert get_args(options.ReportFormat) == formats("review")  # report --review: the same --format
    assert get_args(options.DiffFormat) == formats("diff")
    assert get_args(options.ExportFormat) == formats("export")
