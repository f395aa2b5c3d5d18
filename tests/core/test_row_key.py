"""Row keys: what `cse export` writes in the hidden column, read back the same, and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_cli.core.row_key import RowKey


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1.1.3 element", RowKey("1.1.3")),
        ("1.1.3 evidence #2", RowKey("1.1.3", "evidence", position=2)),
        ("1.1.3 evidence ES-24-7", RowKey("1.1.3", "evidence", id="ES-24-7")),
        ("  4.3.12 evidence #10 ", RowKey("4.3.12", "evidence", position=10)),
        ("1.1.3 on_site TM-FRONT-DESK", RowKey("1.1.3", "on_site", id="TM-FRONT-DESK")),
        ("1.1.3 on_site #1", RowKey("1.1.3", "on_site", position=1)),
    ],
)
def test_keys_read_back(text: str, key: RowKey) -> None:
    assert RowKey.parse(text) == key
    assert str(key) == text.strip()


@pytest.mark.parametrize(
    "text",
    ["1.1.3", "1.1.3 evidence", "1.1.3 notes #2", "1.1.3 evidence #2 x", "2001-01-03", "", "ES-1"],
)
def test_what_no_export_writes_is_no_key(text: str) -> None:
    assert RowKey.parse(text) is None


@given(
    st.builds(
        RowKey,
        st.from_regex(r"[1-5]\.[1-3]\.[1-9]", fullmatch=True),
        st.sampled_from(["evidence", "on_site"]),
        position=st.integers(1, 999_999),
    )
    | st.builds(
        RowKey,
        st.from_regex(r"[1-5]\.[1-3]\.[1-9]", fullmatch=True),
        st.sampled_from(["evidence", "on_site"]),
        id=st.from_regex(r"[A-Za-z][\w.-]*", fullmatch=True),
    )
)
def test_every_key_reads_back(key: RowKey) -> None:
    assert RowKey.parse(str(key)) == key
