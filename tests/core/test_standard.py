"""The standard as data: counts, ids, wording, and nothing of it written in Python."""

from __future__ import annotations

import re
import tokenize

from cse_cli.core.standard import Standard
from cse_cli.io.resources import load_standard, resource
from cse_cli.io.yaml_loader import load
from tests.helpers import PROJECT


def test_counts_per_criterion() -> None:
    standard = load_standard()
    assert [len(c.elements) for c in standard.criteria] == [11, 11, 12, 13, 10]
    assert len(standard.element_ids()) == 57
    assert sum(len(c.sub_criteria) for c in standard.criteria) == 15


def test_rules_are_the_published_ones() -> None:
    standard = load_standard()
    assert [c.max_partials for c in standard.criteria] == [2, 2, 2, 3, 2]
    assert standard.rules.min_compliant_share == 0.8


def test_ids_are_unique_well_formed_and_nested() -> None:
    standard = load_standard()
    ids = standard.element_ids()
    assert len(set(ids)) == len(ids)
    for criterion in standard.criteria:
        for sub in criterion.sub_criteria:
            assert re.fullmatch(rf"{criterion.number}\.\d", sub.id)
            for element in sub.elements:
                assert re.fullmatch(rf"{re.escape(sub.id)}\.\d", element.id)


def test_wording_is_whole_and_british() -> None:
    standard = load_standard()
    texts = {e.id: e.text for c in standard.criteria for e in c.elements}
    assert all(text.endswith(".") and "  " not in text for text in texts.values())
    assert "within a reasonable time limit" in texts["4.3.2"]  # cut off in one source
    assert "analysing" in texts["1.3.5"]
    assert "publicise" in texts["5.3.2"]
    assert "behaviours" in texts["2.2.5"]


def test_no_element_wording_or_threshold_in_python() -> None:
    standard = load_standard()
    numbers = set()
    texts = []
    for path in (PROJECT / "src").rglob("*.py"):
        with path.open("rb") as stream:
            for token in tokenize.tokenize(stream.readline):
                if token.type == tokenize.NUMBER:
                    numbers.add(token.string)
                elif token.type == tokenize.STRING:
                    texts.append(token.string)
    assert not numbers & {"0.8", "80", "57"}  # thresholds and counts come from the data
    strings = "\n".join(texts)
    for criterion in standard.criteria:
        assert criterion.title not in strings
        for element in criterion.elements:
            assert element.text[:40] not in strings


def test_the_shipped_standard_is_valid_as_it_is_read() -> None:
    # load_standard trusts the file and only constructs the models: here they validate it
    path = resource("standard") / "elements.yaml"
    document = load(path.read_bytes(), str(path))
    assert document.problems == []
    cycle = resource("standard") / "cycle.yaml"
    stages = load(cycle.read_bytes(), str(cycle)).data["stages"]
    assert Standard.model_validate({**document.data, "stages": stages}) == load_standard()


def test_an_elements_heading_names_its_criterion_and_sub_criterion() -> None:
    assert load_standard().heading("4.3.2") == (
        "4.3.2 · Delivery › 4.3 Deal Effectively with Problems"
    )
