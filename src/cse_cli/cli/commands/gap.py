"""`cse gap`: what stands between the organisation and the standard, and what to fix first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import show
from cse_cli.cli.exits import Exit
from cse_cli.cli.reading import read_valid
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render.formats import GapFormat


def run(
    path: Path,
    stage: Stage,
    output_format: GapFormat,
    *,
    service: str | None,
    owner: str | None,
    as_of: str | None,
    review: Stage | None = None,
    visit: bool = False,
) -> Exit:
    """Show the gap of the repository holding `path`, narrowed to a service or owner.

    With `review`, show instead what the assessor will ask for at that surveillance;
    with `visit`, the on-site evidence by person and place, to plan the visit day.
    """
    import datetime as dt

    from cse_cli.render import GAP, READINESS, VISIT
    from cse_cli.render.formats import GapFormat
    from cse_cli.views.gap import build_gap

    if visit and review is not None:
        raise CseError("--visit and --review: choose one (the visit plan, or a surveillance's)")
    if visit and as_of is not None:
        raise CseError("--visit and --as-of: --as-of dates the gap's stale evidence, and the "
                       "visit plan has none; leave --as-of out")  # fmt: skip

    try:
        day = (
            dt.date.fromisoformat(as_of)
            if as_of is not None
            else dt.datetime.now(dt.timezone.utc).astimezone().date()  # the local day
        )
    except ValueError:
        raise CseError(f"--as-of '{as_of}' is not a date: write it as YYYY-MM-DD") from None
    standard, evidence, verdict = read_valid(path, stage, progress=output_format is GapFormat.TEXT)
    if visit:
        from cse_cli.views.visit import build_visit

        plan = build_visit(standard, evidence, service=service, owner=owner)
        show(VISIT[output_format](plan))
        return Exit.MET
    gap = build_gap(standard, evidence, verdict, as_of=day, service=service, owner=owner)
    if review is not None:
        from cse_cli.views.readiness import build_readiness

        show(READINESS[output_format](build_readiness(standard, evidence, gap, review)))
        return Exit.MET
    show(GAP[output_format](gap))
    return Exit.MET
