"""The next story a page loads under its own (readers/next_story.py), through the HTML reader."""

from axis_ingest.readers.html import read_html

STORY = [
    "North Korea condemned the American strike on Venezuela on Tuesday and called it an example of brutal behaviour.",
    "An expert says the attack will sharpen Pyongyang's focus on nuclear weapons as a guarantee of survival.",
    "On the same day the country tested hypersonic missiles, which it says strengthen its military deterrence.",
    "Hypersonic missiles fly low in the atmosphere, which makes them far harder to detect and to intercept in time.",
]
NEXT = [
    "Ole Gunnar Solskjær is strongly linked with a return to Manchester United as interim manager this winter.",
    "Rumours of his return began to swirl on Monday evening, when The Guardian reported talks between the parties.",
    "Our football expert is clear on one thing: the club would be repeating the mistake it made five years ago.",
    "Supporters gathered outside the training ground on Tuesday morning, and some of them carried his old banner.",
    "The Norwegian left the club in November 2021 after a heavy defeat away to Watford and a run of poor results.",
    "Since then he has turned down offers from clubs in Europe and spent most of his time at home in Kristiansund.",
    "Those close to him say he has never stopped following the club and still speaks to several of the senior players.",
    "The board is expected to decide before the weekend, when the team travels to London for a league game.",
    "Whoever takes over will inherit a squad that sits ninth in the table, eleven points behind the top four.",
]


def _story(headline: str, byline: str, paragraphs: list[str], cls: str = "article-entity") -> str:
    """A story as Dagbladet prints it: a header column with the headline, byline and date over the body text."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<article class="{cls}"><div class="articleHeader column"><h1>{headline}</h1><div class="byline">{byline}'
        f'</div><time datetime="2026-01-06T16:29:31Z">6 January 2026</time></div>'
        f'<div class="bodytext large-12 small-12">{text}</div></article>'
    )


def _page(title: str, *blocks: str) -> str:
    return (
        f'<html><head><title>{title}</title><meta property="og:title" content="{title}"></head><body>'
        f"<main>{''.join(blocks)}</main></body></html>"
    )


def test_the_next_story_a_page_loads_in_an_article_with_its_own_headline_leaves_the_text() -> None:
    """Dagbladet's pages (fundus): the next story, with its own <h1>, byline and date, was read in with the
    page's own (739 words of the story and 919 of the next)."""
    under = f'<div class="under-article">{_story("Null tvil: - Nei!", "Bernt Hulsker", NEXT)}</div>'
    own = _story("- Angsten vil øke", "Ane Lie", STORY, cls="bg-baseview-custom article-entity")
    [doc] = read_html(_page("- Angsten vil øke", own, under))
    assert doc.paragraphs == STORY


def test_a_page_of_posts_whose_title_is_none_of_them_keeps_its_text() -> None:
    """Left alone: a blog's page of posts, each in an <article> with its <h1>, whose title is none of them: the
    page is read as before (the longer post, which the second extractor takes for the main text)."""
    posts = _page("The Harbour Blog", _story("- Angsten vil øke", "Ane Lie", STORY), _story("Null tvil", "Bo Li", NEXT))
    [doc] = read_html(posts)
    assert doc.paragraphs == NEXT


def test_an_article_inside_the_story_is_part_of_it() -> None:
    """Left alone: an <article> printed inside the story (a recipe card, a quoted post) with a headline of its
    own is part of the story, not another one."""
    card = "<article><h1>Recipe card</h1>" + "".join(f"<p>{p}</p>" for p in NEXT[:3]) + "</article>"
    inner = _story("- Angsten vil øke", "Ane Lie", STORY).replace("</div></article>", f"{card}</div></article>")
    [doc] = read_html(_page("- Angsten vil øke", inner, _story("Null tvil: - Nei!", "Bo Li", NEXT[3:])))
    assert NEXT[0] in doc.paragraphs
