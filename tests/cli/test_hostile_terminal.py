"""Text output that evidence cannot forge: no value starts a line or reverses the text (§6).

A service, title, owner, point, organisation or file name holding a line break
or a bidirectional control is printed escaped (`\\n`, `\\u202e`) in every text
output: problems on stderr, the check table, gap lists and diff lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cse_cli.core.text import inert
from tests.helpers import BOLTON, element_yaml, run, write_repo

FORGED = "\\nevidence/9.9.9.yaml:1:1: error: forged\\u202etxt.exe"  # as YAML escapes
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_inert_escapes_every_line_break_and_direction_control() -> None:
    for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x1b\x7f" + BIDI:
        assert len(inert(f"a{ch}b").splitlines()) == 1
        assert ch not in inert(f"a{ch}b")
    assert inert("plain – words, 1.1.1 “quoted”") == "plain – words, 1.1.1 “quoted”"


def _only_our_lines(output: str) -> None:
    for line in output.splitlines():
        assert not line.lstrip().startswith("evidence/9.9.9.yaml"), output
    assert not any(ch in output for ch in BIDI), output


@pytest.fixture
def forged(tmp_path: Path) -> Path:
    return write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1",
                owner=f'"{FORGED}"',
                final="partial",
                evidence=(
                    f'[{{title: "{FORGED}", service: "Other", date: 2020-01-01}},'
                    f' {{title: "x", path: "documents/{FORGED}"}}]'
                ),
                development_points=f'["{FORGED}"]',
            ),
        },
        config=f'organisation: "{FORGED}"\nservices: ["{FORGED}"]\n',
    )


@pytest.mark.parametrize(
    "args",
    [["check"], ["gap"], ["gap", "--owner", "x\ny"]],
    ids=["check", "gap", "gap-owner"],
)
def test_no_forged_line_in_text_output(forged: Path, args: list[str]) -> None:
    result = run(args[0], str(forged), *args[1:])
    assert "Traceback" not in result.output
    _only_our_lines(result.stdout)
    _only_our_lines(result.stderr)


def test_no_forged_line_in_problems(forged: Path) -> None:
    result = run("check", str(forged))
    assert result.exit_code == 2
    assert "is not one of cse.yaml's services" in result.stderr
    _only_our_lines(result.stderr)


def test_no_forged_line_in_a_diff(forged: Path, tmp_path: Path) -> None:
    valid = write_repo(
        tmp_path / "valid",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1", final="full", evidence=f'[{{title: "{FORGED}"}}]', owner=f'"{FORGED}"'
            )
        },
        config=f'organisation: "{FORGED}"\n',
    )
    for base, head in [(BOLTON, valid), (valid, forged)]:
        result = run("diff", "--base-dir", str(base), "--head-dir", str(head))
        assert "Traceback" not in result.output
        _only_our_lines(result.stdout)
