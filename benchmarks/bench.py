"""How long a user waits for `cse check`, next to a floor: the least a Python checker does.

Run from the project's root:

    python benchmarks/bench.py                          # every size, 31 rounds each
    python benchmarks/bench.py --sizes 6 --orgs 0 --repeats 41 --instructions
    python benchmarks/bench.py --bridges                # export, import, Word, pack
    python benchmarks/bench.py --limits                 # every command at each limit

gen_repo.py and floor_check.py are not part of this repository: they come from the
project's shared folder beside the checkout (../shared/bench, or the nearest
shared/bench above it; elsewhere, pass --shared DIR). It writes synthetic evidence
repositories with gen_repo.py (57 element files of 6, 60 and 300 evidence items
each, and 10 repositories of 6 items side by side) into a temporary folder.

What it times is what a pre-commit hook or a CI job waits for: a whole process,
`cse check DIR --format json` as installed, from its start to its exit, against
`python floor_check.py DIR`, and `cse report DIR --format html -o FILE` beside
them. Each round runs the three, one process each, pinned to one CPU where
`taskset` exists (`benchmarks/measure.py`), in an order that rotates from round
to round; the ratios are the medians of the per-round ratios, with their
quartiles. With --instructions it also counts, once per command, the
instructions each executes (valgrind), which the machine's load cannot move.

The 10 repositories are checked one process per repository in turn, for both
tools: that is how 10 organisations' CI jobs, or a loop over their folders, run
them, and neither tool reads more than one repository per process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from measure import (
    MB,
    PROJECT,
    TIMES,
    Timings,
    cse_command,
    instructions,
    load,
    machine,
    pinning,
    quartiles,
    ratio,
    time_all,
)

# The shared folder beside the checkout, or beside a folder that holds it (a git
# worktree in a folder of worktrees): the nearest shared/bench above the project.
SHARED = next(
    (
        folder / "shared" / "bench"
        for folder in PROJECT.parents
        if (folder / "shared" / "bench").is_dir()
    ),
    PROJECT.parent / "shared" / "bench",
)
ELEMENTS = 57  # element files in every repository gen_repo.py writes
ORGS = 10
WARM_UP = 3  # untimed rounds: the files in the disk cache, Python's bytecode written
TOOLS = ("floor", "check", "report")


@dataclass
class Case:
    """One kind of repository: the folders to check and what each tool took."""

    name: str
    items: int
    repos: list[Path]
    timed: dict[str, Timings] = field(default_factory=lambda: {t: Timings() for t in TOOLS})
    counted: dict[str, int] = field(default_factory=dict)
    """Instructions executed by one run of the floor and of check (one repository)."""

    def evidence_bytes(self) -> int:
        """The size of the element files of every repository of the case."""
        return sum(
            path.stat().st_size for repo in self.repos for path in (repo / "evidence").iterdir()
        )


def build(shared: Path, work: Path, sizes: list[int], orgs: int) -> list[Case]:
    """Write the repositories with gen_repo.py."""
    generate = [sys.executable, str(shared / "gen_repo.py")]
    cases = []
    for items in sizes:
        folder = work / f"items-{items}"
        subprocess.run([*generate, str(folder), "--items", str(items)], check=True)
        cases.append(Case(f"{items} items per element", items, [folder]))
    if orgs > 1:
        folder = work / f"orgs-{orgs}"
        subprocess.run([*generate, str(folder), "--items", "6", "--orgs", str(orgs)], check=True)
        repos = sorted(path for path in folder.iterdir() if path.is_dir())
        cases.append(Case(f"{orgs} repositories of 6 items", 6, repos))
    return cases


def commands(case: Case, shared: Path, work: Path) -> dict[str, list[list[str]]]:
    """The command lines of each tool for a case: one per repository."""
    cse = cse_command()
    html = str(work / "report.html")
    return {
        "floor": [[sys.executable, str(shared / "floor_check.py"), str(r)] for r in case.repos],
        "check": [[*cse, "check", str(r), "--format", "json"] for r in case.repos],
        "report": [[*cse, "report", str(r), "--format", "html", "-o", html] for r in case.repos],
    }


def measure(case: Case, lines: dict[str, list[list[str]]], repeats: int, pin: list[str]) -> None:
    """Time the three tools on a case in rounds, the order rotating from round to round."""
    for command in lines["check"]:  # the evidence is valid, so every run does all the work
        verify = subprocess.run(command, capture_output=True, text=True, check=False)
        if verify.returncode not in {0, 1} or json.loads(verify.stdout)["problems"]:
            sys.exit(f"bench: cse check found problems:\n{verify.stdout}{verify.stderr}")
    ok = {"floor": {0}, "check": {0, 1}, "report": {0}}
    for number in range(WARM_UP + repeats):
        shift = number % len(TOOLS)
        for tool in TOOLS[shift:] + TOOLS[:shift]:
            into = case.timed[tool] if number >= WARM_UP else Timings()
            time_all(lines[tool], into, ok[tool], pin)


def count(case: Case, lines: dict[str, list[list[str]]]) -> None:
    """The instructions of one run of the floor and of check, on the case's first repository."""
    for tool in ("floor", "check"):
        found = instructions(lines[tool][0])
        if found is not None:
            case.counted[tool] = found


