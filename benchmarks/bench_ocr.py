"""Issue #22: OCR engines measured on scans made from the fixtures.

Each fixture's outline is printed on A4 pages at 200 dpi by ``tests/scan_maker.py`` (Noto CJK
fonts, running header, page numbers) and "scanned" three ways: clean; rotated +1.5° with 0.5%
speckle noise; rotated -1° with 1% noise.  Each engine reads each page image:

- ``tesseract``: Tesseract with Debian's ``chi_sim+eng`` data (``apt-get install tesseract-ocr
  tesseract-ocr-chi-sim``; ``TESSDATA_PREFIX`` to point elsewhere) through tesserocr, whose wheel
  bundles its own libtesseract (one API object, page segmentation mode 3, the default).  Only
  this benchmark uses it: ``pip install tesserocr`` first (not a dependency of reportdiff);
- ``rapidocr``: RapidOCR (rapidocr-onnxruntime) with the PP-OCRv4 ONNX models its wheel ships,
  with its default settings;
- ``reportdiff``: the same as reportdiff reads Chinese pages (``ocr.recognise``);
- ``--settings k=v,...`` (repeatable): the same with these settings, to try others.

Character accuracy of a page = 1 - Levenshtein(OCR text, true text) / len(true text), both with
all white space removed (Tesseract writes spaces between Chinese characters; line breaks differ);
seconds per page = wall time of one recognition call on one page image.  Medians over pages.

``--split dev`` (default) reads the dev fixtures, ``--split test`` the held-out ones;
``--pages N`` pages per fixture (default 3); ``--engines`` a comma list.

``--pipeline``: instead, the whole reader (``reportdiff.load`` of a scanned PDF, fresh cache):
each fixture's first headings and paragraphs that fill ``--pages`` pages, printed and scanned
rotated -1° with 0.5% noise, read back and compared with a text file of the same paragraphs;
prints the body's character accuracy (paragraph and heading texts, white space removed, against
the paragraphs printed), the share of compare entries that are ``equal``, the OCR-suspect
entries among the others, and the median seconds a page of the whole read (from the OCR
progress reports: the first page also pays for loading the engine); ``--show`` prints the
differences (dev split only).

Usage: python benchmarks/bench_ocr.py [--split dev|test] [--pages 3] [--engines tesseract,rapidocr,reportdiff]
       [--settings k=v,...]... [--pipeline]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import rebuild_formats as rebuild  # noqa: E402
import scan_maker  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

import reportdiff  # noqa: E402

FIXTURES = ROOT / "fixtures"
SPLITS = {
    "dev": ["baotou-2022.txt", "english/hk-budget-2019.txt", "hohhot-2022.txt", "english/budget-speech-2024.txt"],
    "test": ["national-2024.txt", "english/budget-speech-2023.txt"],
}
VARIANTS = (("clean", 0.0, 0.0), ("+1.5° 0.5% noise", 1.5, 0.005), ("-1° 1% noise", -1.0, 0.01))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def accuracy(got: str, truth: str) -> float:
    a, b = squeeze(got), squeeze(truth)
    return max(0.0, 1 - Levenshtein.distance(a, b) / max(1, len(b)))


def tesseract_engine():
    import tesserocr

    api = tesserocr.PyTessBaseAPI(path=os.environ.get("TESSDATA_PREFIX", "/usr/share/tesseract-ocr/5/tessdata/"),
                                 lang="chi_sim+eng")

    def run(image) -> str:
        api.SetImage(image)
        return api.GetUTF8Text()

    return run, f"tesseract {tesserocr.tesseract_version().split()[1]} (tesserocr {tesserocr.__version__})"


def rapidocr_engine(settings: dict | None = None):
    from importlib.metadata import version

    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(**(settings if settings is not None else {}))

    def run(image) -> str:
        import numpy as np

        result, _ = engine(np.asarray(image.convert("RGB")))
        return "\n".join(r[1] for r in result or [])

    label = ", ".join(f"{k}={v}" for k, v in settings.items()) if settings else "defaults"
    return run, f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')} ({label})"


def reportdiff_engine():
    """RapidOCR as reportdiff reads Chinese pages (``ocr.recognise``: lines found on the page
    scaled down, read from the page at full size, side by side)."""
    from importlib.metadata import version

    from reportdiff.ingest import ocr

    def run(image) -> str:
        return "\n".join(text for _, text, _ in ocr.recognise(image))

    return run, f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')} (reportdiff's recognise)"


def settings_engine(text: str):
    """RapidOCR with ``--settings k=v,k=v`` (numbers as numbers)."""
    pairs = (item.split("=", 1) for item in text.split(",") if item)
    return rapidocr_engine({k: int(v) if v.isdigit() else v for k, v in pairs})


ENGINES = {"tesseract": tesseract_engine, "rapidocr": rapidocr_engine, "reportdiff": reportdiff_engine}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=sorted(SPLITS))
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--dpi", type=int, default=200, help="the engine table's scans (default 200)")
    ap.add_argument("--engines", default="tesseract,rapidocr")
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--show", action="store_true", help="with --pipeline: print the dev split's differences")
    ap.add_argument("--settings", action="append", default=[],
                    help="also RapidOCR with these settings, e.g. rec_batch_num=1,max_side_len=1600")
    args = ap.parse_args()
    if scan_maker.font_path() is None:
        sys.exit("bench_ocr: no Noto CJK font: apt-get install fonts-noto-cjk")
    if args.pipeline:
        return pipeline(args)
    scans = []  # (fixture, variant, image, truth)
    for name in SPLITS[args.split]:
        english = name.startswith("english/")
        doc = reportdiff.load(FIXTURES / name)
        images, truths = scan_maker.pages(rebuild.blocks(doc), english=english, header="Gazette" if english
                                          else "市政府公报", max_pages=args.pages + 1, dpi=args.dpi)
        for n, (image, truth) in enumerate(zip(images[1:args.pages + 1], truths[1:args.pages + 1])):
            for label, angle, noise in VARIANTS:
                scans.append((name, label, scan_maker.damage(image, angle, noise, seed=n), "\n".join(truth)))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {len(scans)} page images "
          f"({args.split} split: {', '.join(SPLITS[args.split])}), {args.dpi} dpi")
    print("| engine | fixture | scan | pages | accuracy (median) | accuracy (min) | s/page (median) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    makers = [ENGINES[key] for key in args.engines.split(",") if key]
    makers += [lambda text=text: settings_engine(text) for text in args.settings]
    for make in makers:
        run, label = make()
        run(scans[0][2])  # warm-up: model loading is not per page
        rows: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for name, variant, image, truth in scans:
            t = time.perf_counter()
            text = run(image)
            rows.setdefault((name, variant), []).append((accuracy(text, truth), time.perf_counter() - t))
        alls = [x for v in rows.values() for x in v]
        for (name, variant), v in rows.items():
            print(f"| {label} | {name} | {variant} | {len(v)} | {statistics.median(a for a, _ in v):.4f} | "
                  f"{min(a for a, _ in v):.4f} | {statistics.median(s for _, s in v):.2f} |")
        print(f"| {label} | all | all | {len(alls)} | {statistics.median(a for a, _ in alls):.4f} | "
              f"{min(a for a, _ in alls):.4f} | {statistics.median(s for _, s in alls):.2f} |")
    print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def show(c) -> None:
    """The compare's entries that are not equal (``--show``; dev split only)."""
    for pp in c.paragraphs:
        if pp.status != "equal":
            old, new = (" / ".join(p.text for p in side) for side in (pp.a, pp.b))
            edits = [f"{old[max(0, i1 - 6):i2 + 6]!r} -> {new[max(0, j1 - 6):j2 + 6]!r}"
                     for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                     if op != "equal"]
            print(f"  {pp.status} suspect={pp.ocr_suspect}: {old[:24]}\n    " + "\n    ".join(edits[:8]))


