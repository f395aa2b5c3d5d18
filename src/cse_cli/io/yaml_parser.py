"""The YAML event parser that the loader and the writer both read with.

libyaml's C parser when PyYAML was built with it, else PyYAML's own, which
gives the same events, only slower. Both are taken through PyYAML's public
loaders (`yaml.CBaseLoader`, `yaml.BaseLoader`), whose `get_event` is what
`yaml.parse` itself calls; nothing of them but their parser is used.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def parser(stream: bytes | str) -> Any:
    """A parser of `stream`: call its `get_event()` for each event in turn."""
    return _LOADER(stream)
