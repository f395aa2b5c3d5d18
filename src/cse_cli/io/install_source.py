"""Where the installed cse came from, as a pinned source a CI runner can install again.

`cse init --ci` writes a workflow that installs cse the way this copy was
installed, pinned: the git repository at the very commit (PEP 610's
direct_url.json records it for `pip install git+URL@REF`), or an archive with
its hash. No package of cse is published on an index, so a bare name there
would install nothing, or worse, whatever someone registered under it.
"""

from __future__ import annotations

import json
import re

DISTRIBUTION = "cse-cli"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_UNSAFE = re.compile(r"[\s\"'`$\\]")  # it is written into YAML and read by a shell


def installed_source() -> str | None:
    """The pinned source of the installed cse, or None when it has none a runner can use."""
    from importlib import metadata

    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    return source_from_direct_url(text) if text else None


def source_from_direct_url(text: str) -> str | None:
    """A pinned pip source from the text of a direct_url.json (PEP 610), or None."""
    try:
        record = json.loads(text)
    except ValueError:
        return None
    url = record.get("url") if isinstance(record, dict) else None
    if not isinstance(url, str) or (url.startswith("file:") and "vcs_info" not in record):
        return None  # a folder or file on the machine that installed it
    vcs = record.get("vcs_info")
    if (
        isinstance(vcs, dict)
        and vcs.get("vcs") == "git"
        and _COMMIT.match(str(vcs.get("commit_id")))
    ):
        return f"git+{url}@{vcs['commit_id']}"
    archive = record.get("archive_info")
    if isinstance(archive, dict) and isinstance(archive.get("hash"), str):
        return f"{url}#{archive['hash']}"
    return None


def pinned_problem(source: str) -> str | None:
    """Why `source` is not a pinned source pip can install cse from, or None when it is."""
    if _UNSAFE.search(source) or not source.isprintable():
        return "holds a space, a quote, a backslash or a $: give a URL"
    if source.startswith("git+"):
        base, at, ref = source.rpartition("@")
        if not at or "/" in ref or not ref or base.endswith(("git+", ":")):
            return "names no tag or commit: end it with @TAG or @COMMIT, as git+URL@v0.1.0"
        return None
    if re.search(r"#sha256=[0-9a-f]{64}$", source):
        return None
    return "is not pinned: give git+URL@TAG, git+URL@COMMIT, or an archive URL with #sha256=HASH"
