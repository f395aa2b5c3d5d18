"""`cse check` and `cse init` through the command line, in-process and as a real program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.cli.main import main
from tests.helpers import BOLTON, element_yaml, run, script, snapshot, utf8_streams, write_repo


def test_check_json_is_the_contract(repo: Path) -> None:
    (repo / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", final="full"), encoding="utf-8", newline=""
    )
    result = run("check", str(repo), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert list(report) == ["organisation", "stage", "met", "criteria", "problems"]
    assert report["organisation"] == "Test Council"
    assert report["stage"] == "latest"
    assert report["met"] is False
    first = report["criteria"][0]
    assert list(first) == [
        "number", "title", "elements", "compliance_plus", "full", "partial",
        "non_compliance", "unrated", "max_partials", "compliant_share", "met", "reasons",
        "notes",
    ]  # fmt: skip
    assert (first["number"], first["title"], first["elements"]) == (1, "Customer Insight", 11)
    assert (first["full"], first["unrated"], first["compliant_share"]) == (1, 10, 0.091)
    assert result.stderr == ""


def test_check_json_on_invalid_evidence_has_null_met(repo: Path) -> None:
    (repo / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", finale="full"), encoding="utf-8", newline=""
    )
    result = run("check", str(repo), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["met"] is None
    assert {c["met"] for c in report["criteria"]} == {None}
    assert report["problems"] == [
        {
            "file": "evidence/1.1.1.yaml",
            "line": 2,
            "column": 1,
            "severity": "error",
            "message": "unknown key 'finale' (did you mean 'final'?)",
        }
    ]


def test_check_met_exits_zero(tmp_path: Path) -> None:
    from cse_cli.io.resources import load_standard

    files = {
        f"evidence/{element_id}.yaml": element_yaml(element_id, final="F")
        for element_id in load_standard().element_ids()
    }
    root = write_repo(tmp_path / "all-full", files)
    result = run("check", str(root))
    assert result.exit_code == 0
    assert "Met: every criterion meets the standard's rules" in result.stdout
    assert "indicative" in result.stdout


def test_check_text_says_why() -> None:
    result = run("check", str(BOLTON), "--stage", "final")
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert "Criterion 4 met, note: share: 10 of 13 elements (76.9%)" in text
    assert "Criterion 5 not met: partials: 3 partial compliances (5.3.1, 5.3.2, 5.3.3)" in text
    assert "Not met: criterion 5 falls short" in text


def test_check_finds_the_root_from_a_subfolder() -> None:
    result = run("check", str(BOLTON / "evidence"), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["organisation"].startswith("University of Bolton")


def test_check_without_repository(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: no cse.yaml in {tmp_path} or any folder above it: "
        "run `cse init` to start an evidence repository\n"
    )


def test_check_bad_stage_is_a_usage_error(repo: Path) -> None:
    result = run("check", str(repo), "--stage", "visit")
    assert result.exit_code == 2
    assert (
        "cse: error: --stage: 'visit' is not one of self, desk-top, final, surveillance-1, "
        "surveillance-2 or latest" in result.stderr
    )


def test_rules_override_in_cse_yaml(tmp_path: Path) -> None:
    from cse_cli.io.resources import load_standard

    ids = load_standard().element_ids()
    files = {f"evidence/{i}.yaml": element_yaml(i, final="full") for i in ids}
    files["evidence/5.3.3.yaml"] = element_yaml("5.3.3", final="partial")
    strict = "organisation: Test\nrules:\n  min_compliant_share: 0.95\n"
    root = write_repo(tmp_path / "strict", files, config=strict)
    report = json.loads(run("check", str(root), "--format", "json").stdout)
    assert report["criteria"][4]["met"] is False
    assert report["criteria"][4]["reasons"][0].endswith("below the minimum of 95%")


def test_init_creates_every_file_and_checks_unrated(tmp_path: Path) -> None:
    root = tmp_path / "new"
    result = run("init", str(root), "--organisation", "Anytown Council")
    assert result.exit_code == 0
    assert len(list((root / "evidence").glob("*.yaml"))) == 57
    assert 'organisation: "Anytown Council"' in (root / "cse.yaml").read_text(encoding="utf-8")
    first = (root / "evidence" / "1.1.1.yaml").read_text(encoding="utf-8")
    assert first.splitlines()[1] == "# 1.1.1 · Customer Insight › 1.1 Customer Identification"
    assert "# We have an in-depth understanding of the characteristics" in first
    check = run("check", str(root), "--format", "json")
    assert check.exit_code == 1
    report = json.loads(check.stdout)
    assert report["problems"] == []
    assert sum(c["unrated"] for c in report["criteria"]) == 57


def test_init_never_overwrites_and_adds_only_what_is_missing(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    run("init", str(root))
    edited = root / "evidence" / "1.1.1.yaml"
    edited.write_text(element_yaml("1.1.1", final="full"), encoding="utf-8", newline="")
    (root / "evidence" / "5.3.3.yaml").unlink()
    (root / "cse.yaml").write_text("organisation: Mine\n", encoding="utf-8", newline="")
    before = snapshot(root)
    result = run("init", str(root), "--organisation", "Other")
    assert result.exit_code == 0
    assert result.stdout == "created evidence/5.3.3.yaml\nkept 60 existing file(s) unchanged\n"
    after = snapshot(root)
    assert {k: v for k, v in after.items() if k != "evidence/5.3.3.yaml"} == before
    assert run("init", str(root)).stdout.endswith("already has every file\n")


def test_init_uses_an_existing_evidence_dir(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {}, config="organisation: X\nevidence_dir: cse/elements\n")
    assert run("init", str(root)).exit_code == 0
    assert len(list((root / "cse" / "elements").glob("*.yaml"))) == 57


def test_init_refuses_an_evidence_dir_outside(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {}, config="organisation: X\nevidence_dir: ../out\n")
    result = run("init", str(root))
    assert result.exit_code == 2
    assert "evidence_dir '../out' is not a folder inside the repository" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_bug_exits_3_with_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("cse_cli.core.scoring.score", broken)
    assert main(["check", str(BOLTON)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "RuntimeError: boom" in err
    assert "internal error (a bug)" in err


@pytest.mark.parametrize("command", [["cse"], [sys.executable, "-m", "cse_cli"]])
def test_real_program(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    if command == ["cse"]:
        command = [script("cse")]  # the installed program (cse.exe on Windows)
    result = subprocess.run(
        [*command, "check", str(BOLTON), "--format", "json"],
        capture_output=True, encoding="utf-8", cwd=tmp_path, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["met"] is False


@pytest.mark.parametrize(
    ("args", "lean"),
    [
        # the command CI runs on every push: no table, no template
        (
            ["check", str(BOLTON), "--format", "json"],
            ("rich", "jinja2", "openpyxl", "docx", "starlette", "uvicorn", "python_multipart"),
        ),
        (["check", str(BOLTON), "--format", "github"], ("rich", "jinja2", "starlette", "uvicorn")),
        # only what reading a repository with no mistake needs
        (["check", str(BOLTON), "-f", "json"], ("unicodedata",)),
        (
            ["report", str(BOLTON), "--format", "html", "-o", "{out}"],
            ("rich", "unicodedata"),
        ),
    ],
    ids=["check-json", "check-github", "check-no-mistakes", "report-html"],
)
def test_a_command_imports_only_what_it_uses(
    args: list[str], lean: tuple[str, ...], tmp_path: Path
) -> None:
    argv = [arg.format(out=tmp_path / "report.html") for arg in args]
    probe = (
        "import sys\n"
        "from cse_cli.cli.main import main\n"
        f"sys.argv = ['cse', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {lean!r} if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        encoding="utf-8",
        env=utf8_streams(),
        check=False,
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"
