"""Surveillance reviews: the Anytown example's review files, and `cse gap --review`."""

from __future__ import annotations

import json

from tests.helpers import ANYTOWN, run


def test_anytown_is_valid_and_met_at_every_stage_of_its_cycle() -> None:
    for stage in ("final", "surveillance-1", "surveillance-2", "latest"):
        result = run("check", str(ANYTOWN), "--stage", stage, "--format", "json")
        assert (result.exit_code, result.stderr) == (0, ""), stage
        assert json.loads(result.stdout)["problems"] == []


def test_the_readiness_list_for_the_second_surveillance() -> None:
    result = run(
        "gap", str(ANYTOWN), "--review", "surveillance-2", "--as-of", "2028-02-01", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    ready = json.loads(result.stdout)
    assert (ready["review"], ready["review_date"], ready["days_left"]) == (
        "surveillance-2", "2028-03-08", 36,
    )  # fmt: skip
    assert ready["since"] == "2027-03-10"
    documents = {d["key"]: d["problem"] for d in ready["documents"]}
    assert documents == {
        # the performance report cited (AT-PERFORMANCE) is dated 2027-01-31
        "performance_data": "dated 2027-01-31, before the last review (2027-03-10)",
        "service_review": "not pointed at yet",
        "satisfaction": "dated 2026-11-30, before the last review (2027-03-10)",
        "complaints": None,
        "annual_report": "not pointed at yet",
        "changes": None,
    }
    # addressed at the first surveillance: not asked again; 4.3.1 and 5.3.2 answered for this one
    due = [p["element"] for p in ready["development_points_without_response"]]
    assert due == ["2.2.4", "3.4.2", "4.2.2", "4.3.4"]
    assert ready["development_points_without_response"][2]["source"] == (
        "the organisation's own action"
    )
    assert "1.1.1" in ready["stale_elements"]  # newest item 2025-01-01, 24 months before
    assert "1.1.2" not in ready["stale_elements"]  # an item of 2027-02-01
    assert ready["ready"] is False


def test_the_readiness_text_counts_the_days_left() -> None:
    result = run("gap", str(ANYTOWN), "--review", "surveillance-1", "--as-of", "2027-02-28")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "getting ready for the first surveillance (2027-03-10, 10 days from 2027-02-28)" in text
    assert "ready Latest complaints report, receipt confirmed 2027-02-12" in text


def test_a_review_that_is_not_a_surveillance_is_a_usage_error() -> None:
    result = run("gap", str(ANYTOWN), "--review", "final")
    assert result.exit_code == 2
    assert "surveillance-1" in result.stderr
