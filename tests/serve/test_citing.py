"""Citing an item from another element: found by its title, with or without JavaScript."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest

from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree
from cse_cli.serve.citing import cited, search
from tests.helpers import ANYTOWN, BOLTON, Served, form_of, post_form, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

BOLTON_EVIDENCE = read_evidence(DirTree(BOLTON), load_standard())


def test_a_search_matches_every_word_of_the_title_or_id_whatever_the_case() -> None:
    found = search(BOLTON_EVIDENCE, "customer CHARTER")
    assert [f.id for f in found] == ["CUSTOMER-SERVICE-CHARTER"]
    assert found[0].element == "2.1.1"
    assert search(BOLTON_EVIDENCE, "   ") == []


def test_every_id_is_citable_once_where_it_is_first_defined() -> None:
    ids = cited(BOLTON_EVIDENCE)
    defined = BOLTON_EVIDENCE.defined
    assert set(ids) == set(defined)
    assert all(ids[key].title == (defined[key].title or "") for key in ids)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    with serving(root) as running:
        yield running


def test_the_search_page_works_without_javascript_and_cites_by_a_link(served: Served) -> None:
    page = served.request("GET", "/cite?q=performance&element=1.1.2").text
    assert "AT-PERFORMANCE" in page
    link = re.search(r'href="(/element/1\.1\.2\?list=evidence&amp;cite=[^"]+)"', page)
    assert link is not None
    form = form_of(served.request("GET", link[1].replace("&amp;", "&")).text)
    last = int(form["evidence.count"]) - 1
    assert (form[f"evidence.{last}.kind"], form[f"evidence.{last}.ref"]) == (
        "ref",
        "AT-PERFORMANCE",
    )
    assert form[f"evidence.{last}.origin"] == ""


def test_the_forms_search_button_lists_the_choices_and_keeps_the_form(served: Served) -> None:
    form = form_of(served.request("GET", "/element/1.1.2").text)
    form.update({"owner": "Typed", "cite.evidence.q": "performance", "action": "search:evidence"})
    answer = post_form(served, "/element/1.1.2", form)
    assert answer.status == 200
    assert 'name="cite.evidence.choice" type="radio" value="AT-PERFORMANCE"' in answer.text
    again = form_of(answer.text)
    assert again["owner"] == "Typed"
    again.update({"cite.evidence.choice": "AT-PERFORMANCE", "action": "cite:evidence"})
    answer = post_form(served, "/element/1.1.2", again)
    cites = form_of(answer.text)
    assert cites[f"evidence.{int(cites['evidence.count']) - 1}.ref"] == "AT-PERFORMANCE"


def test_the_fragment_is_the_choices_alone(served: Served) -> None:
    answer = served.request("GET", "/cite?q=performance&element=1.1.2&fragment=1")
    assert answer.status == 200
    assert "<html" not in answer.text
    assert 'value="AT-PERFORMANCE"' in answer.text


@pytest.mark.parametrize("listed", ["development_points", "nothing", "../x"])
def test_only_a_citing_list_is_searched_or_cited_into(served: Served, listed: str) -> None:
    page = served.request("GET", f"/cite?q=performance&element=1.1.2&list={listed}").text
    assert 'name="list" value="evidence"' in page
    assert "list=evidence&amp;cite=AT-PERFORMANCE" in page
    plain = form_of(served.request("GET", "/element/1.1.2").text)
    asked = form_of(served.request("GET", f"/element/1.1.2?list={listed}&cite=AT-PERFORMANCE").text)
    assert asked == plain
