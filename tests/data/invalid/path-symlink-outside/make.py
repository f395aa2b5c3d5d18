from pathlib import Path

from tests.helpers import SYSTEM_FILE, link


def make(root: Path) -> None:
    (root / "documents").mkdir()
    link(root / "documents" / "secret.pdf", SYSTEM_FILE)  # /etc/passwd, or Windows' win.ini
