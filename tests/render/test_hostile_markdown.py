"""Markdown output notifies no one and links nothing the user did not write as a link (§6).

Every string from the evidence or the command line goes through the one
Markdown escaper (cse_cli.render.markdown), in reports and diffs, in table
cells, headings and the `<summary>` of the problems list.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_cli.render.markdown import _escaped, md_html, md_text, md_url
from tests.helpers import ANYTOWN, commit_all, element_yaml, git, init_git, run, write_repo

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


def test_a_diff_in_markdown_has_nothing_live_even_in_its_summary(tmp_path: Path) -> None:
    invalid = element_yaml("1.1.1", final="finale")  # so the base has a problems list
    root = write_repo(init_git(tmp_path / "repo"), {"evidence/1.1.1.yaml": invalid})
    commit_all(root, "x")
    git(root, "branch", "@someone/x")
    (root / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", final="full", evidence='[{title: "#123 :rocket: @team"}]'),
        encoding="utf-8",
        newline="",
    )
    commit_all(root, "y")
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


# terminals: Markdown is printed too, so no escape sequence gets through (issue 18 class 9)

OSC_TITLE = "\x1b]0;pwned\x07"  # sets a terminal's title: ESC ] 0 ; … BEL
YAML_OSC = "\\e]0;pwned\\a"  # the same, as YAML's double-quoted escapes write it
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("text", [OSC_TITLE, "\x9b31m red", "bell\x07", "nul\x00"])
def test_control_characters_are_written_out_never_raw(text: str) -> None:
    for escaped in (md_text(text), md_html(text), md_url(f"https://e.org/{text}")):
        assert not CONTROLS.search(escaped), repr(escaped)
    assert md_text(OSC_TITLE) == "\\\\x1b\\]0;pwned\\\\x07"  # renders as \x1b]0;pwned\x07


def _terminal_safe(markdown: str) -> None:
    assert not CONTROLS.search(markdown), repr(CONTROLS.search(markdown))
    assert "x1b" in markdown  # the ESC is still there to read, written out


def _osc_repo(root: Path) -> Path:
    return write_repo(
        root,
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1",
                final="full",
                evidence=f'[{{title: "{YAML_OSC}", notes: "{YAML_OSC}"}}]',
                notes=f'"{YAML_OSC}"',
            )
        },
        config=f'organisation: "Anytown {YAML_OSC}"\n',
    )


def test_a_report_in_markdown_passes_no_escape_sequence(tmp_path: Path) -> None:
    result = run("report", str(_osc_repo(tmp_path / "repo")), "--format", "md")
    assert result.exit_code == 0, result.stderr
    _terminal_safe(result.stdout)


def test_a_diff_in_markdown_passes_no_escape_sequence(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    git(root, "init", "-q", "-b", "main")
    commit_all(root)
    _osc_repo(root)
    result = run("diff", "HEAD", "--path", str(root), "--format", "md")
    assert result.exit_code == 0, result.stderr
    _terminal_safe(result.stdout)


def test_a_history_in_markdown_passes_no_escape_sequence(tmp_path: Path) -> None:
    root = _osc_repo(tmp_path / "repo")
    (root / "evidence" / "1.1.2.yaml").write_text(
        element_yaml("1.1.2", desk_top="partial"), encoding="utf-8", newline=""
    )
    result = run("history", str(root), "--format", "md")
    assert result.exit_code == 0, result.stderr
    _terminal_safe(result.stdout)


def test_a_surveillance_report_in_markdown_passes_no_escape_sequence(tmp_path: Path) -> None:
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    review = root / "reviews" / "surveillance-1.yaml"
    text = review.read_text(encoding="utf-8").replace(
        "summary: >-", f'summary: "{YAML_OSC}"\nx: >-'
    )
    review.write_text(text.replace("\nx: >-", "\nnotes: >-"), encoding="utf-8", newline="")
    result = run("report", str(root), "--review", "surveillance-1", "--format", "md")
    assert result.exit_code == 0, result.stderr
    _terminal_safe(result.stdout)
