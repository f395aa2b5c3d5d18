"""The rules of the evidence: one module each, listed here in the order they are applied.

As yamllint keeps its rules: each module of this package states one rule in its
docstring, in the standard's or the README's words, and ends with `RULE`, its
name, summary and check. The readers (cse_cli.io) walk the files and apply the
rules listed here; they hold no rule themselves. The rules read no file: what
one needs of the rest of the repository comes in its context
(cse_cli.rules.context), so that `cse check`, `cse history` and the editor apply
the same rules and say the same words.

Every rule's summary is found in the README's account of what `cse check`
refuses (tests/rules/test_registry.py), so that no rule goes undocumented.
"""

from __future__ import annotations

from collections.abc import Callable

from cse_cli.rules import (
    cycle_categories,
    cycle_order,
    cycle_second_surveillance,
    element_file_kind,
    element_id,
    element_twice,
    evidence_dir,
    evidence_ids,
    file_name_match,
    file_names,
    files_not_read,
    inferred_keys,
    item_title,
    paths,
    point_reviews,
    ref_items,
    refs,
    repository_size,
    repository_values,
    review_categories,
    review_changes,
    review_dates,
    review_documents,
    review_file_name,
    review_on_site,
    schema,
    services,
    surveillance_documents,
    surveillance_ratings,
)
from cse_cli.rules.rule import ConfigCheck, ElementCheck, ItemCheck, ReviewCheck, Rule

CONFIG_RULES: tuple[Rule[ConfigCheck], ...] = (
    cycle_order.RULE,
    cycle_second_surveillance.RULE,
    cycle_categories.RULE,
    surveillance_documents.RULE,
)
"""The rules of a valid cse.yaml."""

ELEMENT_RULES: tuple[Rule[ElementCheck], ...] = (
    element_id.RULE,
    element_twice.RULE,
    file_name_match.RULE,
    surveillance_ratings.RULE,
    point_reviews.RULE,
    inferred_keys.RULE,
)
"""The rules of a valid element file; the first two decide whether it counts as its element."""

ITEM_RULES: tuple[Rule[ItemCheck], ...] = (
    ref_items.RULE,
    item_title.RULE,
    evidence_ids.RULE,
    services.RULE,
    paths.RULE,
)
"""The rules of each evidence item of an element file that counts."""

REVIEW_RULES: tuple[Rule[ReviewCheck], ...] = (
    review_dates.RULE,
    review_documents.RULE,
    review_changes.RULE,
    review_categories.RULE,
    review_on_site.RULE,
)
"""The rules of a valid review file."""

REPOSITORY_RULES: tuple[Rule[Callable[..., object]], ...] = (
    schema.RULE,
    evidence_dir.RULE,
    file_names.RULE,
    element_file_kind.RULE,
    files_not_read.RULE,
    repository_size.RULE,
    repository_values.RULE,
    refs.RULE,
    review_file_name.RULE,
)
"""The rules a reader applies at its own moment: validating a file against its model,
the evidence folder and the names in it, the repository's limits, every `ref:` once
all files are read, the review files' names."""

RULES: tuple[Rule[Callable[..., object]], ...] = (
    *REPOSITORY_RULES,
    *CONFIG_RULES,
    *ELEMENT_RULES,
    *ITEM_RULES,
    *REVIEW_RULES,
)
"""Every rule of the evidence."""
