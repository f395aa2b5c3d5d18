"""How fast `cse serve` answers: the first page, every page, a save, memory, and the limits.

Run from the project's root:

    python benchmarks/bench_serve.py                 # Bolton: pages, saves, memory
    python benchmarks/bench_serve.py --requests 50 --saves 200 --output /tmp/serve.md
    python benchmarks/bench_serve.py --limits        # every page at each repository limit

It copies the Bolton example into a temporary git repository (committed, so the
overview and the Changes page compare with a real last version), starts `cse
serve` as a user does (a process, a free port, the printed address), and times
from the start of the process to the first page answered. Then, for each page,
it sends the requests one after another over one kept-alive connection, as a
browser does, and reports the median and the 95th percentile. A save is the
element form sent as a browser sends it, its rating changed each time: the
POST (validated with `check_file_in`, written, taken as the new state) and the
page it leads to, which shows the new verdict; and the live verdict alone (the
POST a rating's change makes with JavaScript). The server's resident memory is
read from /proc after start, after the pages, and after every save. The goals
(issue 17): every page at most 50 ms median and 150 ms at the 95th percentile;
a save with its verdict at most 200 ms median; the first page within 2 s of the
start; memory flat after 1,000 saves, at most 150 MB; every page at the
repository's limits within 2 s (`--limits`, on `limits.py`'s repositories).
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
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.helpers import form_of, multipart_files  # noqa: E402 - the project's root first

if TYPE_CHECKING:
    from collections.abc import Iterator

BOLTON = PROJECT / "examples" / "bolton"
PAGES = (
    "/",
    "/?stage=final",
    "/criterion/4",
    "/element/1.1.1",
    "/element/5.3.1",
    "/documents",
    "/reviews",
    "/reviews/surveillance-1",
    "/cite?q=survey&element=1.1.1",
    "/changes",
    "/reports",
)
LINE = re.compile(r"at http://([^/]+)/\?token=([\w-]+) ")
SAVED = "/element/5.3.1"


class Client:
    """One kept-alive connection to the server, with the cookies of the printed address."""

    def __init__(self, host: str, token: str) -> None:
        """Connect and take the cookies the token gives."""
        self.host = host
        address, _, port = host.rpartition(":")
        self.connection = http.client.HTTPConnection(address, int(port), timeout=120)
        self.connection.request("GET", f"/?token={token}", headers={"Host": host})
        answer = self.connection.getresponse()
        answer.read()
        found = answer.headers.get_all("set-cookie") or []
        self.cookie = "; ".join(c.split(";", 1)[0] for c in found)
        self.csrf = next(c.split("=", 1)[1].split(";")[0] for c in found if "csrf" in c)

    def get(self, path: str) -> tuple[int, str]:
        """A GET: its status and page."""
        self.connection.request("GET", path, headers={"Host": self.host, "Cookie": self.cookie})
        answer = self.connection.getresponse()
        return answer.status, answer.read().decode("utf-8", "replace")

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        """A form sent as the editor's forms are: multipart, the CSRF token first."""
        sent = [("csrftoken", self.csrf), *fields.items()]
        body, kind = multipart_files(sent, [])
        headers = {"Host": self.host, "Cookie": self.cookie, "Content-Type": kind}
        self.connection.request("POST", path, body=body, headers=headers)
        answer = self.connection.getresponse()
        return answer.status, answer.read().decode("utf-8", "replace")


def _repository(folder: Path, source: Path = BOLTON) -> Path:
    root = folder / source.name
    shutil.copytree(source, root, symlinks=True)
    if not (root / ".git").exists():
        for args in (
            ["init", "-q", "-b", "main"],
            ["add", "-A"],
            ["-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-qm", "a"],
        ):
            subprocess.run(["git", *args], cwd=root, check=True)
    return root


