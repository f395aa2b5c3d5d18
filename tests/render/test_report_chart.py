"""The report's bar chart as geometry: a bar per criterion, the share line and the bracket."""

from __future__ import annotations

from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import score
from cse_cli.core.stages import Stage
from cse_cli.io.resources import load_standard
from cse_cli.render.report_chart import chart as report_chart


def test_chart_geometry() -> None:
    standard = load_standard()
    ratings: dict[str, Rating | None] = dict.fromkeys(standard.element_ids(), Rating.FULL)
    ratings.update({"5.3.1": Rating.PARTIAL, "5.3.2": Rating.PARTIAL, "5.3.3": Rating.PARTIAL})
    ratings.update({"5.2.5": Rating.NON_COMPLIANCE, "5.2.4": None, "5.2.3": Rating.COMPLIANCE_PLUS})
    chart = report_chart(score(standard, ratings, Stage.LATEST).criteria)
    assert chart.threshold_x == "642"  # 80% of the 440-pixel bar that starts at x=290
    assert chart.threshold_label == "80% minimum share"
    fifth = chart.bars[4]
    assert [(s.css, s.x, s.width, s.text) for s in fifth.segments] == [
        ("compliance-plus", "290", "44", "CP 1"),
        ("full", "334", "176", "F 4"),
        ("partial", "510", "132", "P 3"),
        ("non-compliance", "642", "44", "NC 1"),
        ("unrated", "686", "44", ""),  # too narrow for "Unrated 1": the table says it
    ]
    assert (fifth.bracket_x1, fifth.bracket_x2) == ("510", "598")
    assert fifth.caption == "10 elements, up to 2 P"
    assert (
        "Criterion 5 Timeliness and Quality of Service: 1 CP, 4 F, 3 P, 1 NC and 1 unrated of 10;"
        " 50.0% compliant; 3 of up to 2 partials allowed; not met."
    ) in chart.description
    assert [t for _, t in chart.ticks] == ["0%", "50%", "80%", "100%"]
