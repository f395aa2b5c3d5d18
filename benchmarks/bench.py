"""How fast `cse check` is next to a floor: the least a Python checker of the same files does.

Run from the project's root:

    python benchmarks/bench.py                         # every size, 21 runs each
    python benchmarks/bench.py --sizes 6 --orgs 0 --repeats 5 --output /tmp/bench.md

gen_repo.py and floor_check.py are not part of this repository: they come from the
project's shared folder beside the checkout (../shared/bench, or the nearest
shared/bench above it; elsewhere, pass --shared DIR). It writes synthetic evidence
repositories with gen_repo.py (57 element files of 6, 60 and 300 evidence items
each, and 10 repositories of 6 items side by side) into a temporary folder. Then,
for each repeat, it runs in turn the floor (floor_check.py), `cse check --format
json` and `cse report --format html -o FILE` on the same files, one process each, as
a user or a CI job runs them. It prints, as a Markdown table, the median time of
each, the median of the per-repeat ratios (by wall-clock time, and by CPU time,
which another busy process on the machine disturbs less), each process's peak memory
(its own maximum resident set, from wait4), and how time grows with the evidence.
POSIX only (wait4).

The 10 repositories are checked one process per repository in turn, for both
tools: that is how 10 organisations' CI jobs, or a loop over their folders, run
them, and neither tool reads more than one repository per process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
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
MB = 1_000_000
TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass
class Timings:
    """Wall-clock and CPU seconds, and peak memory in bytes, of each run of a command."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: list[int] = field(default_factory=list)

    def median_ms(self) -> float:
        """The median wall-clock time in milliseconds."""
        return statistics.median(self.wall) * 1000

    def peak_mb(self) -> float:
        """The largest peak resident memory of any run, in MB."""
        return max(self.peak) / MB


@dataclass
class Case:
    """One kind of repository: the folders to check and what each tool took."""

    name: str
    items: int
    repos: list[Path]
    floor: Timings = field(default_factory=Timings)
    check: Timings = field(default_factory=Timings)
    report: Timings = field(default_factory=Timings)

    def evidence_bytes(self) -> int:
        """The size of the element files of every repository of the case."""
        return sum(
            path.stat().st_size for repo in self.repos for path in (repo / "evidence").iterdir()
        )


def ratio(numerator: list[float], denominator: list[float]) -> float:
    """The median of the per-repeat ratios of two commands' times."""
    return statistics.median(a / b for a, b in zip(numerator, denominator, strict=True))


