"""Documents uploaded with a form: written into documents/ at once, and chosen in their field.

A form's field that chooses a document (`path:`) has a file input beside it,
named after the field with `.upload`. Whatever button is pressed, each file
chosen is written first, as the Documents page writes an upload (a safe name,
never over an existing document, atomically), and its path goes into the field,
so that a form shown again never asks for the file a second time. A file that
cannot be written is an error at its field, and the form is not saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.serve.documents import exists, safe_name, write_document
from cse_cli.serve.placing import id_of
from cse_cli.serve.state import DOCUMENTS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.serve.bodies import Upload
    from cse_cli.serve.editor import Editor
    from cse_cli.serve.fields import Form
    from cse_cli.serve.formstate import FormState

SUFFIX = ".upload"


def uploads(
    ed: Editor, form: Form, state: FormState, files: Mapping[str, Upload]
) -> tuple[list[tuple[str, str]], list[str]]:
    """Write each file sent with the form and choose it in its field: (id, error)s, and paths."""
    errors: list[tuple[str, str]] = []
    written: list[str] = []
    for name, upload in files.items():
        values, field_name, at = _field(state, name.removesuffix(SUFFIX))
        if values is None or not _chooses_a_document(form, at):
            errors.append((id_of(()), "the form sent a file for no field: nothing was written"))
            continue
        outcome = _upload(ed, upload.filename, upload.data)
        if outcome.startswith(f"{DOCUMENTS}/"):
            values[field_name] = outcome
            written.append(outcome)
        else:
            errors.append((id_of(at), outcome))
    return errors, written


def _field(state: FormState, name: str) -> tuple[dict[str, str] | None, str, tuple[str | int, ...]]:
    """Where the texts of the field `name` are kept, its name there, and its path."""
    key, _, rest = name.partition(".")
    place, _, inner = rest.partition(".")
    rows = state.lists.get(key)
    if rows is not None:
        if not (place.isdigit() and int(place) < len(rows) and inner):
            return None, "", ()
        return rows[int(place)].values, inner, (key, int(place), *inner.split("."))
    return state.values, name, tuple(name.split("."))


def _chooses_a_document(form: Form, at: tuple[str | int, ...]) -> bool:
    """Whether the field at `at` chooses a document (a file may be uploaded for it)."""
    if len(at) > 2 and isinstance(at[1], int):  # noqa: PLR2004 - a list's key and index
        items = next((i for i in form.lists if i.key == at[0]), None)
        fields = (f for kind in ("", "ref") for f in items.fields_of(kind)) if items else ()
        return any(f.path == at[2:] and f.source == "documents" for f in fields)
    return any(f.path == at and f.source == "documents" for f in form.fields)


def _upload(ed: Editor, filename: str, data: bytes) -> str:
    """Write one uploaded document; its path, or why nothing was written."""
    name = safe_name(filename)
    if name is None:
        return "The file's name has no letters or digits: rename it and upload it again"
    rel = f"{DOCUMENTS}/{name}"
    if exists(ed, rel):
        return (
            f"{rel} already exists: choose it from the list, or rename your file and upload "
            "it again. Nothing was written"
        )
    refused = write_document(ed, rel, data, replace=False)
    if refused is not None:
        return refused
    ed.session.written.add(rel)
    return rel
