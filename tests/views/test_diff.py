"""`cse diff`: what changed between two git revisions, the working tree, or two folders."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree
from cse_cli.render.diff_markdown import escape, to_markdown
from cse_cli.views.diff import compare
from tests.helpers import BOLTON, bolton_repo, commit_all, git, git_state, init_git, run, write_repo


def _raise_to_full(root: Path, *element_ids: str) -> None:
    for element_id in element_ids:
        path = root / "evidence" / f"{element_id}.yaml"
        text = path.read_text(encoding="utf-8")
        assert "\nfinal: partial\n" in text
        path.write_text(
            text.replace("\nfinal: partial\n", "\nfinal: full\n"), encoding="utf-8", newline=""
        )


def _short(root: Path, revision: str = "HEAD") -> str:
    return git(root, "rev-parse", "--short=7", revision).strip()


@pytest.fixture
def bolton(tmp_path: Path) -> Path:
    """A git repository made from the Bolton example, with 4.1.2 and 5.3.1 raised to
    full in the working tree (not committed)."""
    root = bolton_repo(tmp_path / "bolton")
    _raise_to_full(root, "4.1.2", "5.3.1")
    return root


def test_text_shows_both_ratings_and_the_criteria_that_become_met(bolton: Path) -> None:
    result = run("diff", "HEAD", "--path", str(bolton))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"HEAD ({_short(bolton)}) → the working tree, at the latest stage\n"
        "Verdict: not met → met (indicative: the certification body decides)\n"
        "  Criterion 5 Timeliness and Quality of Service: not met → met\n"
        "2 ratings changed.\n"
        "Ratings changed:\n"
        "  4.1.2 final: partial → full\n"
        "  5.3.1 final: partial → full\n"
    )


def test_markdown_puts_the_verdict_first_and_folds_the_details(bolton: Path) -> None:
    result = run("diff", "HEAD", "--path", str(bolton), "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"### Customer Service Excellence: HEAD ({_short(bolton)}) → the working tree\n"
        "\n"
        "**Verdict at the latest stage: ❌ not met → ✅ met** "
        "(indicative: the certification body decides)\n"
        "\n"
        "2 ratings changed.\n"
        "\n"
        "| Criterion | Before | After |\n"
        "|---|---|---|\n"
        "| 5 Timeliness and Quality of Service | ❌ not met | ✅ met |\n"
        "\n"
        "<details>\n"
        "<summary>Ratings changed (2)</summary>\n"
        "\n"
        "| Element | Stage | Before | After |\n"
        "|---|---|---|---|\n"
        "| 4.1.2 | final | partial | full |\n"
        "| 5.3.1 | final | partial | full |\n"
        "\n"
        "</details>\n"
    )


def test_json_has_exactly_the_documented_keys(bolton: Path) -> None:
    result = run("diff", "HEAD", "--path", str(bolton), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {
        "base": f"HEAD ({_short(bolton)})",
        "head": "the working tree",
        "met_before": False,
        "met_after": True,
        "criteria": [
            {"number": 1, "met_before": True, "met_after": True},
            {"number": 2, "met_before": True, "met_after": True},
            {"number": 3, "met_before": True, "met_after": True},
            {"number": 4, "met_before": True, "met_after": True},
            {"number": 5, "met_before": False, "met_after": True},
        ],
        "ratings": [
            {"element": "4.1.2", "stage": "final", "before": "partial", "after": "full"},
            {"element": "5.3.1", "stage": "final", "before": "partial", "after": "full"},
        ],
        "evidence": {"added": [], "removed": [], "changed": []},
        "on_site": {"added": [], "removed": [], "changed": []},
        "development_points": {"opened": [], "addressed": []},
        "elements": {"added": [], "removed": [], "not_compared": []},
        "fields_changed": [],
    }


def test_two_revisions_and_nothing_touched(bolton: Path) -> None:
    commit_all(bolton, "raise 4.1.2 and 5.3.1")
    (bolton / "evidence" / "1.1.1.yaml").write_text(
        "not: [valid", encoding="utf-8", newline=""
    )  # the working tree is not read
    before = git_state(bolton)
    result = run("diff", "HEAD~1", "HEAD", "--path", str(bolton / "evidence"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["met_before"], report["met_after"]) == (False, True)
    assert [r["element"] for r in report["ratings"]] == ["4.1.2", "5.3.1"]
    assert git_state(bolton) == before


def test_nothing_changed(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    result = run("diff", "HEAD", "--path", str(root))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "Verdict: still not met (indicative: the certification body decides)",
        "No change to the evidence.",
    ]


def test_a_revision_with_invalid_evidence_is_reported_not_crashed_on(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    broken = root / "evidence" / "4.1.2.yaml"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("final: partial", "finale: full"), encoding="utf-8", newline="")
    commit_all(root, "a typo")
    broken.write_text(good.replace("final: partial", "final: full"), encoding="utf-8", newline="")
    result = run("diff", "HEAD", "--path", str(root), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["met_before"] is None
    assert report["met_after"] is False  # criterion 5 still fails
    assert [c["met_before"] for c in report["criteria"]] == [None] * 5
    assert report["ratings"] == []  # 4.1.2 could not be read at HEAD: not "added"
    text = run("diff", "HEAD", "--path", str(root)).stdout
    assert f"The evidence of HEAD ({_short(root)}) is invalid (1 error):\n" in text
    assert "  evidence/4.1.2.yaml:5:1: error: unknown key 'finale' (did you mean 'final'?)\n" in (
        text
    )
    assert "Elements not compared because their file has errors:\n  4.1.2\n" in text
    assert "No change to the evidence that could be compared.\n" in text


def test_invalid_evidence_in_the_working_tree_still_exits_0(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    (root / "cse.yaml").write_text("organisation: [unclosed\n", encoding="utf-8", newline="")
    result = run("diff", "HEAD", "--path", str(root), "--format", "md")
    assert result.exit_code == 0
    assert "**Verdict at the latest stage: ❌ not met → ⚠️ invalid**" in result.stdout
    assert "> ⚠️ The evidence of the working tree is invalid (1 error)." in result.stdout
    assert "<summary>Problems of the working tree (1)</summary>" in result.stdout


def test_a_renamed_element_file_is_the_same_element(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    git(root, "mv", "evidence/4.1.2.yaml", "evidence/performance-standards.yaml")
    commit_all(root, "rename")
    report = json.loads(run("diff", "HEAD~1", "HEAD", "--path", str(root), "-f", "json").stdout)
    assert report["ratings"] == []
    assert report["evidence"] == {"added": [], "removed": [], "changed": []}
    assert report["met_before"] is report["met_after"] is False
    renamed = root / "evidence" / "performance-standards.yaml"
    renamed.write_text(
        renamed.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    report = json.loads(run("diff", "HEAD~1", "--path", str(root), "-f", "json").stdout)
    assert report["ratings"] == [
        {"element": "4.1.2", "stage": "final", "before": "partial", "after": "full"}
    ]


def test_a_repository_in_a_subfolder_with_its_own_evidence_dir(tmp_path: Path) -> None:
    top = init_git(tmp_path / "council")
    (top / "README.md").write_text("Not the evidence\n", encoding="utf-8", newline="")
    repo = top / "quality team" / "cse 2025"  # spaces: git's object names hold them
    repo.mkdir(parents=True)
    shutil.copy(BOLTON / "cse.yaml", repo / "cse.yaml")
    with (repo / "cse.yaml").open("a", encoding="utf-8", newline="") as config:
        config.write("evidence_dir: records/elements\n")
    shutil.copytree(BOLTON / "evidence", repo / "records" / "elements")
    commit_all(top)
    element = repo / "records" / "elements" / "5.3.1.yaml"
    element.write_text(
        element.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    # --path anywhere inside the evidence repository: its root is found upward
    for path in (repo, repo / "records" / "elements"):
        report = json.loads(run("diff", "HEAD", "--path", str(path), "-f", "json").stdout)
        assert report["ratings"] == [
            {"element": "5.3.1", "stage": "final", "before": "partial", "after": "full"}
        ]
        assert [c["met_after"] for c in report["criteria"]] == [True, True, True, True, True]


def test_cse_yaml_missing_at_the_base_revision(tmp_path: Path) -> None:
    top = init_git(tmp_path / "repo")
    (top / "README.md").write_text("Evidence to come\n", encoding="utf-8", newline="")
    commit_all(top, "empty")
    shutil.copytree(BOLTON, top, dirs_exist_ok=True)
    commit_all(top, "the evidence")
    result = run("diff", "HEAD~1", "HEAD", "--path", str(top), "-f", "md")
    assert result.exit_code == 0
    assert "> ⚠️ The evidence of HEAD\\~1 (" in result.stdout  # ~ escaped: no strikethrough
    assert "| cse.yaml | 0:0 | cse.yaml is missing |" in result.stdout
    assert "<summary>Elements added (57)</summary>" in result.stdout


def test_a_name_that_is_not_a_revision_is_one_line_and_exit_2(bolton: Path) -> None:
    result = run("diff", "no-such-branch", "--path", str(bolton))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"cse: error: 'no-such-branch' is not a revision of the git repository in "
        f"{bolton.resolve()}: name a branch, a tag or a commit, such as HEAD~1 or main\n"
    )


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    plain = write_repo(tmp_path / "plain", {"evidence/.keep": ""})
    cases = {
        ("HEAD", "--path", str(plain)): f"cse: error: {plain}: not in a git repository "
        "(to compare two folders, use --base-dir and --head-dir)\n",
        ("--path", str(plain)): "cse: error: name one base to compare with: "
        "a git revision (BASE) or a folder (--base-dir)\n",
        ("HEAD", "--base-dir", str(plain)): "cse: error: name one base to compare with: "
        "a git revision (BASE) or a folder (--base-dir)\n",
        ("HEAD~1", "HEAD", "--head-dir", str(plain)): "cse: error: name one "
        "head: a git revision (HEAD) or a folder (--head-dir)\n",
    }
    for args, message in cases.items():
        result = run("diff", *args)
        assert (result.exit_code, result.stderr) == (2, message), args


def test_no_cse_yaml_at_either_side(tmp_path: Path) -> None:
    top = init_git(tmp_path / "repo")
    (top / "README.md").write_text("no evidence here\n", encoding="utf-8", newline="")
    commit_all(top)
    result = run("diff", "HEAD", "--path", str(top))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: no cse.yaml in {top} or any folder above it, in the working tree or at HEAD\n"
    )


def test_two_folders_without_git(tmp_path: Path) -> None:
    base = shutil.copytree(BOLTON, tmp_path / "2015")
    head = shutil.copytree(BOLTON, tmp_path / "2016")
    _raise_to_full(head, "4.1.2")
    result = run("diff", "--base-dir", str(base), "--head-dir", str(head / "evidence"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{base} → {head}, at the latest stage"
    assert "  4.1.2 final: partial → full" in result.stdout.splitlines()


Files = dict[str, str | bytes]


def _compare_folders(tmp_path: Path, before: Files, after: Files, form: str = "json") -> str:
    base = write_repo(tmp_path / "base", before)
    head = write_repo(tmp_path / "head", after)
    result = run("diff", "--base-dir", str(base), "--head-dir", str(head), "-f", form)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_evidence_and_development_points(tmp_path: Path) -> None:
    before: Files = {
        "evidence/1.1.1.yaml": """\
