"""The formats each view renders in, as typed values: one enum per view.

The command line's `--format` choices are these enums (cse_cli.cli.options), and
`cse_cli.render` maps each member to its renderer, so a format is named once.
The first member of each is the command's default. This module imports nothing
else of cse, so that building the command line costs no renderer.
"""

from __future__ import annotations

import enum


class Format(str, enum.Enum):
    """A format as the command line writes it: `json`."""

    def __str__(self) -> str:
        """The format's name, the same on every Python (not `CheckFormat.JSON`)."""
        return str(self.value)


class CheckFormat(Format):
    """`cse check`: a table for a screen, JSON, or GitHub Actions annotations."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class GapFormat(Format):
    """`cse gap`, and `cse gap --review`: for a screen, or JSON."""

    TEXT = "text"
    JSON = "json"


class ReportFormat(Format):
    """`cse report`, and `cse report --review`: Markdown, one HTML page, or Word."""

    MD = "md"
    HTML = "html"
    DOCX = "docx"


class DiffFormat(Format):
    """`cse diff`: for a terminal, Markdown for a pull request, or JSON."""

    TEXT = "text"
    MD = "md"
    JSON = "json"


class HistoryFormat(Format):
    """`cse history`: for a screen, JSON, Markdown, or one HTML page with a chart."""

    TEXT = "text"
    JSON = "json"
    MD = "md"
    HTML = "html"


class ImportFormat(Format):
    """`cse import`: what was read and written and the verdict, or JSON."""

    TEXT = "text"
    JSON = "json"


class ExportFormat(Format):
    """`cse export`: an Excel workbook, or CSV."""

    XLSX = "xlsx"
    CSV = "csv"


class ExportLayout(Format):
    """`cse export --layout`: a team's matrix (a row per item), or a self-assessment workbook."""

    MATRIX = "matrix"
    SELF_ASSESSMENT = "self-assessment"


class SelfAssessmentFormat(Format):
    """`cse export --layout self-assessment`: the certification body's workbook, in Excel only."""

    XLSX = "xlsx"


class SchemaKind(Format):
    """`cse schema --kind`: the JSON Schema of element files, of cse.yaml, or of a review file."""

    ELEMENT = "element"
    CONFIG = "config"
    REVIEW = "review"


class PackFormat(Format):
    """The files `cse pack` makes of its manifest: CSV, JSON, and the README page."""

    CSV = "csv"
    JSON = "json"
    HTML = "html"
