"""A `ref:` names an id defined in some element file, of an item of its own kind."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import refs
from cse_cli.rules.context import Place, Ref
from tests.helpers import element_context, located, validated


def test_each_ref_item_is_noted_where_it_is_written() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - title: A\n  - ref: NSS\n    notes: x\n')
    element = validated(doc, ElementFile)
    context = element_context()
    refs.cite(doc, element, context)
    assert context.refs == [Ref("NSS", "evidence/1.1.1.yaml", 4, 10)]


def test_an_on_site_ref_is_noted_with_its_list() -> None:
    written = "evidence:\n  - ref: NSS\non_site:\n  - title: Desk\n  - ref: TM-DESK\n"
    doc = located(f'element: "1.1.1"\n{written}')
    element = validated(doc, ElementFile)
    context = element_context()
    refs.cite(doc, element, context)
    assert context.refs == [
        Ref("NSS", "evidence/1.1.1.yaml", 3, 10, "evidence"),
        Ref("TM-DESK", "evidence/1.1.1.yaml", 6, 10, "on_site"),
    ]


def _at(kind: str = "evidence") -> Place:
    return Place("evidence/1.1.1.yaml", 4, 9, kind)


def test_a_ref_to_no_id_is_an_error_with_a_suggestion() -> None:
    noted = [Ref("STUDENT-SURVY", "evidence/1.3.1.yaml", 3, 10), Ref("NSS", "e.yaml", 1, 1)]
    problems = refs.check(noted, {"STUDENT-SURVEY": _at(), "NSS": _at()})
    assert [str(problem) for problem in problems] == [
        "evidence/1.3.1.yaml:3:10: error: ref 'STUDENT-SURVY' names no evidence item id "
        "(did you mean 'STUDENT-SURVEY'?)"
    ]
    assert refs.check(noted, {})[1].message == "ref 'NSS' names no evidence item id"


def test_an_on_site_ref_to_no_id_suggests_only_on_site_ids() -> None:
    noted = [Ref("TM-DESKS", "evidence/1.3.1.yaml", 3, 10, "on_site")]
    ids = {"TM-DESK": _at("on_site"), "TM-DESKS-1": _at("evidence")}
    assert [problem.message for problem in refs.check(noted, ids)] == [
        "ref 'TM-DESKS' names no on-site item id (did you mean 'TM-DESK'?)"
    ]


def test_a_ref_citing_the_other_kind_is_an_error_saying_where_the_id_is() -> None:
    noted = [
        Ref("TM-DESK", "evidence/1.3.1.yaml", 3, 10, "evidence"),
        Ref("ES-2", "evidence/1.3.1.yaml", 6, 10, "on_site"),
        Ref("ES-2", "evidence/1.3.1.yaml", 8, 10, "evidence"),
    ]
    ids = {"TM-DESK": _at("on_site"), "ES-2": _at("evidence")}
    assert refs.check(noted, ids) == []
    assert [str(problem) for problem in refs.kinds(noted, ids)] == [
        "evidence/1.3.1.yaml:3:10: error: ref 'TM-DESK' under evidence: cites an on-site item "
        "(evidence/1.1.1.yaml:4); a ref: under evidence: cites an evidence item: move it "
        "under on_site:",
        "evidence/1.3.1.yaml:6:10: error: ref 'ES-2' under on_site: cites an evidence item "
        "(evidence/1.1.1.yaml:4); a ref: under on_site: cites an on-site item: move it "
        "under evidence:",
    ]


_KINDS = st.sampled_from(["evidence", "on_site"])


@given(
    st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), _KINDS), max_size=6),
    st.dictionaries(st.sampled_from(["A", "B"]), _KINDS),
)
def test_each_ref_is_refused_by_at_most_one_of_the_two_rules(
    noted: list[tuple[str, str]], defined: dict[str, str]
) -> None:
    cited = [Ref(ref, "e.yaml", line, 1, kind) for line, (ref, kind) in enumerate(noted, 1)]
    ids = {item_id: _at(kind) for item_id, kind in defined.items()}
    missing = {p.line for p in refs.check(cited, ids)}
    wrong = {p.line for p in refs.kinds(cited, ids)}
    event(f"{len(wrong)} of the other kind")
    assert missing == {ref.line for ref in cited if ref.ref not in defined}
    assert wrong == {ref.line for ref in cited if defined.get(ref.ref, ref.kind) != ref.kind}
