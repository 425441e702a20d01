"""Markdown to the HTML subset Qt's text widgets show; rendered once per text, then cached."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=512)
def markdown_html(text: str) -> str:
    """Render Markdown (paragraphs, lists, bold, italics) to HTML; raw HTML is escaped."""
    import markdown  # imported on first use: not needed before the first frame

    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return str(md.convert(text))
