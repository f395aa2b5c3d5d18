from pathlib import Path


def make(root: Path) -> None:
    """One 4 MB line where a rating belongs: the message quotes its start, not all of it."""
    rating = b"full" + b"y" * 4_000_000
    (root / "evidence" / "1.1.1.yaml").write_bytes(b'element: "1.1.1"\nfinal: ' + rating + b"\n")
