"""Rebuild a text report as the files people receive: a PDF gazette, a Word document, a
saved news page.  The tests (tests/test_formats.py) and benchmarks/bench_pdf.py use it.

Each rebuild is made from the outline reportdiff reads from the text file (headings at
their levels, paragraphs in reading order), so that the rebuilt file holds the same
content as the text original and nothing else but its format's own chrome:

- PDF: headless Chromium (Debian's /usr/bin/chromium via playwright) prints an A4 page with
  a running header, a page number "- N -" in the footer, Noto CJK fonts, indented paragraphs;
  long paragraphs break across pages.
- DOCX: python-docx, headings in the styles "Heading 1".."Heading 3", a table, one Word
  paragraph per paragraph.
- HTML: a news-site page: navigation, share buttons, a related-links box, a footer,
  scripts and styles around the article.

Usage: python benchmarks/rebuild_formats.py FIXTURE OUTDIR [--all-documents]
"""

from __future__ import annotations

import html
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.ingest.source import read_source  # noqa: E402
from reportdiff.model import Document, Section, SourceFile  # noqa: E402

CHROMIUM = os.environ.get("REPORTDIFF_CHROMIUM", "/usr/bin/chromium")
RUNNING_HEADER = "市政府公报·2023"
TABLE = (("指标", "2022年", "2023年目标"), ("地区生产总值增长", "4.5%", "6%左右"))


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def blocks(doc: Document) -> list[tuple[int, str]]:
    """(heading level or 0 for a paragraph, text) in reading order."""
    out: list[tuple[int, str]] = []

    def walk(s: Section) -> None:
        if s.heading:
            out.append((s.level, s.heading.text))
        out.extend((0, p.text) for p in s.paragraphs)
        for c in s.children:
            walk(c)

    walk(doc.root)
    return out


def documents(source: SourceFile, all_documents: bool) -> list[Document]:
    return list(source.documents) if all_documents else [source.main_document()]


def article_html(docs: list[Document], skip_first: bool = False) -> str:
    parts = []
    for n, doc in enumerate(docs):
        for level, text in blocks(doc)[1 if skip_first and n == 0 else 0:]:
            t = html.escape(text)
            parts.append(f"<h{min(level, 5) + 1}>{t}</h{min(level, 5) + 1}>" if level else f"<p>{t}</p>")
    return "\n".join(parts)


_PRINT_CSS = """
@page { size: A4; margin: 28mm 22mm 24mm 22mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 12pt; line-height: 1.6; }
p { text-indent: 2em; margin: 0 0 0.2em; text-align: justify; }
h2, h3, h4, h5, h6 { font-size: 13pt; margin: 0.6em 0 0.3em; }
"""


def print_html(docs: list[Document]) -> str:
    return (f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><style>{_PRINT_CSS}</style>"
            f"</head><body>{article_html(docs)}</body></html>")


def news_html(docs: list[Document]) -> str:
    """The article inside the chrome of a news site, as a browser's "save page" keeps it."""
    first = blocks(docs[0])[0][1]  # the report's title line is the page's headline
    title = html.escape(first)
    related = "".join(f"<li><a href='/news/{n}.html'>{t}</a></li>" for n, t in enumerate(
        ("市领导调研重点项目建设", "全市经济工作会议召开", "新春走基层：暖心服务进万家", "一图读懂政府工作报告"), 1))
    nav = "".join(f"<li><a href='/{n}/'>{t}</a></li>" for n, t in enumerate(
        ("首页", "要闻", "政务公开", "政民互动", "办事服务", "数据发布"), 1))
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_新闻中心_示例新闻网</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;margin:0}} .nav li{{display:inline;margin:0 1em}}
.share a{{margin-right:.5em}} .related{{border:1px solid #ccc}} article p{{text-indent:2em}}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
<script src="/static/js/jquery.min.js"></script>
</head><body>
<header class="site-header"><div class="logo"><a href="/">示例新闻网</a></div>
<nav class="nav"><ul>{nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>
</header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 正文</div>
<main><article class="article">
<h1>{title}</h1>
<div class="meta"><span class="time">2023-01-06 09:30</span> <span class="source">来源：示例日报</span></div>
<div class="share"><span>分享到：</span><a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
<div class="content">
{article_html(docs, skip_first=True)}
</div>
<div class="editor">责任编辑：王某某</div>
</article>
<aside class="related"><h3>相关阅读</h3><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>版权所有：示例新闻网 备案号：京ICP备00000000号</p>
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/sitemap">网站地图</a></p></footer>
<script>document.querySelectorAll('.share a').forEach(function(a){{a.onclick=function(){{return false}}}});</script>
</body></html>
"""


def write_pdf(docs: list[Document], path: Path, browser) -> Path:
    """Print the documents to ``path`` with a running header and "- N -" page numbers."""
    page = browser.new_page()
    try:
        page.set_content(print_html(docs), wait_until="load")
        page.pdf(
            path=str(path), format="A4", print_background=False, display_header_footer=True,
            header_template=("<div style='font-size:9pt;width:100%;text-align:center;"
                             f"font-family:\"Noto Sans CJK SC\"'>{RUNNING_HEADER}</div>"),
            footer_template=("<div style='font-size:9pt;width:100%;text-align:center'>"
                             "- <span class='pageNumber'></span> -</div>"),
            margin={"top": "28mm", "bottom": "24mm", "left": "22mm", "right": "22mm"},
        )
    finally:
        page.close()
    return path


def write_docx(docs: list[Document], path: Path) -> Path:
    """A Word file: headings in Heading 1..3 styles, paragraphs in Normal, a table after the
    first document's text."""
    import docx

    d = docx.Document()
    for doc in docs:
        for level, text in blocks(doc):
            if level:
                d.add_heading(text, level=min(level, 3))
            else:
                d.add_paragraph(text)
    table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    d.save(str(path))
    return path


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--disable-sync"])


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    fixture, outdir = Path(argv[0]), Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    docs = documents(read_source(str(fixture)), "--all-documents" in argv)
    stem = fixture.stem
    (outdir / f"{stem}.html").write_text(news_html(docs), encoding="utf-8")
    write_docx(docs, outdir / f"{stem}.docx")
    with sync_playwright() as p:
        browser = launch(p)
        write_pdf(docs, outdir / f"{stem}.pdf", browser)
        browser.close()
    print(f"wrote {outdir}/{stem}.pdf, .docx, .html")


if __name__ == "__main__":
    main(sys.argv[1:])
