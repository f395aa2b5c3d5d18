"""`cse report`: golden files, determinism, escaping, self-containment and the chart.

The golden files tests/golden/bolton.md and tests/golden/bolton.html are the reports
of examples/bolton. When a change to the report is meant, regenerate them with

    CSE_UPDATE_GOLDEN=1 pytest tests/render/test_report.py

and review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cse_cli.core.scoring import ratings_at, score
from cse_cli.core.stages import Stage
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.render import REPORT
from cse_cli.render.formats import ReportFormat
from cse_cli.render.markdown import md_text, md_url
from cse_cli.views.report import build_view
from tests.helpers import ANYTOWN, BOLTON, GOLDEN, PROJECT, run, script, write_repo

HOSTILE = "<script>alert(1)</script> | pipe `tick` *star* [x](http://e.vil)"


def _render(root: Path, output_format: str, stage: str = "latest", **kwargs: object) -> str:
    standard = load_standard()
    evidence = open_repository(root, standard)
    assert [p for p in evidence.problems if p.severity == "error"] == []
    verdict = score(standard, ratings_at(evidence.elements, Stage(stage)), Stage(stage))
    view = build_view(standard, evidence, verdict, **kwargs)  # type: ignore[arg-type]
    text = REPORT[ReportFormat(output_format)](view)
    assert isinstance(text, str)
    return text


# golden files and determinism ----------------------------------------------------


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_bolton_matches_the_golden_file(output_format: str) -> None:
    golden = GOLDEN / f"bolton.{output_format}"
    text = _render(BOLTON, output_format)
    if os.environ.get("CSE_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_the_command_writes_the_same_bytes(output_format: str, tmp_path: Path) -> None:
    out = tmp_path / f"bolton.{output_format}"
    written = run("report", str(BOLTON), "--format", output_format, "-o", str(out))
    printed = run("report", str(BOLTON), "--format", output_format)
    assert (written.exit_code, printed.exit_code) == (0, 0)
    assert written.stderr == f"wrote {out}\n"
    assert out.read_bytes() == printed.stdout.encode("utf-8")
    assert out.read_bytes() == (GOLDEN / f"bolton.{output_format}").read_bytes()


def test_the_installed_command_writes_the_golden_bytes_to_stdout(tmp_path: Path) -> None:
    result = subprocess.run(
        [script("cse"), "report", str(BOLTON), "--format", "html"],
        capture_output=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (GOLDEN / "bolton.html").read_bytes()


def test_no_timestamp_unless_asked() -> None:
    plain = run("report", str(BOLTON), "--format", "md").stdout
    assert "Generated" not in plain
    stamped = _render(
        BOLTON, "md", generated=dt.datetime(2025, 6, 30, 9, 5, tzinfo=dt.timezone.utc)
    )
    assert "| Generated | 2025-06-30 09:05 UTC |" in stamped
    html = run("report", str(BOLTON), "--format", "html", "--timestamp").stdout
    assert re.search(r", generated \d{4}-\d\d-\d\d \d\d:\d\d UTC\. ", html)
    assert ", generated" not in run("report", str(BOLTON), "--format", "html").stdout


def test_bolton_markdown_reads_as_the_analysis_table() -> None:
    md = _render(BOLTON, "md")
    assert md.startswith(
        "# Customer Service Excellence: University of Bolton – Library, Student Services, "
        "Careers and Reception\n"
    )
    assert "| Assessment reference | 14/5167 |" in md
    assert "| Desk-top review | 2015-03-09 |" in md
    assert (
        "| [4 Delivery](#criterion-4) | 13 | 0 | 10 | 3 | 0 | 0 | 3 | 76.9% | ✅ met | Note: "
        "share: 10 of 13 elements (76.9%) at full compliance or compliance plus, below a strict "
        "80%; met, as the partials table the assessor applies allows 3 partials |"
    ) in md
    assert "> **Indicative verdict: not met.** Criterion 5 falls short" in md
    assert "\n### 1.1 Customer Identification\n" in md
    assert (
        "| **1.3.4** We set challenging and stretching targets for customer satisfaction and our "
        "levels are improving. | • Performance standards<br>• 10 years+ of benchmarked survey "
        "data<br>• Targets within SS local plans (Student Services) | Discuss and view targets "
        "for customer satisfaction and performance trends | See assessment report for "
        "development point |  | – | P | P |"
    ) in md
    assert (
        "- **5.3.3** (open; the assessor's point; wording inferred by the transcriber, not the "
        "source's; raised at the final result): Compare timeliness"
    ) in md


# the view model and the chart ------------------------------------------------------


def _repo(root: Path, files: dict[str, str | bytes], config: str = "") -> Path:
    return write_repo(root, files, config='organisation: "Test Council"\n' + config)


def test_view_model_shows_every_column(tmp_path: Path) -> None:
    root = _repo(
        tmp_path / "repo",
        {
            "documents/plan.pdf": "",
            "evidence/1.1.1.yaml": 'element: "1.1.1"\nowner: Head of Library\n'
            "self_assessment: full\ndesk_top: partial\nfinal: compliance-plus\n"
            "verified_on_site: true\nkey_questions: [Ask staff]\nvisit_evidence: Seen\n"
            "evidence:\n  - id: PLAN\n    title: Plan\n    service: Library\n"
            "    date: 2025-01-31\n    path: documents/plan.pdf\n    url: https://example.org/p\n"
            "compliance_plus: Sector-leading\n"
            "development_points:\n  - point: Share it\n    raised: 2025-02-01\n"
            "    status: addressed\n    progress: Shared in May\n",
            "evidence/1.1.2.yaml": 'element: "1.1.2"\nevidence:\n  - ref: PLAN\n',
        },
        config="reference: R-1\nassessor: A. Assessor\ncycle:\n  visit: 2025-03-11\n",
    )
    standard = load_standard()
    evidence = open_repository(root, standard)
    view = build_view(
        standard, evidence, score(standard, ratings_at(evidence.elements, Stage.FINAL), Stage.FINAL)
    )
    assert (view.reference, view.assessor, view.cycle) == (
        "R-1",
        "A. Assessor",
        (("Assessment visit", "2025-03-11"),),
    )
    assert view.stage_words == "the final result, after the visit"
    first = view.criteria[0]
    element = first.sub_criteria[0].elements[0]
    assert (element.id, element.owner, element.verified_on_site) == (
        "1.1.1",
        "Head of Library",
        True,
    )
    assert [i.title for i in element.items] == ["Plan"]
    assert element.items[0].details == "Library, 2025-01-31, file: documents/plan.pdf"
    assert element.items[0].url == "https://example.org/p"
    ratings = (element.self_assessment, element.desk_top, element.final)
    assert [r.abbreviation for r in ratings] == ["F", "P", "CP"]
    cited = first.sub_criteria[0].elements[1]
    assert cited.items == element.items
    assert cited.final.label == "not rated"
    assert first.justifications == (("1.1.1", "Sector-leading"),)
    point = first.development_points[0]
    assert (point.point, point.status, point.raised, point.progress) == (
        "Share it",
        "addressed",
        "2025-02-01",
        "Shared in May",
    )
    assert (first.result.compliance_plus, first.result.unrated, first.to_raise) == (1, 10, 10)


def test_every_inferred_value_says_so_and_an_inferred_title_too(tmp_path: Path) -> None:
    root = _repo(
        tmp_path / "repo",
        {
            "documents/a.pdf": "",
            "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence:\n'
            "  - {title: A, service: Library, date: 2015-03-09, path: documents/a.pdf, owner: JS,"
            " inferred: [service, date, path, owner]}\n"
            "  - {title: B, service: Careers, inferred: [title]}\n"
            "  - {title: C, inferred: [title, service]}\n",  # no service: nothing to mark
        },
    )
    standard = load_standard()
    evidence = open_repository(root, standard)
    assert evidence.problems == []
    view = build_view(standard, evidence, score(standard, {}, Stage.FINAL))
    items = view.criteria[0].sub_criteria[0].elements[0].items
    assert [i.details for i in items] == [
        "Library (service inferred), 2015-03-09 (date inferred), "
        "file: documents/a.pdf (path inferred), owner: JS (owner inferred)",
        "Careers, wording or grouping inferred",
        "wording or grouping inferred",
    ]


# safety: user text is inert in both formats ---------------------------------------


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A repository whose users wrote HTML, Markdown and table syntax everywhere."""
    text = HOSTILE.replace('"', '\\"')
    return _repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": f'element: "1.1.1"\nowner: "{text}"\nfinal: full\n'
            f'visit_evidence: "# Heading\\n- list\\n1. ordered\\n---\\n{text}"\n'
            f'key_questions: ["{text}"]\n'
            f'evidence:\n  - title: "{text}"\n    service: "{text}"\n'
            "    url: \"https://example.org/a)b'onmouseover='alert(1)\"\n"
            f'development_points:\n  - "{text}"\n'
            f'on_site:\n  - title: "{text}"\n    person: "{text}"\n    place: "{text}"\n',
        },
        config=f'assessor: "{text}"\n',
    )


