"""Bylines as 2025 page layouts print them (session 16, found on WCXB's article pages, half a).

- A byline element's parts laid out as lines of their own (a name's block above a date's, a name's span beside a
  job title's) are separate words, not "Reyan PerumalPublished" or "Luke KimDecember".
- A personal site named after its author ("Elizabeth McCravy" on elizabethmccravy.com) credits a person, not the
  site; a site whose name opens with an article or holds a desk word stays the site.
- One person found twice, once with words of the page run into the name ("FAND Dylan Bailey"), is one author.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from axis_ingest.names.bylines import parse_byline
from axis_ingest.normalise import _owner_of_personal_site, normalise_authors
from axis_ingest.readers.html_bylines import name_in_link
from axis_ingest.readers.html_meta import html_metadata
from axis_ingest.readers.html_page import printed_text

IngestTexts = Callable[[dict[str, str]], Path]

_STORIES = {
    "library": "the council voted on Tuesday to keep the library open on Sundays, after a petition signed by more "
    "than four thousand residents asked for longer hours during the exam season",
    "ferry": "the harbour board said the night ferry would run again from April, once the new pier is finished and "
    "the crews have been trained on the larger boats it bought last winter",
    "market": "stallholders at the covered market agreed to a new rota for the winter months, so that the fish "
    "and cheese counters no longer close early on Saturdays when the square is busiest",
    "bridge": "engineers closed the old rail bridge to lorries after an inspection found rust in two of its "
    "girders, and the county expects the repairs to take most of the coming summer",
    "school": "parents at the village school raised enough money at the spring fair to rebuild the playground, "
    "which had been fenced off since a storm brought down the old oak beside it",
}


def _page(byline_html: str, *, head: str = "", story: str = "library") -> str:
    text = "".join(f"<p>Paragraph {n}: {_STORIES[story]}.</p>" for n in range(1, 6))
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>News of the {story}</title>"
        f"{head}</head><body><article><h1>News of the {story}</h1>{byline_html}{text}</article>"
        "</body></html>"
    )


def _authors(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT p.path, au.name FROM raw_paths p JOIN article_sources s ON s.raw_document_id = p.raw_document_id "
        "LEFT JOIN article_authors aa ON aa.article_id = s.article_id LEFT JOIN authors au ON au.id = aa.author_id "
        "ORDER BY p.path, aa.position"
    )
    found: dict[str, list[str]] = {}
    for path, name in rows:
        found.setdefault(Path(path).name, []).extend([name] if name else [])
    return found


def test_a_bylines_name_and_date_laid_out_as_lines_are_separate_words(ingest_texts: IngestTexts) -> None:
    """A name's block above the date's block, and a name's span beside a date's or a job title's: the stored
    author was "Reyan PerumalPublished", "Luke KimDecember", "Mateusz HabernyFounder"."""
    db = ingest_texts(
        {
            "blocks.html": _page(
                '<div class="authorDateBlock"><div><b>By <span class="authorName">Reyan Perumal</span></b></div>'
                "<div>Published on July 18, 2025</div></div>"
            ),
            "spans.html": _page(
                '<div class="resource-author-details"><span>Luke Kim</span><span>December 17, 2025</span></div>',
                story="ferry",
            ),
        }
    )
    assert _authors(db) == {"blocks.html": ["Reyan Perumal"], "spans.html": ["Luke Kim"]}


@pytest.mark.parametrize(
    ("markup", "printed"),
    [
        ('<a class="author">Anna <b>Schmidt</b>-Weber</a>', "Anna Schmidt-Weber"),  # a hyphen after the inline part
        ('<span class="author"><b>Mac</b>donald</span>', "Macdonald"),  # lower case after the edge: one word
        ('<span class="author">By <a href="/a/j">Jane Doe</a></span>', "By Jane Doe"),
    ],
)
def test_inline_parts_of_one_word_or_already_spaced_are_left_as_printed(markup: str, printed: str) -> None:
    assert printed_text(lxml.html.fragment_fromstring(markup)) == printed


def _site_page(site_name: str, url: str, author: str, story: str) -> str:
    node = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Library keeps Sunday hours",
            "author": {"@type": "Person", "name": author}}  # fmt: skip
    head = (
        f'<meta property="og:site_name" content="{site_name}"><link rel="canonical" href="{url}">'
        f'<script type="application/ld+json">{json.dumps(node)}</script>'
    )
    return _page("", head=head, story=story)


def test_a_personal_site_named_after_its_author_credits_that_person(ingest_texts: IngestTexts) -> None:
    """Personal sites and blogs carry their author's name as site name and domain; that name was dropped as the
    site's own (5 of the half-a misses of WCXB's 2025 pages, on unrelated sites)."""
    db = ingest_texts(
        {
            "blog.html": _site_page(
                "Elizabeth McCravy",
                "https://elizabethmccravy.com/best-podcast-equipment/",
                "Elizabeth McCravy",
                "library",
            ),
            "portfolio.html": _site_page(
                "Myles Katherine Photography", "https://www.myleskatherine.com/blog/cameras", "Myles Katherine", "ferry"
            ),
        }
    )
    assert _authors(db) == {"blog.html": ["Elizabeth McCravy"], "portfolio.html": ["Myles Katherine"]}


@pytest.mark.parametrize(
    ("site", "domain"),
    [
        ("El Colombiano", "elcolombiano.com"),  # "El" is in the given-name dictionary, and an article
        ("Frank Magazine", "frankmagazine.com"),  # a desk word
        ("Jordan Times", "jordantimes.com"),
    ],
)
def test_a_site_printing_its_own_name_as_author_is_still_no_person(site: str, domain: str) -> None:
    assert normalise_authors([site], [site], site_names=[site], domain=domain) == []


def test_one_person_found_twice_with_words_run_into_the_name_is_one_author() -> None:
    """JSON-LD names the author with her credentials, a profile card prints the name twice before a date."""
    authors = normalise_authors(
        ["Dylan Bailey, MS, RD, FAND"],
        ["Dylan Bailey, MS, RD, FAND Dylan Bailey, MS, RD, FAND Published Jun 4, 2025 + Follow"],
    )
    assert [a.name for a in authors] == ["Dylan Bailey"]
    by_coo = normalise_authors(["Claire Wilson"], ["By Claire Wilson, Co-Founder & COO By Claire Wilson"])
    assert [a.name for a in by_coo] == ["Claire Wilson"]


def test_two_people_sharing_a_name_part_are_both_kept() -> None:
    assert [a.name for a in normalise_authors([], ["By Anna Berger and Thomas Berger"])] == [
        "Anna Berger",
        "Thomas Berger",
    ]
    assert [a.name for a in normalise_authors(["Maria", "Maria Santos"], [])] == ["Maria", "Maria Santos"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Mateusz Haberny Founder at Oakywood", ["Mateusz Haberny"]),  # a job title after the name, no comma
        ("Rasmus Barslund Founder", ["Rasmus Barslund"]),
        ("By Claire Wilson, Co-Founder & COO", ["Claire Wilson"]),
    ],
)
def test_a_job_title_printed_after_a_full_name_is_cut_from_it(byline: str, names: list[str]) -> None:
    assert [a.name for a in parse_byline(byline)] == names


@pytest.mark.parametrize(
    "byline",
    [
        "Steven Salentin Mitglied der Tonight News-Redaktion",  # a desk after the name: not cut to a "name"
        "Les Membres du Choeur de Radio France",
        "Science Editor",  # a title with no name before it
    ],
)
def test_a_name_followed_by_a_desk_or_a_bare_title_is_left_to_be_judged_whole(byline: str) -> None:
    assert parse_byline(byline) == []


@pytest.mark.parametrize(
    "byline", ["Fact Checked", "Community Development", "HR Strategy", "Certified Pediatric Sleep Consultant"]
)
def test_everyday_words_where_a_byline_was_looked_for_name_nobody(byline: str) -> None:
    """Labels and headings of 2025 article pages, next to the byline element (WCXB, half a)."""
    assert parse_byline(byline) == []


@pytest.mark.parametrize("name", ["Tim Green", "Dr Dieter Veldsman", "Will Smith", "Deniz Yıldız", "Rose King"])
def test_names_made_of_everyday_words_with_a_given_name_are_kept(name: str) -> None:
    assert [a.name for a in parse_byline(name)] == [name]


def _yoast_head(label: str, data: str) -> str:
    return (
        f'<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="{data}">'
        '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">'
    )


def test_the_author_of_wordpress_seo_meta_pair_is_read(ingest_texts: IngestTexts) -> None:
    """Yoast SEO prints the post's author only as twitter:label1 "Written by" (or "Verfasst von") and
    twitter:data1: no byline was found on such pages without another author tag."""
    db = ingest_texts(
        {
            "en.html": _page("", head=_yoast_head("Written by", "Nawaz Dhandala")),
            "de.html": _page("", head=_yoast_head("Verfasst von", "Lena Hofbauer"), story="ferry"),
        }
    )
    assert _authors(db) == {"en.html": ["Nawaz Dhandala"], "de.html": ["Lena Hofbauer"]}


def test_other_labelled_pairs_of_that_meta_name_nobody(ingest_texts: IngestTexts) -> None:
    db = ingest_texts(
        {
            "filed.html": _page("", head=_yoast_head("Filed under", "Garden Design")),
            "price.html": _page("", head=_yoast_head("Price", "Jane Austen Box Set"), story="ferry"),
        }
    )
    assert _authors(db) == {"filed.html": [], "price.html": []}


def test_a_page_of_a_personal_site_naming_no_author_is_its_owners(ingest_texts: IngestTexts) -> None:
    """Personal blogs print no byline on their posts; the site's name is the owner's, bare or possessive."""
    db = ingest_texts(
        {
            "bear.html": _page("", head='<meta property="og:site_name" content="Owain Brennan">'),
            "blog.html": _page("", head='<meta property="og:site_name" content="Colin Watson\'s blog">', story="ferry"),
        }
    )
    assert _authors(db) == {"bear.html": ["Owain Brennan"], "blog.html": ["Colin Watson"]}


@pytest.mark.parametrize(
    "site",
    [
        "Christian Science Monitor",  # outlets named like people: three words, or an everyday second word
        "Martha Stewart Living",
        "Lonely Planet",
        "ARD Mediathek",  # an acronym
        "Ultima Hora",  # an everyday word that is only a rare given name
        "Harper's Bazaar",  # a possessive of one word
    ],
)
def test_an_outlet_named_like_a_person_is_no_owner_of_its_pages(site: str) -> None:
    assert _owner_of_personal_site([site]) == []


def test_a_printed_byline_outranks_the_account_the_seo_pair_names(ingest_texts: IngestTexts) -> None:
    """The SEO pair names the WordPress account that posted; a co-author plugin prints the writer (docker.com)."""
    db = ingest_texts(
        {
            "post.html": _page(
                '<div class="post-author"><a rel="author" href="/authors/cd">Christian Dupuis</a></div>',
                head=_yoast_head("Written by", "Colin Madison"),
            )
        }
    )
    assert _authors(db) == {"post.html": ["Christian Dupuis"]}


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"]),  # date first, a group
        ("Mike Marshall • Advertiser Disclosure", ["Mike Marshall"]),  # a link after the name on the meta line
        ("This post was written by Danielle Padula, Head of Marketing and Community Development", ["Danielle Padula"]),
        ("Craig McCarthy Last updated on 17 December 2025", ["Craig McCarthy"]),  # an update label before its date
        ("CM Craig McCarthy", ["Craig McCarthy"]),  # the initials of an avatar without a photo
    ],
)
def test_a_post_meta_line_gives_the_writer_alone(byline: str, names: list[str]) -> None:
    assert [a.name for a in parse_byline(byline)] == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Von Anna Berger · 5. Januar 2019", ["Anna Berger"]),
        ("Written by Ana Lima and Ben Costa", ["Ana Lima", "Ben Costa"]),
        ("By Lena Hofbauer, Klagenfurt", ["Lena Hofbauer"]),
        ("Reporting by Ana Lima; Editing by Ben Costa", ["Ana Lima", "Ben Costa"]),
    ],
)
def test_bylines_the_meta_line_rules_must_leave_as_they_were(byline: str, names: list[str]) -> None:
    assert [a.name for a in parse_byline(byline)] == names


def test_a_writer_named_after_a_written_by_label_is_the_author(ingest_texts: IngestTexts) -> None:
    """The label in an element of its own above the name, or heading an author box (WCXB's 2025 pages)."""
    db = ingest_texts(
        {
            "card.html": _page('<div class="text-2xs">Written by</div><div class="font-bold">Jack Shepherd</div>'),
            "box.html": _page("", story="ferry", head="").replace(
                "</article>", "<h3>Written by Cassidy Horton</h3><p>Cassidy writes about money.</p></article>"
            ),
        }
    )
    assert _authors(db) == {"card.html": ["Jack Shepherd"], "box.html": ["Cassidy Horton"]}


def test_a_writer_named_after_an_article_by_label_is_the_author(ingest_texts: IngestTexts) -> None:
    """ "Article by" / "Artikel von" heading an author box, the name in the next element (WCXB: a design studio's
    blog, nobody stored; nationnews.com, nachrichten.at, journelles.de print the label the same way)."""
    db = ingest_texts(
        {
            "studio.html": _page("", story="ferry").replace(
                "</article>", '</article><div><h2 class="text-3xl">Article by</h2><div>Matias Heikkilä</div></div>'
            ),
            "artikel.html": _page('<h2 class="topline">Artikel von</h2><p class="name">Renate Gruber</p>'),
        }
    )
    assert _authors(db) == {"studio.html": ["Matias Heikkilä"], "artikel.html": ["Renate Gruber"]}


def test_article_by_article_in_a_sentence_names_nobody(ingest_texts: IngestTexts) -> None:
    db = ingest_texts({"law.html": _page("<p>Article by article, the committee went through the bill.</p>")})
    assert _authors(db) == {"law.html": []}


def test_a_blog_posts_posted_by_line_names_its_writer(ingest_texts: IngestTexts) -> None:
    """Movable Type's and other blog engines' "Posted by David at December 16, 2025 11:15 AM" in an element whose
    class names no byline: nobody was stored."""
    db = ingest_texts(
        {"posted.html": _page('<p><span class="posted">Posted by David Okafor at December 16, 2025 11:15 AM</span>')}
    )
    assert _authors(db) == {"posted.html": ["David Okafor"]}


def test_written_by_in_a_sentence_or_a_comment_names_nobody(ingest_texts: IngestTexts) -> None:
    db = ingest_texts(
        {
            "letter.html": _page("<p>Written by hand, the letters were kept in the town hall for a century.</p>"),
            "notice.html": _page("<p>Posted by the council on its notice board</p>", story="market"),
            "comment.html": _page("", story="ferry").replace(
                "</article>",
                '</article><div class="comments"><div class="comment"><p>Written by Tom Baker</p>'
                '<span class="comments-post">Posted by: <a href="mailto:j@example.org">John Hale</a></span>'
                "</div></div>",
            ),
        }
    )
    assert _authors(db) == {"letter.html": [], "notice.html": [], "comment.html": []}


@pytest.mark.parametrize(
    ("handle", "printed", "name"),
    [
        ("kffnirmitap", "Nirmita Panchal", "Nirmita Panchal"),  # a site's prefix, given name, surname's initial
        ("jsmith", "John Smith", "John Smith"),
        ("arianschlichenmayer", "Arian Schlichenmayer", "Arian Schlichenmayer"),
    ],
)
def test_a_user_handle_becomes_the_full_name_it_spells(handle: str, printed: str, name: str) -> None:
    assert [a.name for a in normalise_authors([], [handle, printed])] == [name]


def test_a_first_name_or_another_account_is_not_taken_for_a_printed_full_name() -> None:
    assert [a.name for a in normalise_authors([], ["Kathrin", "Kathrin Weber"])] == ["Kathrin"]
    assert [a.name for a in normalise_authors([], ["bergerfan", "Anna Berger"])] == ["Bergerfan"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Prof. Dr. Klaus Meier", ["Klaus Meier"]),  # the full stop of "Prof." was taken for the end of the names
        ("Von Prof. Dr. Klaus Meier und Dr. Eva Roth", ["Klaus Meier", "Eva Roth"]),
        ("Rev. Jesse Jackson", ["Jesse Jackson"]),
    ],
)
def test_a_title_abbreviated_before_a_name_ends_nothing(byline: str, names: list[str]) -> None:
    assert [a.name for a in parse_byline(byline)] == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ana L. Costa", ["Ana L. Costa"]),  # an initial is no title
        ("Von Anna Berger. Mit Material von dpa", ["Anna Berger"]),  # a sentence after the name still ends it
    ],
)
def test_abbreviations_that_are_no_title_are_left_as_they_were(byline: str, names: list[str]) -> None:
    assert [a.name for a in parse_byline(byline)] == names


