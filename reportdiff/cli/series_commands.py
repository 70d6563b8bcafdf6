"""The report-series commands, ``targets``, ``track``, ``terms`` and ``blame``: parse, call ``reportdiff.series``,
pick a renderer, write.  ``register(app, options)`` adds them to the one typer app of ``cli.app``
(which calls it, passing its options builder: this module does not import ``cli.app``)."""

# The commands' parameter annotations stay objects (no ``from __future__ import annotations``):
# typer reads them at every start, and strings it would evaluate one by one (4 ms a run).
from typing import Optional

import typer

from .choices import Color, SeriesFormat
from .terminal import emit, plain, refuse_output, terminal

_options = None  # cli.app's options builder, set by ``register``

# the options the series commands share (one declaration each)
_PATHS = typer.Argument(..., help="Reports of one region over the years, or of many regions in one year (files, folders, or archives made by index build).")
_FORMAT = typer.Option(SeriesFormat.terminal, "--format", "-f", help="Output format.")
_OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
_COLOR = typer.Option(Color.auto, "--color", help="Colour the terminal output.")
_DOCUMENT = typer.Option(None, "--document", "-d", help="Which document of multi-document files.")
_ENCODING = typer.Option(None, "--encoding", help="Read the files in this encoding.")


def _render(spec: str):
    """``"module.function"`` of ``reportdiff.render``, imported when asked for (start-up stays fast)."""
    from importlib import import_module

    module, name = spec.rsplit(".", 1)
    return getattr(import_module(f"..render.{module}", __package__), name)


def _write(format, result, output, inputs, color, json: str, csv: str, page: str, view) -> None:
    """JSON, CSV or HTML from the named renderers, or ``view(result, console)`` on the terminal."""
    if format.value in ("json", "csv"):
        from ..render.jsonout import dumps

        emit(dumps(_render(json)(result)) if format.value == "json" else _render(csv)(result), output, inputs)
        return
    if format.value == "html":
        emit(_render(page)(result), output, inputs)
        return
    with terminal(color, output, inputs) as console:
        console.print(view(result, console))


def register(app: typer.Typer, options) -> None:
    global _options
    _options = options
    app.command()(targets)
    app.command()(track)
    app.command()(terms)
    app.command()(blame)


def targets(
    paths: list[str] = _PATHS,
    indicator: Optional[list[str]] = typer.Option(None, "--indicator", "-i", help="Only this indicator (repeatable): gdp, cpi, jobs, unemployment_surveyed, unemployment_registered, grain, energy, deficit, fiscal_revenue, industry, investment, retail, income, trade."),
    format: SeriesFormat = _FORMAT,
    output: Optional[str] = _OUTPUT,
    color: Color = _COLOR,
    document: Optional[str] = _DOCUMENT,
    encoding: Optional[str] = _ENCODING,
) -> None:
    """The main targets by year (GDP, CPI, jobs, unemployment, grain …) against what the next report says was achieved."""
    from ..series import targets as run_targets

    inputs = tuple(paths)
    refuse_output(output, inputs)
    table = run_targets(paths, _options(encoding, document), indicator or ())
    _write(format, table, output, inputs, color, "series_json.targets", "series_json.targets_csv",
           "series_html.targets_page", lambda t, console: _render("series_view.targets_view")(t, console.width))


def track(
    pattern: str = typer.Argument(..., help="A word or regular expression, e.g. '房价|房地产' or '货币政策'."),
    paths: list[str] = _PATHS,
    format: SeriesFormat = _FORMAT,
    output: Optional[str] = _OUTPUT,
    same: bool = typer.Option(False, "--same", help="Show the unchanged sentences too (terminal)."),
    color: Color = _COLOR,
    document: Optional[str] = _DOCUMENT,
    encoding: Optional[str] = _ENCODING,
) -> None:
    """Every sentence matching PATTERN, year by year: counts, and word diffs between consecutive years."""
    from ..series import track as run_track

    inputs = tuple(paths)
    refuse_output(output, inputs)
    result = run_track(pattern, paths, _options(encoding, document))
    _write(format, result, output, inputs, color, "series_json.track", "series_json.track_csv",
           "series_html.track_page",
           lambda r, console: _render("series_view.track_view")(r, markers=plain(console), same=same))


def terms(
    paths: list[str] = _PATHS,
    term: Optional[list[str]] = typer.Option(None, "--term", "-t", help="A word or regular expression to count (repeatable), e.g. -t 新质生产力 -t '房价|房地产'; without any, the expressions are discovered."),
    year: Optional[str] = typer.Option(None, "--year", "-y", help="Discovered expressions: the year whose new, dropped and rising ones are listed (default: the last)."),
    top: int = typer.Option(25, "--top", min=1, help="Discovered expressions: how many of each list to show (terminal, HTML)."),
    format: SeriesFormat = _FORMAT,
    output: Optional[str] = _OUTPUT,
    color: Color = _COLOR,
    document: Optional[str] = _DOCUMENT,
    encoding: Optional[str] = _ENCODING,
) -> None:
    """How often each term occurs, year by year; without --term, the new, dropped and rising expressions (discovered)."""
    from ..series import terms as run_terms

    inputs = tuple(paths)
    refuse_output(output, inputs)
    result = run_terms(tuple(term or ()), paths, _options(encoding, document))
    if result.discovered:
        if result.by == "year":
            _render("series_view.chosen_column")(result, year)  # an unknown year is refused before writing
        if format.value == "html":
            emit(_render("series_html.expressions_page")(result, year, top), output, inputs)
            return
        _write(format, result, output, inputs, color, "series_json.terms", "series_json.terms_csv",
               "series_html.expressions_page", lambda r, console: _render("series_view.expressions_view")(r, year, top))
        return
    _write(format, result, output, inputs, color, "series_json.terms", "series_json.terms_csv",
           "series_html.terms_page", lambda r, console: _render("series_view.terms_view")(r, console.width))


def blame(
    report: str = typer.Argument(..., help="The report to blame (a file named with its year, e.g. 2025.txt)."),
    history: list[str] = typer.Option(..., "--history", "-H", help="Earlier reports of the series (files, folders or an archive made by index build; repeatable); the report itself and later years are left out."),
    format: SeriesFormat = _FORMAT,
    output: Optional[str] = _OUTPUT,
    no_diff: bool = typer.Option(False, "--no-diff", help="Leave out the word diffs from the previous wording (terminal)."),
    color: Color = _COLOR,
    document: Optional[str] = _DOCUMENT,
    encoding: Optional[str] = _ENCODING,
) -> None:
    """git blame for prose: each sentence's first year in the history, the streak of reports holding it, its last rewording."""
    from ..series import blame as run_blame

    inputs = (report, *history)
    refuse_output(output, inputs)
    result = run_blame(report, history, _options(encoding, document))
    _write(format, result, output, inputs, color, "blame_out.blame_json", "blame_out.blame_csv",
           "blame_out.blame_page",
           lambda r, console: _render("blame_out.blame_view")(r, markers=plain(console), diffs=not no_diff))