def test_html_escapes_everything_users_write(hostile: Path) -> None:
    html = _render(hostile, "html")
    assert "<script" not in html.lower()
    assert "'onmouseover" not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; | pipe `tick` *star* [x](http://e.vil)"
    # assessor, owner, question, visit, title, service, point; on site: title, person, place
    assert html.count(escaped) >= 9
    assert '<a href="https://example.org/a)b&#39;onmouseover=&#39;alert(1)">' in html


def _cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_tables_survive_what_users_write(hostile: Path) -> None:
    md = _render(hostile, "md")
    assert "<script" not in md.lower()
    row = next(line for line in md.splitlines() if line.startswith("| **1.1.1**"))
    cells = _cells(row)
    assert len(cells) == 8
    assert (
        cells[0]
        .strip()
        .endswith(
            "<br>*Owner:* &lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\`tick\\` \\*star\\* "
            "\\[x\\](http://e.vil)"
        )
    )
    assert (
        cells[1]
        .strip()
        .startswith(
            "• [&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\`tick\\` \\*star\\* \\[x\\]"
            "(http://e.vil)](https://example.org/a%29b%27onmouseover=%27alert%281%29)"
        )
    )
    assert (
        cells[1]
        .strip()
        .endswith(
            "<br>• **On site:** &lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\`tick\\` "
            "\\*star\\* \\[x\\](http://e.vil) (with &lt;script&gt;alert(1)&lt;/script&gt; "
            "\\| pipe \\`tick\\` \\*star\\* \\[x\\](http://e.vil); at "
            "&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\`tick\\` \\*star\\* "
            "\\[x\\](http://e.vil))"
        )
    )
    assert cells[3].strip().startswith("\\# Heading<br>\\- list<br>1\\. ordered<br>\\---<br>")
    for line in md.splitlines():
        if line.startswith("|"):
            assert len(_cells(line)) in {2, 8, 11}, line
    assert "| Assessor | &lt;script&gt;" in md


def test_markdown_renders_user_text_as_text(hostile: Path) -> None:
    """Rendered by a CommonMark parser with GitHub's tables (markdown-it-py, Rich's own)."""
    from markdown_it import MarkdownIt

    html = (
        MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(_render(hostile, "md"))
    )
    assert "<script" not in html
    parser = _Cells()
    parser.feed(html)
    row = next(cells for cells in parser.rows if cells[0].startswith("1.1.1 "))
    assert len(row) == 8
    assert row[0].endswith("Owner: " + HOSTILE)
    on_site = f"• On site: {HOSTILE} (with {HOSTILE}; at {HOSTILE})"
    assert row[1] == "• " + HOSTILE + " (" + HOSTILE + ")\n" + on_site
    assert row[2] == HOSTILE
    assert row[3] == "# Heading\n- list\n1. ordered\n---\n" + HOSTILE
    assert {len(cells) for cells in parser.rows} == {2, 8, 11}
    assert "<li><strong>1.1.1</strong> (open; who wrote it is not recorded): &lt;script&gt;" in html


class _Cells(HTMLParser):
    """The text of every table row's cells, with <br> as a line break."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words, 1.1.1 and 81.8%", "plain words, 1.1.1 and 81.8%"),
        ("a | b", "a \\| b"),
        ("line one\nline two\r\nthree", "line one<br>line two<br>three"),
        ("`code` and ``more``", "\\`code\\` and \\`\\`more\\`\\`"),
        ("# heading", "\\# heading"),
        ("#hashtag", "#hashtag"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("2015. A year", "2015\\. A year"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("<b>bold</b> & &amp;", "&lt;b&gt;bold&lt;/b&gt; & &amp;amp;"),
        ("*star* _under_ ~strike~ [link]", "\\*star\\* \\_under\\_ \\~strike\\~ \\[link\\]"),
        ("back\\slash", "back\\\\slash"),
        ("", ""),
    ],
    ids=[
        "plain", "pipe", "newlines", "backticks", "heading", "hashtag", "dash-list",
        "plus-list", "ordered-list", "rule", "setext", "html-and-entities", "emphasis",
        "backslash", "empty",
    ],
)  # fmt: skip
def test_md_text(text: str, expected: str) -> None:
    assert md_text(text) == expected


def test_md_url_cannot_end_the_link_or_the_cell() -> None:
    assert md_url("https://e.org/a_(b)|c") == "https://e.org/a_%28b%29%7Cc"


# self-contained HTML -----------------------------------------------------------------


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in {"href", "src", "srcset", "action", "data", "poster", "xlink:href"}:
                self.refs.append((tag, name, value or ""))
            if name == "id" and value:
                self.ids.add(value)


def test_html_is_one_self_contained_file() -> None:
    html = _render(BOLTON, "html")
    parser = _Refs()
    parser.feed(html)
    assert not parser.tags & {"link", "script", "img", "iframe", "object", "embed", "base"}
    assert {name for _, name, _ in parser.refs} == {"href"}
    assert {tag for tag, _, _ in parser.refs} == {"a"}
    internal = {value[1:] for _, _, value in parser.refs if value.startswith("#")}
    assert internal <= parser.ids
    assert [value for _, _, value in parser.refs if not value.startswith("#")] == []
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style
    assert "@import" not in style


def test_html_links_only_the_evidence_urls_users_wrote(tmp_path: Path) -> None:
    root = _repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence:\n  - title: Hours\n'
            "    url: https://example.org/hours\n",
        },
    )
    parser = _Refs()
    parser.feed(_render(root, "html"))
    assert [v for _, _, v in parser.refs if not v.startswith("#")] == ["https://example.org/hours"]


def test_html_has_landmarks_headings_and_captions() -> None:
    html = _render(BOLTON, "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">\n')
    for landmark in ("<header>", "<nav ", "<main>", "<footer>"):
        assert html.count(landmark) == 1
    assert html.count("<h1>") == 1
    assert (
        html.count("<table") == html.count("<caption>") == 1 + 15 + 1
    )  # summary, sub-criteria, history
    assert '<th scope="row"><span class="element-id">1.1.1</span>' in html
    assert html.count('<section class="criterion"') == 5
    assert "break-before: page" in html
    assert '<abbr title="Partial Compliance">P</abbr>' in html


# the command ---------------------------------------------------------------------------


def test_format_is_required() -> None:
    result = run("report", str(BOLTON))
    assert result.exit_code == 2
    assert result.stderr == "cse: error: --format is required: choose md, html or docx\n"


def test_invalid_evidence_exits_2(tmp_path: Path) -> None:
    root = _repo(tmp_path / "repo", {"evidence/1.1.1.yaml": 'element: "1.1.1"\nfinale: full\n'})
    result = run("report", str(root), "--format", "html")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "evidence/1.1.1.yaml:2:1: error: unknown key 'finale' (did you mean 'final'?)\n"
    )


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.md"
    result = run("report", str(BOLTON), "--format", "md", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: {target}: cannot write the report: No such file or directory\n"
    )


# colour contrast where axe cannot measure it (text drawn on SVG shapes) ----------------


def _colours() -> dict[str, str]:
    css = (PROJECT / "templates" / "report.css").read_text(encoding="utf-8")
    found = dict(re.findall(r"(--[a-z-]+): (#[0-9a-f]{6})", css))
    return {**found, "white": "#ffffff", "ink": "#111111"}


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("foreground", "background", "minimum"),
    [
        ("white", "--cp", 4.5), ("white", "--full", 4.5), ("ink", "--partial", 4.5),
        ("white", "--nc", 4.5), ("ink", "--unrated", 4.5), ("--text", "white", 4.5),
        ("--text", "--head", 4.5), ("--muted", "--zebra", 4.5), ("--link", "--zebra", 4.5),
        ("--full", "--zebra", 4.5), ("--nc", "--zebra", 4.5), ("--text", "--focus", 4.5),
        ("--rule", "white", 3.0), ("--full", "--partial", 3.0), ("--partial", "--nc", 3.0),
    ],
    ids=str,
)  # fmt: skip
def test_colour_pairs_meet_wcag_contrast(foreground: str, background: str, minimum: float) -> None:
    colours = _colours()
    assert _contrast(colours[foreground], colours[background]) >= minimum


def test_on_site_evidence_is_beside_the_desk_top_evidence_and_planned_by_person() -> None:
    md = _render(ANYTOWN, "md")
    row = next(line for line in md.splitlines() if line.startswith("| **3.2.1**"))
    evidence = _cells(row)[1].strip().split("<br>")
    assert [e.split(" (")[0] for e in evidence] == [
        "• Quality of Information – contact centre evidence for 3.2.1",
        "• Customer feedback summary for 3.2.1",
        "• **On site:** Advisers show how the caller profile screen records each customer group",
        "• **On site:** The reception leaflet rack and the accessible-formats request card",
    ]
    assert evidence[3].endswith("(at Civic Offices reception (place inferred); Contact Centre)")
    plan = md.split("\n## On-site evidence by person and place\n", 1)[1]
    assert re.findall(r"^### (.+)$", plan, re.MULTILINE) == [
        "Benefits officer", "Contact centre team leader", "Library assistant",
        "Residents' panel chair", "No person or role named",
    ]  # fmt: skip
    html = _render(ANYTOWN, "html")
    assert html.count('<li class="on-site"><strong>On site:</strong> ') == 9  # 6 items, 3 refs
    assert '<li><a href="#visit">On-site evidence by person and place</a></li>' in html
    assert "<h4>Civic Offices reception</h4>" in html
    assert "On-site evidence" not in _render(BOLTON, "html")  # none to plan: no section
