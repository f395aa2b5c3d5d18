"""Time the YAML writer: one edit of each Bolton element file, and of much larger files.

    python benchmarks/bench_writer.py                 # Bolton, 300 items, 100,000 values
    python benchmarks/bench_writer.py --repeats 51

Each edit is timed in process, from the file's bytes to the new bytes, with the
read-back check the writer always makes (it reads its own result with cse's
loader): what the editor pays on a save before it writes, and `cse import
--update` per file it changes. Times are CPU time (the process's own, which
other work on a busy machine disturbs least); the medians are over every file
and repeat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cse_cli.core.evidence import ElementFile
from cse_cli.io.yaml_edit import Edit, Insert, Set, apply_edits, key_order
from cse_cli.io.yaml_loader import load

if TYPE_CHECKING:
    from collections.abc import Callable

BOLTON = Path(__file__).resolve().parent.parent / "examples" / "bolton" / "evidence"
ORDER = key_order(ElementFile)
EDITS: dict[str, Callable[[], list[Edit] | None]] = {
    "set a rating": lambda: [Set(("final",), "partial")],
    "add an item": lambda: [
        Insert(
            ("evidence", 0), {"title": "Survey", "date": dt.date(2026, 3, 9), "service": "Library"}
        )
    ],
    "respond to a point": lambda: [
        Set(("development_points", 0, "reviews", "surveillance-1", "response"), "Done\nin May")
    ],
    "five edits at once": lambda: [
        Set(("final",), "partial"),
        Set(("owner",), "Head of Student Services"),
        Insert(("evidence", 0), {"title": "Survey", "date": dt.date(2026, 3, 9)}),
        Set(("notes",), "Seen on site"),
        Set(("verified_on_site",), False),
    ],
}


def _median_ms(raws: list[bytes], edits: list[Edit] | None, repeats: int) -> float:
    """The median CPU time of the edits on each file; with None, of cse's loader reading it."""
    times = []
    for _ in range(repeats):
        for raw in raws:
            start = time.process_time()
            if edits is None:
                load(raw, "x.yaml")
            else:
                apply_edits(raw, edits, file="x.yaml", order=ORDER)
            times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _large(items: int) -> bytes:
    lines = ['element: "1.1.1"', "final: full", "evidence:"]
    for i in range(items):
        lines += [
            f"  - id: ITEM-{i}",
            f"    title: Evidence item {i} with a title of a usual length  # note {i}",
            "    service: Library",
            "    date: 2026-01-31",
        ]
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    """Print the median time of each kind of edit."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="runs over every file")
    args = parser.parse_args()
    bolton = [path.read_bytes() for path in sorted(BOLTON.glob("*.yaml"))]
    cases = [
        ("Bolton's 57 element files", bolton, args.repeats),
        ("an element of 300 items (39 KB)", [_large(300)], args.repeats),
        ("an element at the limit of 100,000 values (1.5 MB)", [_large(11_000)], 3),
    ]
    print("| Edit | " + " | ".join(name for name, _, _ in cases) + " |")
    print("|---|" + "---:|" * len(cases))
    for edit, make in {"(cse's loader reading the file, for scale)": lambda: None, **EDITS}.items():
        cells = [f"{_median_ms(raws, make(), repeats):.1f} ms" for _, raws, repeats in cases]
        print(f"| {edit} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
