"""`cse schema`: JSON Schemas for editors, checked with independent validators."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_loader import load
from cse_cli.render.schema import RATING_SPELLINGS, config_schema, element_schema, review_schema
from tests.helpers import ANYTOWN, BOLTON, run, script, utf8_streams, write_repo

MODELINE = re.compile(r"\A# yaml-language-server: \$schema=(\S+)\n")
# The 57 elements of the published standard, in its order, as a message lists them.
ELEMENT_IDS = [
    "1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4",
    "1.3.5", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6", "2.2.1", "2.2.2", "2.2.3",
    "2.2.4", "2.2.5", "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.3.1", "3.3.2",
    "3.3.3", "3.4.1", "3.4.2", "3.4.3", "4.1.1", "4.1.2", "4.1.3", "4.2.1", "4.2.2", "4.2.3",
    "4.2.4", "4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.3.5", "4.3.6", "5.1.1", "5.1.2", "5.2.1",
    "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.3.1", "5.3.2", "5.3.3",
]  # fmt: skip


def _data(path: Path) -> Any:
    """A YAML file as an editor's JSON view of it: dates are text, as in YAML 1.2."""
    document = load(path.read_bytes(), path.name)
    assert document.problems == []
    return json.loads(json.dumps(document.data, default=dt.date.isoformat))


def _validator(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def _errors(schema: dict[str, Any], text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    return sorted(error.message for error in _validator(schema).iter_errors(_data(path)))


def test_the_bolton_example_is_valid_for_jsonschema() -> None:
    elements = _validator(element_schema(load_standard()))
    files = sorted((BOLTON / "evidence").glob("*.yaml"))
    assert len(files) == 57
    for path in files:
        assert list(elements.iter_errors(_data(path))) == [], path.name
    assert list(_validator(config_schema()).iter_errors(_data(BOLTON / "cse.yaml"))) == []


def test_check_jsonschema_agrees(tmp_path: Path) -> None:
    element = tmp_path / "element.schema.json"
    config = tmp_path / "config.schema.json"
    review = tmp_path / "review.schema.json"
    assert run("schema", "-o", str(element)).exit_code == 0
    assert run("schema", "--kind", "config", "-o", str(config)).exit_code == 0
    assert run("schema", "--kind", "review", "-o", str(review)).exit_code == 0
    program = script("check-jsonschema")

    def check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [program, "--schemafile", str(schema), *map(str, files)],
            capture_output=True, encoding="utf-8", errors="replace", env=utf8_streams(),
            check=False,
        )  # fmt: skip

    for example in (BOLTON, ANYTOWN):
        good = check(element, *sorted((example / "evidence").glob("*.yaml")))
        assert good.returncode == 0, good.stdout
        assert check(config, example / "cse.yaml").returncode == 0
    reviews = sorted((ANYTOWN / "reviews").glob("*.yaml"))
    assert len(reviews) == 2
    good = check(review, *reviews)
    assert good.returncode == 0, good.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text('element: "1.1.1"\nfinale: full\n', encoding="utf-8", newline="")
    result = check(element, bad)
    assert result.returncode == 1
    assert "Additional properties are not allowed ('finale' was unexpected)" in result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'element: "1.1.1"\nfinale: full\n',
            ["Additional properties are not allowed ('finale' was unexpected)"],
        ),
        (
            'element: "1.1.1"\nfinal: fully\n',
            ["'fully' is not valid under any of the given schemas"],
        ),
        ('element: "9.9.9"\n', [f"'9.9.9' is not one of {ELEMENT_IDS}"]),
        ("owner: Someone\n", ["'element' is a required property"]),
        (
            'element: "1.1.1"\nevidence: [{title: T, colour: red}]\n',
            ["Additional properties are not allowed ('colour' was unexpected)"],
        ),
        (
            'element: "1.1.1"\ndevelopment_points: [{point: P, status: done}]\n',
            ["{'point': 'P', 'status': 'done'} is not valid under any of the given schemas"],
        ),
        ('element: "1.1.1"\nverified_on_site: "yes"\n', ["'yes' is not of type 'boolean'"]),
        (
            'element: "1.1.1"\nevidence: [{title: T, date: "2015-02-30"}]\n',
            ["'2015-02-30' is not a 'date'"],
        ),
        (
            'element: "1.1.1"\non_site: [{title: T, date: 2015-01-01}]\n',
            ["Additional properties are not allowed ('date' was unexpected)"],
        ),
    ],
    ids=["misspelt-key", "bad-rating", "unknown-element", "no-element", "item-key",
         "point-status", "quoted-boolean", "impossible-date", "on-site-key"],
)  # fmt: skip
def test_mistakes_are_flagged(text: str, expected: list[str], tmp_path: Path) -> None:
    assert _errors(element_schema(load_standard()), text, tmp_path) == expected


def test_what_cse_accepts_the_schema_accepts(tmp_path: Path) -> None:
    text = """\
element: "1.1.1"
owner:
self_assessment: P
desk_top: partial
final: compliance-plus
key_questions:
evidence:
  - {id: X-1, title: T, service: Library, date: 2015-03-09, path: a.pdf, url: https://x.org}
  - ref: X-2
on_site:
  - {id: T-1, title: Desk, person: Adviser, place: Hall, service: Library, notes: N}
  - {ref: T-2, notes: Also 1.1.2, inferred: [notes]}
development_points:
  - A plain open point
  - {point: P, raised: 2015-03-12, status: addressed, progress: Done}
"""
    assert _errors(element_schema(load_standard()), text, tmp_path) == []
    config = (
        "organisation: O\nservices:\ncycle: {visit: 2015-03-11}\n"
        "rules: {min_compliant_share: 0.9}\n"
    )
    assert _errors(config_schema(), config, tmp_path) == []
    assert _errors(config_schema(), "organisation: O\nrules: {min_share: 1}\n", tmp_path) == [
        "Additional properties are not allowed ('min_share' was unexpected)"
    ]


