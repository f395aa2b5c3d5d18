"""The registry lists every rule once, in modules of their own, and the README documents each."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from cse_cli import rules
from cse_cli.rules import RULES
from cse_cli.rules.rule import Rule
from tests.helpers import PROJECT

if TYPE_CHECKING:
    from types import ModuleType

SOURCE = PROJECT / "src" / "cse_cli" / "rules"
NOT_RULES = {"__init__", "context", "element", "rule"}  # what the rules share, and the driver


def _words(text: str) -> str:
    return " ".join(text.split())


def _refused(readme: str) -> str:
    """The README's account of the evidence repository: everything `cse check` refuses."""
    start = readme.index("## The evidence repository")
    return _words(readme[start : readme.index("\n## Commands", start)])


def undocumented(registered: tuple[Rule[Callable[..., object]], ...], readme: str) -> list[str]:
    """The rules whose summary the README's account does not hold."""
    refused = _refused(readme)
    return [rule.name for rule in registered if _words(rule.summary) not in refused]


def test_every_rule_is_documented_in_the_readme() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert undocumented(RULES, readme) == []


def test_a_rule_the_readme_does_not_state_is_found() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    unwritten = Rule("unwritten", "an element file written on a Tuesday", print)
    moved = Rule("moved", "unknown element ids", print)  # stated, but in another section
    assert undocumented((unwritten,), readme) == ["unwritten"]
    assert undocumented((moved,), readme.replace("unknown element ids", "")) == ["moved"]


def _defined(module: ModuleType) -> list[Rule[Callable[..., object]]]:
    """The rules a module defines (its own checks, not another module's)."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, Rule) and value.check.__module__ == module.__name__
    ]


def test_every_rule_of_every_module_is_registered_once() -> None:
    modules = sorted({path.stem for path in SOURCE.glob("*.py")} - NOT_RULES)
    defined = [rule for name in modules for rule in _defined(getattr(rules, name))]
    assert all(_defined(getattr(rules, name)) for name in modules)  # each module holds a rule
    assert sorted(id(rule) for rule in defined) == sorted(id(rule) for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_each_rule_is_a_constant_of_its_name_stated_in_its_modules_docstring() -> None:
    for rule in RULES:
        module = getattr(rules, rule.check.__module__.rsplit(".", 1)[-1])
        assert re.fullmatch(r"[a-z][a-z-]+", rule.name), rule.name
        assert getattr(module, rule.name.upper().replace("-", "_")) is rule
        assert module.__doc__, rule.name
        if len(_defined(module)) > 1:  # a module of several rules states each by name
            assert f"- {rule.name}:" in module.__doc__, rule.name


def test_the_registries_list_the_rules_in_the_order_they_are_applied() -> None:
    # the two rules that decide whether a file counts as its element come first
    assert [rule.name for rule in rules.ELEMENT_RULES[:2]] == ["element-id", "element-twice"]
    # a second surveillance's order error and its missing first date share one place:
    # the order is said first, as cse check has always said it
    names = [rule.name for rule in rules.CONFIG_RULES]
    assert names.index("cycle-order") < names.index("cycle-second-surveillance")
