"""The command line: parse, call the library, print, choose the exit code.  Nothing else.

``reportdiff OLD NEW`` is short for ``reportdiff compare OLD NEW``.
Exit codes: 0 done; 1 with --exit-code when the documents differ; 2 bad input or usage;
130 interrupted (Ctrl-C); 3 an internal error (a bug).
"""

# The commands' parameter annotations stay objects (no ``from __future__ import annotations``):
# typer reads them at every start, and strings it would evaluate one by one (4 ms a run).
import os
import sys
from enum import Enum
from typing import Optional

import typer

from ..errors import ReportdiffError
from ..options import MIN_CHARS, REUSE_MIN_CHARS
from .choices import (
    LIMIT_CHECK,
    MAX_CONTEXT,
    MAX_LIMIT,
    MAX_WORKERS,
    MIN_CHARS_CHECK,
    Color,
    CompareFormat,
    DupesFormat,
    LedgerFormat,
    OutlineFormat,
    between,
)
from .exports import COMPARE_EXPORTS, check_export
from .terminal import console, emit, plain, refuse_output, terminal

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Compare long reports across years and regions.  `reportdiff OLD NEW` compares two "
    "reports; the subcommands below do the rest.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

SUBCOMMANDS = {"compare", "outline", "dupes", "boilerplate", "promises", "corpus", "index", "targets", "track", "terms", "blame"}




@app.callback()
def _group() -> None:
    """Compare long reports across years and regions."""








# (the tasks are single-threaded and CPU-bound: beyond 4 per CPU a worker process adds only its
# memory, some 100-150 MB, and start-up time; 64 caps large machines)






def _options(encoding, document, keep_width=False, boilerplate=None):
    from ..options import Options

    return Options(encoding=encoding, document=document, fold_width=not keep_width,
                   boilerplate=boilerplate or "")














