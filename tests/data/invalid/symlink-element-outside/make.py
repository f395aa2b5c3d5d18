from __future__ import annotations

from pathlib import Path

MARKER = "SECRET-OUTSIDE-THE-REPOSITORY"


def make(root: Path) -> None:
    """Element files that are links to files outside the repository; their text must never show.

    The targets are valid element files and one with an error, so that reading
    them would change the output: it must not.
    """
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "1.1.1.yaml").write_text(f'element: "1.1.1"\nfinal: full\nnotes: {MARKER}\n')
    (outside / "bad.yaml").write_text(f'element: "1.1.2"\nfinal: {MARKER}\n')
    (root / "evidence" / "1.1.1.yaml").symlink_to(outside / "1.1.1.yaml")
    (root / "evidence" / "1.1.2.yaml").symlink_to(f"../../{root.name}-outside/bad.yaml")
    (root / "evidence" / "1.1.3.yaml").symlink_to("/etc/passwd")
