"""``jsonout.pieces``: the JSON written in pieces as it is encoded (the corpus's output, issue #21)
is the text ``dumps`` gives, wherever the pieces are cut; ``write_atomic`` writes pieces and keeps
the previous output when making them fails."""

from __future__ import annotations

import json

import pytest
from conftest import fixture_path

from reportdiff.cli.atomic import write_atomic
from reportdiff.render import jsonout


def _whole(obj) -> str:
    """The text as ``dumps`` made it before it was written in pieces: one string, rewritten."""
    text = json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False)
    return jsonout._OP.sub(r"[\1, \2]", jsonout._PAIR.sub(r"[\1, \2]", text)) + "\n"


TRICKY = {
    "lines": [[1, 2], [3, 40], [-1, 0.5]],
    "ops": [["=", "同样的文字"], ["+", 'a "quoted" ] }, text'], ["-", "\\ ]\n}"]],
    "empty": [[], {}, ""],
    "nested": [{"a_lines": [5, 9], "b_lines": [6, 10], "text": "} ] [ {"} for _ in range(5)],
    "not a pair": [[1, 2, 3], ["=", 1], [1]],
}


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50, 1 << 16])
def test_pieces_join_to_the_whole_text_wherever_they_are_cut(size):
    assert "".join(jsonout.pieces(TRICKY, size)) == _whole(TRICKY)


def test_pieces_of_a_comparison_are_its_json():
    from reportdiff import compare
    from reportdiff.render.jsonout import comparison

    data = comparison(compare(fixture_path("national-2024.txt"), fixture_path("national-2025.txt")))
    whole = _whole(data)
    assert '["=", ' in whole  # diff operations joined on one line
    for size in (1, 97, 4096):
        assert "".join(jsonout.pieces(data, size)) == whole
    assert jsonout.dumps(data) == whole


def test_write_atomic_writes_pieces_and_keeps_the_old_file_when_they_fail(tmp_path):
    out = tmp_path / "out.json"
    write_atomic(str(out), jsonout.pieces(TRICKY, 8))
    assert out.read_text("utf-8") == _whole(TRICKY)

    def failing():
        yield "{\n"
        raise RuntimeError("stopped while encoding")

    with pytest.raises(RuntimeError):
        write_atomic(str(out), failing())
    assert out.read_text("utf-8") == _whole(TRICKY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
