"""The cycle's speed goals, side by side with `cse check` in one run.

Run from the project's root:

    python benchmarks/bench_cycle.py                 # 1,000 commits, 7 repeats
    python benchmarks/bench_cycle.py --commits 200 --repeats 3

It copies examples/anytown into a temporary git repository, adds COMMITS
commits that each change one element file (through `git fast-import`), then for
each repeat runs, one process each: `cse check --format json` of the working
tree, `cse history --range main~COMMITS..main --format json`, and `cse report
--review surveillance-1 --format html`. It prints a Markdown table of the median
wall-clock time, the median per-repeat ratio to `cse check`, and each command's
peak memory (its maximum resident set, from wait4). POSIX only.

The goals (issue 11): history over 1,000 commits at most 3x one check, under
100 MB; the surveillance report within 1.5x of check.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import MB, PROJECT, load, machine, pinning, run

ANYTOWN = PROJECT / "examples" / "anytown"


def build(root: Path, commits: int) -> None:
    """Anytown in a git repository, then `commits` commits each changing one element file."""
    shutil.copytree(ANYTOWN, root)
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, data: bytes | None = None) -> None:
        subprocess.run(["git", *args], cwd=root, input=data, check=True, env=env)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=b", "-c", "user.email=b@example.org", "add", "-A")
    git("-c", "user.name=b", "-c", "user.email=b@example.org", "commit", "-qm", "Anytown")
    names = sorted(p.name for p in (root / "evidence").glob("*.yaml"))
    texts = {n: (root / "evidence" / n).read_bytes() for n in names}
    stream = []
    for index in range(commits):
        name = names[index % len(names)]
        content = texts[name] + f"notes: change {index}\n".encode()
        stream.append(
            f"commit refs/heads/main\ncommitter b <b@example.org> {1_700_000_000 + index} "
            f"+0000\ndata 6\nchange\n".encode()
        )
        if index == 0:
            stream.append(b"from refs/heads/main^0\n")
        stream.append(f"M 100644 inline evidence/{name}\ndata {len(content)}\n".encode())
        stream.append(content + b"\n")
    git("fast-import", "--quiet", data=b"".join(stream))
    git("reset", "-q", "--hard", "main")


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    options = parser.parse_args()
    cse = [sys.executable, "-m", "cse_cli"]
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / "anytown"
        build(root, options.commits)
        commands = {
            "check": [*cse, "check", str(root), "--format", "json"],
            "history": [*cse, "history", str(root), "--range",
                        f"main~{options.commits}..main", "--format", "json"],
            "report --review": [*cse, "report", str(root), "--review", "surveillance-1",
                                "--format", "html"],
        }  # fmt: skip
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, int] = dict.fromkeys(commands, 0)
        pin = pinning()
        for repeat in range(-1, options.repeats):  # one untimed round: caches warm, .pyc written
            for name, command in commands.items():
                wall, cpu, peak, code = run(command, pin)
                if code != 0:
                    sys.exit(f"bench: {' '.join(command)} exited {code}")
                if repeat >= 0:
                    walls[name].append(wall)
                    cpus[name].append(cpu)
                    peaks[name] = max(peaks[name], peak)
    print(f"{machine()}; {load()}\n")
    print(f"| Command ({options.commits:,} commits, {options.repeats} repeats) | Median ms "
          "| Ratio to check (wall) | Ratio (CPU) | Peak MB |")  # fmt: skip
    print("|---|--:|--:|--:|--:|")
    for name in commands:
        ratio = statistics.median(a / b for a, b in zip(walls[name], walls["check"], strict=True))
        cpu = statistics.median(a / b for a, b in zip(cpus[name], cpus["check"], strict=True))
        print(
            f"| `cse {name}` | {statistics.median(walls[name]) * 1000:.0f} | {ratio:.2f}x "
            f"| {cpu:.2f}x | {peaks[name] / MB:.0f} |"
        )


if __name__ == "__main__":
    main()