@app.command()
def compare(
    old: str = typer.Argument(..., help="The older report (or the one to compare from)."),
    new: str = typer.Argument(..., help="The newer report."),
    format: CompareFormat = typer.Option(CompareFormat.terminal, "--format", "-f", help="Output format (csv, xlsx: the change list; md: a short Markdown summary)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    only_changed: bool = typer.Option(False, "--only-changed", help="Hide equal paragraphs (keep --context of them)."),
    section: Optional[str] = typer.Option(None, "--section", "-s", help="Show only sections whose id (e.g. 2.3) or heading matches."),
    context: int = typer.Option(1, "--context", "-C", callback=between(0, MAX_CONTEXT, f"give 0 to {MAX_CONTEXT:,}, or drop --only-changed to see every paragraph"), help="Equal paragraphs kept around each change with --only-changed."),
    side_by_side: bool = typer.Option(False, "--side-by-side", "-y", help="Old and new text in two columns."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour: auto (terminal, and no NO_COLOR), always, never."),
    pager: bool = typer.Option(True, "--pager/--no-pager", help="Page the output when stdout is a terminal."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit with 1 when the documents differ (as git diff)."),
    document: Optional[str] = typer.Option(None, "--document", "-d",
                                           help="Which document of a multi-document file: its number or part of its title."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read both files in this encoding instead of detecting it."),
    keep_width: bool = typer.Option(False, "--keep-width", help="Count full-/half-width punctuation differences as changes."),
    boilerplate: Optional[str] = typer.Option(None, "--boilerplate", "-b",
                                              help="Boilerplate profile (from 'reportdiff boilerplate --save') to dim; 'none' to flag nothing. Default: the built-in profile of Chinese government work reports."),
    hide_boilerplate: bool = typer.Option(False, "--hide-boilerplate", help="Leave boilerplate paragraphs out of the terminal output."),
) -> None:
    """Compare two reports: sections and paragraphs aligned, word-level diffs, number changes."""
    from ..comparison import compare as run_compare

    inputs = (old, new) + ((boilerplate,) if boilerplate and boilerplate != "none" else ())
    refuse_output(output, inputs)
    check_export(format.value, output)
    options = _options(encoding, document, keep_width, boilerplate)
    result = run_compare(old, new, options)
    if format.value in COMPARE_EXPORTS:
        from .exports import export_compare

        export_compare(result, format.value, output, inputs)
    elif format == CompareFormat.json:
        from ..render.jsonout import comparison, dumps

        emit(dumps(comparison(result)), output, inputs)
    elif format == CompareFormat.html:
        from ..render.html import comparison_page

        emit(comparison_page(result), output, inputs)
    else:
        from ..render.compare_view import ViewOptions, comparison_view

        with terminal(color, output, inputs, pager) as console:
            console.print(comparison_view(result, ViewOptions(
                only_changed=only_changed, section=section, context=context, side_by_side=side_by_side,
                markers=plain(console), hide_boilerplate=hide_boilerplate)))
    if exit_code and result.differs:
        raise typer.Exit(1)


@app.command()
def outline(
    file: str = typer.Argument(..., help="The report file."),
    format: OutlineFormat = typer.Option(OutlineFormat.terminal, "--format", "-f", help="Output format."),
    document: Optional[str] = typer.Option(None, "--document", "-d",
                                           help="Which document of a multi-document file: its number or part of its title."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read the file in this encoding instead of detecting it."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
) -> None:
    """Show a file's documents, metadata, heading tree and what was removed as noise."""
    from ..ingest.source import read_source, select_document

    refuse_output(output, (file,))
    options = _options(encoding, document)
    source = read_source(file, options)
    doc = select_document(source, options.document)
    if format == OutlineFormat.json:
        from ..render.jsonout import dumps
        from ..render.jsonout import outline as outline_json

        emit(dumps(outline_json(source, doc)), output, (file,))
        return
    from ..render.outline_view import outline_view

    with terminal(color, output, (file,)) as console:
        console.print(outline_view(source, doc))


@app.command()
def dupes(
    files: list[str] = typer.Argument(..., help="Reports to check (files or folders)."),
    against: Optional[list[str]] = typer.Option(None, "--against", "-a", help="Reference reports (files or folders) to check against, repeatable; or one archive made by 'reportdiff index build'."),
    min_chars: int = typer.Option(MIN_CHARS, "--min-chars", "-m", callback=MIN_CHARS_CHECK, help="Shortest passage reported, in characters (letters and ideographs)."),
    format: DupesFormat = typer.Option(DupesFormat.terminal, "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    limit: int = typer.Option(50, "--limit", callback=LIMIT_CHECK, help="Groups shown in the terminal."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Which document of a multi-document file."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read the files in this encoding."),
) -> None:
    """Repeated passages: inside each report, between the reports, and against a reference set."""
    from ..passages import dupes as run_dupes

    inputs = tuple(files) + tuple(against or [])
    refuse_output(output, inputs)
    check_export(format.value, output)
    result = run_dupes(files, against or [], min_chars, _options(encoding, document))
    if format == DupesFormat.xlsx:
        from .exports import export_dupes

        export_dupes(result, output, inputs)
        return
    if format == DupesFormat.json:
        from ..render.jsonout import dumps
        from ..render.jsonout import dupes as dupes_json

        emit(dumps(dupes_json(result)), output, inputs)
        return
    if format == DupesFormat.html:
        from ..render.html import dupes_page

        emit(dupes_page(result), output, inputs)
        return
    from ..render.dupes_view import dupes_view

    with terminal(color, output, inputs) as console:
        console.print(dupes_view(result, limit, markers=plain(console)))


@app.command()
def boilerplate(
    paths: list[str] = typer.Argument(..., help="Reports (files or folders)."),
    min_df: Optional[int] = typer.Option(None, "--min-df", callback=between(2, MAX_LIMIT, "give 2 up to the number of documents"), help="Documents a formula must appear in (default: max(3, 10% of them))."),
    min_chars: int = typer.Option(MIN_CHARS, "--min-chars", "-m", callback=MIN_CHARS_CHECK, help="Shortest formula, in characters."),
    save: Optional[str] = typer.Option(None, "--save", help="Save the formulas as a profile for 'reportdiff OLD NEW --boilerplate PROFILE'."),
    format: OutlineFormat = typer.Option(OutlineFormat.terminal, "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    limit: int = typer.Option(40, "--limit", callback=LIMIT_CHECK, help="Formulas shown in the terminal."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
) -> None:
    """Rank recurring formulas across a set of reports by document frequency."""
    from ..passages import boilerplate as run_boilerplate
    from ..passages.formulas import profile_json
    from ..render.jsonout import dumps

    refuse_output(save, tuple(paths))
    refuse_output(output, tuple(paths))
    result = run_boilerplate(paths, min_df, min_chars)
    data = profile_json(result)
    if save:
        from .atomic import write_atomic

        write_atomic(save, dumps(data), tuple(paths))
    if format == OutlineFormat.json:
        emit(dumps(data), output, tuple(paths))
        return
    from ..render.boilerplate_view import boilerplate_view

    with terminal(color, output, tuple(paths)) as console:
        console.print(boilerplate_view(result, limit))
        if save:
            from rich.markup import escape

            console.print(f"profile saved to {escape(save)}")


@app.command()
def promises(
    paths: list[str] = typer.Argument(..., help="Two or more reports of one region (files or folders)."),
    format: LedgerFormat = typer.Option(LedgerFormat.terminal, "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    limit: int = typer.Option(200, "--limit", callback=LIMIT_CHECK, help="Commitments shown in the terminal."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Which document of multi-document files."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read the files in this encoding."),
) -> None:
    """Follow the commitments of each report through the later ones: reported, recurring or missing."""
    from ..commitments import promises as run_promises

    refuse_output(output, tuple(paths))
    check_export(format.value, output)
    ledger = run_promises(paths, _options(encoding, document))
    if format == LedgerFormat.xlsx:
        from .exports import export_promises

        export_promises(ledger, output, tuple(paths))
        return
    if format == LedgerFormat.json:
        from ..render.jsonout import dumps
        from ..render.jsonout import promises as promises_json

        emit(dumps(promises_json(ledger)), output, tuple(paths))
        return
    if format == LedgerFormat.csv:
        from ..render.jsonout import promises_csv

        emit(promises_csv(ledger), output, tuple(paths))
        return
    if format == LedgerFormat.html:
        from ..render.html import promises_page

        emit(promises_page(ledger), output, tuple(paths))
        return
    from ..render.promises_view import promises_view

    with terminal(color, output, tuple(paths)) as console:
        console.print(promises_view(ledger, limit))


index_app = typer.Typer(no_args_is_help=True, help="An archive of prepared reports (SQLite) for 'dupes --against ARCHIVE'.")
app.add_typer(index_app, name="index")


@index_app.command("build")
def index_build(
    paths: list[str] = typer.Argument(..., help="Folders (or files) of reports to add."),
    db: str = typer.Option(..., "--db", help="The archive file, made when missing."),
    min_chars: Optional[int] = typer.Option(None, "--min-chars", "-m", callback=MIN_CHARS_CHECK, help=f"A new archive's fingerprints serve 'dupes --min-chars' of this (default {MIN_CHARS})."),
    prune: bool = typer.Option(False, "--prune", help="Remove the stored files of these folders that no longer exist."),
) -> None:
    """Add every report of the folders to the archive; a file that cannot be read is listed and skipped (exit 1)."""
    outcomes = _index(paths, db, True, min_chars, prune)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


@index_app.command("add")
def index_add(
    files: list[str] = typer.Argument(..., help="Report files to add or update."),
    db: str = typer.Option(..., "--db", help="The archive file, made when missing."),
) -> None:
    """Add or update reports in the archive; the first file that cannot be read stops (exit 2)."""
    _index(files, db, False, None)


@index_app.command("remove")
def index_remove(
    paths: list[str] = typer.Argument(..., help="Stored report files (deleted ones too), or folders of them."),
    db: str = typer.Option(..., "--db", help="The archive file."),
) -> None:
    """Remove reports from the archive, all or none: a path not in the archive removes nothing (exit 2)."""
    from ..archive import index_remove as run_remove
    from ..render.safe import printable

    removed = run_remove(paths, db)
    print(f"{printable(db)}: {len(removed)} removed")
    for path in removed:
        print(f"removed: {printable(path)}")


def _index(paths: list[str], db: str, keep_going: bool, min_chars: Optional[int], prune: bool = False):
    """Run pipeline.index_add with a progress bar on a terminal's stderr, then print the summary."""
    from collections import Counter

    from rich.progress import Progress

    from ..archive import index_add as run_index
    from ..archive import index_files
    from ..render.safe import printable

    err = console(file=sys.stderr)
    files, unlisted = index_files(list(paths), keep_going)
    total = len(files) + len(unlisted)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("indexing", total=total)
        outcomes = run_index(paths, db, keep_going, min_chars,
                             lambda o: bar.update(task, advance=1, description=printable(os.path.basename(o.path)).replace("[", "\\[")), prune)
    counts = Counter(o.status for o in outcomes)
    shown = ("added", "replaced", "unchanged", "failed") + (("removed",) if prune else ())
    print(f"{printable(db)}: " + ", ".join(f"{counts[s]} {s}" for s in shown))
    for o in outcomes:
        if o.status == "failed":
            print(f"failed: {printable(o.reason)}")
        elif o.status in ("removed", "missing"):
            print(f"{o.status}: {printable(o.path)}" + (" (no longer exists)" if o.status == "missing" else ""))
    if counts["missing"]:
        print(f"{counts['missing']} stored report(s) of these folders no longer exist "
              f"(hint: remove them with --prune, or with 'reportdiff index remove PATH... --db {printable(db)}')")
    return outcomes


class Pairing(str, Enum):
    auto = "auto"
    all = "all"
    lsh = "lsh"


@app.command()
def corpus(
    paths: list[str] = typer.Argument(..., help="Reports (files or folders)."),
    format: LedgerFormat = typer.Option(LedgerFormat.terminal, "--format", "-f", help="Output format (csv: one row per compared pair; xlsx: pairs, year series and documents)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    workers: int = typer.Option(0, "--workers", "-w", callback=between(0, MAX_WORKERS, f"give 0 (run in this process) to {MAX_WORKERS}: 4 per CPU, at most 64"), help=f"Start a local Dask cluster of this many worker processes (0: run in this process; at most {MAX_WORKERS}, 4 per CPU and at most 64)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run on an existing Dask cluster, e.g. tcp://host:8786."),
    pairs: Pairing = typer.Option(Pairing.auto, "--pairs", help="Which pairs to compare: all, lsh (MinHash candidates and year steps; reports of regions sharing uncommon fingerprints are searched for shared passages), auto (all up to 50 reports)."),
    min_chars: int = typer.Option(REUSE_MIN_CHARS, "--min-chars", "-m", callback=MIN_CHARS_CHECK, help="Shortest shared passage reported as reuse, in characters."),
    progress: bool = typer.Option(False, "--progress", help="Show the progress bar even when stderr is not a terminal."),
    limit: int = typer.Option(15, "--limit", callback=LIMIT_CHECK, help="Rows per table in the terminal."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Which document of multi-document files."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read the files in this encoding."),
) -> None:
    """Many reports at once: pairwise similarity, year-over-year change per region, cross-region reuse, boilerplate."""
    from ..corpora import corpus as run_corpus
    from .progress import progress_bar

    refuse_output(output, tuple(paths))
    check_export(format.value, output)
    with progress_bar(progress or sys.stderr.isatty()) as tick:
        report = run_corpus(paths, _options(encoding, document), workers, scheduler, min_chars, tick,
                            None if pairs == Pairing.auto else pairs == Pairing.all)
    inputs = tuple(paths)
    if format == LedgerFormat.xlsx:
        from .exports import export_corpus

        export_corpus(report, output, inputs)
        return
    if format in (LedgerFormat.json, LedgerFormat.csv):
        from ..render.jsonout import corpus as corpus_json
        from ..render.jsonout import corpus_csv, pieces

        emit(pieces(corpus_json(report)) if format == LedgerFormat.json else corpus_csv(report), output, inputs)
        return
    if format == LedgerFormat.html:
        from ..render.html import corpus_page

        emit(corpus_page(report), output, inputs)
        return
    from ..render.corpus_view import corpus_view

    with terminal(color, output, inputs) as console:
        console.print(corpus_view(report, limit))


from .series_commands import register as _register_series  # noqa: E402

_register_series(app, _options)  # targets, track, terms and blame


def main(argv: Optional[list[str]] = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and not args[0].startswith("-"):
        args.insert(0, "compare")
    elif args and args[0].startswith("-") and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "compare")
    if args == ["--version"]:
        from .. import __version__

        print(f"reportdiff {__version__}")
        raise SystemExit(0)
    from ..render.safe import printable
    from .process import Signalled, finish_stdout, guarded_stdout, termination_signals
    from .progress import ocr_progress

    try:
        with guarded_stdout(), termination_signals(), ocr_progress(sys.stderr.isatty()):
            rv = app(args=args, prog_name="reportdiff", standalone_mode=False)
            if rv == 130:  # typer turns Ctrl-C into exit code 130 without a word
                raise KeyboardInterrupt
            failed = finish_stdout()  # /dev/full as stdout fails here, not at exit
            if failed:
                raise failed
        if isinstance(rv, int) and rv:
            raise SystemExit(rv)
    except ReportdiffError as e:
        finish_stdout()
        print(f"reportdiff: {printable(e.message)}", file=sys.stderr)
        raise SystemExit(2) from None
    except Signalled as e:  # SIGTERM, SIGHUP: as Ctrl-C, with exit code 128 + the signal
        finish_stdout()
        print(f"reportdiff: terminated by {e.name}", file=sys.stderr)
        raise SystemExit(128 + e.signum) from None
    except KeyboardInterrupt:
        print("reportdiff: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except BrokenPipeError:
        try:
            sys.stdout.close()
        except Exception:
            pass
        raise SystemExit(0) from None
    except SystemExit:
        raise
    except typer.Abort:
        print("reportdiff: aborted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as e:  # a bug, not bad input: say so in one line
        if hasattr(e, "exit_code") and hasattr(e, "show"):  # click's usage errors
            if isinstance(getattr(e, "message", None), str):  # it may quote an argument
                e.message = printable(e.message)
            e.show()
            raise SystemExit(e.exit_code) from None
        if os.environ.get("REPORTDIFF_DEBUG"):
            raise
        print(f"reportdiff: internal error: {type(e).__name__}: {printable(str(e))} "
              "(hint: set REPORTDIFF_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        raise SystemExit(3) from None
    raise SystemExit(0)
