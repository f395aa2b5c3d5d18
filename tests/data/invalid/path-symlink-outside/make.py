from pathlib import Path


def make(root: Path) -> None:
    (root / "documents").mkdir()
    (root / "documents" / "secret.pdf").symlink_to("/etc/passwd")