def run(command: list[str]) -> tuple[float, float, int, int]:
    """Run one process to its end: (wall seconds, CPU seconds, peak resident bytes, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)  # reaped by wait4 itself
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return wall, usage.ru_utime + usage.ru_stime, peak, code


def time_all(commands: list[list[str]], into: Timings, ok: set[int]) -> None:
    """Run the commands one after another (a repository each) and record their total."""
    wall = cpu = 0.0
    peak = 0
    for command in commands:
        took, used, resident, code = run(command)
        if code not in ok:
            sys.exit(f"bench: {' '.join(command)} exited {code}")
        wall, cpu, peak = wall + took, cpu + used, max(peak, resident)
    into.wall.append(wall)
    into.cpu.append(cpu)
    into.peak.append(peak)


def cse_command() -> list[str]:
    """The installed `cse` program, as users run it (else `python -m cse_cli`)."""
    script = shutil.which("cse", path=str(Path(sys.executable).parent))
    return [sys.executable, script] if script else [sys.executable, "-m", "cse_cli"]


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


def measure(case: Case, shared: Path, repeats: int, work: Path) -> None:
    """Time the floor, check and report on a case, in turn, `repeats` times."""
    cse = cse_command()
    html = str(work / "report.html")
    floor = [[sys.executable, str(shared / "floor_check.py"), str(repo)] for repo in case.repos]
    check = [[*cse, "check", str(repo), "--format", "json"] for repo in case.repos]
    report = [[*cse, "report", str(repo), "--format", "html", "-o", html] for repo in case.repos]
    for command in check:  # the evidence is valid, so every run does all the work
        verify = subprocess.run(command, capture_output=True, text=True, check=False)
        if verify.returncode not in {0, 1} or json.loads(verify.stdout)["problems"]:
            sys.exit(f"bench: cse check found problems:\n{verify.stdout}{verify.stderr}")
    for _ in range(2):  # warm up the disk cache, and Python's bytecode caches
        time_all(floor, Timings(), {0})
        time_all(check, Timings(), {0, 1})
        time_all(report, Timings(), {0})
    for _ in range(repeats):
        time_all(floor, case.floor, {0})
        time_all(check, case.check, {0, 1})
        time_all(report, case.report, {0})


def table(cases: list[Case]) -> str:
    """The results as Markdown tables: time and memory, then growth per evidence item."""
    header = (
        "| Case | Evidence | Floor | `cse check` | Ratio (wall) | Ratio (CPU) "
        "| Peak memory floor / check | `cse report --format html` | Report / check |"
    )
    lines = [header, "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    lines.extend(
        f"| {case.name} | {case.evidence_bytes() / MB:.2f} MB "
        f"| {case.floor.median_ms():.0f} ms | {case.check.median_ms():.0f} ms "
        f"| {ratio(case.check.wall, case.floor.wall):.2f}{TIMES} "
        f"| {ratio(case.check.cpu, case.floor.cpu):.2f}{TIMES} "
        f"| {case.floor.peak_mb():.0f} / {case.check.peak_mb():.0f} MB "
        f"| {case.report.median_ms():.0f} ms "
        f"| {ratio(case.report.wall, case.check.wall):.2f}{TIMES} |"
        for case in cases
    )
    single = sorted((c for c in cases if len(c.repos) == 1), key=lambda c: c.items)
    if len(single) > 1:
        lines += [
            "",
            f"Growth: milliseconds per 1,000 evidence items more ({ELEMENTS} files, medians)",
            "",
            "| From → to | Floor | `cse check` | `cse report` |",
            "|---|--:|--:|--:|",
        ]
        for low, high in itertools.pairwise(single):
            thousands = (high.items - low.items) * ELEMENTS / 1000
            grown = [
                (getattr(high, tool).median_ms() - getattr(low, tool).median_ms()) / thousands
                for tool in ("floor", "check", "report")
            ]
            cells = " | ".join(f"{value:.1f}" for value in grown)
            lines.append(f"| {low.items} → {high.items} items | {cells} |")
    return "\n".join(lines)


BRIDGE_ROWS = 5_000  # evidence items in the matrix `--bridges` exports and imports
BRIDGE_GOALS = {"export": 2.0, "import": 3.0}  # seconds, from the issue
CITE_EVERY = 10  # one item in this many cites another with ref:


def bridge_repository(folder: Path, rows: int) -> Path:
    """A repository of `rows` evidence items over the 57 elements, every column of a matrix used."""
    import yaml

    sys.path.insert(0, str(PROJECT / "src"))
    from cse_cli.io.resources import load_standard

    ids = load_standard().element_ids()
    (folder / "evidence").mkdir(parents=True)
    (folder / "cse.yaml").write_text('organisation: "Bench Council"\n', encoding="utf-8")
    for index, element in enumerate(ids):
        items: list[dict[str, object]] = []
        for n in range(index, rows, len(ids)):
            if n % CITE_EVERY == 0 and n >= len(ids):  # cite an item of an earlier element
                items.append({"ref": f"ES-{n % len(ids)}", "notes": "Cited again"})
                continue
            items.append({"id": f"ES-{n}", "title": f"Evidence number {n} for {element}",
                          "owner": f"O{n % 7}", "service": f"Service {n % 5}",
                          "date": f"2025-{n % 12 + 1:02d}-15", "notes": "Strong",
                          "url": f"https://example.org/evidence/{n}"})  # fmt: skip
        data = {"element": element, "self_assessment": "full", "evidence": items}
        text = yaml.safe_dump(data, sort_keys=False)
        (folder / "evidence" / f"{element}.yaml").write_text(text, encoding="utf-8")
    return folder


def bridges(work: Path, repeats: int, rows: int = BRIDGE_ROWS) -> str:
    """Time `cse export` and `cse import` of a matrix of `rows` items, as xlsx and as CSV."""
    repo = bridge_repository(work / "bridge-repo", rows)
    cse = cse_command()
    lines = [
        f"| Matrix of {rows:,} items | Median (wall) | Median (CPU) | Goal | Peak memory |",
        "|---|--:|--:|--:|--:|",
    ]
    for output_format in ("xlsx", "csv"):
        matrix = work / f"matrix.{output_format}"
        export = [*cse, "export", str(repo), "--format", output_format, "-o", str(matrix)]
        exported, imported = Timings(), Timings()
        for attempt in range(repeats + 2):  # two warm-up rounds, as for check
            target = work / f"imported-{output_format}-{attempt}"
            timings = [Timings(), Timings()] if attempt < 2 else [exported, imported]  # noqa: PLR2004
            time_all([export], timings[0], {0})
            time_all([[*cse, "import", str(matrix), str(target)]], timings[1], {0})
            shutil.rmtree(target)
        for name, timed in (("export", exported), ("import", imported)):
            lines.append(
                f"| `cse {name}` ({output_format}) | {timed.median_ms():.0f} ms | "
                f"{statistics.median(timed.cpu) * 1000:.0f} ms | "
                f"< {BRIDGE_GOALS[name]:.0f} s | {timed.peak_mb():.0f} MB |"
            )
    return "\n".join(lines)


def machine() -> str:
    """The machine and the Python the numbers were measured with."""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def documents(repeats: int) -> str:
    """The Word report and the pack, measured by benchmarks/bridges.py."""
    from bridges import measure as measure_bridges

    return measure_bridges(repeats, packs=3)


def limit_cases(work: Path) -> list[tuple[str, Path]]:
    """Repositories at each repository-wide limit of the README, in git (HEAD~1 and HEAD).

    - the element files together just under MAX_EVIDENCE_VALUES, of the smallest
      values YAML has (`- a`), the costliest bytes to read;
    - just under MAX_EVIDENCE_ITEMS evidence items, each with a title, service,
      date and url, as real items are (the costliest to validate and check);
    - just under MAX_EVIDENCE_BYTES of long notes, few values;
    - MAX_ELEMENT_FILES element files;
    - a link whose target is MAX_LINK_BYTES long, resolved by `cse diff`.

    HEAD changes every element file, so that `cse diff` reads and compares both
    sides whole.
    """
    from cse_cli.io.limits import (
        MAX_ELEMENT_FILES,
        MAX_EVIDENCE_BYTES,
        MAX_EVIDENCE_ITEMS,
        MAX_EVIDENCE_VALUES,
        MAX_LINK_BYTES,
    )
    from cse_cli.io.resources import load_standard

    ids = list(load_standard().element_ids())
    cases = []
    values = work / "limit-values"
    each = MAX_EVIDENCE_VALUES // len(ids) - 20  # head and the change in HEAD
    for element in ids:
        head = f'element: "{element}"\nfinal: full\nkey_questions:\n'
        _write(values / "evidence" / f"{element}.yaml", head + "- a\n" * each)
    cases.append((f"{MAX_EVIDENCE_VALUES:,} values of `- a`", values))
    items = work / "limit-items"
    for element in ids:
        lines = [f'element: "{element}"', "final: full", "evidence:"]
        for n in range(MAX_EVIDENCE_ITEMS // len(ids)):
            lines += [
                f'  - title: "Evidence {element}-{n}: survey results and action plan"',
                '    service: "Student Services"',
                "    date: 2025-04-05",
                f"    url: https://example.org/evidence/{element}/{n}",
            ]
        _write(items / "evidence" / f"{element}.yaml", "\n".join(lines) + "\n")
    cases.append((f"{MAX_EVIDENCE_ITEMS:,} evidence items", items))
    dense = work / "limit-bytes"
    budget = MAX_EVIDENCE_BYTES // len(ids) - 200
    for element in ids:
        head = f'element: "{element}"\nfinal: full\nkey_questions:\n'
        line = "- " + "a" * 998 + "\n"
        _write(dense / "evidence" / f"{element}.yaml", head + line * (budget // len(line)))
    cases.append((f"{MAX_EVIDENCE_BYTES:,} bytes of long key questions", dense))
    many = work / "limit-files"
    for number in range(MAX_ELEMENT_FILES):
        element = ids[number % len(ids)]
        _write(many / "evidence" / f"{element}-{number}.yaml", f'element: "{element}"\n')
    cases.append((f"{MAX_ELEMENT_FILES} element files", many))
    link = work / "limit-link"
    _write(
        link / "evidence" / "1.1.1.yaml", 'element: "1.1.1"\nevidence: [{title: T, path: d/l}]\n'
    )
    (link / "d").mkdir()
    (link / "d" / "l").symlink_to("./" * (MAX_LINK_BYTES // 2 - 1) + "x")
    cases.append((f"a link target of {MAX_LINK_BYTES:,} bytes", link))
    for _, root in cases:
        (root / "cse.yaml").write_text("organisation: Limits\n")
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "a"]):
            _git(root, *args)
        for path in (root / "evidence").glob("*.yaml"):
            with path.open("a", encoding="utf-8") as file:
                file.write("notes: changed in HEAD\n")
        _git(root, "commit", "-qam", "b")
    return cases


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", *identity, *args], cwd=root, check=True, capture_output=True)


def limits(repeats: int) -> str:
    """A Markdown table: each command's median time and peak memory at each limit."""
    cse = cse_command()
    lines = [
        "| Repository at the limit | Command | Median s | CPU s | Peak MB |",
        "|---|---|--:|--:|--:|",
    ]
    with tempfile.TemporaryDirectory(prefix="cse-limits-") as folder:
        outputs = itertools.count()
        for name, root in limit_cases(Path(folder)):
            commands = {
                "check --format json": ["check", str(root), "--format", "json"],
                "gap": ["gap", str(root)],
                "report --format md": ["report", str(root), "--format", "md"],
                "report --format html": ["report", str(root), "--format", "html"],
                "report --format docx": [
                    "report", str(root), "--format", "docx", "-o", "{out}.docx",
                ],
                "diff HEAD~1 HEAD": ["diff", "HEAD~1", "HEAD", "--path", str(root)],
                "history --range HEAD~1..HEAD": [
                    "history", str(root), "--range", "HEAD~1..HEAD", "--format", "json",
                ],
                "export --format xlsx": [
                    "export", str(root), "--format", "xlsx", "-o", "{out}.xlsx",
                ],
                "pack": ["pack", str(root), "-o", "{out}.zip"],
            }  # fmt: skip
            for label, args in commands.items():
                timings = Timings()

                def command(args: list[str] = args) -> list[str]:
                    out = f"{folder}/out-{next(outputs)}"  # a new file each run: never replaced
                    return [*cse, *(arg.replace("{out}", out) for arg in args)]

                run(command())  # warm-up: bytecode written
                for _ in range(repeats):
                    time_all([command()], timings, {0, 1, 2})
                lines.append(
                    f"| {name} | {label} | {statistics.median(timings.wall):.2f} | "
                    f"{statistics.median(timings.cpu):.2f} | {timings.peak_mb():.0f} |"
                )
    return "\n".join(lines)


