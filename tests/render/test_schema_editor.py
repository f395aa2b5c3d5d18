"""The editor schema in a real editor's language server: yaml-language-server, from `npm ci`.

It is the server behind VS Code's YAML extension. The files are those `cse init`
writes, found through their modeline, with the schemas it writes in `.cse/`;
the examples are mapped as the README's `yaml.schemas` setting maps them.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest

from cse_cli.render.schema import RATING_SPELLINGS
from tests import lsp
from tests.helpers import ANYTOWN, BOLTON, PROJECT, need, run
from tests.lsp import LanguageServer, position

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

NOT_ACCEPTED = "Value is not accepted. Valid values: " + ", ".join(
    f'"{spelling}"' for spelling in RATING_SPELLINGS
)
# The README's .vscode/settings.json, for files without the modeline.
README_SCHEMAS = {
    "./.cse/element.schema.json": "evidence/*.yaml",
    "./.cse/config.schema.json": "cse.yaml",
    "./.cse/review.schema.json": "reviews/*.yaml",
}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository as `cse init` makes it."""
    root = tmp_path_factory.mktemp("editor") / "repo"
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def server(fresh: Path) -> Iterator[LanguageServer]:
    with LanguageServer(fresh) as started:
        yield started


def _element(root: Path, name: str, old: str = "", new: str = "") -> tuple[str, Path]:
    """A copy of the element file `cse init` wrote for 1.1.1, with `old` replaced by `new`."""
    text = (root / "evidence" / "1.1.1.yaml").read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    path = root / "evidence" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    return text, path


def _source(root: Path) -> str:
    """The line the server ends a hover with, naming the schema."""
    schema = root / ".cse" / "element.schema.json"
    # The server writes a file's URI as vscode-uri does, a Windows drive letter in lower
    # case, where Python's as_uri keeps the system's upper case: the same file.
    uri = re.sub(
        r"\Afile:///([A-Z]):", lambda drive: f"file:///{drive[1].lower()}:", schema.as_uri()
    )
    return f"Source: [element.schema.json]({uri})"


def test_a_hover_names_the_field_once_and_says_it_whole(
    fresh: Path, server: LanguageServer
) -> None:
    text, path = _element(fresh, "hover", "\nself_assessment:\n", "\nself_assessment: full\n")
    uri = server.open(path)
    # a blank rating and a blank optional text: one title, the field's own description
    assert server.hover(uri, position(text, "\nfinal:", 2)) == (
        "#### Final\n\nThe assessor's rating after the on-site visit (the result).\n\n"
        + _source(fresh)
    )
    assert server.hover(uri, position(text, "\nowner:", 2)) == (
        "#### Owner\n\nWho looks after this element's evidence.\n\n" + _source(fresh)
    )
    # a rating given: the whole description, then the ratings it may be
    rated = server.hover(uri, position(text, "\nself_assessment:", 2))
    assert rated.startswith(
        "#### Self assessment\n\n"
        "The organisation's own rating: compliance-plus, full, partial or non-compliance"
        " (or CP, F, P, NC).\n\nAllowed Values:\n\n"
    )
    assert rated.count("Self assessment") == 1
    assert server.hover(uri, position(text, "full\n", 1)) == rated  # on the value too


