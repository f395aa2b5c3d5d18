"""The element files of a repository: at most 200 files, 5 MB, 500,000 values, 20,000 items."""

from __future__ import annotations

from cse_cli.rules import repository_limits
from tests.helpers import located

# files_and_bytes ------------------------------------------------------------


def test_at_the_limits_a_repository_passes() -> None:
    assert repository_limits.files_and_bytes("evidence", 200, 5_000_000) is None


def test_one_file_more_is_refused() -> None:
    assert repository_limits.files_and_bytes("evidence", 201, 0) == (
        "evidence holds 201 element files, over the limit of 200 for a repository: "
        "one file per element (57)"
    )


def test_one_byte_more_is_refused() -> None:
    assert repository_limits.files_and_bytes("ev", 57, 5_000_001) == (
        "the element files in ev hold 5,000,001 bytes, over the limit of 5,000,000 for a "
        "repository: keep large documents as files of their own and point at them with path:"
    )


# values_and_items ------------------------------------------------------------


def test_a_file_counts_its_values_and_its_items() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: A\n  - ref: B\n')
    # the root mapping, its four texts (keys too), the list, two mappings and their four texts
    assert repository_limits.counted(doc) == (11, 2)
    assert repository_limits.counted(located("- a\n- b\n")) == (3, 0)


def test_on_site_items_count_as_items_too() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: A\non_site:\n  - title: B\n  - ref: C\n')
    assert repository_limits.counted(doc)[1] == 3
    assert repository_limits.counted(located("on_site: 3\nevidence: [a]\n"))[1] == 1


def test_at_the_limits_the_files_pass_and_one_more_stops_the_reading() -> None:
    assert repository_limits.values_and_items(500_000, 20_000) is None
    assert repository_limits.values_and_items(500_001, 0) == (
        "the element files up to this one hold 500,001 values (texts, numbers, lists and "
        "mappings), over the limit of 500,000 for a repository: the files after it are not read"
    )
    assert repository_limits.values_and_items(0, 20_001) == (
        "the element files up to this one hold 20,001 evidence items, over the limit of "
        "20,000 for a repository: the files after it are not read"
    )
