from __future__ import annotations

from pathlib import Path

from tests.helpers import SYSTEM_FILE, link

MARKER = "SECRET-OUTSIDE-THE-REPOSITORY"


def make(root: Path) -> None:
    """Element files that are links to files outside the repository; their text must never show.

    The targets are valid element files and one with an error, so that reading
    them would change the output: it must not.
    """
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "1.1.1.yaml").write_text(
        f'element: "1.1.1"\nfinal: full\nnotes: {MARKER}\n', encoding="utf-8", newline=""
    )
    (outside / "bad.yaml").write_text(
        f'element: "1.1.2"\nfinal: {MARKER}\n', encoding="utf-8", newline=""
    )
    link(root / "evidence" / "1.1.1.yaml", outside / "1.1.1.yaml")
    link(root / "evidence" / "1.1.2.yaml", f"../../{root.name}-outside/bad.yaml")
    link(root / "evidence" / "1.1.3.yaml", SYSTEM_FILE)  # /etc/passwd, or Windows' win.ini
