"""Coverage-guided fuzzing of the YAML loader and the evidence reader, with atheris.

Every input goes through the checks of tests/fuzzing.py: first `load` alone
(never raises, every problem at line >= 1 and column >= 1 on one line, and with
no problem the data PyYAML's safe loader makes), then `read_evidence` with the
input as an element file and as cse.yaml of a repository held in memory. A check
that fails is a crash: atheris prints it and saves the input.

    python fuzz/fuzz_loader.py [LIBFUZZER-FLAGS] [CORPUS-FOLDER [SEED-FOLDER...]]

The corpus folder (default fuzz/corpus/) is seeded at start-up with the Bolton
example and the YAML files of the cases in tests/data/. Without atheris, or
with --replay, the seeds and the files named are only run through the checks.
fuzz/README.md says how to run it for longer and what to do with a crash.
"""

from __future__ import annotations

import hashlib
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "fuzz" / "corpus"
MAX_SEED_BYTES = 100_000  # the larger cases (a file over the size limit) teach the fuzzer nothing


def seeds() -> Iterator[tuple[str, bytes]]:
    """The seed inputs, each with where it came from: every YAML file the project holds."""
    paths = [
        *sorted((PROJECT / "examples").glob("*/*.yaml")),
        *sorted((PROJECT / "examples").glob("*/evidence/*.yaml")),
        *sorted((PROJECT / "tests" / "data").glob("*/*/repo/**/*.y*ml")),
    ]
    for path in paths:
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_SEED_BYTES:
            yield path.relative_to(PROJECT).as_posix(), path.read_bytes()


def seed(corpus: Path) -> int:
    """Add every seed to `corpus`, named by its SHA-1 as libFuzzer names inputs."""
    corpus.mkdir(parents=True, exist_ok=True)
    count = 0
    for _, data in seeds():
        path = corpus / hashlib.sha1(data).hexdigest()  # noqa: S324 - a name, as libFuzzer's
        if not path.exists():
            path.write_bytes(data)
        count += 1
    return count


def test_one_input(data: bytes) -> None:
    """Run one input through every check; an AssertionError (or any exception) is a crash."""
    from tests.fuzzing import check_load, check_read

    check_load(data)
    check_read(data)


def _failure(data: bytes) -> str | None:
    """The traceback of the check that fails on `data`, or None when every check passes."""
    try:
        test_one_input(data)
    except Exception:  # noqa: BLE001 - any exception is what the replay reports
        return traceback.format_exc()
    return None


def replay(names: list[str]) -> int:
    """Run the seeds and the files (or folders of files) named through the checks.

    Every input that fails is named with its traceback; exit 1 when any did.
    """
    inputs = list(seeds())
    for name in names:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        inputs += [(str(file), file.read_bytes()) for file in files]
    failed = 0
    for where, data in inputs:
        failure = _failure(data)
        if failure is not None:
            print(f"fuzz: the checks fail on {where}:\n{failure}", file=sys.stderr)  # noqa: T201
            failed += 1
    if failed:
        print(f"fuzz: {failed} of {len(inputs)} inputs fail the checks", file=sys.stderr)  # noqa: T201
        return 1
    print(f"fuzz: {len(inputs)} inputs replayed, every check passed")  # noqa: T201
    return 0


def main(argv: list[str]) -> int:
    """Fuzz with atheris (libFuzzer's flags and folders in `argv`), or replay without it."""
    sys.path.insert(0, str(PROJECT))  # tests.fuzzing holds the checks
    names = [arg for arg in argv[1:] if not arg.startswith("-")]
    if "--replay" in argv:
        return replay(names)
    try:
        import atheris
    except ImportError:
        print("fuzz: atheris is not installed, so the inputs are only replayed", file=sys.stderr)  # noqa: T201
        return replay(names)
    # Only cse_cli is instrumented: PyYAML's parser and Pydantic's core are C and Rust.
    with atheris.instrument_imports(include=["cse_cli"]):
        import tests.fuzzing  # noqa: F401 - and with it every cse_cli module the checks run
    folders = names
    if not folders:  # libFuzzer writes new inputs into the first folder it is given
        argv = [*argv, str(CORPUS)]
        folders = [str(CORPUS)]
    if Path(folders[0]).is_dir() or not Path(folders[0]).exists():
        seed(Path(folders[0]))  # a file named instead is an input to run once, as a crash
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
