"""The texts `cse init` starts a repository with: cse.yaml and an element file, keys ready to fill.

Each key of the models is there, in the models' order (new keys go where a
person following the template would write them: cse_cli.io.yaml_edit.order),
the optional ones as comments with an example.
"""

from __future__ import annotations

import json
import textwrap

from cse_cli.core.ratings import RATING_CHOICES

SCHEMA_DIR = ".cse"
ELEMENT_SCHEMA = f"{SCHEMA_DIR}/element.schema.json"
CONFIG_SCHEMA = f"{SCHEMA_DIR}/config.schema.json"
REVIEW_SCHEMA = f"{SCHEMA_DIR}/review.schema.json"  # reviews/surveillance-N.yaml, by hand


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
on_site: []                   # what the assessor will hear or see on site (Tell Me / See On Site)
#  - id: TM-SHORT-NAME        # optional: ids are one space with the evidence's
#    title: What the assessor will hear or see
#    person: Customer services adviser   # a person or a role to talk to
#    place: Town hall reception          # where to see it
#    service: Library
#  - ref: TM-SHORT-NAME       # cites an on-site item defined in another element file
development_points: []
#  - Something to improve     # a plain line is an open point, or:
#  - point: Something to improve
#    raised: 2026-03-12
#    status: open             # open or addressed
#    progress: What has been done
compliance_plus:
notes:
"""


def review_text(called: str) -> str:
    """A new review file (reviews/surveillance-N.yaml) for the review `called`, before its values.

    Its first line points at the review schema, as `cse init` points element files
    at theirs; the editor writes the values under it.
    """
    return f"""\
# yaml-language-server: $schema=../{REVIEW_SCHEMA}
# {called[:1].upper()}{called[1:]}: what Sections 2 and 3 of the assessor's record ask for.
"""