def table(cases: list[Case]) -> str:
    """The results as Markdown tables: time and memory, then instructions, then growth."""
    lines = [
        (
            "| Case | Evidence | Floor | `cse check` | Ratio (wall) | Quartiles | Ratio (CPU) "
            "| Peak memory floor / check | `cse report --format html` | Report / check |"
        ),
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for case in cases:
        floor, check, report = (case.timed[tool] for tool in TOOLS)
        low, high = quartiles(check.wall, floor.wall)
        lines.append(
            f"| {case.name} | {case.evidence_bytes() / MB:.2f} MB "
            f"| {floor.median_ms():.0f} ms | {check.median_ms():.0f} ms "
            f"| {ratio(check.wall, floor.wall):.2f}{TIMES} | {low:.2f} to {high:.2f} "
            f"| {ratio(check.cpu, floor.cpu):.2f}{TIMES} "
            f"| {floor.peak_mb():.0f} / {check.peak_mb():.0f} MB "
            f"| {report.median_ms():.0f} ms | {ratio(report.wall, check.wall):.2f}{TIMES} |"
        )
    counted = [case for case in cases if len(case.counted) == 2]  # noqa: PLR2004 - both tools
    if counted:
        lines += [
            "",
            "| Case (one repository) | Floor | `cse check` | Ratio |",
            "|---|--:|--:|--:|",
        ]
        lines.extend(
            f"| {case.name} | {case.counted['floor'] / 1e6:,.0f} M "
            f"| {case.counted['check'] / 1e6:,.0f} M "
            f"| {case.counted['check'] / case.counted['floor']:.2f}{TIMES} |"
            for case in counted
        )
    return "\n".join([*lines, *growth(cases)])


def growth(cases: list[Case]) -> list[str]:
    """Milliseconds (and instructions) per 1,000 evidence items more, from size to size."""
    single = sorted((c for c in cases if len(c.repos) == 1), key=lambda c: c.items)
    if len(single) < 2:  # noqa: PLR2004 - growth needs two sizes
        return []
    lines = [
        "",
        (
            f"Growth per 1,000 evidence items more ({ELEMENTS} files): milliseconds (medians), "
            "and millions of instructions"
        ),
        "",
        "| From → to | Floor ms | `cse check` ms | Floor M | `cse check` M |",
        "|---|--:|--:|--:|--:|",
    ]
    for low, high in itertools.pairwise(single):
        thousands = (high.items - low.items) * ELEMENTS / 1000
        times = [
            (high.timed[tool].median_ms() - low.timed[tool].median_ms()) / thousands
            for tool in ("floor", "check")
        ]
        counts = [
            f"{(high.counted[t] - low.counted[t]) / thousands / 1e6:.0f}"
            if t in high.counted and t in low.counted
            else "not counted"
            for t in ("floor", "check")
        ]
        lines.append(
            f"| {low.items} → {high.items} items | {times[0]:.1f} | {times[1]:.1f} "
            f"| {counts[0]} | {counts[1]} |"
        )
    return lines


def main() -> None:
    """Parse the options, build the repositories, measure, and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 60, 300],
                        help="evidence items per element file, a repository each")  # fmt: skip
    parser.add_argument("--orgs", type=int, default=ORGS,
                        help="repositories of 6 items side by side (0: none)")  # fmt: skip
    parser.add_argument("--repeats", type=int, default=31, help="timed rounds of each case")
    parser.add_argument("--cpu", type=int, help="the CPU to pin every process to (taskset)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions with valgrind")  # fmt: skip
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the folder of gen_repo.py and floor_check.py")  # fmt: skip
    parser.add_argument("--output", type=Path, help="also write the tables to this file")
    parser.add_argument(
        "--bridges",
        action="store_true",
        help="time export, import, the Word report and the pack instead",
    )
    parser.add_argument("--limits", action="store_true",
                        help="time every command at each limit instead")  # fmt: skip
    options = parser.parse_args()
    # As after a normal install, where bytecode is compiled: the warm-up rounds write it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if options.limits:
        from limits import limits

        print(f"{machine()}; medians of {options.repeats} runs\n\n{limits(options.repeats)}")
        return
    if options.bridges:
        from bridges import measure as measure_bridges

        result = measure_bridges(options.repeats, packs=3)
    else:
        result = checks(options)
    print(result)
    if options.output is not None:
        options.output.write_text(result, encoding="utf-8")


def checks(options: argparse.Namespace) -> str:
    """Measure check against the floor (and report beside them) on every case."""
    shared: Path = options.shared
    missing = [name for name in ("gen_repo.py", "floor_check.py") if not (shared / name).is_file()]
    if missing:
        sys.exit(
            f"bench: no {' or '.join(missing)} in {shared}: pass --shared with the folder "
            "that holds them (the project's shared folder beside the checkout: shared/bench)"
        )
    pin = pinning(options.cpu)
    before = load()
    with tempfile.TemporaryDirectory(prefix="cse-bench-") as folder:
        work = Path(folder)
        cases = build(shared, work, options.sizes, options.orgs)
        for case in cases:
            print(f"bench: {case.name}…", file=sys.stderr)
            lines = commands(case, shared, work)
            measure(case, lines, options.repeats, pin)
            if options.instructions and len(case.repos) == 1:
                count(case, lines)
        pinned = f"pinned to CPU {pin[-1]}" if pin else "not pinned (no taskset)"
        return (
            f"{machine()}; medians of {options.repeats} rounds, {pinned}; "
            f"{before} before, {load()} after\n\n{table(cases)}\n"
        )


if __name__ == "__main__":
    main()
