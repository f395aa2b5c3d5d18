"""The frame every Word document of cse shares: its page, properties, footer and contents.

`new_document` gives an A4 document in en-GB whose properties say what it is
and carry no date, with the page numbered in the footer; `contents` adds the
table of contents field; `more` counts what a list leaves out past `LISTED`;
`colophon` ends it. Both Word documents (the full report and the surveillance
report) are built on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import docx
from docx.shared import Cm, Pt

from cse_cli.render import docx_parts as parts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

AUTHOR = "cse report"
CATEGORY = "Customer Service Excellence"
CONTENTS = 'TOC \\o "1-2" \\h \\z \\u'  # headings 1 and 2, as links, page numbers hidden on screen
LISTED = 50
"""The most items of one list a Word document shows (evidence items or key questions in a
cell, documents requested, development points, sessions of a plan, people or issues of a
session): past it, it counts the rest. A table row longer than a page cannot be read, and
python-docx takes seconds per thousand rows; the HTML and Markdown forms list every one."""


def new_document(
    *, title: str, subject: str, keywords: str, comments: str | None, footer: str
) -> Document:
    """A new A4 document in en-GB with these properties, its pages numbered after `footer`.

    It carries no creation or modification date, so that no run dates the file.
    """
    document = docx.Document()
    parts.set_language(document)
    parts.update_fields_on_open(document)
    parts.drop_thumbnail(document)
    properties = document.core_properties
    properties.title = parts.property_text(title)
    properties.subject = parts.property_text(subject)
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.keywords = keywords
    if comments is not None:
        properties.comments = parts.property_text(comments)
    properties.category = CATEGORY
    properties.revision = 1
    _undated(document)
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    parts.margins(section, 1.5)
    paragraph = section.footer.paragraphs[0]
    parts.add_text(paragraph, f"{footer} Page ")
    parts.field(paragraph, "PAGE", "1")
    parts.add_text(paragraph, " of ")
    parts.field(paragraph, "NUMPAGES", "1")
    return document


def _undated(document: Document) -> None:
    """Leave out the template's creation and modification dates."""
    element = document.core_properties._element  # noqa: SLF001 - no API removes them
    for tag in ("created", "modified"):
        for child in element.findall(f"{{http://purl.org/dc/terms/}}{tag}"):
            element.remove(child)


def contents(document: Document, entries: Sequence[tuple[str, int]]) -> None:
    """The table of contents field, showing `entries` (heading, level 1 or 2) until updated.

    Word fills the field in, with page numbers, on opening; until then (and in
    a reader that does not update fields) it shows the headings alone.
    """
    heading = document.add_paragraph("Contents", style="TOC Heading")
    heading.paragraph_format.space_before = Pt(18)
    first: Paragraph | None = None
    last: Paragraph | None = None
    for text, level in entries:
        if first is None:
            first = last = document.add_paragraph()
            parts.open_field(first, CONTENTS)
            parts.add_text(first, text)
        else:
            last = parts.paragraph(document, text)
        if level > 1:
            last.paragraph_format.left_indent = Cm(0.75)
            last.paragraph_format.space_after = Pt(2)
    if last is not None:
        parts.close_field(last)


def more(container: Document | _Cell, listed: int, what: str) -> None:
    """Past LISTED, a line saying how many more `what` there are, and where they all are."""
    if listed > LISTED:
        words = f"and {listed - LISTED:,} more {what}: the HTML report lists every one"
        parts.add_text(container.add_paragraph(), words).italic = True


def colophon(document: Document, text: str) -> Paragraph:
    """The closing paragraph: what produced the document, set apart from what comes before."""
    paragraph = parts.paragraph(document, text)
    paragraph.paragraph_format.space_before = Pt(12)
    return paragraph