def test_a_byline_holding_the_sites_own_name_is_the_site() -> None:
    """volksblatt.at's meta author is "OÖ Volksblatt": the site's name with its region's abbreviation."""
    assert normalise_authors([], ["OÖ Volksblatt"], site_names=["volksblatt.at"], domain="volksblatt.at") == []


@pytest.mark.parametrize(
    ("byline", "domain"),
    [
        ("Anna Berger", "berger.de"),  # a person named like the site: the site's owner
        ("Lena Santvoort", "n-tv.de"),  # a short key ("ntv") inside a name by chance
    ],
)
def test_a_person_whose_name_holds_the_sites_is_still_a_person(byline: str, domain: str) -> None:
    assert [a.name for a in normalise_authors([], [byline], site_names=[], domain=domain)] == [byline]


def test_a_link_to_the_authors_archive_spelling_the_printed_name_is_the_byline(ingest_texts: IngestTexts) -> None:
    """A bare "By" and a link to the writer's archive page in an element without a class (techgearlab.com and
    4 other sites of WCXB's 2025 pages): no byline element, no structured data, and nobody was stored."""
    db = ingest_texts(
        {
            "plain.html": _page(
                "<div class='d-flex'><div class='flex-grow-1 ms-3'>By <a href='/author/chris-mcnamara'>Chris "
                "McNamara</a> &sdot; Editor-in-Chief &sdot; <span>Updated May 6, 2025</span></div></div>"
            ),
            "numbered.html": _page(
                "<p><a href='https://example.org/autoren/matias-heikkila-2/'>Matias Heikkilä</a></p>", story="ferry"
            ),
        }
    )
    assert _authors(db) == {"plain.html": ["Chris McNamara"], "numbered.html": ["Matias Heikkilä"]}


