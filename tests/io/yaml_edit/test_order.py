"""A new key goes where `cse init`'s template and the README put it: the models' field order."""

from __future__ import annotations

import re

from cse_cli.core.config import Config
from cse_cli.core.evidence import ElementFile
from cse_cli.core.reviews import Review
from cse_cli.io.scaffold_text import config_text, element_text
from cse_cli.io.yaml_edit import key_order
from tests.helpers import PROJECT


def _keys(text: str) -> list[str]:
    """The top-level keys written, or commented out (`# reference: …`), in their order."""
    return re.findall(r"^(?:# )?([a-z_0-9]+):", text, re.MULTILINE)


def _between(text: str, start: str, end: str) -> list[str]:
    """The first key on each line between two lines (an example commented out)."""
    block = text.split(start, 1)[1].split(end, 1)[0]
    return [m.group(1) for m in re.finditer(r"^#[ -]*([a-z_]+):", block, re.MULTILINE)]


def test_the_element_template_lists_its_keys_in_the_order_new_keys_go() -> None:
    template = element_text("1.1.1", "heading", "wording")
    order = key_order(ElementFile)
    assert _keys(template) == list(order(()))
    items = _between(template, "evidence: []", "on_site:")
    assert items == ["id", "title", "service", "date", "path", "url"]
    assert items == [k for k in order(("evidence", 0)) if k in items]
    on_site = _between(template, "on_site: []", "development_points:")
    assert on_site == ["id", "title", "person", "place", "service", "ref"]
    assert on_site[:-1] == [k for k in order(("on_site", 0)) if k in on_site[:-1]]
    points = _between(template, "development_points: []", "compliance_plus:")
    assert points == ["point", "raised", "status", "progress"]
    assert points == [k for k in order(("development_points", 3)) if k in points]


def test_the_config_template_and_the_readme_agree_with_the_order() -> None:
    assert _keys(config_text("Anytown")) == [
        k for k in key_order(Config)(()) if k != "surveillance_documents"
    ]
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    example = readme.split("An element file, `evidence/1.1.3.yaml`:")[1].split("```", 2)[1]
    assert _keys(example) == [k for k in key_order(ElementFile)(()) if k in _keys(example)]
    assert len(_keys(example)) == 14
    review = readme.split("examples/anytown/reviews/surveillance-1.yaml`:")[1].split("```", 2)[1]
    assert _keys(review) == [k for k in key_order(Review)(()) if k in _keys(review)]


def test_the_order_reaches_every_mapping_the_models_describe() -> None:
    order = key_order(ElementFile)
    assert order(("development_points", 0, "reviews", "surveillance-1")) == ("response", "update")
    assert order(("evidence", 2))[:3] == ("id", "ref", "title")
    assert order(("evidence",)) == ()  # a list, not a mapping
    assert order(("notes",)) == ()
    assert order(("no such key", 0)) == ()
    assert key_order(Review)(("documents", "complaints"))[:3] == ("path", "url", "ref")
    assert key_order(Config)(("cycle", "category")) == ("final", "surveillance_1", "surveillance_2")
