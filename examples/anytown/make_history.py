"""Build Anytown's cycle as git history: one commit per stage, each tagged.

    python examples/anytown/make_history.py /tmp/anytown-git

makes a new git repository at the given folder (which must not exist) holding
this example four times over, committed on the day of each stage and tagged:
`2026-desk-top` (ratings up to the desk-top review), `2026-final` (up to the
visit), `2027-surveillance-1` and `2028-surveillance-2` (the example as it is).
Each earlier stage is this example with the later ratings and review files left
out. Then `cse history /tmp/anytown-git --tags` shows the cycle from git, and
`cse diff 2026-final 2027-surveillance-1 --path /tmp/anytown-git` what the first
surveillance changed. The tests build their histories with it: a clone of
the project holds its main branch alone, and no tags.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (tag, day, the rating keys left out, the review files left out)
STAGES = [
    ("2026-desk-top", "2026-03-09", ("final", "surveillance_1", "surveillance_2"), ("1", "2")),
    ("2026-final", "2026-03-11", ("surveillance_1", "surveillance_2"), ("1", "2")),
    ("2027-surveillance-1", "2027-03-10", ("surveillance_2",), ("2",)),
    ("2028-surveillance-2", "2028-03-08", (), ()),
]


def _git(root: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1"}
    if day is not None:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"}
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def make(target: Path) -> Path:
    """Build the repository at `target` and return it."""
    target.mkdir(parents=True)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "config", "user.name", "Anytown CSE champions")
    _git(target, "config", "user.email", "cse@example.org")
    _git(target, "config", "commit.gpgsign", "false")
    for tag, day, keys, reviews in STAGES:
        write_stage(target, keys, reviews)
        _git(target, "add", "-A")
        _git(target, "commit", "-q", "-m", f"Anytown at {tag}", day=day)
        _git(target, "tag", tag)
    return target


def write_stage(target: Path, keys: tuple[str, ...], reviews: tuple[str, ...]) -> None:
    """Write this example into `target` without the rating `keys` and the review files."""
    for name in ("cse.yaml", "evidence", "reviews", "documents"):
        if (target / name).is_dir():
            shutil.rmtree(target / name)
    shutil.copy(HERE / "cse.yaml", target / "cse.yaml")
    for folder in ("evidence", "reviews", "documents"):
        shutil.copytree(HERE / folder, target / folder)
    for number in reviews:
        (target / "reviews" / f"surveillance-{number}.yaml").unlink()
    for element in (target / "evidence").glob("*.yaml"):
        lines = element.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(tuple(f"{k}:" for k in keys))]
        element.write_text("".join(kept), encoding="utf-8", newline="")


if __name__ == "__main__":
    sys.stdout.write(f"{make(Path(sys.argv[1]))}\n")
