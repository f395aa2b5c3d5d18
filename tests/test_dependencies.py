"""pyproject.toml's floors are the versions CI tests, and the locks fit its ranges.

`requirements/lowest.txt` (uv's `--resolution lowest-direct`) must pin every
runtime dependency at exactly its floor: CI's floors leg installs it and runs the
tests against it, so a floor is true only while the two agree. A
floor raised or lowered without refreshing that lock fails here, on every leg.
"""

from __future__ import annotations

import re
import sys

import pytest

from tests.helpers import PROJECT

if sys.version_info >= (3, 11):
    import tomllib
else:  # the lowest Python reads TOML with tomli, as pip and pytest do there
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore] # absent on 3.11+

LOCKS = PROJECT / "requirements"
FLOOR = re.compile(r"([A-Za-z0-9_.-]+)>=([0-9]+(?:\.[0-9]+)*)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _floors() -> dict[str, tuple[int, ...]]:
    """Each runtime dependency's floor: pyproject.toml says each as `name>=X.Y`."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for line in project["dependencies"]:
        found = FLOOR.fullmatch(line)
        assert found, f"{line!r}: give a runtime dependency as name>=X.Y, its floor"
        floors[_name(found[1])] = _version(found[2])
    return floors


def _pins(lock: str) -> dict[str, set[tuple[int, ...]]]:
    """Each package's pinned versions in a lock (a universal lock may pin several)."""
    pins: dict[str, set[tuple[int, ...]]] = {}
    text = (LOCKS / lock).read_text(encoding="utf-8")
    for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([0-9.]+)[\s;]", text, re.MULTILINE):
        pins.setdefault(_name(name), set()).add(_version(version.rstrip(".")))
    return pins


def _same(version: tuple[int, ...]) -> tuple[int, ...]:
    """The version without trailing zeros, so that 6.0 and 6.0.0 are one."""
    while version and version[-1] == 0:
        version = version[:-1]
    return version


@pytest.mark.parametrize("name", _floors())
def test_the_lowest_lock_pins_each_runtime_dependency_at_its_floor(name: str) -> None:
    floor = _floors()[name]
    pins = {_same(pin) for pin in _pins("lowest.txt").get(name, set())}
    assert pins == {_same(floor)}, f"{name}: refresh requirements/lowest.txt (README, Development)"


@pytest.mark.parametrize("lock", ["test.txt", "lowest.txt"])
def test_each_lock_pins_every_runtime_dependency_at_or_above_its_floor(lock: str) -> None:
    pins = _pins(lock)
    for name, floor in _floors().items():
        assert pins.get(name), f"{lock} does not pin {name}"
        assert all(_same(pin) >= _same(floor) for pin in pins[name]), (lock, name, pins[name])