def pipeline(args) -> None:
    import tempfile

    from reportdiff.ingest import ocr

    if args.show and args.split != "dev":
        sys.exit("bench_ocr: --show reads the differences of the dev split only")

    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("REPORTDIFF_CACHE", str(tmp / "cache"))  # a given cache: times are of cached reads
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; whole reader, scans rotated -1° "
          f"with 0.5% noise, 200 dpi ({args.split} split)")
    print("| fixture | pages | body accuracy | compare entries | equal | OCR-suspect among the others | s/page (median) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in SPLITS[args.split]:
        english = name.startswith("english/")
        blocks = rebuild.blocks(reportdiff.load(FIXTURES / name))
        images, _ = scan_maker.pages(blocks, english=english, header="Gazette" if english else "市政府公报")
        # the blocks that fill the first --pages pages (a block cut by the page break left out)
        keep = []
        for k in range(1, len(blocks) + 1):
            imgs, _ = scan_maker.pages(blocks[:k], english=english)
            if len(imgs) > args.pages:
                break
            keep = blocks[:k]
        images, _ = scan_maker.pages(keep, english=english, header="Gazette" if english else "市政府公报")
        pdf = tmp / (Path(name).stem + ".pdf")
        pdf.write_bytes(scan_maker.pdf([scan_maker.damage(im, -1.0, 0.005, seed=n) for n, im in enumerate(images)]))
        text = tmp / (Path(name).stem + ".txt")
        text.write_text("\n\n".join(("#" * lv + " " if lv else "") + t for lv, t in keep), "utf-8")
        stamps = [time.perf_counter()]
        with ocr.reporting(lambda label, done, total: stamps.append(time.perf_counter())):
            scan = reportdiff.load(pdf)
        seconds = statistics.median(b - a for a, b in zip(stamps, stamps[1:]))
        if args.show:
            show(reportdiff.compare(reportdiff.load(text), scan))
        acc = accuracy("".join(t for _, t in rebuild.blocks(scan)), "".join(t for _, t in keep))
        c = reportdiff.compare(reportdiff.load(text), scan)
        others = [pp for pp in c.paragraphs if pp.status != "equal"]
        print(f"| {name} | {len(images)} | {acc:.4f} | {len(c.paragraphs)} | {c.count('equal') / len(c.paragraphs):.3f} | "
              f"{sum(pp.ocr_suspect for pp in others)} of {len(others)} | {seconds:.1f} |")
    print(f"load average after {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
