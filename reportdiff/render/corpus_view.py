"""The corpus summary for the terminal (``corpus_view``), and the progress bar of long corpus
runs on stderr (``progress_bar``)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .safe import one_line

RESEMBLANCE_LEGEND = ("cosine/jaccard/edit/simple: word-count measures (Lazy Prices); resemblance: Jaccard "
                      "similarity of the 8-character shingle sets of the canonical texts (MinHash estimates "
                      "it to find candidates; the figure shown is exact)")

def corpus_view(report, limit: int = 15) -> Group:
    from ..corpora.region_reuse import MIN_REGIONS

    docs = report.documents
    parts: list = []
    years = sorted({d.year for d in docs if d.year})
    head = Text(f"{len(docs)} reports, {len(report.regions)} region(s)", style="bold")
    if years:
        head.append(f", {years[0]}-{years[-1]}")
    parts.append(head)
    if report.method == "lsh":
        parts.append(Text(f"pairs: MinHash LSH found {report.candidates:,} candidates of {report.all_pairs:,} pairs, "
                          f"{report.verified:,} at or above the resemblance threshold; {len(report.pairs):,} compared "
                          f"(with each region's consecutive years), {len(report.searched):,} more searched for "
                          "shared passages", style="dim"))
    else:
        parts.append(Text(f"pairs: all {report.all_pairs:,} compared", style="dim"))
    parts.append(Text(f"ran {report.where}", style="dim"))

    def name(i: int) -> str:
        d = docs[i]
        return f"{d.region} {d.year or ''}".strip()

    top = sorted(report.pairs, key=lambda p: (-p.similarity.cosine, -p.similarity.simple, p.a, p.b))[:limit]
    t = Table(title="most similar pairs", title_justify="left", show_edge=False)
    for col in ("a", "b", "cosine", "jaccard", "edit", "simple", "resemblance"):
        t.add_column(col, justify="left" if col in "ab" else "right")
    for p in top:
        s = p.similarity
        t.add_row(name(p.a), name(p.b), f"{s.cosine:.3f}", f"{s.jaccard:.3f}", f"{s.edit:.3f}", f"{s.simple:.3f}",
                  f"{p.resemblance:.3f}")
    parts += [Text(""), t, Text(RESEMBLANCE_LEGEND, style="dim")]

    if report.years:
        y = Table(title="year over year (similarity to the previous year: jaccard, simple)", title_justify="left",
                  show_edge=False)
        y.add_column("region")
        y.add_column("steps")
        by_region: dict[str, list] = {}
        for s in report.years:
            by_region.setdefault(s.region, []).append(s)
        for region in sorted(by_region)[:limit]:
            y.add_row(region, "  ".join(f"{docs[s.current].year}: {s.similarity.jaccard:.2f}/{s.similarity.simple:.2f}"
                                         for s in by_region[region]))
        if len(by_region) > limit:
            y.add_row(f"… {len(by_region) - limit} more regions", "")
        parts += [Text(""), y]

    reuse = report.reuse
    r = Table(title=f"cross-region reuse: {len(reuse)} pair(s) of reports share passages", title_justify="left",
              show_edge=False, caption=reuse_searched(report), caption_justify="left")
    for col in ("a", "b", "passages", "chars", "longest"):
        r.add_column(col, justify="right" if col in ("passages", "chars") else "left")
    for p in reuse[:limit]:
        longest = p.examples[0].a_text.replace("\n", " ")
        r.add_row(name(p.a), name(p.b), str(p.passages), str(p.shared_chars),
                  longest[:40] + ("…" if len(longest) > 40 else ""))
    parts += [Text(""), r]

    b = report.boilerplate
    stats = sum(1 for f in b.formulas if f.kind == "statistics")
    parts.append(Text(f"\nboilerplate: {len(b.formulas)} formula(s) held by at least {b.min_df} reports "
                      f"({len(b.formulas) - stats} fixed, {stats} statistics template(s))", style="bold"))
    if report.common_regions > len(report.regions):
        parts.append(Text(f"  counted over reports; with {len(report.regions)} regions (fewer than {MIN_REGIONS}) "
                          "they are not set aside from the cross-region reuse above", style="dim"))
    for f in b.formulas[:min(limit, 10)]:
        text = one_line(f.template or f.text)
        parts.append(Text(f"  {f.df:>4}  {f.kind:<10}  {text[:60]}{'…' if len(text) > 60 else ''}",
                          no_wrap=True, overflow="ellipsis"))
    return Group(*parts)


def reuse_searched(report) -> str:
    """Where shared passages were looked for, and what does not count as one."""
    from ..corpora.region_reuse import BUDGET, GUARANTEED, MIN_REGIONS

    common = (f"text held by {report.common_regions} or more regions is boilerplate, not reuse "
              f"({report.common:,} common fingerprints)" if report.common_regions <= len(report.regions)
              else f"with {len(report.regions)} regions (fewer than {MIN_REGIONS}) no shared text is set aside "
                   "as boilerplate here: every passage two regions share counts as reuse")
    plan = report.reuse_plan
    if plan is None:
        return f"searched: every pair of reports of different regions; {common}"
    return (f"searched: {len(plan.pairs):,} pairs of reports for {plan.kept:,} of the {plan.candidates:,} pairs of "
            f"regions sharing uncommon fingerprints (strongest first, within a budget of {BUDGET} shared "
            f"fingerprints per report, each region's {GUARANTEED} strongest always); {common}")


