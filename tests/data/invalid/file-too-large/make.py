from pathlib import Path


def make(root: Path) -> None:
    """A 30 MB element file, refused by its size before a byte of it is parsed."""
    line = b"  - Discuss with managers, customers and staff about this element\n"
    body = b'element: "1.1.1"\nkey_questions:\n' + line * (30_000_000 // len(line))
    (root / "evidence" / "1.1.1.yaml").write_bytes(body)
