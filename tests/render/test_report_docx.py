"""`cse report --format docx`: read back with python-docx, and opened by LibreOffice.

The reading-back tests compare the document with the evidence files and the
standard's data read here directly (plain YAML), not with the report's view.
The tests of how it is delivered (to a file, down a pipe, never to a terminal)
run for the surveillance report's Word form too (`--review surveillance-1`).
The LibreOffice test converts the document to PDF with `soffice --headless`
(Debian's libreoffice-writer-nogui) and reads the PDF with poppler-utils
(pdfinfo, pdftotext, pdftoppm); `.ci/run` installs both. Without them the test
is skipped locally and fails in CI (when CI is set). To look at a page:

    CSE_DOCX_PNG=/tmp/page pytest tests/render/test_report_docx.py -k libreoffice
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.document import Document

from cse_cli.cli.main import main
from tests.helpers import (
    ANYTOWN,
    BOLTON,
    PROJECT,
    pdf_info,
    pdf_text,
    run,
    script,
    to_pdf,
    write_repo,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# How each rating must read in its cell: the abbreviation, then the words.
WRITTEN = {
    "compliance-plus": "CP\nCompliance Plus",
    "full": "F\nFull Compliance",
    "partial": "P\nPartial Compliance",
    "non-compliance": "NC\nNon-compliance",
    None: "–\nNot rated",
}


# The full report and a surveillance report (tests/render/test_review_docx.py) go out alike.
FORMS = {"report": [str(BOLTON)], "review": [str(ANYTOWN), "--review", "surveillance-1"]}


def _standard() -> list[dict[str, object]]:
    data = yaml.safe_load((PROJECT / "standard" / "elements.yaml").read_text(encoding="utf-8"))
    criteria: list[dict[str, object]] = data["criteria"]
    return criteria


def _bolton(element_id: str) -> dict[str, object]:
    text = (BOLTON / "evidence" / f"{element_id}.yaml").read_text(encoding="utf-8")
    loaded: dict[str, object] = yaml.safe_load(text)
    return loaded


def _report(tmp_path: Path, root: Path = BOLTON, *args: str) -> Path:
    out = tmp_path / "report.docx"
    result = run("report", str(root), "--format", "docx", "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n"
    return out


@pytest.fixture(scope="module")
def bolton_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def bolton(bolton_docx: Path) -> Document:
    return docx.Document(str(bolton_docx))


def _headings(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def test_headings_follow_the_standard(bolton: Document) -> None:
    criteria = _standard()
    assert _headings(bolton, "Title") == [
        "University of Bolton – Library, Student Services, Careers and Reception"
    ]
    assert _headings(bolton, "Heading 1") == [
        "Summary",
        *(f"{c['number']}. {c['title']}" for c in criteria),
    ]
    subs = [s for c in criteria for s in c["sub_criteria"]]  # type: ignore[attr-defined]
    assert _headings(bolton, "Heading 2") == [f"{s['id']} {s['title']}" for s in subs]
    with_points = {
        path.stem.split(".")[0]
        for path in (BOLTON / "evidence").glob("*.yaml")
        if _bolton(path.stem).get("development_points")
    }
    assert len(with_points) > 1
    # Bolton has no compliance plus: the repository of the next test but one does.
    assert _headings(bolton, "Heading 3") == ["Development points"] * len(with_points)


def test_every_element_is_there_in_order_with_its_ratings(bolton: Document) -> None:
    analysis = [t for t in bolton.tables if t.rows[0].cells[0].text == "Element"]
    assert len(analysis) == 15
    header = [c.text for c in analysis[0].rows[0].cells]
    assert header == [
        "Element", "Desk-top evidence", "Key questions / person asked", "Visit evidence",
        "VO", "Self", "DTR", "Final",
    ]  # fmt: skip
    rows = [row for table in analysis for row in table.rows[1:]]
    expected = [
        e
        for c in _standard()
        for s in c["sub_criteria"]  # type: ignore[attr-defined]
        for e in s["elements"]
    ]
    assert len(rows) == len(expected) == 57
    for row, element in zip(rows, expected, strict=True):
        cells = [cell.text for cell in row.cells]
        text = " ".join(str(element["text"]).split())
        assert cells[0] == f"{element['id']} {text}"
        evidence = _bolton(str(element["id"]))
        assert cells[4] == ("VO" if evidence.get("verified_on_site") else "")
        for cell, stage in zip(cells[5:], ("self_assessment", "desk_top", "final"), strict=True):
            assert cell == WRITTEN[evidence.get(stage)], (element["id"], stage)  # type: ignore[index]
        items = evidence.get("evidence") or []
        listed = row.cells[1].paragraphs
        assert len(listed) == max(1, len(items))  # type: ignore[arg-type]
        if not items:
            assert cells[1] == "None listed"
        assert cells[3] == (evidence.get("visit_evidence") or "")


def test_summary_and_points_match_the_check(bolton: Document) -> None:
    summary = next(t for t in bolton.tables if t.rows[0].cells[0].text == "Criterion")
    results = [row.cells[9].text for row in summary.rows[1:]]
    assert results == ["✓ Met", "✓ Met", "✓ Met", "✓ Met", "✗ Not met"]
    text = "\n".join(p.text for p in bolton.paragraphs)
    points = [
        point
        for path in sorted((BOLTON / "evidence").glob("*.yaml"))
        for point in _bolton(path.stem).get("development_points") or []  # type: ignore[attr-defined]
    ]
    assert points
    for point in points:
        words = point if isinstance(point, str) else point["point"]
        assert " ".join(words.split()) in " ".join(text.split())


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(part).decode("utf-8")


def test_a_document_people_can_work_in(bolton_docx: Path, bolton: Document) -> None:
    styles = _xml(bolton_docx, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles)
    assert defaults is not None
    assert '<w:lang w:val="en-GB"' in defaults.group()
    assert "en-US" not in styles
    body = bolton.element.body
    for table in body.iter(f"{W}tbl"):
        first_row = table.find(f"{W}tr")
        assert first_row is not None
        assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
        assert table.find(f"{W}tblPr/{W}tblCaption") is not None
    orientations = [str(s.orientation) for s in bolton.sections]
    assert orientations == ["PORTRAIT (0)", "LANDSCAPE (1)"]
    landscape = bolton.sections[1]
    assert landscape.page_width is not None
    assert landscape.page_height is not None
    assert landscape.page_width > landscape.page_height
    document = _xml(bolton_docx, "word/document.xml")
    assert 'TOC \\o "1-2" \\h \\z \\u' in document
    assert "<w:updateFields" in _xml(bolton_docx, "word/settings.xml")
    properties = bolton.core_properties
    assert properties.title == (
        "Customer Service Excellence: University of Bolton – Library, Student Services, "
        "Careers and Reception"
    )
    assert properties.language == "en-GB"
    assert properties.subject == "Assessment analysis at the latest stage rated for each element"


def test_the_same_evidence_gives_the_same_bytes(tmp_path: Path, bolton_docx: Path) -> None:
    again = _report(tmp_path)
    assert again.read_bytes() == bolton_docx.read_bytes()
    with zipfile.ZipFile(again) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode("utf-8")
        assert "thumbnail" not in " ".join(package.namelist())
    assert "dcterms:created" not in core
    assert "dcterms:modified" not in core


def test_text_xml_cannot_hold_is_replaced_not_a_crash(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": (
                'element: "1.1.1"\nfinal: compliance-plus\n'
                "compliance_plus: Goes beyond <b>the</b> standard \\a\n"
                'visit_evidence: "bell \\a, tab \\t, \\x0b end"\n'
                "evidence:\n"
                '  - title: "<w:t>]]></w:t> & \\x1b[31m"\n'
                "    url: https://example.com/a?b=1&c=2\n"
            ),
        },
        config=f'organisation: "{"A very long council name " * 12}<&>"\n',
    )
    document = docx.Document(str(_report(tmp_path, root)))
    row = next(t for t in document.tables if t.rows[0].cells[0].text == "Element").rows[1]
    assert row.cells[1].text == "<w:t>]]></w:t> & \ufffd[31m"
    assert row.cells[3].text == "bell \ufffd, tab \t, \ufffd end"
    assert row.cells[7].text == WRITTEN["compliance-plus"]
    assert len(document.core_properties.title) == 255
    headings = [p.text for p in document.paragraphs if "Heading" in str(p.style and p.style.name)]
    assert headings.index("Compliance plus") == headings.index("1.3 Customer Satisfaction") + 1
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("Compliance plus") + 1] == "1.1.1: Goes beyond <b>the</b> standard \\a"


def test_a_long_cell_lists_fifty_then_counts_the_rest(tmp_path: Path) -> None:
    # 60 linked items and 60 key questions: a cell lists 50 and says how many more
    items = "".join(f"  - title: Item {n}\n    url: https://example.org/{n}\n" for n in range(60))
    questions = "".join(f"  - Question {n}\n" for n in range(60))
    root = write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.yaml": f'element: "1.1.1"\nevidence:\n{items}key_questions:\n{questions}'},
    )
    document = docx.Document(str(_report(tmp_path, root)))
    row = next(t for t in document.tables if t.rows[0].cells[0].text == "Element").rows[1]
    listed = [p.text for p in row.cells[1].paragraphs]
    assert listed == [
        *(f"Item {n}" for n in range(50)),
        "and 10 more evidence items: the HTML report lists every one",
    ]
    asked = [p.text for p in row.cells[2].paragraphs]
    assert asked[50:] == ["and 10 more key questions: the HTML report lists every one"]
    assert asked[:50] == [f"Question {n}" for n in range(50)]
    # one relationship to each link listed, each with an id of its own
    rels = _xml(tmp_path / "report.docx", "word/_rels/document.xml.rels")
    assert rels.count("https://example.org/") == 50
    assert len(set(re.findall(r'Id="([^"]+)"', rels))) == len(re.findall(r'Id="', rels))


def test_on_site_items_follow_the_desk_top_ones_and_are_planned_by_person(
    tmp_path: Path,
) -> None:
    # 60 on-site items after one desk-top item: the cell lists 50 of them, then a count
    on_site = "".join(
        f"  - title: Seen {n}\n    person: Adviser {n % 2}\n    place: Desk\n" for n in range(60)
    )
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": (
                f'element: "1.1.1"\nevidence:\n  - title: Plan\non_site:\n{on_site}'
            )
        },
    )
    document = docx.Document(str(_report(tmp_path, root)))
    row = next(t for t in document.tables if t.rows[0].cells[0].text == "Element").rows[1]
    listed = [p.text for p in row.cells[1].paragraphs]
    assert listed == [
        "Plan",
        *(f"On site: Seen {n} (with Adviser {n % 2}; at Desk)" for n in range(50)),
        "and 10 more on-site items: the HTML report lists every one",
    ]
    texts = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    start = texts.index(("Heading 1", "On-site evidence by person and place"))
    assert [t for t in texts[start:] if t[0].startswith("Heading")] == [
        ("Heading 1", "On-site evidence by person and place"),
        ("Heading 2", "Adviser 0"), ("Heading 3", "Desk"),
        ("Heading 2", "Adviser 1"), ("Heading 3", "Desk"),
    ]  # fmt: skip
    bullets = [text for _, text in texts[start:] if text.startswith("Seen ")]
    assert bullets[:2] == ["Seen 0 (for 1.1.1)", "Seen 2 (for 1.1.1)"]
    assert len(bullets) == 60  # 30 for each person: within the 50 a place lists


@pytest.mark.parametrize("form", list(FORMS))
def test_without_output_it_goes_down_a_pipe(tmp_path: Path, form: str) -> None:
    root, *args = FORMS[form]
    command = [script("cse"), "report", root, *args]
    piped = subprocess.run([*command, "--format", "docx"], capture_output=True, check=False)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == _report(tmp_path, Path(root), *args).read_bytes()


@pytest.mark.office
def test_libreoffice_opens_it(tmp_path: Path, bolton_docx: Path) -> None:
    pdf = to_pdf(bolton_docx, tmp_path)
    info = pdf_info(pdf, 3)
    assert "Title:           Customer Service Excellence: University of Bolton" in info
    sizes = re.findall(r"Page +(\d) size: +([\d.]+) x ([\d.]+) pts \(A4\)", info)
    assert [(page, float(w) < float(h)) for page, w, h in sizes] == [
        ("1", True), ("2", False), ("3", False)
    ]  # fmt: skip
    text = pdf_text(pdf)
    for element in ("1.1.1", "3.4.3", "5.3.3"):
        assert element in text
    assert "Partial" in text
    assert "Compliance Plus" in text
    keep = os.environ.get("CSE_DOCX_PNG")
    png = Path(keep) if keep else tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "3", "-l", "3", "-singlefile", str(pdf), str(png)],
        check=True,
    )
    assert png.with_suffix(".png").stat().st_size > 10_000


@pytest.mark.office
def test_libreoffice_shows_the_on_site_evidence_and_its_plan(tmp_path: Path) -> None:
    text = " ".join(pdf_text(to_pdf(_report(tmp_path, ANYTOWN), tmp_path)).split())
    assert "On site: Advisers show how the caller profile screen records each customer" in text
    assert "On-site evidence by person and place" in text
    assert "Contact centre team leader" in text


@pytest.mark.parametrize("form", list(FORMS))
def test_without_output_a_text_stream_is_refused_too(form: str) -> None:
    result = run("report", *FORMS[form], "--format", "docx")  # stdout: a StringIO
    assert result.exit_code == 2
    assert result.stderr == "cse: error: the report is a binary file: write it with -o FILE\n"
    assert result.stdout == ""


@pytest.mark.parametrize("form", list(FORMS))
def test_it_is_never_printed_on_a_terminal(monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    with contextlib.redirect_stderr(io.StringIO()) as stderr:
        code = main(["report", *FORMS[form], "--format", "docx"])
    assert code == 2
    assert stderr.getvalue() == "cse: error: the report is a binary file: write it with -o FILE\n"
    assert terminal.getvalue() == ""
