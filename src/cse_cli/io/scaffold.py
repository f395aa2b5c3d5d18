"""`cse init`: a new evidence repository, or the files an existing one lacks.

It never overwrites or rewrites a file that exists: run again, it only adds
what is missing, so it is safe on a repository people have already filled in.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cse_cli import __version__
from cse_cli.core.problems import CseError
from cse_cli.core.ratings import RATING_CHOICES
from cse_cli.core.standard import Standard
from cse_cli.io.atomic import write_new
from cse_cli.io.repository import CONFIG_FILE
from cse_cli.io.resources import resource
from cse_cli.io.tree import clean
from cse_cli.io.yaml_loader import load

# Editors find the schemas through a modeline at the top of each file, relative
# to that file; the schemas live in the repository so they work offline.
SCHEMA_DIR = ".cse"
ELEMENT_SCHEMA = f"{SCHEMA_DIR}/element.schema.json"
CONFIG_SCHEMA = f"{SCHEMA_DIR}/config.schema.json"
WORKFLOW = ".github/workflows/cse.yml"


@dataclass(frozen=True)
class Schemas:
    """The JSON texts of the two editor schemas, as `cse schema` prints them."""

    element: str
    config: str


@dataclass
class InitResult:
    """What `init` created and what it left alone, as paths relative to the root."""

    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def init_repository(
    root: Path,
    standard: Standard,
    organisation: str | None,
    schemas: Schemas,
    *,
    ci: bool = False,
) -> InitResult:
    """Create cse.yaml, the schemas and one file per element under `root`, keeping what exists.

    With `ci`, also a GitHub Actions workflow (see `workflow_text`).
    """
    if root.exists() and not root.is_dir():
        raise CseError(f"{root}: is a file, not a folder")
    root.mkdir(parents=True, exist_ok=True)
    result = InitResult(root)
    config_path = root / CONFIG_FILE
    name = organisation or root.resolve().name
    _create(result, config_path, config_text(name))
    evidence_dir = _evidence_dir(config_path)
    folder = root / evidence_dir
    if folder.exists() and not folder.is_dir():
        raise CseError(f"{folder}: is a file, not a folder for the element files")
    if (root / SCHEMA_DIR).exists() and not (root / SCHEMA_DIR).is_dir():
        raise CseError(f"{root / SCHEMA_DIR}: is a file, not a folder for the schemas")
    (root / SCHEMA_DIR).mkdir(exist_ok=True)
    _create(result, root / ELEMENT_SCHEMA, schemas.element)
    _create(result, root / CONFIG_SCHEMA, schemas.config)
    folder.mkdir(parents=True, exist_ok=True)
    schema = "../" * len(PurePosixPath(evidence_dir).parts) + ELEMENT_SCHEMA
    for criterion in standard.criteria:
        for sub in criterion.sub_criteria:
            for element in sub.elements:
                heading = f"{element.id} · {criterion.title} › {sub.id} {sub.title}"  # noqa: RUF001 - a typographic separator
                text = element_text(element.id, heading, element.text, schema)
                path = folder / f"{element.id}.yaml"
                if (folder / f"{element.id}.yml").exists():
                    result.kept.append(f"{evidence_dir}/{element.id}.yml")
                    continue
                _create(result, path, text)
    if ci:
        _workflow(result)
    return result


def _workflow(result: InitResult) -> None:
    """Write the workflow at the top of the git repository that holds the root, if any.

    GitHub runs only workflows at the top of a repository, so for an evidence
    repository in a subfolder the workflow goes above it, told where cse.yaml is.
    """
    root = result.root.resolve()
    top = next((f for f in (root, *root.parents) if (f / ".git").exists()), root)
    path = top / WORKFLOW
    if path.parent.exists() and not path.parent.is_dir():
        raise CseError(f"{path.parent}: is a file, not a folder for the workflow")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = workflow_text(root.relative_to(top).as_posix())
    listed = path.relative_to(root).as_posix() if top == root else str(path)
    (result.created if write_new(path, text) else result.kept).append(listed)


def workflow_text(cse_path: str) -> str:
    """The GitHub Actions workflow for an evidence repository at `cse_path` in git."""
    template = (resource("templates") / "github-workflow.yml").read_text(encoding="utf-8")
    return template.replace("__CSE_PATH__", cse_path).replace("__CSE_VERSION__", __version__)


def _create(result: InitResult, path: Path, text: str) -> None:
    rel = path.relative_to(result.root).as_posix()
    (result.created if write_new(path, text) else result.kept).append(rel)


def _evidence_dir(config_path: Path) -> str:
    """The evidence folder an existing cse.yaml names, or the default."""
    document = load(config_path.read_bytes(), CONFIG_FILE)
    data = document.data
    wanted = data.get("evidence_dir") if isinstance(data, dict) else None
    if wanted is None:
        return "evidence"
    cleaned = clean(wanted) if isinstance(wanted, str) else None
    if cleaned is None or cleaned == ".":
        raise CseError(
            f"{CONFIG_FILE}: evidence_dir {wanted!r} is not a folder inside the repository"
        )
    return cleaned


def config_text(organisation: str) -> str:
    """A new cse.yaml for an organisation, with the optional settings as comments."""
    return f"""\
# yaml-language-server: $schema={CONFIG_SCHEMA}
# Customer Service Excellence evidence repository. `cse check` validates and scores it.
organisation: {json.dumps(organisation, ensure_ascii=False)}
# reference: "14/5167"            # the assessment reference number
# assessor: A. Assessor
# services: [Library, Careers]    # when given, every evidence item's service must be one of these
evidence_dir: evidence
stale_after_months: 12            # evidence older than this is reported as stale
# cycle:
#   assessment_type: initial      # or reassessment
#   desk_top_review: 2026-03-09
#   visit: 2026-03-11
#   surveillance_1: 2027-03-10    # a rating at a surveillance needs its date here
#   surveillance_2: 2028-03-08
#   reassessment: 2029-03-06
#   next_review: 2027-03-01
#   category:                     # the surveillance category after each review
#     final: High                 # High or Low (Low: the second surveillance is off site)
# rules:                          # by default a criterion is met as the assessor scores it:
#   strict_share: true            #   no NC, nothing unrated, no more partials than the table;
#   min_compliant_share: 0.8      #   either of these makes the share of full or better a rule too
"""


def element_text(
    element_id: str, heading: str, wording: str, schema: str = f"../{ELEMENT_SCHEMA}"
) -> str:
    """A new element file: the element's wording as a comment, every key ready to fill in.

    `schema` is the path of the element schema, relative to the file.
    """
    wrapped = "\n".join("# " + line for line in textwrap.wrap(wording, 86))
    return f"""\
# yaml-language-server: $schema={schema}
# {heading}
#
{wrapped}
#
# Ratings: {RATING_CHOICES}.
element: "{element_id}"
owner:
self_assessment:
desk_top:
final:
surveillance_1:               # only when the first surveillance changed the rating
surveillance_2:               # only when the second surveillance changed it
verified_on_site: false
key_questions: []
visit_evidence:
evidence: []
#  - id: SHORT-NAME           # optional: other elements cite it with `- ref: SHORT-NAME`
#    title: What the evidence is
#    service: Library
#    date: 2026-01-31
#    path: documents/the-file.pdf
#    url: https://example.org/page
development_points: []
#  - Something to improve     # a plain line is an open point, or:
#  - point: Something to improve
#    raised: 2026-03-12
#    status: open             # open or addressed
#    progress: What has been done
compliance_plus:
notes:
"""