element: "1.1.1"
evidence:
  - {id: A, title: Alpha}
  - title: Beta
  - ref: C
development_points:
  - Still open
  - {point: Closing, status: open}
  - Dropped
""",
        "evidence/1.1.2.yaml": 'element: "1.1.2"\nevidence: [{id: C, title: Gamma}]\n',
    }
    after: Files = {
        "evidence/1.1.1.yaml": """\
element: "1.1.1"
evidence:
  - {id: A, title: Alpha, date: 2025-01-31}
  - title: Delta
development_points:
  - Still open
  - {point: Closing, status: addressed, progress: Done in May}
  - New point
""",
        "evidence/1.1.2.yaml": before["evidence/1.1.2.yaml"],
        "evidence/1.1.3.yaml": 'element: "1.1.3"\nfinal: full\nevidence: [{title: Epsilon}]\n'
        "development_points: [Fresh]\n",
    }
    report = json.loads(_compare_folders(tmp_path, before, after))
    assert report["evidence"] == {
        "added": [
            {"element": "1.1.1", "id": None, "title": "Delta"},
            {"element": "1.1.3", "id": None, "title": "Epsilon"},
        ],
        "removed": [
            {"element": "1.1.1", "id": None, "title": "Beta"},
            {"element": "1.1.1", "id": "C", "title": "Gamma"},
        ],
        "changed": [{"element": "1.1.1", "id": "A", "title": "Alpha"}],
    }
    assert report["development_points"] == {
        "opened": [
            {"element": "1.1.1", "point": "New point", "status": "open"},
            {"element": "1.1.3", "point": "Fresh", "status": "open"},
        ],
        "addressed": [
            {"element": "1.1.1", "point": "Closing", "status": "addressed"},
            {"element": "1.1.1", "point": "Dropped", "status": "removed"},
        ],
    }
    assert report["ratings"] == [
        {"element": "1.1.3", "stage": "final", "before": None, "after": "full"}
    ]


def test_on_site_items_are_compared_apart_from_the_evidence(tmp_path: Path) -> None:
    before: Files = {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence: [{id: A, title: Survey}]\n'
        "on_site:\n  - {id: T, title: Desk, person: Adviser}\n  - title: Board\n"
        "  - title: Library tour\n",
        "evidence/1.1.2.yaml": 'element: "1.1.2"\non_site: [{ref: T}]\n',
    }
    after: Files = {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence: [{id: A, title: Survey}]\n'
        "on_site:\n  - {id: T, title: Desk, person: Manager}\n  - title: Board\n"
        "  - title: Walk the floor\n    place: Contact centre\n",
        "evidence/1.1.2.yaml": 'element: "1.1.2"\non_site: [{ref: T, notes: Ask too}]\n',
    }
    report = json.loads(_compare_folders(tmp_path, before, after))
    assert report["evidence"] == {"added": [], "removed": [], "changed": []}
    assert report["on_site"] == {
        "added": [{"element": "1.1.1", "id": None, "title": "Walk the floor"}],
        "removed": [{"element": "1.1.1", "id": None, "title": "Library tour"}],
        "changed": [
            {"element": "1.1.1", "id": "T", "title": "Desk"},
            {"element": "1.1.2", "id": "T", "title": "Desk"},  # a ref, named by what it cites
        ],
    }
    text = _compare_folders(tmp_path / "text", before, after, "text")
    assert "1 on-site item added, 1 on-site item removed, 2 on-site items changed" in text
    assert "On-site evidence changed" in text
    md = _compare_folders(tmp_path / "md", before, after, "md")
    assert "<summary>On-site evidence added (1)</summary>" in md


def test_a_stage_lists_only_that_stages_ratings(tmp_path: Path) -> None:
    before: Files = {"evidence/1.1.1.yaml": 'element: "1.1.1"\ndesk_top: partial\nfinal: partial\n'}
    after: Files = {"evidence/1.1.1.yaml": 'element: "1.1.1"\ndesk_top: full\nfinal: partial\n'}
    base = write_repo(tmp_path / "base", before)
    head = write_repo(tmp_path / "head", after)
    args = ("diff", "--base-dir", str(base), "--head-dir", str(head), "-f", "json")
    assert [r["stage"] for r in json.loads(run(*args).stdout)["ratings"]] == ["desk-top"]
    assert json.loads(run(*args, "--stage", "final").stdout)["ratings"] == []


def test_markdown_escapes_what_the_evidence_says(tmp_path: Path) -> None:
    title = "A | B <b>bold</b> `code` @team *x* [link](http://x) $y$ #1"
    before: Files = {"evidence/1.1.1.yaml": 'element: "1.1.1"\n'}
    after: Files = {
        "evidence/1.1.1.yaml": f'element: "1.1.1"\nevidence: [{{title: "{title}\\nnext"}}]\n'
    }
    base = write_repo(tmp_path / "base", before)
    head = write_repo(tmp_path / "head", after)
    standard = load_standard()
    diff = compare(
        standard,
        read_evidence(DirTree(base), standard),
        read_evidence(DirTree(head), standard),
        ("base | <i>", "head"),
    )
    markdown = to_markdown(diff)
    assert (
        "| 1.1.1 |  | A \\| B &lt;b&gt;bold&lt;/b&gt; \\`code\\` @&#8203;team \\*x\\* "
        "\\[link\\](http://x) \\$y\\$ #&#8203;1<br>next |"
    ) in markdown
    assert "### Customer Service Excellence: base \\| &lt;i&gt; → head" in markdown
    # every table row keeps its columns: no unescaped | inside a cell
    for line in markdown.splitlines():
        if line.startswith("| 1.1.1"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4


def test_escape_leaves_plain_words_alone() -> None:
    assert escape("Customer Insight 1.1.1 (full)") == "Customer Insight 1.1.1 (full)"


def test_cse_yaml_deleted_in_the_working_tree_is_found_at_the_base(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    (root / "cse.yaml").unlink()
    result = run("diff", "HEAD", "--path", str(root / "evidence"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["met_before"], report["met_after"]) == (False, None)
    assert report["ratings"] == []  # the element files are still there, unchanged