def test_enums_descriptions_and_closed_objects() -> None:
    schema = element_schema(load_standard())
    properties = schema["properties"]
    assert properties["element"]["enum"] == ELEMENT_IDS
    assert RATING_SPELLINGS == [
        "compliance-plus", "full", "partial", "non-compliance", "CP", "F", "P", "NC",
    ]  # fmt: skip
    for name in ("self_assessment", "desk_top", "final"):
        assert properties[name]["oneOf"][0]["enum"] == RATING_SPELLINGS
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    for candidate in (schema, config_schema()):
        objects = list(_objects(candidate))
        assert objects
        for node in objects:
            assert node["additionalProperties"] is False
            for name, prop in node["properties"].items():
                assert prop.get("description") or "$ref" in prop, name


def test_inferred_names_only_keys_of_its_item_or_point(tmp_path: Path) -> None:
    schema = element_schema(load_standard())
    evidence = schema["definitions"]["EvidenceItem"]["properties"]["inferred"]
    assert evidence["items"]["enum"] == [
        "id", "ref", "title", "service", "date", "path", "url", "owner", "notes",
    ]  # fmt: skip
    assert "title when the item's wording or grouping" in evidence["description"]
    on_site = schema["definitions"]["OnSiteItem"]["properties"]["inferred"]
    assert on_site["items"]["enum"] == [
        "id", "ref", "title", "person", "place", "service", "notes",
    ]  # fmt: skip
    point = schema["definitions"]["DevelopmentPoint"]["properties"]["inferred"]["items"]
    assert "point" in point["enum"]
    assert "inferred" not in point["enum"]
    text = 'element: "1.1.1"\nevidence: [{title: T, inferred: [title, colour]}]\n'
    assert len(_errors(schema, text, tmp_path)) == 1  # colour, as cse check says too
    assert _errors(schema, text.replace(", colour", ""), tmp_path) == []


def test_no_choice_reads_in_an_editor_as_one_title_twice() -> None:
    """yaml-language-server hovers an `anyOf` as its branches' titles joined by " || "
    when it takes every branch to match, and it tells branches apart only by title,
    description and properties (test_schema_editor.py shows it in the server itself)."""
    schemas = (element_schema(load_standard()), config_schema(), review_schema())
    for schema in schemas:
        assert '"default": null' not in json.dumps(schema)  # offered as "Default value"
        for node in _mappings(schema):
            branches = [
                (branch.get("title"), branch.get("description"), "properties" in branch)
                for branch in node.get("anyOf", [])
            ]
            assert len(set(branches)) == len(branches), node
    # a rating may be blank, but without a `"type": "null"` that an editor offers as null
    assert "null" not in json.dumps(schemas[0]["properties"]["final"])


def _objects(node: Any) -> Any:
    return (mapping for mapping in _mappings(node) if "properties" in mapping)


def _mappings(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _mappings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _mappings(value)


def test_cse_schema_prints_or_writes(tmp_path: Path) -> None:
    printed = run("schema")
    assert printed.exit_code == 0
    assert json.loads(printed.stdout)["properties"]["element"]["enum"] == ELEMENT_IDS
    config = run("schema", "--kind", "config").stdout
    assert json.loads(config)["required"] == ["organisation"]
    target = tmp_path / "out.json"
    result = run("schema", "-k", "config", "--output", str(target))
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    assert target.read_text(encoding="utf-8") == config
    failed = run("schema", "-o", str(tmp_path / "missing" / "x.json"))
    assert failed.exit_code == 2
    assert failed.stderr.startswith(f"cse: error: {tmp_path / 'missing' / 'x.json'}: cannot write")


@pytest.mark.parametrize("evidence_dir", ["evidence", "cse/elements"])
def test_init_points_every_file_at_a_schema_that_exists(tmp_path: Path, evidence_dir: str) -> None:
    config = f"organisation: X\nevidence_dir: {evidence_dir}\n"
    root = write_repo(tmp_path / "repo", {}, config=config)
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / ".cse" / "element.schema.json").read_text(encoding="utf-8") == run(
        "schema"
    ).stdout
    for kind in ("config", "review"):
        written = (root / ".cse" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert written == run("schema", "--kind", kind).stdout
    elements = sorted((root / evidence_dir).glob("*.yaml"))
    assert len(elements) == 57
    for path in elements:
        found = MODELINE.match(path.read_text(encoding="utf-8"))
        assert found, path
        assert (path.parent / found.group(1)).resolve() == root / ".cse" / "element.schema.json"


def test_init_writes_the_config_modeline(tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    assert run("init", str(root)).exit_code == 0
    found = MODELINE.match((root / "cse.yaml").read_text(encoding="utf-8"))
    assert found
    assert found.group(1) == ".cse/config.schema.json"
    assert (root / found.group(1)).is_file()
    element = root / "evidence" / "4.1.2.yaml"
    path = tmp_path / "check.yaml"
    path.write_text(element.read_text(encoding="utf-8"), encoding="utf-8", newline="")
    errors = sorted(
        e.message for e in _validator(element_schema(load_standard())).iter_errors(_data(path))
    )
    assert errors == []  # a fresh file is valid as it stands
