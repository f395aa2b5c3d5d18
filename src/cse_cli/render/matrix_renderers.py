"""The renderers of the matrix's views, each importing its module only when it is called.

`cse export` (both layouts), `cse import` and `cse import --update`: the
registry in cse_cli.render maps their formats to these, as it maps the others
to its own; they live apart to keep the registry a module of readable size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cse_cli.views.export import ExportView
    from cse_cli.views.imported import ImportView
    from cse_cli.views.self_assessment import SelfAssessmentView
    from cse_cli.views.updated import UpdateView


def export_xlsx(view: ExportView) -> bytes:
    """The matrix as an Excel workbook."""
    from cse_cli.render.export_xlsx import to_xlsx

    return to_xlsx(view)


def self_assessment_xlsx(view: SelfAssessmentView) -> bytes:
    """The certification body's self-assessment workbook."""
    from cse_cli.render.export_self_assessment import to_xlsx

    return to_xlsx(view)


def export_csv(view: ExportView) -> str:
    """The matrix as a CSV file."""
    from cse_cli.render.export_csv import to_csv

    return to_csv(view)


def import_text(view: ImportView) -> str:
    """What `cse import` read and wrote, in words."""
    from cse_cli.render.imported import to_text

    return to_text(view)


def import_json(view: ImportView) -> str:
    """What `cse import` read and wrote, as JSON."""
    from cse_cli.render.imported import to_json

    return to_json(view)


def update_text(view: UpdateView) -> str:
    """`cse import --update`'s closing line."""
    from cse_cli.render.updated import to_text

    return to_text(view)


def update_json(view: UpdateView) -> str:
    """`cse import --update`'s JSON object."""
    from cse_cli.render.updated import to_json

    return to_json(view)
