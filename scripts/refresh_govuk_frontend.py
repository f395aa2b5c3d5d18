"""Vendor GOV.UK Frontend's compiled CSS and JavaScript into `cse serve`'s static files.

Run from the project's root after changing the pinned version of `govuk-frontend`
in package.json (its devDependencies) and running `npm ci`:

    python scripts/refresh_govuk_frontend.py

It copies, from node_modules/govuk-frontend/dist/govuk/, only what the editor uses:

- govuk-frontend.min.css, without the GDS Transport font (its @font-face rules go,
  and every font stack falls back to Arial) and without the royal crest (the
  footer's copyright logo): both belong to GOV.UK alone, as the package's own
  README says, and the editor is not a GOV.UK service;
- govuk-frontend.min.js, an ES module the editor's own script imports, without
  its source map comment (the map is not shipped).

No image, font or manifest of the package is copied. The package ships no
licence file, so the MIT licence it declares is written beside them, with the
copyright line of the project's repository. The output is checked: no rule
still names the font or requests anything under /assets.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT / "node_modules" / "govuk-frontend"
TARGET = PROJECT / "src" / "cse_cli" / "serve" / "static" / "govuk"

LICENCE = """\
GOV.UK Frontend {version}, https://github.com/alphagov/govuk-frontend
(govuk-frontend.min.css and govuk-frontend.min.js, vendored by
scripts/refresh_govuk_frontend.py: the GDS Transport font and the royal crest
are left out)

The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def pinned() -> str:
    """The exact version package.json pins."""
    manifest = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))
    version: str = manifest["devDependencies"]["govuk-frontend"]
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit(f"package.json must pin govuk-frontend exactly, not {version!r}")
    return version


def installed() -> str:
    """The version `npm ci` installed."""
    manifest = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    version: str = manifest["version"]
    return version


def without_brand(css: str) -> str:
    """The stylesheet without GOV.UK's own font and crest."""
    css = re.sub(r"@font-face\{[^}]*\}", "", css)
    css = css.replace("font-family:GDS Transport,", "font-family:")
    css = css.replace("font-family:GDS Transport;", "font-family:arial,sans-serif;")
    css = re.sub(r"url\(/assets/images/govuk-crest\.svg\)", "none", css)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    for left in ("GDS Transport", "url(/assets"):
        if left in css:
            sys.exit(f"the stylesheet still holds {left!r}: update this script for the new release")
    return css


def without_map(script: str) -> str:
    """The script without its source map comment."""
    return re.sub(r"//# sourceMappingURL=\S+\s*$", "", script).rstrip() + "\n"


def main() -> None:
    """Copy the pinned release's CSS and JavaScript, and its licence, into the package."""
    version = pinned()
    if not PACKAGE.is_dir() or installed() != version:
        sys.exit(f"run `npm ci` first: node_modules must hold govuk-frontend {version}")
    dist = PACKAGE / "dist" / "govuk"
    TARGET.mkdir(parents=True, exist_ok=True)
    css = (dist / "govuk-frontend.min.css").read_text(encoding="utf-8")
    (TARGET / "govuk-frontend.min.css").write_text(without_brand(css), encoding="utf-8")
    script = (dist / "govuk-frontend.min.js").read_text(encoding="utf-8")
    (TARGET / "govuk-frontend.min.js").write_text(without_map(script), encoding="utf-8")
    (TARGET / "LICENSE").write_text(LICENCE.format(version=version), encoding="utf-8")
    print(f"GOV.UK Frontend {version} vendored in {TARGET.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
