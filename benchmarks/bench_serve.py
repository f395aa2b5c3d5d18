"""How fast `cse serve` answers: the time to the first page, and each page's time after start.

Run from the project's root:

    python benchmarks/bench_serve.py                 # Bolton, 200 requests per page
    python benchmarks/bench_serve.py --requests 50 --output /tmp/serve.md

It copies the Bolton example into a temporary git repository (committed, so the
overview and the Changes page compare with a real last version), starts `cse
serve` as a user does (a process, a free port, the printed address), and times
from the start of the process to the first page answered. Then, for each page,
it sends the requests one after another over one kept-alive connection, as a
browser does, and reports the median and the 95th percentile. The goals (issue
17): every page at most 50 ms median and 150 ms at the 95th percentile, and the
first page within 2 s of the start. Saves come with the editor's forms.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BOLTON = PROJECT / "examples" / "bolton"
PAGES = (
    "/",
    "/?stage=final",
    "/criterion/4",
    "/element/1.1.1",
    "/documents",
    "/reviews",
    "/reviews/surveillance-1",
    "/changes",
    "/reports",
)
LINE = re.compile(r"at http://([^/]+)/\?token=([\w-]+) ")


def _repository(folder: Path) -> Path:
    root = folder / "bolton"
    shutil.copytree(BOLTON, root)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-qm", "Bolton"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True)
    return root


def _connection(host: str) -> http.client.HTTPConnection:
    address, _, port = host.rpartition(":")
    return http.client.HTTPConnection(address, int(port), timeout=60)


def _get(connection: http.client.HTTPConnection, host: str, path: str, cookie: str) -> int:
    connection.request("GET", path, headers={"Host": host, "Cookie": cookie})
    answer = connection.getresponse()
    answer.read()
    return answer.status


def main() -> None:
    """Start the server, time the first page, then every page, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--output", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cse-bench-serve-") as folder:
        root = _repository(Path(folder))
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "cse_cli", "serve", str(root), "--port", "0", "--no-browser"],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            lines = _measure(process, started, options.requests)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.output:
        options.output.write_text(text, encoding="utf-8")


def _measure(process: subprocess.Popen[str], started: float, requests: int) -> list[str]:
    assert process.stdout is not None  # noqa: S101 - opened as a pipe above
    found = LINE.search(process.stdout.readline())
    assert found is not None  # noqa: S101 - the line cse serve prints
    host, token = found[1], found[2]
    connection = _connection(host)
    connection.request("GET", f"/?token={token}", headers={"Host": host})
    answer = connection.getresponse()
    answer.read()
    cookie = "; ".join(c.split(";", 1)[0] for c in answer.headers.get_all("set-cookie") or [])
    status = _get(connection, host, "/", cookie)
    first = time.perf_counter() - started
    lines = [
        f"Bolton, {requests} requests per page after start, one kept-alive connection.",
        "",
        f"From start to the first page ({status}): {first * 1000:.0f} ms (goal: at most 2,000 ms)",
        "",
        "| Page | Median (ms) | 95th percentile (ms) | Goal met |",
        "|---|---:|---:|---|",
    ]
    for path in PAGES:
        times = []
        for _ in range(requests):
            begun = time.perf_counter()
            assert _get(connection, host, path, cookie) == 200  # noqa: S101, PLR2004 - a page
            times.append((time.perf_counter() - begun) * 1000)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        met = "yes" if median <= 50 and p95 <= 150 else "no"  # noqa: PLR2004 - the goals
        lines.append(f"| `{path}` | {median:.1f} | {p95:.1f} | {met} |")
    connection.close()
    return lines


if __name__ == "__main__":
    main()
