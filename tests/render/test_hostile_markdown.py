"""Markdown output notifies no one and links nothing the user did not write as a link (§6).

Every string from the evidence or the command line goes through the one
Markdown escaper (cse_cli.render.markdown), in reports and diffs, in table
cells, headings and the `<summary>` of the problems list.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_cli.render.markdown import _escaped, md_html, md_text
from tests.helpers import element_yaml, run, write_repo

LIVE = {
    "mention": "@someone",
    "team": "@org/team",
    "reference": "#123",
    "gh-reference": "GH-42",
    "emoji": ":rocket:",
}
# What GitHub would act on, in the text a reader gets once entities are decoded.
GITHUB = re.compile(r"(?<![\w@])@[\w-]|(?<!\w)(?:#|GH-)\d|:[\w+-]+:")


def _decoded(markdown: str) -> str:
    return markdown.replace("&#8203;", "\u200b").replace("\\", "")


@pytest.mark.parametrize("text", LIVE.values(), ids=LIVE.keys())
def test_md_text_and_md_html_break_what_github_acts_on(text: str) -> None:
    for escaped in (md_text(f"see {text} now"), md_html(f"see {text} now")):
        assert not GITHUB.search(_decoded(escaped)), escaped
        assert _decoded(escaped).replace("\u200b", "") == f"see {text} now"


def test_plain_text_and_addresses_are_left_alone() -> None:
    assert md_text("mail library@bolton.ac.uk at 10:30") == "mail library@bolton.ac.uk at 10:30"
    assert md_text("issue#1 and a:b") == "issue#1 and a:b"


def test_a_report_in_markdown_has_nothing_live(tmp_path: Path) -> None:
    hostile = " ".join(LIVE.values())
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1",
                owner=f'"{hostile}"',
                final="full",
                evidence=f'[{{title: "{hostile}", service: "{hostile}"}}]',
                notes=f'"{hostile}"',
            )
        },
        config=f'organisation: "{hostile}"\nassessor: "{hostile}"\n',
    )
    result = run("report", str(root), "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("@&#8203;someone") >= 3
    assert not GITHUB.search(_decoded(result.stdout))


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_a_diff_in_markdown_has_nothing_live_even_in_its_summary(tmp_path: Path) -> None:
    invalid = element_yaml("1.1.1", final="finale")  # so the base has a problems list
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": invalid})
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@e.org", "add", "-A")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-qm", "x")
    _git(root, "branch", "@someone/x")
    (root / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", final="full", evidence='[{title: "#123 :rocket: @team"}]')
    )
    _git(root, "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-qam", "y")
    result = run("diff", "@someone/x", "main", "--path", str(root), "--format", "md")
    assert "<summary>Problems of @&#8203;someone/x (" in result.stdout
    assert not GITHUB.search(_decoded(result.stdout)), result.stdout


@given(st.text(st.sampled_from(list("aZ9 -+=#@:_*|<>&;\n\r\t\xa0\u2003GH1.)")) | st.characters()))
def test_plain_text_passes_as_the_whole_escaper_would_leave_it(text: str) -> None:
    # md_text returns text that needs no escape as it is: only when the whole
    # escaper would have left it so
    assert md_text(text) == _escaped(text)


@pytest.mark.parametrize("text", ["a", "Survey results 2025", "Library", "Ask staff why"])
def test_plain_text_is_its_own_markdown(text: str) -> None:
    assert md_text(text) == text
