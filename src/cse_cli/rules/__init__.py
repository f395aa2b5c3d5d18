"""The rules of the evidence, a module each, listed here in the order they are applied.

As yamllint keeps its rules: each module of this package states its rule in its
docstring, in the standard's or the README's words, and ends with the `Rule` (its
name, summary and check), a constant named for it. Where a few rules are one
subject (an element file, its items, the cycle, a review file, the repository's
limits, the evidence folder), one module states and holds them all.

The readers (cse_cli.io) walk the files and apply the rules listed here; they hold
no rule themselves. The rules read no file: what one needs of the rest of the
repository comes in its context (cse_cli.rules.context), so that `cse check`,
`cse history` and the editor apply the same rules and say the same words.

Every rule's summary is found in the README's account of what `cse check`
refuses (tests/rules/test_registry.py), so that no rule goes undocumented.
"""

from __future__ import annotations

from collections.abc import Callable

from cse_cli.rules import (
    cycle,
    element_file,
    evidence_dir,
    evidence_folder,
    file_names,
    inferred_keys,
    items,
    paths,
    refs,
    repository_limits,
    reviews,
    schema,
    services,
    surveillance_documents,
)
from cse_cli.rules.rule import ConfigCheck, ElementCheck, ReviewCheck, Rule

CONFIG_RULES: tuple[Rule[ConfigCheck], ...] = (
    cycle.CYCLE_ORDER,
    cycle.CYCLE_SECOND_SURVEILLANCE,
    cycle.CYCLE_CATEGORIES,
    surveillance_documents.SURVEILLANCE_DOCUMENTS,
)
"""The rules of a valid cse.yaml."""

ELEMENT_RULES: tuple[Rule[ElementCheck], ...] = (
    element_file.ELEMENT_ID,
    element_file.ELEMENT_TWICE,
    element_file.FILE_NAME_MATCH,
    cycle.SURVEILLANCE_RATINGS,
    cycle.POINT_REVIEWS,
    inferred_keys.INFERRED_KEYS,
    items.REF_ITEMS,
    items.ITEM_TITLE,
    items.EVIDENCE_IDS,
    services.SERVICES,
    paths.PATHS,
)
"""The rules of a valid element file; the first two decide whether it counts as its
element, and the rest apply to one that does (the last five, to its evidence items)."""

REVIEW_RULES: tuple[Rule[ReviewCheck], ...] = (
    reviews.REVIEW_DATES,
    reviews.REVIEW_DOCUMENTS,
    reviews.REVIEW_CHANGES,
    reviews.REVIEW_CATEGORIES,
    reviews.REVIEW_ON_SITE,
)
"""The rules of a valid review file."""

REPOSITORY_RULES: tuple[Rule[Callable[..., object]], ...] = (
    schema.SCHEMA,
    evidence_dir.EVIDENCE_DIR,
    file_names.FILE_NAMES,
    evidence_folder.ELEMENT_FILE_KIND,
    evidence_folder.FILES_NOT_READ,
    repository_limits.REPOSITORY_SIZE,
    repository_limits.REPOSITORY_VALUES,
    refs.REFS,
    refs.REF_KIND,
    reviews.REVIEW_FILE_NAME,
)
"""The rules a reader applies at its own moment: validating a file against its model,
the evidence folder and the names in it, the repository's limits, every `ref:` (and
the kind of item it cites) once all files are read, the review files' names."""

RULES: tuple[Rule[Callable[..., object]], ...] = (
    *REPOSITORY_RULES,
    *CONFIG_RULES,
    *ELEMENT_RULES,
    *REVIEW_RULES,
)
"""Every rule of the evidence."""
