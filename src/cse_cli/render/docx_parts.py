"""The pieces of a Word document python-docx has no API for, and its deterministic bytes.

Each is a small piece of WordprocessingML, added where the schema's order
wants it: a repeating table header row, a table's caption, a cell's shading, a
field (the table of contents, the page number), a hyperlink, the document's
language, and a zip whose bytes depend on the content alone.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from cse_cli.io.zipstream import fixed_entry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.section import Section
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

LANGUAGE = "en-GB"
HEADER_FILL = "EEF2F7"  # the HTML report's table headers
BULLET = "ListBullet"  # the style's id: its name is List Bullet
# What XML 1.0 cannot hold at all, though YAML's escapes ("\a", "\x0b") can write it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with each character XML cannot hold shown as U+FFFD, the replacement character."""
    return _NOT_XML.sub("\ufffd", text)


def property_text(text: str) -> str:
    """`text` as a document property can hold it: XML-safe, and cut at 255 characters."""
    return xml_safe(text)[:255]


def add_text(
    paragraph: Paragraph, text: str, *, bold: bool = False, size: float | None = None
) -> Run:
    """Add `text` (from the evidence or not) to `paragraph` as a run; return the run."""
    run = paragraph.add_run(xml_safe(text))
    if bold:
        run.bold = True
    if size is not None:
        run.font.size = Pt(size)
    return run


def _element(tag: str, **attributes: str) -> object:
    """A new WordprocessingML element `w:tag` with `w:` attributes."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def set_language(document: Document, language: str = LANGUAGE) -> None:
    """Make `language` the language of every style (spelling, hyphenation) and of the file."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for lang in [*run_defaults.iter(qn("w:lang")), *styles.iter(qn("w:lang"))]:
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
    settings = document.settings.element
    for theme in settings.iter(qn("w:themeFontLang")):
        theme.set(qn("w:val"), language)
    document.core_properties.language = language


def update_fields_on_open(document: Document) -> None:
    """Ask Word to fill in the fields (the table of contents, page numbers) on opening."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))  # w:updateFields comes just before it
    compat.addprevious(_element("updateFields", val="true"))


def drop_thumbnail(document: Document) -> None:
    """Remove the template's preview picture, which shows another document."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del rels[r_id]


def set_style(paragraph: Paragraph, style_id: str) -> Paragraph:
    """Give `paragraph` the style `style_id` (such as ListBullet), and return it.

    python-docx's own `style =` looks the name up among every style each time.
    """
    paragraph._p.style = style_id  # noqa: SLF001
    return paragraph


def repeat_header(row: _Row) -> None:
    """Repeat `row` at the top of every page the table runs onto, and never split it."""
    properties = row._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx's own XML access
    properties.append(_element("cantSplit"))
    properties.append(_element("tblHeader"))


def caption(table: Table, text: str) -> None:
    """Give `table` a caption, which screen readers announce (w:tblCaption)."""
    table._tbl.tblPr.append(_element("tblCaption", val=text))  # noqa: SLF001


def shade(cell: _Cell, fill: str) -> None:
    """Fill `cell`'s background with the colour `fill` (RRGGBB)."""
    cell._tc.get_or_add_tcPr().append(  # noqa: SLF001
        _element("shd", val="clear", color="auto", fill=fill)
    )


def field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """Add a field (`PAGE`, `NUMPAGES`) to `paragraph`, showing `shown` until it is updated."""
    open_field(paragraph, instruction)
    add_text(paragraph, shown)
    close_field(paragraph)


def open_field(paragraph: Paragraph, instruction: str) -> None:
    """Begin a field whose shown result runs over the paragraphs that follow."""
    paragraph.add_run()._r.append(_element("fldChar", fldCharType="begin"))  # noqa: SLF001
    code = _element("instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")  # type: ignore[attr-defined]
    code.text = f" {instruction} "  # type: ignore[attr-defined]
    paragraph.add_run()._r.append(code)  # noqa: SLF001
    paragraph.add_run()._r.append(_element("fldChar", fldCharType="separate"))  # noqa: SLF001


def close_field(paragraph: Paragraph) -> None:
    """End the field `open_field` began."""
    paragraph.add_run()._r.append(_element("fldChar", fldCharType="end"))  # noqa: SLF001


def hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """Add `text` to `paragraph` as a link to `url`, underlined (not by colour alone)."""
    r_id = _link_id(paragraph.part, url)
    link = _element("hyperlink")
    link.set(qn("r:id"), r_id)  # type: ignore[attr-defined]
    run = add_text(paragraph, text)
    run.font.underline = True
    link.append(run._r)  # type: ignore[attr-defined]  # noqa: SLF001 - moves the run into the link
    paragraph._p.append(link)  # noqa: SLF001


_LINKS: WeakKeyDictionary[object, dict[str, str]] = WeakKeyDictionary()
"""The relationship id of each link url, per document part."""


def _link_id(part: object, url: str) -> str:
    """The relationship id of a link to `url` from `part`, added the first time.

    python-docx's own `relate_to` searches every relationship of the part, and
    numbers a new one by searching them again: for a report of thousands of
    linked items that is quadratic. Ours are kept by url and numbered apart.
    """
    links = _LINKS.setdefault(part, {})
    r_id = links.get(url)
    if r_id is None:
        r_id = links[url] = f"rIdLink{len(links) + 1}"
        part.rels.add_relationship(  # type: ignore[attr-defined]
            RELATIONSHIP_TYPE.HYPERLINK, url, r_id, is_external=True
        )
    return r_id


def landscape(section: Section) -> None:
    """Turn `section` to landscape: its page's width and height swapped."""
    from docx.enum.section import WD_ORIENT

    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width


def margins(section: Section, size: float) -> None:
    """Set all four margins of `section` to `size` centimetres."""
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(size))


def fixed_bytes(document: Document) -> bytes:
    """The document as a .docx whose bytes depend only on its content.

    python-docx dates every zip entry with the time of saving: the entries are
    written again, in the same order, with fixed headers.
    """
    saved = io.BytesIO()
    document.save(saved)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            target.writestr(fixed_entry(entry.filename), source.read(entry))
    return fixed.getvalue()


def table(
    document: Document,
    columns: tuple[tuple[str, float], ...],
    title: str,
    fill: str = HEADER_FILL,
) -> Table:
    """A bordered table with `columns` (name, width in cm), its header row shaded `fill`.

    The header row repeats on every page the table runs onto.
    """
    new: Table = document.add_table(rows=1, cols=len(columns))
    new.style = "Table Grid"
    new.autofit = False
    caption(new, title)
    header = new.rows[0]
    repeat_header(header)
    for cell, (name, width) in zip(header.cells, columns, strict=True):
        bold(cell, name)
        shade(cell, fill)
        cell.width = Cm(width)
    for column, (_, width) in zip(new.columns, columns, strict=True):
        column.width = Cm(width)
    return new


def paragraph(document: Document, text: str) -> Paragraph:
    """A new paragraph at the end of `document` holding `text`."""
    new = document.add_paragraph()
    add_text(new, text)
    return new


def heading(document: Document, text: str, level: int) -> Paragraph:
    """A new heading of `level` (Word's Heading 1, 2 or 3 style) holding `text`."""
    heading: Paragraph = document.add_heading(level=level)
    add_text(heading, text)
    return heading


def facts(document: Document, rows: Sequence[tuple[str, str]], title: str) -> Table:
    """A two-column table of facts, each label in bold beside its value."""
    new = table(document, (("Fact", 5.0), ("Value", 13.0)), title)
    for label, value in rows:
        cells = new_row(new)
        bold(cells[0], label)
        add_text(cells[1].paragraphs[0], value)
    return new


def bullet(document: Document, text: str = "") -> Paragraph:
    """A new bulleted paragraph at the end of `document`, holding `text` (if any)."""
    new = document.add_paragraph()
    if text:
        add_text(new, text)
    return set_style(new, BULLET)


def met_words(met: bool) -> str:
    """Whether a criterion is met, in words and a mark: '✓ Met' or '✗ Not met'."""
    return "✓ Met" if met else "✗ Not met"


def new_row(table: Table) -> list[_Cell]:
    """The cells of a new row at the end of `table`."""
    cells: list[_Cell] = table.add_row().cells  # type: ignore[no-untyped-call]
    return cells


def bold(cell: _Cell, text: str) -> None:
    """Write `text` in bold in `cell`."""
    add_text(cell.paragraphs[0], text, bold=True)


def lines(cell: _Cell, texts: tuple[str, ...] | list[str], style: str | None = None) -> None:
    """One paragraph per line in `cell`."""
    for index, line in enumerate(texts):
        new = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        add_text(new, line)
        if style:
            set_style(new, style)