def test_the_words_of_an_author_links_text_that_its_address_spells_are_the_byline(ingest_texts: IngestTexts) -> None:
    """An author link holding more than the name: the photo's credit printed before it (jagderleben.de, where the
    German address spells "Führes" as "fuehres"), or words around it ("Read more posts by Joe Kindness", "More
    articles by Peter Bell": author boxes of three unrelated sites of WCXB's pages).  The whole text was compared
    with the address, and nobody was stored."""
    photo = (
        "<div class='my-2 clearfix'><span class='d-inline'><a href='https://www.jagd.example/autoren/"
        "kathrin-fuehres-684124' class='text-body'><span itemprop='image' class='d-inline profilbild'>"
        "<div class='field--name-field-autorenbild'><div class='position-relative'><picture>"
        "<img src='/files/autor.jpg' alt='Kathrin Führes'></picture><span class='teaser-copyright'>&copy; "
        "Kathrin Führes</span></div></div></span><div class='profil-nowrap'><span itemprop='name'>    Kathrin\n"
        "     Führes\n</span></div></a></span><div class='d-flex align-items-center flex-wrap'>"
        "<span class='mr-1'>am</span><span class='mr-3'><div class='field__item'>Mittwoch, 26.01.2022 - 14:30</div>"
        "</span></div></div>"
    )
    db = ingest_texts(
        {
            "photo.html": _page(photo),
            "more.html": _page(
                "<p><a href='/author/joe-kindness/'>Read more posts by Joe Kindness</a></p>", story="ferry"
            ),
            "nordic.html": _page("<p><a href='/author/soren-odegard'>Written by Søren Ødegård</a></p>", story="market"),
        }
    )
    assert _authors(db) == {
        "photo.html": ["Kathrin Führes"],
        "more.html": ["Joe Kindness"],
        "nordic.html": ["Søren Ødegård"],
    }