def test_no_hover_in_a_fresh_file_joins_titles(fresh: Path, server: LanguageServer) -> None:
    text, path = _element(fresh, "scan")
    uri = server.open(path)
    hovers = {}
    for number, line in enumerate(text.splitlines()):
        for character in (0, len(line) // 2, len(line)):
            at = {"line": number, "character": character}
            hovers[f"{number + 1}:{character}: {line}"] = server.hover(uri, at)
    joined = {where: hover for where, hover in hovers.items() if "||" in hover}
    assert joined == {}
    # The file's title shows only where a field has no title of its own: nowhere. The
    # root mapping has no hover of its own, and the comments above it show nothing.
    assert not [where for where, hover in hovers.items() if "CSE element file" in hover]
    assert server.hover(uri, position(text, "# yaml-language-server", 0)) == ""
    assert sum(hover.startswith("#### ") for hover in hovers.values()) > 30


def test_rating_completion_offers_the_ratings_only(fresh: Path, server: LanguageServer) -> None:
    text, path = _element(fresh, "complete", "\nfinal:\n", "\nfinal: \n")
    uri = server.open(path)
    items = server.completion(uri, position(text, "\nfinal: ", 8))
    assert [item["label"] for item in items] == RATING_SPELLINGS
    assert [item["insertText"] for item in items] == RATING_SPELLINGS
    assert not [item for item in items if "detail" in item]  # no "Default value"


def test_a_bad_rating_is_flagged_by_its_field(fresh: Path, server: LanguageServer) -> None:
    _, good = _element(fresh, "good")
    bad_text, bad = _element(fresh, "bad", "\ndesk_top:\n", "\ndesk_top: fully\n")
    _, cased = _element(fresh, "cased", "\nfinal:\n", "\nfinal: Full\n")
    good_uri, bad_uri, cased_uri = map(server.open, (good, bad, cased))
    assert server.diagnostics(good_uri) == []  # a fresh file is valid as it stands
    [problem] = server.diagnostics(bad_uri)
    start = position(bad_text, "fully")
    end = {**start, "character": start["character"] + len("fully")}
    assert problem["range"] == {"start": start, "end": end}
    assert (problem["message"], problem["source"]) == (
        f"{NOT_ACCEPTED}.",
        "yaml-schema: Desk top",
    )
    # `cse check` accepts any letter case; the editor marks it, as the README says
    [marked] = server.diagnostics(cased_uri)
    assert (marked["message"], marked["source"]) == (f"{NOT_ACCEPTED}.", "yaml-schema: Final")


def test_on_site_items_are_described_and_checked(fresh: Path, server: LanguageServer) -> None:
    item = "\non_site:\n  - title: Desk\n    person: Adviser\n    place: Hall\n    colour: red\n"
    text, path = _element(fresh, "on-site", "\non_site: []", item)
    uri = server.open(path)
    assert server.hover(uri, position(text, "person:", 1)) == (
        "#### Person\n\nA person or a role to talk to, such as 'Customer services adviser'.\n\n"
        + _source(fresh)
    )
    [problem] = server.diagnostics(uri)
    assert problem["range"]["start"] == position(text, "colour")
    assert problem["message"] == "Property colour is not allowed."


@pytest.mark.parametrize("example", [BOLTON, ANYTOWN], ids=["bolton", "anytown"])
def test_the_examples_are_valid_in_the_editor(example: Path, tmp_path: Path) -> None:
    """The worked examples, mapped to the schemas by the README's `yaml.schemas`."""
    root = tmp_path / example.name
    shutil.copytree(example, root)
    (root / ".cse").mkdir()
    for kind in ("element", "config", "review"):
        schema = str(root / ".cse" / f"{kind}.schema.json")
        assert run("schema", "--kind", kind, "-o", schema).exit_code == 0
    reviews = sorted((root / "reviews").glob("*.yaml"))
    files = [root / "cse.yaml", *sorted((root / "evidence").glob("*.yaml")), *reviews]
    assert len(files) == 1 + 57 + (2 if example == ANYTOWN else 0)
    with LanguageServer(root, schemas=README_SCHEMAS) as server:
        uris = {path.relative_to(root).as_posix(): server.open(path) for path in files}
        found = {name: server.diagnostics(uri) for name, uri in uris.items()}
        assert {name: problems for name, problems in found.items() if problems} == {}
        # checked against the schema, not against nothing: hover knows the fields
        text = (root / "evidence" / "1.1.1.yaml").read_text(encoding="utf-8")
        hover = server.hover(uris["evidence/1.1.1.yaml"], position(text, "\nfinal:", 2))
        assert hover.startswith("#### Final\n\nThe assessor's rating after the on-site visit")
        # cse.yaml's optional keys (reference, assessor…) too: one title each
        lines = (root / "cse.yaml").read_text(encoding="utf-8").splitlines()
        keys = [number for number, line in enumerate(lines) if line[:1].isalpha()]
        titles = [server.hover(uris["cse.yaml"], {"line": n, "character": 1}) for n in keys]
        assert titles
        assert all(title.startswith("#### ") and "||" not in title for title in titles), titles
        if reviews:  # and the review files, by the README's mapping for reviews/
            text = reviews[0].read_text(encoding="utf-8")
            hover = server.hover(uris["reviews/surveillance-1.yaml"], position(text, "\ndate:", 2))
            assert hover.startswith("#### Date"), hover
            assert "||" not in hover


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("process.stdin.resume();", "waited 1s for a reply to initialize"),
        ("process.exit(3);", "the server stopped (exit status 3) before "),
    ],
    ids=["hangs", "dies"],
)
def test_a_server_that_hangs_or_dies_fails_the_test(
    script: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "server.js"
    fake.write_text(script, encoding="utf-8", newline="")
    monkeypatch.setattr(lsp, "SERVER", fake)
    monkeypatch.setattr(lsp, "TIMEOUT", 1.0)
    with pytest.raises(pytest.fail.Exception) as failed, LanguageServer(tmp_path):
        pass
    assert str(failed.value).startswith(expected)


def test_the_readme_names_the_server_the_tests_run() -> None:
    """package.json pins one version; `npm ci` installed it; the README names it."""
    pins = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    pin = pins["yaml-language-server"]
    readme = " ".join((PROJECT / "README.md").read_text(encoding="utf-8").split())
    assert f"yaml-language-server {pin} (" in readme
    installed = lsp.SERVER.parent.parent / "package.json"
    need(installed.is_file(), f"yaml-language-server ({installed}; run `npm ci`)")
    assert json.loads(installed.read_text(encoding="utf-8"))["version"] == pin