@contextmanager
def serving(root: Path) -> Iterator[tuple[subprocess.Popen[str], Client, float]]:
    """`cse serve` on `root`: its process, a client, and the seconds from start to first page."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "cse_cli", "serve", str(root), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None  # noqa: S101 - opened as a pipe above
        found = LINE.search(process.stdout.readline())
        assert found is not None  # noqa: S101 - the line cse serve prints
        client = Client(found[1], found[2])
        assert client.get("/")[0] == 200  # noqa: S101, PLR2004 - the first page
        yield process, client, time.perf_counter() - started
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def _timed(requests: int, ask: object) -> tuple[float, float]:
    """The median and 95th percentile, in ms, of `requests` calls of `ask`."""
    times = []
    for _ in range(requests):
        begun = time.perf_counter()
        ask()  # type: ignore[operator]
        times.append((time.perf_counter() - begun) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def _rss(process: subprocess.Popen[str]) -> float:
    """The server's resident memory, in MB."""
    status = Path(f"/proc/{process.pid}/status").read_text(encoding="utf-8")
    return int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024  # type: ignore[index]


def _row(name: str, median: float, p95: float, goal_median: float, goal_p95: float) -> str:
    met = "yes" if median <= goal_median and p95 <= goal_p95 else "no"
    return f"| {name} | {median:.1f} | {p95:.1f} | {met} |"


def bolton(requests: int, saves: int) -> list[str]:
    """Bolton's figures: start, pages, saves and memory."""
    with (
        tempfile.TemporaryDirectory(prefix="cse-bench-serve-") as folder,
        serving(_repository(Path(folder))) as (process, client, first),
    ):
        lines = [
            f"Bolton, {requests} requests per page after start, one kept-alive connection.",
            "",
            f"From start to the first page: {first * 1000:.0f} ms (goal: at most 2,000 ms)",
            "",
            "| Request | Median (ms) | 95th percentile (ms) | Goal met |",
            "|---|---:|---:|---|",
        ]
        memory = [("after start", _rss(process))]
        lines += [
            _row(f"`GET {path}`", *_timed(requests, lambda p=path: client.get(p)), 50, 150)
            for path in PAGES
        ]
        memory.append(("after the pages", _rss(process)))
        form = form_of(client.get(SAVED)[1])
        ratings = iter(["full", "partial"] * saves)

        def save() -> None:
            status, _ = client.post(
                SAVED, {**form_of(client.get(SAVED)[1]), "final": next(ratings)}
            )
            assert status == 303  # noqa: S101, PLR2004 - saved
            assert client.get(f"{SAVED}?saved=yes")[0] == 200  # noqa: S101, PLR2004

        def verdict() -> None:
            assert client.post(f"{SAVED}/check", {**form, "final": "full"})[0] == 200  # noqa: S101, PLR2004

        lines.append(
            _row("live verdict (`POST /element/5.3.1/check`)", *_timed(requests, verdict), 200, 600)
        )
        lines.append(
            _row(
                f"save and its page, {saves} saves (with the form's GET)",
                *_timed(saves, save),
                200,
                600,
            )
        )
        memory.append((f"after {saves} saves", _rss(process)))
    return [
        *lines,
        "",
        "Resident memory: "
        + "; ".join(f"{when} {mb:.0f} MB" for when, mb in memory)
        + " (goal: flat, at most 150 MB)",
    ]


def limits() -> list[str]:
    """Every page at each of `limits.py`'s repositories: the slowest of three, against 2 s."""
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from limits import limit_cases

    lines = [
        "| Repository at the limit | Start (s) | Slowest page | Its time (s) | Goal met |",
        "|---|--:|---|--:|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="cse-bench-limits-") as folder:
        for name, root in limit_cases(Path(folder)):
            with serving(root) as (_, client, first):
                pages = [*PAGES, "/element/1.1.1?as=text", "/reviews/surveillance-2"]
                slowest = max(
                    (max(_time_once(client, path) for _ in range(3)), path) for path in pages
                )
            met = "yes" if slowest[0] <= 2 else "no"  # noqa: PLR2004 - the goal, in seconds
            lines.append(f"| {name} | {first:.2f} | `{slowest[1]}` | {slowest[0]:.2f} | {met} |")
    return lines


def _time_once(client: Client, path: str) -> float:
    begun = time.perf_counter()
    status, _ = client.get(path)
    assert status in {200, 404}  # noqa: S101 - a page (404: a name the repository lacks)
    return time.perf_counter() - begun


def main() -> None:
    """Measure, and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--limits", action="store_true", help="every page at the limits")
    parser.add_argument("--output", type=Path)
    options = parser.parse_args()
    lines = limits() if options.limits else bolton(options.requests, options.saves)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if options.output:
        options.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
