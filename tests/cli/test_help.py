"""Every command and option explains itself, with an example, and the README documents it.

The test walks the Typer app, so a command or option added without help text, or
left out of README.md, fails here rather than surprising a user.
"""

from __future__ import annotations

import re

import typer
from typer.main import get_command

from cse_cli.cli.app import app
from tests.helpers import PROJECT, run

README = PROJECT / "README.md"
# Typer's own options: their help is Typer's (no example), but the README must
# still say how to turn shell completion on.
BUILT_IN = {"--install-completion", "--show-completion", "--version"}


def _commands() -> dict[str, typer.core.TyperCommand]:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return dict(group.commands)  # type: ignore[arg-type]


def _long_flag(opts: list[str]) -> str:
    return max(opts, key=len)


def _readme_sections() -> dict[str, str]:
    """README.md's sections, by heading: the heading's line and the text up to the next."""
    sections: dict[str, str] = {}
    heading = ""
    for line in README.read_text(encoding="utf-8").splitlines(keepends=True):
        if re.match(r"#{2,4} ", line):
            heading = line.strip()
        sections[heading] = sections.get(heading, "") + line
    return sections


def _documented(name: str) -> str:
    """The README's text about `cse NAME`: every section whose heading names the command."""
    return "".join(
        text for heading, text in _readme_sections().items() if f"`cse {name}" in heading
    )


def test_the_app_has_the_commands_of_the_contract() -> None:
    assert {"check", "gap", "report", "diff", "init", "schema"} <= set(_commands())
    headed = {
        match.group(1)
        for heading in _readme_sections()
        if (match := re.match(r"### `cse ([a-z-]+)", heading))
    }
    assert headed == set(_commands()), "README's ### `cse NAME` headings and the app's commands"


def test_the_top_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    missing = [name for name in _commands() if not re.search(rf"\b{name}\b", result.stdout)]
    assert missing == []


def test_every_command_has_help_with_an_example() -> None:
    missing = [
        name
        for name, command in _commands().items()
        if not command.help or f"Example: cse {name}" not in command.help
    ]
    assert missing == [], "commands without help or an 'Example: cse …' line"


def test_every_option_and_argument_has_help_with_an_example() -> None:
    missing = []
    for name, command in _commands().items():
        for param in command.params:
            text = getattr(param, "help", None) or ""
            if isinstance(param, typer.core.TyperArgument):
                if not text:
                    missing.append(f"cse {name} {param.name}: no help")
            elif "Example: " not in text:
                missing.append(f"cse {name} {_long_flag(param.opts)}: no help with an example")
    assert missing == []


def test_the_root_options_have_help() -> None:
    group = get_command(app)
    flags = {_long_flag(param.opts): getattr(param, "help", None) for param in group.params}
    assert set(flags) == BUILT_IN
    assert all(flags.values())


def test_help_prints_the_example_and_every_option() -> None:
    for name, command in _commands().items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        example = next(line for line in (command.help or "").splitlines() if "Example:" in line)
        assert example.strip() in result.stdout, name
        for param in command.params:
            if not isinstance(param, typer.core.TyperArgument):
                assert _long_flag(param.opts) in result.stdout, f"cse {name} --help"


def test_the_readme_documents_every_command_and_option() -> None:
    """Each option is named in a section about its own command, not just somewhere."""
    readme = README.read_text(encoding="utf-8")
    missing = []
    for name, command in _commands().items():
        text = _documented(name)
        if not text:
            missing.append(f"cse {name}")
        missing += [
            f"cse {name} {_long_flag(param.opts)}"
            for param in command.params
            if not isinstance(param, typer.core.TyperArgument)
            and _long_flag(param.opts) not in text
        ]
    missing += [flag for flag in sorted(BUILT_IN) if flag not in readme]
    assert missing == [], "missing from README.md"