def test_an_author_links_words_that_spell_part_of_its_address_name_nobody(ingest_texts: IngestTexts) -> None:
    """Left alone: a link whose words spell only part of the address (a given name shared with the writer), one
    word that spells the address whole (a handle), and a link printing the full name where the address spells
    it short (a second surname left out of the address): the name stays whole."""
    db = ingest_texts(
        {
            "given.html": _page("<p><a href='/author/ana-lima'>More from Ana</a></p>"),
            "handle.html": _page("<p><a href='/autor/peterbell'>Posts by peterbell</a></p>", story="ferry"),
            "surnames.html": _page(
                "<p class='byline'>Por <a href='/author/ana-lima'>Ana Lima Souza</a></p>", story="market"
            ),
        }
    )
    assert _authors(db) == {"given.html": [], "handle.html": [], "surnames.html": ["Ana Lima Souza"]}


def test_author_links_that_spell_no_printed_full_name_or_sit_in_a_list_name_nobody(ingest_texts: IngestTexts) -> None:
    """Left alone: a link whose address does not spell its text ("More posts"), a one-word account's link
    ("wordpressadmin"), a staff directory's link, an author link in a related-stories list; and a page with a
    byline keeps it (the link only fills the gap)."""
    related = (
        "<aside class='related-posts'><h3>Related</h3><a href='/author/ana-lima'>Ana Lima</a>"
        "<a href='/2025/05/other-story'>Other story</a></aside>"
    )
    db = ingest_texts(
        {
            "more.html": _page("<p><a href='/author/ana-lima'>More posts</a></p>"),
            "account.html": _page("<p>By <a href='/author/wordpressadmin'>wordpressadmin</a></p>", story="ferry"),
            "staff.html": _page("<p><a href='/team/ana-lima'>Ana Lima</a></p>", story="market"),
            "related.html": _page(related, story="bridge"),
            "byline.html": _page(
                "<p class='byline'>By Tom Berger</p><p><a href='/author/ana-lima'>Ana Lima</a></p>", story="school"
            ),
        }
    )
    assert _authors(db) == {
        "more.html": [],
        "account.html": [],
        "staff.html": [],
        "related.html": [],
        "byline.html": ["Tom Berger"],
    }


