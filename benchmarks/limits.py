"""Every command at each limit of a whole repository: none may take over 5 s or 300 MB.

Run from the project's root (`python benchmarks/bench.py --limits` runs it too):

    python benchmarks/limits.py --repeats 3     # about 5 minutes

It builds, in git, a repository at each limit the README states for a whole
repository, HEAD changing every element file so that `cse diff` reads and
compares both sides whole, and runs nine commands on each, one process each
(untimed once, then timed).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import tempfile
from pathlib import Path

from measure import Timings, cse_command, load, machine, run, time_all


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
    from cse_cli.io.limits import MAX_LINK_BYTES
    from cse_cli.io.resources import load_standard
    from cse_cli.rules.repository_limits import (
        MAX_ELEMENT_FILES,
        MAX_EVIDENCE_BYTES,
        MAX_EVIDENCE_ITEMS,
        MAX_EVIDENCE_VALUES,
    )

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
    """Parse the options, measure, and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each command")
    options = parser.parse_args()
    table = limits(options.repeats)
    print(f"{machine()}; medians of {options.repeats} runs; {load()}\n\n{table}")


if __name__ == "__main__":
    main()