def main() -> None:
    """Parse the options, build the repositories, measure, and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 60, 300],
                        help="evidence items per element file, a repository each")  # fmt: skip
    parser.add_argument("--orgs", type=int, default=ORGS,
                        help="repositories of 6 items side by side (0: none)")  # fmt: skip
    parser.add_argument("--repeats", type=int, default=21, help="timed runs of each command")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the folder of gen_repo.py and floor_check.py")  # fmt: skip
    parser.add_argument("--output", type=Path, help="also write the tables to this file")
    parser.add_argument("--bridges", action="store_true",
                        help=f"time cse export and cse import of a {BRIDGE_ROWS:,}-row matrix, "
                        "the Word report and the pack instead")  # fmt: skip
    parser.add_argument("--limits", action="store_true",
                        help="time every command at each limit instead")  # fmt: skip
    options = parser.parse_args()
    if options.limits:
        print(f"{machine()}; medians of {options.repeats} runs\n\n{limits(options.repeats)}")
        return
    if options.bridges:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        with tempfile.TemporaryDirectory(prefix="cse-bench-") as folder:
            result = f"{machine()}; medians of {options.repeats} runs\n\n"
            result += bridges(Path(folder), options.repeats) + "\n\n"
            result += documents(options.repeats) + "\n"
        print(result)
        if options.output is not None:
            options.output.write_text(result, encoding="utf-8")
        return
    shared: Path = options.shared
    missing = [name for name in ("gen_repo.py", "floor_check.py") if not (shared / name).is_file()]
    if missing:
        sys.exit(
            f"bench: no {' or '.join(missing)} in {shared}: pass --shared with the folder "
            "that holds them (the project's shared folder beside the checkout: shared/bench)"
        )
    # As after a normal install, where bytecode is compiled: the warm-up runs write it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="cse-bench-") as folder:
        work = Path(folder)
        cases = build(shared, work, options.sizes, options.orgs)
        for case in cases:
            print(f"bench: {case.name}…", file=sys.stderr)
            measure(case, shared, options.repeats, work)
        result = f"{machine()}; medians of {options.repeats} runs\n\n{table(cases)}\n"
    print(result)
    if options.output is not None:
        options.output.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
