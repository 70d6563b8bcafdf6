"""The public API in one import: the examples of ``help(reportdiff)`` run, lists are lists,
loaded documents are accepted wherever paths are, and results print briefly."""

from __future__ import annotations

import doctest
import os
import pydoc

import pytest
from conftest import ROOT, fixture_path

import reportdiff

NAT24, NAT25 = str(fixture_path("national-2024.txt")), str(fixture_path("national-2025.txt"))
BAOTOU = str(fixture_path("baotou-2022.txt"))


@pytest.mark.slow
def test_the_examples_of_help_run_as_written(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name fixtures/… relative to the project
    result = doctest.testmod(reportdiff, raise_on_error=False, verbose=False)
    assert result.attempted >= 12 and result.failed == 0


@pytest.mark.parametrize("name", ["load", "compare", "dupes", "boilerplate", "promises", "corpus"])
def test_help_shows_an_example_of_each_function(name):
    text = pydoc.render_doc(reportdiff, renderer=pydoc.plaintext)
    assert f"reportdiff.{name}(" in text


@pytest.mark.parametrize("call", [
    lambda: reportdiff.dupes(NAT25),
    lambda: reportdiff.dupes([NAT25], against=NAT24),
    lambda: reportdiff.boilerplate(NAT25),
    lambda: reportdiff.promises(NAT25),
    lambda: reportdiff.corpus(NAT25),
], ids=["dupes", "dupes-against", "boilerplate", "promises", "corpus"])
def test_a_bare_string_where_a_list_belongs_is_refused(call):
    with pytest.raises(reportdiff.UsageError) as e:
        call()
    assert "expects a list of reports" in e.value.message and "\n" not in e.value.message


def test_one_document_where_a_list_belongs_is_refused_too():
    doc = reportdiff.load(NAT25)
    with pytest.raises(reportdiff.UsageError):
        reportdiff.promises(doc)


@pytest.mark.slow
def test_loaded_documents_give_the_same_results_as_their_paths():
    a, b = reportdiff.load(NAT24), reportdiff.load(NAT25)
    assert reportdiff.compare(a, b) == reportdiff.compare(NAT24, NAT25)
    assert reportdiff.promises([a, b]) == reportdiff.promises([NAT24, NAT25])
    by_path = reportdiff.dupes([NAT25], against=[NAT24])
    by_doc = reportdiff.dupes([b], against=[a])
    assert by_doc.groups == by_path.groups
    assert reportdiff.boilerplate([a, b, BAOTOU], min_df=2) == reportdiff.boilerplate([NAT24, NAT25, BAOTOU], min_df=2)
    docs_report, paths_report = reportdiff.corpus([a, b]), reportdiff.corpus([NAT24, NAT25])
    assert docs_report.pairs == paths_report.pairs and docs_report.documents == paths_report.documents


def test_paths_may_be_pathlike():
    assert reportdiff.load(fixture_path("national-2025.txt")) == reportdiff.load(NAT25)
    assert reportdiff.promises([fixture_path("national-2024.txt"), fixture_path("national-2025.txt")]).entries


def test_results_print_in_one_short_line():
    doc = reportdiff.load(NAT25)
    c = reportdiff.compare(NAT24, doc)
    shown = [repr(doc), repr(reportdiff.read_source(NAT25)), repr(c), repr(reportdiff.dupes([doc])),
             repr(reportdiff.promises([NAT24, doc])), repr(reportdiff.boilerplate([NAT24, doc, BAOTOU], min_df=2)),
             repr(reportdiff.corpus([NAT24, doc]))]
    for text in shown:
        assert len(text) < 300 and "\n" not in text, text
    assert os.path.basename(NAT25) in repr(doc) and f"{len(doc.paragraphs)} paragraphs" in repr(doc)
    assert f"{c.count('changed')} changed" in repr(c)
