"""A built wheel, installed into a fresh virtual environment, finds the standard and templates.

The wheel is built from this checkout without network (hatchling is a test
dependency), installed with --no-deps into a new venv whose dependencies come
from the running environment through a .pth line, and run from another folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.helpers import BOLTON, PROJECT, Venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh venv with the wheel of this checkout installed."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(
        PROJECT, source,
        ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "*.egg-info", "dist"),
    )  # fmt: skip
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(work / "dist"), str(source)],
        capture_output=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next((work / "dist").glob("cse_cli-*.whl"))
    venv.create(work / "env", with_pip=False)
    env = Venv.at(work / "env")
    site = env.site
    (site / "deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8", newline=""
    )
    unpacked = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert unpacked.returncode == 0, unpacked.stderr
    return env


def _python(installed: Venv) -> str:
    return str(installed.python)


def test_wheel_carries_the_standard_and_templates(installed: Venv, tmp_path: Path) -> None:
    probe = (
        "import cse_cli, cse_cli.io.resources as s;"
        "print(cse_cli.__file__); print(s.resource('standard')); print(s.resource('templates'))"
    )
    result = subprocess.run(
        [_python(installed), "-c", probe], capture_output=True, encoding="utf-8", cwd=tmp_path,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    module, standard, templates = map(Path, result.stdout.splitlines())
    # resolved: Windows may spell one folder two ways (RUNNER~1 is runneradmin, in short)
    site = installed.site.resolve()
    assert module.resolve().is_relative_to(site)
    assert standard.resolve().is_relative_to(site)
    assert templates.resolve().is_relative_to(site)
    assert (standard / "elements.yaml").is_file()


def test_wheel_checks_bolton_from_another_folder(installed: Venv, tmp_path: Path) -> None:
    copy = tmp_path / "bolton"
    shutil.copytree(BOLTON, copy)
    result = subprocess.run(
        [_python(installed), "-m", "cse_cli", "check", str(copy), "--format", "json"],
        capture_output=True, encoding="utf-8", cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert [c["met"] for c in json.loads(result.stdout)["criteria"]] == [
        True, True, True, True, False,
    ]  # fmt: skip


def test_wheel_init_writes_the_wording(installed: Venv, tmp_path: Path) -> None:
    result = subprocess.run(
        [_python(installed), "-m", "cse_cli", "init", "fresh"],
        capture_output=True, encoding="utf-8", cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "fresh" / "evidence" / "4.3.2.yaml").read_text(encoding="utf-8")
    assert "within a reasonable time limit." in text


def test_wheel_carries_the_editors_pages_and_gov_uk_frontend(installed: Venv) -> None:
    probe = (
        "import cse_cli.serve.templating as t; files = t.static_files();"
        "print(sorted(files)); print(t.environment().list_templates())"
    )
    result = subprocess.run(
        [_python(installed), "-c", probe], capture_output=True, encoding="utf-8", check=False
    )
    assert result.returncode == 0, result.stderr
    static, templates = result.stdout.splitlines()
    assert "govuk-frontend.min.css" in static
    assert "govuk-frontend.min.js" in static
    assert "overview.html.j2" in templates
    licence = installed.site / "cse_cli" / "serve" / "static" / "govuk" / "LICENSE"
    assert "Crown Copyright (Government Digital Service)" in licence.read_text(encoding="utf-8")