def test_an_author_boxs_first_line_above_a_biography_is_the_byline(ingest_texts: IngestTexts) -> None:
    """A Webflow author box prints the writer's name above a biography: the whole box was longer than a byline and
    skipped, and nobody was stored."""
    bio = (
        "Lauren Vetter is a growth-focused marketing professional specializing in healthcare technology and B2B "
        "SaaS, and writes about the tools that support health professionals."
    )
    box = (
        '<div class="blog_author-wrapper"><div class="blog_author-image-wrapper"><img alt="Lauren Vetter"></div>'
        f'<div class="blog_author-text"><div class="text-size-small">Lauren Vetter</div><div><p>{bio}</p></div>'
        "</div></div>"
    )
    db = ingest_texts({"box.html": _page(box)})
    assert _authors(db) == {"box.html": ["Lauren Vetter"]}


def test_an_author_box_headed_by_one_word_or_a_heading_names_nobody_by_it(ingest_texts: IngestTexts) -> None:
    """Left alone: a box whose first line is one word ("Autoreninfo") or names the box ("Author Spotlight", "About
    the author"); a byline elsewhere on the page stays the author."""
    bio = (
        "Moritz writes about energy policy, the grid and the people who keep the lights on in the villages of the "
        "north, and has reported from the region for twelve years."
    )
    db = ingest_texts(
        {
            "byline.html": _page(
                f'<p class="byline">Von Moritz Gathmann</p><div class="autor-box"><h4>Autoreninfo</h4><p>{bio}</p>'
                "</div>"
            ),
            "word.html": _page(
                f'<div class="author-wrapper"><h2>Author Spotlight</h2><p>{bio}</p></div>', story="ferry"
            ),
            "heading.html": _page(
                f'<div class="author-box"><h4>About the author</h4><p>{bio}</p></div>', story="market"
            ),
        }
    )
    assert _authors(db) == {"byline.html": ["Moritz Gathmann"], "word.html": [], "heading.html": []}


def test_the_author_links_text_shows_where_a_run_on_name_ends(ingest_texts: IngestTexts) -> None:
    """ "By A. J. Neal View In Digital Edition" (a name link, then "View" and "In Digital Edition" links of their
    own, read as one text line) gave "A. J. Neal View"; the name's link to /contributor/a._j._neal prints "A. J.
    Neal"."""
    byline = "<p>By <a href='/magazine/contributor/a._j._neal'>A. J. Neal</a> View In Digital Edition</p>"
    db = ingest_texts({"servo.html": _page(byline)})
    assert _authors(db) == {"servo.html": ["A. J. Neal"]}


def test_a_name_the_author_link_does_not_print_inside_stays_whole(ingest_texts: IngestTexts) -> None:
    """Left alone: a byline whose name the page's author link does not hold inside it (the link names another
    contributor) keeps its name."""
    byline = "<p>By Ana Lima</p><p>Photos: <a href='/author/tom-berger'>Tom Berger</a></p>"
    db = ingest_texts({"lima.html": _page(byline, story="ferry")})
    assert _authors(db) == {"lima.html": ["Ana Lima"]}


def _card(headline: str, author: str, day: str) -> str:
    return (
        f'<a class="blog35_item-link" href="/blog/{headline[:8].lower()}"><div class="blog35_author-wrapper">'
        f'<h3>{headline}</h3><div class="blog35_author-text"><div>{author}</div><div>{day}</div></div></div></a>'
    )


def test_another_storys_teaser_card_is_no_byline_of_this_page() -> None:
    """Related-post cards (a link wrapping another post's headline, writer and date, in an element whose class
    names an author) under a page that credits its company: "Make an Impact Stacy Edgar" (a card's headline run
    into its writer) was stored as the page's author."""
    cards = _card("A New Way to Earn, Grow, and Make an Impact", "Stacy Edgar", "December 4, 2025") + _card(
        "Introducing the Playground for Small Businesses", "Stacy Edgar", "November 30, 2025"
    )
    page = _page("", story="bridge").replace("</article>", f"</article>{cards}")
    claims = html_metadata(page).evidence.author_claims
    assert not [text for source, text in claims if source == "element"]


def test_a_byline_inside_a_link_without_a_headline_is_still_a_byline(ingest_texts: IngestTexts) -> None:
    """Left alone: the writer's name inside a link of its own (to the writer's page) is the byline."""
    db = ingest_texts({"link.html": _page('<a href="/team/ana"><span class="author-name">Ana Lima</span></a>')})
    assert _authors(db) == {"link.html": ["Ana Lima"]}


def test_a_bare_by_line_without_a_byline_class_names_its_writer(ingest_texts: IngestTexts) -> None:
    """A byline printed as "Par"/"von"/"Von" and a name in an element no byline class marks (the authors dev set's
    dalloz-actualite.fr signature block, a film site's "von <em>name</em>", a magazine's byline above a
    dateline on the next line): nobody was stored."""
    db = ingest_texts(
        {
            "signature.html": _page(
                '<div class="node-signature"><span class="field-contributor">Par&nbsp;<a href="/node/camille-durand">'
                'Camille Durand</a></span> <span class="field-published-at">le 07 Mai 2020</span></div>'
            ),
            "film.html": _page("<h4>Ein Musikfilm</h4><p> von <em>Klaus Berger</em></p>", story="ferry"),
            "dateline.html": _page(
                "<p><strong>Von Roland Brockmann und Sebastian Drescher<br>Kakuma / Kenia</strong></p>", story="market"
            ),
        }
    )
    assert _authors(db) == {
        "signature.html": ["Camille Durand"],
        "film.html": ["Klaus Berger"],
        "dateline.html": ["Roland Brockmann", "Sebastian Drescher"],
    }


