"""An article printed in several containers of one kind (readers/continued_body.py), through the HTML reader."""

from axis_ingest.readers.html import read_html

FIRST = [
    "Field began testing the glass microspheres on a frozen pond in Minnesota in the winter of 2008 with her students.",
    "The idea was simple: a thin layer of reflective beads would slow the melting of young ice in the spring.",
    "Within two seasons the treated patches of ice were measurably thicker than the untreated ones beside them.",
]
SECOND = [
    "There were plenty of reasons that this intervention might be unworkable, and her critics listed most of them.",
    "The microspheres might not stay where they were spread, and the wind could carry them far out to sea.",
]
THIRD = [
    "In 2017, after several years of experiments in Minnesota, the team flew to northern Alaska for a field test.",
    "The results there were less clear, and the project has since lost most of its funding to other research.",
]


def _chunk(paragraphs: list[str], cls: str = "body articleBody") -> str:
    """A chunk as Rzeczpospolita prints it: a row and a column around a container of paragraphs."""
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="row"><div class="col--fill"><div class="{cls}">{inner}</div></div></div>'


def _page(*chunks: str, after: str = "", article: str = "article") -> str:
    advert = '<div class="ad"><div class="advert-title">Reklama</div><script>renderAdvert()</script></div>'
    return (
        f"<html><head><title>Can we refreeze the Arctic?</title></head><body><main><{article}>"
        f"<h1>Can we refreeze the Arctic?</h1>{advert.join(chunks)}</{article}>{after}</main></body></html>"
    )


def test_the_chunks_of_an_article_printed_between_advertisements_are_all_its_text() -> None:
    """fundus's pages of Rzeczpospolita and The New Yorker: trafilatura read the first container of several (394 of
    792 words, 2,196 of 4,715)."""
    [doc] = read_html(_page(_chunk(FIRST), _chunk(SECOND), _chunk(THIRD)))
    assert doc.paragraphs == [*FIRST, *SECOND, *THIRD]


def test_the_next_story_in_an_article_of_its_own_is_not_this_one() -> None:
    """A page that loads the next story below the first prints it in another <article>."""
    next_story = f"<article><h2>Another story</h2>{_chunk(SECOND)}</article>"
    [doc] = read_html(_page(_chunk(FIRST), after=next_story))
    assert doc.paragraphs == FIRST


def test_a_short_promotion_and_a_footer_sharing_the_class_stay_out() -> None:
    promotion = _chunk(["Sign up for our daily newsletter today."])
    notice = "Copyright 2026 Gremi Media. All rights reserved. Use of this site constitutes acceptance of our terms."
    footer = f"<footer>{_chunk([notice, notice.replace('2026', '2025')])}</footer>"
    [doc] = read_html(_page(_chunk(FIRST), promotion, after=footer))
    assert doc.paragraphs == FIRST


def test_containers_of_a_class_elsewhere_on_the_page_are_not_the_article() -> None:
    """Teasers printed under another placement (a related-stories rail) share a utility class with the body, on a
    page without <article> elements to tell them apart."""
    rail = (
        '<section class="related"><div class="card">'
        + _chunk(SECOND).replace('class="row"', 'class="rail"')
        + "</div></section>"
    )
    [doc] = read_html(_page(_chunk(FIRST), after=rail, article="div"))
    assert doc.paragraphs == FIRST
