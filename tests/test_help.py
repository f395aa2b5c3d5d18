"""Every command and option explains itself, with an example, and the README documents it.

The test walks the Typer app, so a command or option added without help text, or
left out of README.md, fails here rather than surprising a user.
"""

from __future__ import annotations

import typer
from typer.main import get_command

from cse_cli.cli.app import app
from tests.conftest import PROJECT, run

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


def test_the_app_has_the_commands_of_the_contract() -> None:
    assert {"check", "init", "diff", "schema"} <= set(_commands())


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


def test_help_prints_the_example() -> None:
    for name, command in _commands().items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        example = next(line for line in (command.help or "").splitlines() if "Example:" in line)
        assert example.strip() in result.stdout, name


def test_the_readme_documents_every_command_and_option() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [f"cse {name}" for name in _commands() if f"cse {name}" not in readme]
    for name, command in _commands().items():
        missing += [
            f"cse {name} {_long_flag(param.opts)}"
            for param in command.params
            if not isinstance(param, typer.core.TyperArgument)
            and _long_flag(param.opts) not in readme
        ]
    missing += [flag for flag in sorted(BUILT_IN) if flag not in readme]
    assert missing == [], "missing from README.md"