def test_by_opening_a_sentence_a_button_or_an_image_credit_names_nobody(ingest_texts: IngestTexts) -> None:
    db = ingest_texts(
        {
            "terms.html": _page("<p>By clicking subscribe you agree to our terms.</p>"),
            "numbers.html": _page("<h3>By the numbers</h3>", story="ferry"),
            "button.html": _page("<button>By email</button><a href='/sort'>By date</a>", story="market"),
            "photo.html": _page(
                '<figure><img src="a.jpg"><figcaption><span class="credit">By Jane Holloway</span></figcaption>'
                "</figure>",
                story="bridge",
            ),
        }
    )
    assert _authors(db) == {"terms.html": [], "numbers.html": [], "button.html": [], "photo.html": []}


def test_the_person_a_personal_sites_copyright_notice_names_is_the_author(ingest_texts: IngestTexts) -> None:
    """Personal sites that print no byline, their owner named in the footer's notice (the authors dev set's
    ohneq.de "(c) Johannes Wolf • ...", changenow.de "| COPYRIGHT ANDRÉ LOIBL | ..."): nobody was stored."""
    db = ingest_texts(
        {
            "podcast.html": _page("").replace(
                "</body>",
                '<div class="copyrights-area"><p>(c) Johannes Wolf • Weitere Rechte siehe Impressum</p></div></body>',
            ),
            "coach.html": _page("", story="ferry").replace(
                "</body>", "<p><a href='/impressum'>IMPRESSUM</a> | COPYRIGHT ANDRÉ LOIBL | A KANGA PROJECT</p></body>"
            ),
        }
    )
    assert _authors(db) == {"podcast.html": ["Johannes Wolf"], "coach.html": ["André Loibl"]}


def test_a_company_an_image_credit_or_a_printed_byline_outranks_the_copyright_notice(
    ingest_texts: IngestTexts,
) -> None:
    """Left alone: a company's notice, a photographer's credit under an image with the company's notice below
    it, and a page whose byline names its writer."""
    db = ingest_texts(
        {
            "shop.html": _page("").replace("</body>", "<footer>© 2020 Luigi LAVAZZA SPA</footer></body>"),
            "label.html": _page("", story="market").replace(
                "</body>", "<footer>© 2021 Baran Entertainment. All rights reserved.</footer></body>"
            ),
            "photo.html": _page(
                '<figure><img src="a.jpg"><figcaption>© Niklas Grapatin</figcaption></figure>', story="bridge"
            ).replace("</body>", "<footer>© Greenpeace e.V. 2022</footer></body>"),
            "signed.html": _page('<p class="byline">By Mara Lindqvist</p>', story="school").replace(
                "</body>", "<footer>(c) Johannes Wolf</footer></body>"
            ),
        }
    )
    assert _authors(db) == {"shop.html": [], "label.html": [], "photo.html": [], "signed.html": ["Mara Lindqvist"]}


def test_a_name_printed_beside_the_date_under_the_headline_is_the_byline(ingest_texts: IngestTexts) -> None:
    """A meta line of a name and a date with no "By" and no class that names it (Anadolu's "<span>Sehernur Karsu
    |</span><span class="tarih">05.04.2025</span>"; an Italian "Di" and a Dutch name with its particle): nobody
    was stored."""
    db = ingest_texts(
        {
            "spans.html": _page(
                '<div class="row"><span>Sehernur Karsu &nbsp;|</span> <span class="tarih">05.04.2025</span></div>'
            ),
            "line.html": _page("<p>Di Giulia Rossi e Marco Bianchi · 4 marzo 2026</p>", story="ferry"),
            "apart.html": _page("<p>Sanne de Vries</p><p>4 maart 2026</p>", story="market"),
            # fifteen words with the separator: a meta line, not the standfirst
            "long.html": _page(
                '<p class="meta">Av Anna Svensson, Erik Lindqvist och Maja Holm | Publicerad 4 mars 2026 kl. 14.10</p>',
                story="bridge",
            ),
        }
    )
    assert _authors(db) == {
        "spans.html": ["Sehernur Karsu"],
        "line.html": ["Giulia Rossi", "Marco Bianchi"],
        "apart.html": ["Sanne de Vries"],
        "long.html": ["Anna Svensson", "Erik Lindqvist", "Maja Holm"],
    }


def test_a_separator_of_its_own_between_the_date_and_the_name_does_not_part_them(ingest_texts: IngestTexts) -> None:
    """A blog's meta row prints the date, a "·" in a span of its own, then the name in a link (WCXB: a national
    library's blog): the separator stood between them, so the name was beside no date and nobody was stored."""
    row = (
        '<div class="meta"><span>2025-12-17</span><span>·</span><a title="Trond Teigen">'
        '<img src="/icon.png" alt="Trond Teigen"><div>Trond Teigen</div></a></div>'
    )
    db = ingest_texts({"row.html": _page(row)})
    assert _authors(db) == {"row.html": ["Trond Teigen"]}


def test_a_name_under_the_headline_with_no_date_beside_it_names_nobody(ingest_texts: IngestTexts) -> None:
    """Left alone: a topic's name over the text ("Donald Trump"), a name beside a section label, and a date beside
    a phrase that is no name ("Live Updates")."""
    db = ingest_texts(
        {
            "topic.html": _page("<p>Donald Trump</p>"),
            "label.html": _page("<p>Donald Trump | Politics</p>", story="ferry"),
            "phrase.html": _page("<p>Live Updates</p><p>4 March 2026</p>", story="market"),
            # only a separator is looked past: a section label between the name and the date still parts them
            "apart.html": _page("<p>Donald Trump</p><p>·</p><p>Politics</p><p>4 March 2026</p>", story="bridge"),
            # a press release's meta row: the date, a separator, the town it was issued in (bfn.de)
            "place.html": _page(
                "<p>Gewässer und Auen</p><p>13.01.2022</p><p>•</p><p>Verden an der Aller</p>", story="school"
            ),
        }
    )
    assert _authors(db) == {
        "topic.html": [],
        "label.html": [],
        "phrase.html": [],
        "apart.html": [],
        "place.html": [],
    }


