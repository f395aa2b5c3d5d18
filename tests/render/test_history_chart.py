"""The history chart: every label whole inside the picture, no two labels on each other.

The geometry is checked where it is drawn, in Chromium: each text's box inside
the SVG's viewBox, and no two texts' boxes meeting. The histories are the ones
issue 18 found broken (Anytown's cycle, whose last stage's label was clipped and
whose last values were drawn over each other) and harder ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from cse_cli.core.stages import Stage
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.render import HISTORY
from cse_cli.render.formats import HistoryFormat
from cse_cli.render.history_chart import LABEL_CHARACTERS, history_chart
from cse_cli.render.report import history_to_html
from cse_cli.views.history import Counts, HistoryView, Point, build_history, cycle_readings
from tests.helpers import PROJECT

if TYPE_CHECKING:
    from pathlib import Path

ANYTOWN = PROJECT / "examples" / "anytown"
TAGS = ("2026-desk-top", "2026-final", "2027-surveillance-1", "2028-surveillance-2")


def _point(label: str, compliance_plus: int, partial: int) -> Point:
    totals = Counts(compliance_plus, 57 - compliance_plus - partial, partial, 0, 0)
    return Point(label, None, Stage.LATEST, None, True, None, totals, (), (), (), ())


def _view(*points: tuple[str, int, int]) -> HistoryView:
    return HistoryView("Anytown", tuple(_point(*p) for p in points))


def _anytown_stages() -> HistoryView:
    standard = load_standard()
    evidence = open_repository(ANYTOWN, standard)
    return build_history(standard, "Anytown", cycle_readings(evidence))


HISTORIES = {
    # Anytown's cycle as `history --tags` shows it: the labels and counts of issue 18
    "anytown-tags": _view(*zip(TAGS, (0, 3, 6, 7), (33, 9, 6, 5), strict=True)),
    "anytown-stages": _anytown_stages(),
    "equal-values": _view(("a", 4, 4), ("b", 0, 0), ("c", 57, 57), ("d", 1, 0)),
    "one-point": _view(("2028-surveillance-2", 7, 5)),
    "long-labels": _view(*((f"release-{i}-" + "x" * 40, i % 3, 3 - i % 3) for i in range(6))),
    "a-long-range": _view(*((f"commit {i:04}", i % 7, (i * 5) % 11) for i in range(400))),
}


def test_equal_values_are_written_one_above_and_one_below() -> None:
    chart = history_chart(_view(("a", 6, 6), ("b", 6, 6)))
    first = [float(v.y) for v in chart.values if v.x == chart.values[0].x]
    assert len(first) == 2
    assert abs(first[0] - first[1]) >= 20  # 12-pixel text, a line apart


def test_a_long_label_is_cut_short_and_the_table_keeps_it() -> None:
    label = "tag-" + "y" * 60
    view = _view((label, 1, 2), ("b", 2, 1))
    assert history_chart(view).labels[0].text == label[: LABEL_CHARACTERS - 1] + "…"
    assert f'<th scope="row">{label}</th>' in HISTORY[HistoryFormat.HTML](view)


def test_a_long_range_labels_some_points_and_describes_them_all() -> None:
    chart = history_chart(HISTORIES["a-long-range"])
    assert 1 < len(chart.labels) < 400
    assert chart.description.count("compliance plus") == 400


MEASURE = """() => {
  const svg = document.querySelector('figure.chart svg');
  const box = svg.viewBox.baseVal;
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox();
    const r = t.getBoundingClientRect();
    return {text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height,
            rect: [r.left, r.top, r.right, r.bottom]};
  });
  return {width: box.width, height: box.height, texts};
}"""


def _meet(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.browser
@pytest.mark.parametrize("name", list(HISTORIES))
@pytest.mark.parametrize("width", [375, 1280])
def test_every_label_is_whole_and_none_overlaps(
    browser: Any, tmp_path: Path, name: str, width: int
) -> None:
    page_file = tmp_path / "history.html"
    page_file.write_text(history_to_html(HISTORIES[name]), encoding="utf-8", newline="")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(page_file.resolve().as_uri(), wait_until="load")
    found = page.evaluate(MEASURE)
    page.close()
    texts = found["texts"]
    assert texts
    outside = [
        t["text"]
        for t in texts
        if t["x"] < 0 or t["y"] < 0 or t["right"] > found["width"] or t["bottom"] > found["height"]
    ]
    assert outside == [], "clipped by the picture's edge"
    meeting = [
        (a["text"], b["text"])
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if _meet(a["rect"], b["rect"])
    ]
    assert meeting == [], "drawn over each other"
