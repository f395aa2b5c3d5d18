"""The program's start: no needless collection while it starts and reads, and none skipped after.

A process of its own runs `main` as the program (as the installed `cse` does),
and reports what Python's collector did before the command ran, while it read
the evidence, and when the command ran.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap

import pytest

from cse_cli.cli import startup
from tests.helpers import BOLTON, run, utf8_streams

_PROBE = textwrap.dedent(
    """
    import gc, json, os, sys
    started = []
    gc.callbacks.append(lambda phase, info: phase == "start" and started.append(info))
    import cse_cli.cli.commands.check as check
    import cse_cli.io.repository as repository
    seen = {}
    real_run, real_read = check.run, repository.open_repository

    def run(*args, **kwargs):
        seen["run"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                       "collections": len(started) - base,
                       "plugins": os.environ.get("PYDANTIC_DISABLE_PLUGINS")}
        return real_run(*args, **kwargs)

    def read(*args, **kwargs):
        before = len(started)
        try:
            return real_read(*args, **kwargs)
        finally:
            seen["read"] = {"collections": len(started) - before, "enabled": gc.isenabled()}

    check.run, repository.open_repository = run, read
    from cse_cli.cli.main import main
    sys.argv = ["cse", *sys.argv[1:]]
    base = len(started)  # what the imports above collected is not main's
    code = main()
    seen["after"] = {"enabled": gc.isenabled(), "code": code}
    print(json.dumps(seen), file=sys.stderr)
    """
)


def _probe(*args: str, env: dict[str, str] | None = None) -> dict[str, dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        encoding="utf-8",
        check=False,
        env=utf8_streams(env),
        timeout=120,
    )
    seen: dict[str, dict[str, object]] = json.loads(result.stderr.splitlines()[-1])
    return seen


def test_the_program_starts_and_reads_without_collecting_then_collects() -> None:
    seen = _probe("check", str(BOLTON), "--format", "json")
    assert seen["after"]["code"] == 1  # Bolton: valid, not met
    assert seen["run"]["collections"] == 0  # nothing collected while starting
    assert seen["run"]["enabled"] is True  # the command itself collects as usual
    assert isinstance(seen["run"]["frozen"], int)
    assert seen["run"]["frozen"] > 10_000  # what start-up made is left out of collections
    assert seen["read"] == {"collections": 0, "enabled": False}
    assert seen["after"]["enabled"] is True
    assert seen["run"]["plugins"] == "__all__"


def test_a_user_s_own_plugin_setting_is_kept() -> None:
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "logfire"}
    seen = _probe("check", str(BOLTON), "--format", "json", env=env)
    assert seen["run"]["plugins"] == "logfire"


def test_called_by_another_program_main_leaves_the_collector_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    frozen = gc.get_freeze_count()
    assert run("check", str(BOLTON), "--format", "json").exit_code == 1
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    with startup.paused():
        assert gc.isenabled()  # paused only as the program