def test_a_name_printed_alone_shows_where_a_name_with_its_title_run_in_ends(ingest_texts: IngestTexts) -> None:
    """An author box holds the name's element and the writer's bio line ("Liz Kenny" / "Former McKinsey
    Consultant": an Elementor author box on myconsultingoffer.org; Yahoo's "Ben Silverman" / "Games Editor"; a
    winery's "Matt Check" / "Head Winemaker, Co-Founder"): the box read as one line gave "Liz Kenny Former
    McKinsey Consultant".  The name's own element prints where the name ends."""
    box = (
        '<div class="elementor-author-box"><div class="elementor-author-box__text"><div>'
        '<h4 class="elementor-author-box__name">Liz Kenny</h4></div>'
        '<div class="elementor-author-box__bio"><p>Former McKinsey Consultant</p></div></div></div>'
    )
    db = ingest_texts({"kenny.html": _page(box, story="school")})
    assert _authors(db) == {"kenny.html": ["Liz Kenny"]}


def test_a_three_word_name_no_shorter_byline_prints_stays_whole(ingest_texts: IngestTexts) -> None:
    """Left alone: "Tina Flint Huffman" (a surname that is an everyday word) with no byline printing a part of it."""
    db = ingest_texts({"huffman.html": _page("<p>By Tina Flint Huffman</p>", story="market")})
    assert _authors(db) == {"huffman.html": ["Tina Flint Huffman"]}


def test_dublin_core_creators_are_one_list_of_names_printed_surname_first(ingest_texts: IngestTexts) -> None:
    """One <meta name="dc.creator"> per creator, each surname first (nature.com's five writers, an IETF RFC's two,
    ihrwebprofi.at's "Harm, Robert"): read one tag at a time, the first creator alone was the author, and "You,
    Xiaoying" two people ("Xiaoying", "You"), as neither part passes the given-name test."""
    creators = ["You, Xiaoying", "Lenharo, Mariana", "Basu, Mohana", "Jong, Michiel de"]
    head = "".join(f'<meta name="dc.creator" content="{name}">' for name in creators)
    db = ingest_texts(
        {
            "nature.html": _page("", head=head, story="bridge"),
            "harm.html": _page("", head='<meta name="DC.Creator" content="Harm, Robert">', story="ferry"),
        }
    )
    assert _authors(db) == {
        "harm.html": ["Robert Harm"],
        "nature.html": ["Xiaoying You", "Mariana Lenharo", "Mohana Basu", "Michiel de Jong"],
    }


def test_a_dublin_core_creator_printed_in_reading_order_is_read_as_a_byline(ingest_texts: IngestTexts) -> None:
    """Left alone: a creator tag in reading order, and one holding a list, are bylines as before."""
    db = ingest_texts(
        {
            "lima.html": _page("", head='<meta name="dc.creator" content="Ana Lima">', story="market"),
            "two.html": _page("", head='<meta name="dc.creator" content="Ana Lima, Tom Berger">', story="school"),
        }
    )
    assert _authors(db) == {"lima.html": ["Ana Lima"], "two.html": ["Ana Lima", "Tom Berger"]}


@pytest.mark.parametrize(
    ("text", "slug", "name"),
    [
        ("Chris McNamara", "chris-mcnamara", "Chris McNamara"),  # the whole text
        ("Read more posts by Joe Kindness", "joe-kindness", "Joe Kindness"),  # a run at the end
        ("© Kathrin Führes Kathrin Führes", "kathrin-fuehres", "Kathrin Führes"),  # German umlauts, a credit first
        ("Mike Rebold, Guest Writer", "mike-rebold", "Mike Rebold"),  # a mark closes the name
        ("Ana Lima Souza", "ana-lima", None),  # a capitalised word continues the name: the address spells it short
        ("More posts", "ana-lima", None),  # no run spells the address
        ("— —", "-2", None),  # an address of marks and numbers spells nobody
    ],
)
def test_the_name_an_author_links_address_spells(text: str, slug: str, name: str | None) -> None:
    assert name_in_link(text, slug) == name


