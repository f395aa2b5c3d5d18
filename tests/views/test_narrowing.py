"""`--service` and `--owner`: a name matched whatever its case, or an error listing the names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cse_cli.core.problems import CseError
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.views.narrowing import known_owner, known_service, narrowed, same_name, services
from tests.helpers import element_yaml, write_repo

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence, EvidenceItem


@pytest.fixture
def evidence(tmp_path: Path) -> Evidence:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1", owner='"Head of Library"', evidence="[{title: A, service: Careers}]"
            ),
            "evidence/1.1.2.yaml": element_yaml("1.1.2", owner='"Head of Careers"'),
        },
        config="organisation: Test\nservices: [Library, Careers]\n",
    )
    return open_repository(root, load_standard())


@pytest.mark.parametrize(
    ("written", "wanted", "same"),
    [("Library", " library ", True), ("Library", "Librar", False), (None, "Library", False)],
)
def test_same_name(written: str | None, wanted: str, *, same: bool) -> None:
    assert same_name(written, wanted) is same


def test_a_name_comes_back_as_the_evidence_spells_it(evidence: Evidence) -> None:
    items = {e: evidence.resolved_items(f) for e, f in evidence.elements.items()}
    assert known_service(evidence, items, "CAREERS") == "Careers"
    assert known_service(evidence, items, None) is None
    assert known_owner(evidence.elements, "head of library") == "Head of Library"


def test_a_name_that_names_nothing_lists_those_there_are(evidence: Evidence) -> None:
    items = {e: evidence.resolved_items(f) for e, f in evidence.elements.items()}
    with pytest.raises(CseError) as service:
        known_service(evidence, items, "Libary")
    assert str(service.value.problems[0]) == (
        "--service 'Libary' names no service: the services are Careers, Library "
        "(did you mean 'Library'?)"
    )
    with pytest.raises(CseError) as owner:
        known_owner(evidence.elements, "Head of Sport")
    assert "the owners are Head of Careers, Head of Library" in str(owner.value.problems[0])


def _items(evidence: Evidence) -> dict[str, list[EvidenceItem]]:
    return {key: evidence.resolved_items(e) for key, e in evidence.elements.items()}


def test_narrowed_lists_the_services_elements_and_the_owners(evidence: Evidence) -> None:
    service, owner, listed = narrowed(evidence, _items(evidence), " careers", None)
    assert (service, owner) == ("Careers", None)
    assert [e for e in ("1.1.1", "1.1.2", "1.1.3") if listed(e)] == ["1.1.1"]
    service, owner, listed = narrowed(evidence, _items(evidence), None, "head of careers")
    assert (service, owner) == (None, "Head of Careers")
    assert [e for e in ("1.1.1", "1.1.2", "1.1.3") if listed(e)] == ["1.1.2"]
    _, _, listed = narrowed(evidence, _items(evidence), "Careers", "Head of Careers")
    assert not any(listed(e) for e in ("1.1.1", "1.1.2"))


def test_every_service_there_is(evidence: Evidence) -> None:
    assert services(evidence, _items(evidence)) == ["Careers", "Library"]
