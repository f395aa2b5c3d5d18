"""The bridges' goals: export and import of a matrix, the Word report, and `pack`'s memory.

Run from the project's root (`python benchmarks/bench.py --bridges` runs it too):

    python benchmarks/bridges.py                  # 21 runs of each, 3 packs
    python benchmarks/bridges.py --repeats 5 --packs 1 --output /tmp/bridges.md

1. `cse export --format xlsx|csv` of a repository of 5,000 evidence items and
   `cse import` of what it wrote, one process each: the goals are under 2 s and
   under 3 s.
2. `cse report examples/bolton --format docx -o FILE` and `--format html -o FILE`,
   in turn, one process each: the goal is docx within 3x html (wall-clock).
3. `cse pack` of a repository of 300 documents totalling 500 MB (random bytes,
   which do not compress, as PDFs and photographs barely do), cited by the 57
   element files, some by two: the goal is a peak memory (maximum resident set,
   from wait4) under 100 MB, however large the documents are.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path

from measure import MB, PROJECT, TIMES, Timings, cse_command, load, machine, ratio, time_all

BOLTON = PROJECT / "examples" / "bolton"
DOCUMENTS = 300
TOTAL_BYTES = 500 * MB
CHUNK = 1 << 20


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


def reports(repeats: int, work: Path) -> str:
    """Time the Word and the HTML report of Bolton; the table row as Markdown."""
    cse = cse_command()
    html = [[*cse, "report", str(BOLTON), "--format", "html", "-o", str(work / "b.html")]]
    docx = [[*cse, "report", str(BOLTON), "--format", "docx", "-o", str(work / "b.docx")]]
    for _ in range(2):  # warm up the disk cache and the bytecode caches
        time_all(html, Timings(), {0})
        time_all(docx, Timings(), {0})
    timed_html, timed_docx = Timings(), Timings()
    for _ in range(repeats):
        time_all(html, timed_html, {0})
        time_all(docx, timed_docx, {0})
    return (
        "| `report --format html` | `report --format docx` | Ratio (wall) | Ratio (CPU) "
        "| Peak memory html / docx |\n|--:|--:|--:|--:|--:|\n"
        f"| {timed_html.median_ms():.0f} ms | {timed_docx.median_ms():.0f} ms "
        f"| {ratio(timed_docx.wall, timed_html.wall):.2f}{TIMES} "
        f"| {ratio(timed_docx.cpu, timed_html.cpu):.2f}{TIMES} "
        f"| {timed_html.peak_mb():.0f} / {timed_docx.peak_mb():.0f} MB |"
    )


def documents_repository(root: Path) -> int:
    """Write a repository citing DOCUMENTS documents of TOTAL_BYTES in all; their total."""
    from cse_cli.io.resources import load_standard

    elements = [e.id for c in load_standard().criteria for e in c.elements]
    (root / "evidence").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "cse.yaml").write_text('organisation: "Pack Benchmark Council"\n', encoding="utf-8")
    size = TOTAL_BYTES // DOCUMENTS
    cited: dict[str, list[str]] = {element: [] for element in elements}
    for number in range(DOCUMENTS):
        name = f"documents/document-{number:03}.pdf"
        with (root / name).open("wb") as stream:
            left = size
            while left:
                chunk = os.urandom(min(CHUNK, left))
                stream.write(chunk)
                left -= len(chunk)
        cited[elements[number % len(elements)]].append(name)
        if number % 5 == 0:  # cited by a second element too: packed once
            cited[elements[(number + 7) % len(elements)]].append(name)
    for element, names in cited.items():
        items = "".join(f"  - title: {Path(n).stem}\n    path: {n}\n" for n in names)
        (root / "evidence" / f"{element}.yaml").write_text(
            f'element: "{element}"\nfinal: full\nevidence:\n{items}', encoding="utf-8"
        )
    return size * DOCUMENTS


def pack(packs: int, work: Path) -> str:
    """Pack the documents' repository `packs` times; the table row as Markdown."""
    root = work / "documents-repo"
    total = documents_repository(root)
    target = work / "pack.zip"
    command = [*cse_command(), "pack", str(root), "-o", str(target)]
    timings = Timings()
    for _ in range(packs):
        time_all([command], timings, {0})
    with zipfile.ZipFile(target) as packed:
        inside = [n for n in packed.namelist() if n.startswith("documents/")]
    if len(inside) != DOCUMENTS:
        sys.exit(f"bench: the pack holds {len(inside)} documents, not {DOCUMENTS}")
    return (
        "| Documents | Their total | Pack | Time (median) | Peak memory (largest) |\n"
        "|--:|--:|--:|--:|--:|\n"
        f"| {DOCUMENTS} | {total / MB:.0f} MB | {target.stat().st_size / MB:.0f} MB "
        f"| {statistics.median(timings.wall):.1f} s | {timings.peak_mb():.0f} MB |"
    )


def measure(repeats: int, packs: int) -> str:
    """Every measurement of the bridges, as Markdown."""
    with tempfile.TemporaryDirectory(prefix="cse-bridges-") as folder:
        work = Path(folder)
        print(f"bench: export and import of {BRIDGE_ROWS:,} items…", file=sys.stderr)
        matrix_table = bridges(work, repeats)
        print("bench: report --format docx and html…", file=sys.stderr)
        report_table = reports(repeats, work)
        print("bench: pack of 500 MB…", file=sys.stderr)
        pack_table = pack(packs, work) if packs else ""
    return (
        f"{machine()}; medians of {repeats} runs; packs: {packs} runs; {load()}\n\n"
        f"{matrix_table}\n\n{report_table}\n\n{pack_table}\n"
    )


def main() -> None:
    """Parse the options, measure, and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed runs of each command")
    parser.add_argument("--packs", type=int, default=3, help="timed packs of 500 MB (0: none)")
    parser.add_argument("--output", type=Path, help="also write the tables to this file")
    options = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    result = measure(options.repeats, options.packs)
    print(result)
    if options.output is not None:
        options.output.write_text(result, encoding="utf-8")


if __name__ == "__main__":
    main()
