"""How the benchmarks time a command: a whole process, as a user or a hook waits for it.

Each run is a process of its own (`cse` as installed, or Python running a
script), its wall-clock time measured from the outside and its own CPU time and
peak memory read from `wait4`. Where `taskset` exists every process is pinned to
one CPU, the same for every command compared, so that a process is never moved
between CPUs and the commands compared meet the same CPU. Commands compared run
alternately, in rounds, so that whatever else the machine does falls on both;
what is reported is the median of the per-round ratios. On a shared machine the
instructions a process executes (valgrind's cachegrind) are also counted: they
do not depend on the load at all. POSIX only (wait4).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
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

    def cpu_ms(self) -> float:
        """The median CPU time (user and system) in milliseconds."""
        return statistics.median(self.cpu) * 1000

    def peak_mb(self) -> float:
        """The largest peak resident memory of any run, in MB."""
        return max(self.peak) / MB


def ratio(numerator: list[float], denominator: list[float]) -> float:
    """The median of the per-round ratios of two commands' times."""
    return statistics.median(a / b for a, b in zip(numerator, denominator, strict=True))


def quartiles(numerator: list[float], denominator: list[float]) -> tuple[float, float]:
    """The first and third quartiles of the per-round ratios: how much they spread."""
    ratios = [a / b for a, b in zip(numerator, denominator, strict=True)]
    if len(ratios) < 2:  # noqa: PLR2004 - quartiles need two values
        return ratios[0], ratios[0]
    low, _, high = statistics.quantiles(ratios, n=4)
    return low, high


def pinning(cpu: int | None = None) -> list[str]:
    """The prefix that pins a process to one CPU (`taskset -c N`), or none without taskset.

    By default the last CPU this process may use.
    """
    taskset = shutil.which("taskset")
    if taskset is None or not hasattr(os, "sched_getaffinity"):
        return []
    chosen = max(os.sched_getaffinity(0)) if cpu is None else cpu
    return [taskset, "-c", str(chosen)]


def run(command: list[str], pin: list[str] | None = None) -> tuple[float, float, int, int]:
    """Run one process to its end: (wall seconds, CPU seconds, peak resident bytes, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*(pin or []), *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)  # reaped by wait4 itself
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return wall, usage.ru_utime + usage.ru_stime, peak, code


def time_all(
    commands: list[list[str]], into: Timings, ok: set[int], pin: list[str] | None = None
) -> None:
    """Run the commands one after another (a repository each) and record their total."""
    wall = cpu = 0.0
    peak = 0
    for command in commands:
        took, used, resident, code = run(command, pin)
        if code not in ok:
            sys.exit(f"bench: {' '.join(command)} exited {code}")
        wall, cpu, peak = wall + took, cpu + used, max(peak, resident)
    into.wall.append(wall)
    into.cpu.append(cpu)
    into.peak.append(peak)


def instructions(command: list[str]) -> int | None:
    """The instructions one run of `command` executes (cachegrind), None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         *command],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is not None:
        return int(found[1].replace(",", ""))
    sys.exit(f"bench: valgrind counted nothing for {' '.join(command)}:\n{done.stderr}")


def cse_command() -> list[str]:
    """The installed `cse` program, as users run it (else `python -m cse_cli`)."""
    script = shutil.which("cse", path=str(Path(sys.executable).parent))
    return [sys.executable, script] if script else [sys.executable, "-m", "cse_cli"]


def machine() -> str:
    """The machine and the Python the numbers were measured with."""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def load() -> str:
    """The load average over the last 1, 5 and 15 minutes, to set beside the figures."""
    if not hasattr(os, "getloadavg"):
        return "load unknown"
    return "load average " + " / ".join(f"{value:.1f}" for value in os.getloadavg())
