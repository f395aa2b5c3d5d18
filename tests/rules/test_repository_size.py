"""The element files of a repository are at most 200, and 5 MB together."""

from __future__ import annotations

from cse_cli.rules import repository_size


def test_at_the_limits_a_repository_passes() -> None:
    assert repository_size.check("evidence", 200, 5_000_000) is None


def test_one_file_more_is_refused() -> None:
    assert repository_size.check("evidence", 201, 0) == (
        "evidence holds 201 element files, over the limit of 200 for a repository: "
        "one file per element (57)"
    )


def test_one_byte_more_is_refused() -> None:
    assert repository_size.check("ev", 57, 5_000_001) == (
        "the element files in ev hold 5,000,001 bytes, over the limit of 5,000,000 for a "
        "repository: keep large documents as files of their own and point at them with path:"
    )
