"""How long the editor's check of one file takes, next to reading the whole repository.

Run from the project's root:

    python benchmarks/bench_check_file.py                 # Bolton, 200 repeats
    python benchmarks/bench_check_file.py --repository examples/anytown --repeats 50

In one process (as the editor runs it), it reads the repository once with
`read_state`, then times `check_file_in` (cse_cli.io.editing) for edits of
each kind, each against the state as read: a rating changed (the last reading
patched), an evidence id that other files cite renamed (the repository read
again, every other file's reading kept), a line added above every id of a file,
and cse.yaml changed (every element file's rules applied again, none loaded or
validated again). It prints the median and 95th percentile of each, and of
reading the repository whole in the same process (`open_repository`, what
`cse check` does once started). Nothing is written.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from cse_cli.io.editing import RepositoryState, check_file_in, read_state
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard

PROJECT = Path(__file__).resolve().parents[1]


def _first(folder: Path, needle: bytes) -> str:
    """The first element file (in name order) that holds `needle`."""
    for path in sorted((folder / "evidence").glob("*.yaml")):
        if needle in path.read_bytes():
            return f"evidence/{path.name}"
    msg = f"no element file holds {needle!r}"
    raise SystemExit(msg)


def _edits(root: Path) -> dict[str, tuple[str, Callable[[bytes], bytes]]]:
    rated = _first(root, b"final: ")
    cited = _first(root, b"  - id: ")

    def rating(raw: bytes) -> bytes:
        return raw.replace(b"final: ", b"final: non-compliance #", 1)

    def renamed(raw: bytes) -> bytes:
        return raw.replace(b"  - id: ", b"  - id: RENAMED-", 1)

    return {
        "a rating changed": (rated, rating),
        "an id renamed": (cited, renamed),
        "a line above every id": (cited, lambda raw: b"# a comment\n" + raw),
        "cse.yaml changed": ("cse.yaml", lambda raw: raw + b"\nstale_after_months: 13\n"),
    }


def _times(action: Callable[[int], object], repeats: int) -> tuple[float, float]:
    """The median and 95th percentile of `action(n)` for each repeat n, in milliseconds."""
    taken = []
    for repeat in range(repeats):
        start = time.perf_counter()
        action(repeat)
        taken.append(time.perf_counter() - start)
    taken.sort()
    return statistics.median(taken) * 1000, taken[max(int(len(taken) * 0.95) - 1, 0)] * 1000


def _check(state: RepositoryState, rel: str, data: bytes) -> Callable[[int], object]:
    """Check `data` in `rel`, each time with other bytes (a comment), as an editor's drafts are."""
    return lambda repeat: check_file_in(state, rel, data + f"\n# draft {repeat}\n".encode())


def main() -> None:
    """Print a Markdown table of the times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repository", type=Path, default=PROJECT / "examples" / "bolton")
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    root: Path = args.repository
    standard = load_standard()
    start = time.perf_counter()
    state = read_state(root, standard)
    first = (time.perf_counter() - start) * 1000
    rows = [("`read_state` (once, at start)", first, first)]
    whole = _times(lambda _: open_repository(root, standard), args.repeats)
    rows.append(("reading whole (`open_repository`)", *whole))
    for name, (rel, edit) in _edits(root).items():
        timed = _times(_check(state, rel, edit((root / rel).read_bytes())), args.repeats)
        rows.append((f"`check_file_in`: {name} ({rel})", *timed))
    print(f"| {root.name}, {args.repeats} repeats | Median ms | 95th percentile ms |")
    print("|---|--:|--:|")
    for name, median, high in rows:
        print(f"| {name} | {median:.1f} | {high:.1f} |")


if __name__ == "__main__":
    main()
