"""The element files of a repository hold at most 500,000 values and 20,000 evidence items."""

from __future__ import annotations

from cse_cli.rules import repository_values
from tests.helpers import located


def test_a_file_counts_its_values_and_its_items() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: A\n  - ref: B\n')
    # the root mapping, its four texts (keys too), the list, two mappings and their four texts
    assert repository_values.counted(doc) == (11, 2)
    assert repository_values.counted(located("- a\n- b\n")) == (3, 0)


def test_at_the_limits_the_files_pass_and_one_more_stops_the_reading() -> None:
    assert repository_values.check(500_000, 20_000) is None
    assert repository_values.check(500_001, 0) == (
        "the element files up to this one hold 500,001 values (texts, numbers, lists and "
        "mappings), over the limit of 500,000 for a repository: the files after it are not read"
    )
    assert repository_values.check(0, 20_001) == (
        "the element files up to this one hold 20,001 evidence items, over the limit of "
        "20,000 for a repository: the files after it are not read"
    )