def _json_ld_author(name: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": name}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_byline_box_holding_one_byline_per_writer_lists_every_writer(ingest_texts: IngestTexts) -> None:
    """dagbladet.no (fundus, 2024): `<div class="bylines">` holds a `<div class="byline">` per writer, each a
    rel=author link, and the JSON-LD names only the second writer.  The box's text ran the names together ("Ingrid
    Treborg Marlene Lundberg Holm"), so nothing completed the JSON-LD's one name; the writers in printed order."""
    writer = '<div class="byline column"><address class="name"><a rel="author" href="mailto:{0}@db.example">{1}</a>'
    box = '<div class="bylines">' + "".join(
        writer.format(mail, name) + "</address></div>"
        for mail, name in [("ingrid", "Ingrid Tveberg"), ("marlene", "Marlene Lund Holm")]
    )
    db = ingest_texts({"two.html": _page(box + "</div>", head=_json_ld_author("Marlene Lund Holm"))})
    assert _authors(db) == {"two.html": ["Ingrid Tveberg", "Marlene Lund Holm"]}


def test_writers_boxes_printing_a_role_or_a_place_under_each_name_add_nobody(ingest_texts: IngestTexts) -> None:
    """Left alone: nrk.no's writers' boxes print a role and a place under each name ("Journalist i Paris", where
    "i" is Norwegian's "in" and a Slavic "and"): read as a list, "Paris" became a third writer.  And a card whose
    name and job title are two byline elements of different classes keeps the name alone."""
    writer = '<div class="author widget"><a class="author__name">{0}</a><span class="author__role">{1}</span></div>'
    boxes = (
        '<div class="authors">'
        + writer.format("Mats Hagen", "Journalist")
        + writer.format("Anders Skjerdal", "Journalist i Paris")
    )
    card = '<div class="card-author"><h2 class="card-author-name">Matt Checkley</h2>'
    card += '<div class="card-author-role">Head Winemaker, Co-Founder</div></div>'
    db = ingest_texts(
        {
            "boxes.html": _page(
                boxes + "</div>", head=_json_ld_author("Mats Hagen") + _json_ld_author("Anders Skjerdal")
            ),
            "card.html": _page(card, story="ferry"),
        }
    )
    assert _authors(db) == {"boxes.html": ["Mats Hagen", "Anders Skjerdal"], "card.html": ["Matt Checkley"]}


def test_a_later_byline_listing_the_first_ones_writer_and_more_completes_it(ingest_texts: IngestTexts) -> None:
    """investmentexecutive.com (Postlight's fixtures, 2022): a hidden author element names the first writer, the
    line after a "By:" label all of them with their agency; no JSON-LD.  Only the first was kept."""
    byline = (
        '<ul><li class="pub-details__item">By: <a href="/writer/paul"><span>Paul Wiseland</span></a>, '
        '<a href="/writer/fatima"><span>Fatima Husseini, The Associated Press</span></a></li></ul>'
        '<div class="hidden" itemprop="author"><span itemprop="name">Paul Wiseland</span></div>'
    )
    db = ingest_texts({"agency.html": _page(byline)})
    assert _authors(db) == {"agency.html": ["Paul Wiseland", "Fatima Husseini"]}


def test_a_later_byline_without_the_first_ones_writer_adds_nobody(ingest_texts: IngestTexts) -> None:
    """Left alone: a later line naming other people (a related story's byline, the next article's) is no list of
    this story's writers."""
    byline = '<span class="author">Paul Wiseland</span><p>By: Dana Kowalski, Fatima Husseini</p>'
    db = ingest_texts({"other.html": _page(byline)})
    assert _authors(db) == {"other.html": ["Paul Wiseland"]}


def test_a_by_label_in_an_element_of_its_own_reads_the_names_after_it(ingest_texts: IngestTexts) -> None:
    """nytimes.com (2016, Postlight's fixtures): `<span class="byline-prefix">By </span>` then a link per writer in
    spans no byline class marks, the last one's span "last-byline": only that writer was stored."""
    names = ["Marc Santoro", "William K. Rashford", "Al Bakerman", "Adam Goldberg"]
    spans = [f'<span itemprop="name"><a href="/by/{n.split()[-1].lower()}">{n}</a></span>' for n in names]
    spans[-1] = spans[-1].replace('itemprop="name"', 'class="last-byline" itemprop="name"')
    line = f'<p class="css-4anu6l"><span class="byline-prefix">By </span>{", ".join(spans[:3])} and {spans[3]}</p>'
    db = ingest_texts({"four.html": _page(line)})
    assert _authors(db) == {"four.html": names}


def test_a_by_label_alone_before_no_names_reads_nothing_after_it(ingest_texts: IngestTexts) -> None:
    """Left alone: a "By" in an element of its own before a sorting choice or a heading's words names nobody."""
    db = ingest_texts(
        {
            "sort.html": _page('<div class="sort"><span>By</span> <a href="?s=date">date</a></div>'),
            "numbers.html": _page("<h3><span>By</span> the numbers</h3>", story="ferry"),
        }
    )
    assert _authors(db) == {"sort.html": [], "numbers.html": []}


def test_a_job_title_after_the_writer_in_a_later_byline_adds_nobody() -> None:
    """Left alone: a later byline printing the writer with a one-word job title ("Von Marco Kratzel, GIGA-Experte")
    adds no second "writer": the completion takes full names only."""
    authors = normalise_authors([], ["Marco Kratzel", "Von Marco Kratzel, GIGA-Experte"])
    assert [a.name for a in authors] == ["Marco Kratzel"]
    structured = normalise_authors(["Marco Kratzel"], ["Von Marco Kratzel, GIGA-Experte"])
    assert [a.name for a in structured] == ["Marco Kratzel"]


def test_a_writers_box_printing_a_section_under_the_name_gives_the_name(ingest_texts: IngestTexts) -> None:
    """informationweek.com (metascraper's fixtures, 2016): the writer's box prints the name as a link and the
    desk under it ("Kelly Sheridan<br>News"); read as one line, "Kelly Sheridan News" named nobody."""
    box = (
        '<div class="author-info-block"><span class="smaller blue"><a href="/author-bio.asp?author_id=837">'
        'Kelly Sherwood</a><br /></span><span class="smaller gray">News</span></div>'
    )
    db = ingest_texts({"box.html": _page(box)})
    assert _authors(db) == {"box.html": ["Kelly Sherwood"]}


def test_a_byline_element_read_whole_keeps_its_lines_together(ingest_texts: IngestTexts) -> None:
    """Left alone: a byline element whose lines name the writer as a whole ("By<br>Ana Lima", a name broken over
    two lines) is read whole; and a box whose first line names nobody gives nobody by it."""
    db = ingest_texts(
        {
            "by.html": _page('<div class="byline">By<br>Ana Lima</div>'),
            "broken.html": _page('<div class="byline">Maria Clara<br>dos Santos</div>', story="ferry"),
            "heading.html": _page('<div class="author-box">Our newsroom<br>Desk</div>', story="market"),
        }
    )
    assert _authors(db) == {"by.html": ["Ana Lima"], "broken.html": ["Maria Clara dos Santos"], "heading.html": []}
