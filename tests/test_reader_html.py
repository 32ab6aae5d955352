"""HTML reader: body extraction on realistic pages of our own, and each pruning rule both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from axis_ingest.document import Evidence, RejectedInput
from axis_ingest.readers.html import _reopened_body, find_standfirst, read_html
from axis_ingest.readers.html_extract import (
    SECOND_OPINION_MAX_DEPTH,
    _looks_missed,
    _nested_deeper_than,
    agreement,
    prefer_full,
    second_opinion,
    second_paragraphs,
    second_reads_the_article,
    trim_to_agreement,
)
from axis_ingest.readers.html_output import fragment_paragraphs, join_line_breaks, output_paragraphs
from axis_ingest.readers.html_prune import prune_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str):
    [doc] = read_html((FIXTURES / name).read_text("utf-8"))
    return doc


# --- whole pages -------------------------------------------------------------------------


def test_news_page_body_is_the_story_only():
    doc = read("harbour_news_en.html")
    assert doc.source_format == "html"
    assert doc.title == "Harbour ferry fares to rise by a fifth from April"
    assert doc.subtitle == "Commuters face steeper crossings as the operator blames fuel and crew costs."
    # the standfirst printed above the story is its lead: the subtitle, and the body's first paragraph
    assert doc.paragraphs[0] == doc.subtitle
    assert doc.paragraphs[1].startswith("Passengers on the harbour ferry will pay about 20 per cent more")
    assert doc.paragraphs[-1].startswith("The council’s transport committee") or doc.paragraphs[-1].startswith(
        "The council's transport committee"
    )
    body = doc.body
    for chrome in (
        "cookies", "Accept all", "Share on", "Advertisement", "Read more", "You may also like",
        "Bridge repairs", "©", "All rights reserved", "Privacy", "Log in to comment", "Subscribe",
        "Reporting by", "Transport Correspondent",
    ):  # fmt: skip
        assert chrome not in body, chrome
    assert doc.title not in body  # the headline is never in the body
    assert "£3.40 to £4.10" in body and "&" not in body and "<" not in body


def test_news_page_metadata_goes_to_url_metadata_and_evidence():
    doc = read("harbour_news_en.html")
    assert doc.url == "https://www.coastlineherald.example/news/2024/02/harbour-ferry-fares-rise"
    assert doc.metadata["url"] == doc.url
    assert any("Reporting by Morag Lindsay" in b for b in doc.evidence.bylines)
    assert doc.evidence.language_hints and doc.evidence.language_hints[0].startswith("en")


def test_headings_and_list_items_are_their_own_paragraphs():
    doc = read("garden_guide_lists.html")
    assert doc.title == "How to get a vegetable patch ready for spring"
    paragraphs = doc.paragraphs
    assert "Clear and test the soil" in paragraphs
    assert "Plan what goes where" in paragraphs
    assert "- Dig in two buckets of well-rotted compost per square metre." in paragraphs
    assert "- Cabbages, kale and other brassicas" in paragraphs
    heading = paragraphs.index("Plan what goes where")
    assert paragraphs[heading + 1].startswith("Rotating crops")
    assert paragraphs[0].startswith("A few hours of work")
    assert paragraphs[-1].startswith("Finally, cover the prepared beds")
    assert not any("Ten shrubs" in p or "Copyright" in p or p.startswith("Posted on") for p in paragraphs)


def test_fragment_keeps_headings_lists_and_joins_hard_wraps():
    doc = read("fragment_council.html")
    assert doc.title is None  # an <h2> in a fragment is a section heading, not a headline
    assert doc.paragraphs == [
        "Budget talks stall again",
        "The city council failed on Tuesday to agree a budget for next year, leaving libraries, parks and "
        "bus subsidies in limbo for at least another fortnight.",
        "- Libraries may close two hours earlier on weekdays.",
        "- Two night bus routes face cuts.",
        "Talks resume on Friday & a vote is expected before the end of the month.",
    ]


def test_german_page_with_teaser_and_byline():
    doc = read("stadtwerke_de.html")
    assert doc.title == "Stadtwerke senken Fernwärmepreis zum Jahreswechsel"
    assert doc.subtitle and doc.subtitle.startswith("Rund 14.000 Haushalte zahlen ab Januar weniger")
    assert doc.paragraphs[0].startswith("Die Stadtwerke senken den Arbeitspreis")
    assert doc.paragraphs[-1].startswith("Der Stadtrat will im Frühjahr")
    assert "Von Katrin Albers" in doc.evidence.bylines
    assert not any(w in doc.body for w in ("Cookies", "Artikel teilen", "Meistgelesen", "Rechte vorbehalten"))


def test_index_page_without_article_is_rejected_with_a_reason():
    with pytest.raises(RejectedInput, match="no article text found") as info:
        read("section_index_no_article.html")
    assert "Save the article page itself" in str(info.value)
    # one word is "1 word" (feedparser's test pages: "only 1 words of body")
    with pytest.raises(RejectedInput, match=r"only 1 word of body"):
        read_html("<html><head><title>Index</title></head><body><p>Welcome</p></body></html>")


_VERSE = [
    "The river keeps the names of all the boats",
    "That passed beneath the bridge before the flood",
    "And every winter when the water rises",
    "The old men count them slowly on their hands",
    "The ferry and the barges and the skiffs",
    "The ones that sank and the ones that carried salt",
    "My mother knew the songs the boatmen sang",
    "She sang them softly when the lamps were low",
    "And I have kept them in a wooden box",
    "Beneath the window where the river shows",
]


def _lines_page(lines: list[str], bullet: bool = False) -> str:
    body = "".join(f"<li>{line}</li>" if bullet else f"<p>{line}</p>" for line in lines)
    block = f"<ul>{body}</ul>" if bullet else f"<div class='post-body'>{body}</div>"
    return (
        "<!doctype html><html lang='en'><head><title>Lines</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='post'><h1>The River Keeps the Names</h1>{block}</div></body></html>"
    )


def test_a_page_of_verse_is_loaded() -> None:
    """Song lyrics or a poem end no line like a sentence: the prose test found no article, and a lyrics page that
    bare trafilatura extracts was rejected (the one page of trafilatura's 990 evaluation pages lost)."""
    [doc] = read_html(_lines_page(_VERSE))
    assert "My mother knew the songs the boatmen sang" in doc.paragraphs


@pytest.mark.parametrize(
    "lines, bullet",
    [
        ([f"{day:02d}.01.2022 · Männer · HBL1" for day in range(1, 21)], False),  # a teaser list's dates
        ([f"Senior Software Engineer {day}d Remote Full-Time Anywhere in the World" for day in range(20)], True),
    ],
)
def test_lines_of_dates_or_a_listings_items_are_no_verse(lines: list[str], bullet: bool) -> None:
    """Left alone: lines of dates and labels, and a listing's bulleted items, stay "no article text"."""
    with pytest.raises(RejectedInput, match="no article text found"):
        read_html(_lines_page(lines, bullet))


AUDIO_PAGE = """<!doctype html><html lang="es"><head><title>Sequía en el valle del Ebro</title>
<meta name="description" content="{description}"></head><body>
<nav><a href="/">Inicio</a> <a href="/audio">Audio</a></nav>
<div class="col"><h4>Medio ambiente</h4><h1>Sequía en el valle del Ebro</h1><p class="intro">{description}</p>
<div class="player">Escuchar 04:12</div><p>Autora: Lucía Ferrer</p></div>
<footer>© Radio Norte 2024</footer></body></html>"""


def test_page_whose_only_prose_is_its_standfirst_is_loaded():
    intro = (
        "Los embalses de la cuenca están al 31 por ciento de su capacidad, el nivel más bajo en tres décadas. "
        "Los regantes piden ayudas urgentes al gobierno regional."
    )
    [doc] = read_html(AUDIO_PAGE.format(description=intro))
    assert doc.paragraphs[0] == intro and doc.subtitle == intro
    # a section page whose description is a tagline has no prose and stays rejected
    with pytest.raises(RejectedInput, match="no article text found"):
        read_html(AUDIO_PAGE.format(description="Toda la actualidad del Ebro"))


RUBY_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title} | やさしいニュース</title>
</head><body><nav><a href="/">トップ</a> <a href="/list">ニュース一覧</a></nav><article><h1>{title}</h1>
<p>{first}</p><p>{second}</p></article><footer>© やさしいニュース</footer></body></html>"""
RUBY_TITLE = (
    "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby>を"
    "<ruby>禁止<rt>きんし</rt></ruby>する"
)
RUBY_FIRST = (
    "<ruby>国会<rt>こっかい</rt></ruby>で、<ruby>親<rt>おや</rt></ruby>が<ruby>子<rt>こ</rt></ruby>どもに<ruby>体罰"
    "<rt>たいばつ</rt></ruby>をすることを<ruby>禁止<rt>きんし</rt></ruby>する<ruby>法律<rt>ほうりつ</rt></ruby>ができました。"
    "<ruby>来年<rt>らいねん</rt></ruby>の4<ruby>月<rt>がつ</rt></ruby>から始まります。"
)
RUBY_SECOND = "<ruby>専門家<rt>せんもんか</rt></ruby>は、<ruby>大切<rt>たいせつ</rt></ruby>な一歩だと話しています。" * 3


def test_ruby_readings_are_not_text():
    """The reading printed above a word (<rt>, and <rp> brackets) would double every annotated word."""
    [doc] = read_html(RUBY_PAGE.format(title=RUBY_TITLE, first=RUBY_FIRST, second=RUBY_SECOND))
    assert doc.title == "子どもへの体罰を禁止する"
    assert doc.paragraphs[0].startswith("国会で、親が子どもに体罰をすることを禁止する法律ができました。")
    assert not any(reading in "".join(doc.paragraphs) for reading in ("こっかい", "たいばつ", "せんもんか", "("))


def test_a_page_that_writes_about_ruby_markup_keeps_its_text():
    first = "The &lt;rt&gt; element holds the reading of a character, and &lt;rp&gt; holds fallback brackets. " * 3
    [doc] = read_html(RUBY_PAGE.format(title="Ruby markup explained", first=first, second=first))
    assert "The <rt> element holds the reading of a character" in doc.paragraphs[0]


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_file_is_rejected(text):
    with pytest.raises(RejectedInput, match="empty"):
        read_html(text)


# --- structure walkers -------------------------------------------------------------------


def test_output_tree_items_rows_and_quotes():
    body = etree.fromstring(
        "<body><head rend='h2'>Key figures</head><list><item>Turnout: 61%</item><item>Seats: 120</item></list>"
        "<table><row><cell>Party</cell><cell>Votes</cell></row></table>"
        "<quote><p>We will govern for all.</p></quote><p>He said so.<lb/>Then he left.</p></body>"
    )
    assert output_paragraphs(body) == [
        "Key figures", "- Turnout: 61%", "- Seats: 120", "Party | Votes", "We will govern for all.",
        "He said so.", "Then he left.",
    ]  # fmt: skip


def test_a_layout_tables_cell_holds_the_articles_paragraphs():
    """Pages of the 2000s set the whole article in a layout table's cell (Paul Graham's essays: <td><p>October
    2010<br><br>Silicon Valley ...): read as one table row, the essay came out as one paragraph with the words at
    each line break run together ("October 2010Silicon Valley", Snacktory's test page)."""
    body = etree.fromstring(
        "<body><table><row><cell/><cell><table><row><cell><p>October 2010<lb/>Silicon Valley proper is mostly "
        "suburban sprawl.<lb/>1. Stanford University<lb/>Stanford is a strange place.</p>"
        "<p>Thanks to Trevor Blackwell for reading drafts of this.</p></cell></row></table></cell></row></table>"
        "</body>"
    )
    assert output_paragraphs(body) == [  # lines without a sentence's end are joined as in any paragraph
        "October 2010 Silicon Valley proper is mostly suburban sprawl.",
        "1. Stanford University Stanford is a strange place.",
        "Thanks to Trevor Blackwell for reading drafts of this.",
    ]


def test_a_data_tables_row_stays_one_line_and_a_break_in_a_cell_is_a_space():
    body = etree.fromstring(
        "<body><table><row><cell>Öffnungszeiten</cell><cell>Mo-Fr<lb/>9-17 Uhr</cell></row>"
        "<row><cell>Eintritt</cell><cell><hi>frei</hi></cell></row>"
        "<row><cell><p>Alamo</p></cell><cell><p>$381.51</p></cell><cell><p>$399.44</p></cell></row></table></body>"
    )  # a CMS wraps each value of a price table in a <p> (WCXB)
    assert output_paragraphs(body) == [
        "Öffnungszeiten | Mo-Fr 9-17 Uhr", "Eintritt | frei", "Alamo | $381.51 | $399.44"
    ]  # fmt: skip


def test_a_block_inside_a_data_cell_is_a_word_of_its_own_and_inline_markup_is_not():
    """A product table prints a shop's button under each name ("Warbonnet Blackbird<br><a>View At Warbonnet</a>",
    which trafilatura gives as the cell's text and a <p>): the row read "Warbonnet BlackbirdView At Warbonnet"
    (WCXB, cleverhiker.com)."""
    body = etree.fromstring(
        "<body><table><row><cell>Product</cell><cell>Price</cell></row>"
        "<row><cell> Warbonnet Blackbird<p>View At Warbonnet</p></cell><cell>$175</cell></row></table></body>"
    )
    assert output_paragraphs(body) == ["Product | Price", "Warbonnet Blackbird View At Warbonnet | $175"]
    inline = etree.fromstring(
        "<body><table><row><cell>H<hi>2</hi>O</cell><cell>1<hi rend='sup'>st</hi> <ref>place</ref></cell>"
        "<cell><code>U+0000</code>–<code>U+007F</code></cell></row></table></body>"
    )  # trafilatura gives inline <code> as <code> too (WCXB: a table of UTF-8's byte ranges)
    assert output_paragraphs(inline) == ["H2O | 1st place | U+0000–U+007F"]


def test_a_container_in_a_fallback_extractions_output_holds_paragraphs():
    """trafilatura's full extraction keeps the <div> its readability fallback wraps around the article's <p>s: read
    as one paragraph, a 45-paragraph story came out as 4 run-together ones (trafilatura's pages, achgut.com)."""
    body = etree.fromstring(
        "<body><div>\n\t<head rend='h2'>Ansteckungsgefahr</head><p>Nun ist es offiziell.</p>"
        "<list><item>Wie schwer ist die Krankheit?</item></list><p>Doch der Reihe nach.</p></div></body>"
    )
    assert output_paragraphs(body) == [
        "Ansteckungsgefahr", "Nun ist es offiziell.", "- Wie schwer ist die Krankheit?", "Doch der Reihe nach."
    ]  # fmt: skip
    inline = etree.fromstring(
        "<body><p>He <hi rend='#b'>said</hi> so.</p><div>A caption, <hi>inline</hi>.</div></body>"
    )
    assert output_paragraphs(inline) == ["He said so.", "A caption, inline."]


def test_a_quotations_lines_before_its_paragraphs_are_all_kept() -> None:
    """A <blockquote> printing a letter's lines with <br> over a <p> of its signatories: trafilatura gives a
    <quote> with its text, <lb/>s and a <p>, and every line after the first was lost (a line break's tail was
    never read in a container of blocks; a ChatGPT page's code block, Defuddle's fixtures, kept one line of
    seven).  The lines are joined as a paragraph's <br> lines are; a quotation of paragraphs is unchanged."""
    html = (
        "<html><body><article><h1>Residents ask for the footbridge back</h1><p>{p}</p><blockquote>We, the "
        "residents of Elm Street, ask the council<br>to reopen the footbridge before winter,<br>as the detour adds "
        "two miles to every school run.<p>Signed by 214 households</p></blockquote><p>{p}</p></article></body></html>"
    ).format(
        p="The council published the letter it received from the residents on Monday, and the mayor said she "
        "would answer it before the end of the month, after the budget vote."
    )
    assert read_html(html)[0].paragraphs[1:3] == [
        "We, the residents of Elm Street, ask the council to reopen the footbridge before winter, as the detour "
        "adds two miles to every school run.",
        "Signed by 214 households",
    ]
    body = etree.fromstring(
        "<body><quote><p>We will govern for all.</p>He said so after the vote.<lb/>Then he left.</quote></body>"
    )
    assert output_paragraphs(body) == ["We will govern for all.", "He said so after the vote.", "Then he left."]


def test_a_byline_on_a_line_of_its_own_is_not_joined_to_the_next_line():
    """A byline, "Von Roland Brockmann und Sebastian Drescher<br>Kakuma /Kenia" (aussengedanken.de): joined as a
    hard wrap, the place ran into the second name and no byline was found."""
    assert join_line_breaks(["Von Roland Brockmann und Sebastian Drescher", "Kakuma /Kenia"]) == [
        "Von Roland Brockmann und Sebastian Drescher",
        "Kakuma /Kenia",
    ]
    # left alone: a sentence that opens like a byline, wrapped by a <br>
    assert join_line_breaks(["By the time the council met", "on Monday, the vote was over."]) == [
        "By the time the council met on Monday, the vote was over."
    ]


def test_blocks_inside_a_list_item_are_not_run_together():
    """A review site's product card is one <li> holding a heading, paragraphs and a spec table: read as inline
    text its words ran together ("SimpliSafe's FeaturesLive monitoring", WCXB), and its nested list of pros came
    out before the card's own text."""
    body = etree.fromstring(
        "<body><list><item><head rend='h3'>1. SimpliSafe - Best Burglar Deterrent</head><p>A home security camera "
        "that works with SimpliSafe systems.</p><th>Equipment Costs</th><td>From $250.96</td>"
        "<head rend='h5'>What We Like</head><list><item>Privacy shutter</item></list>"
        "<head rend='h4'>SimpliSafe's Features</head><p>Live monitoring makes the cameras stand out.</p>"
        "</item></list></body>"
    )
    assert output_paragraphs(body) == [
        "- 1. SimpliSafe - Best Burglar Deterrent A home security camera that works with SimpliSafe systems.",
        "- Equipment Costs From $250.96 What We Like",
        "- Privacy shutter",
        "- SimpliSafe's Features Live monitoring makes the cameras stand out.",
    ]


def test_inline_markup_inside_a_list_item_stays_inline():
    body = etree.fromstring(
        "<body><list><item>The <hi rend='#b'>new</hi> plan, <ref target='/x'>in full</ref>, costs $4bn.</item>"
        "<item>Turnout: 61%</item></list></body>"
    )
    assert output_paragraphs(body) == ["- The new plan, in full, costs $4bn.", "- Turnout: 61%"]


def test_line_breaks_split_after_a_sentence_and_join_a_hard_wrap():
    assert join_line_breaks(["The mayor resigned.", "Elections follow in May."]) == [
        "The mayor resigned.",
        "Elections follow in May.",
    ]
    assert join_line_breaks(["The mayor resigned on", "Monday evening."]) == ["The mayor resigned on Monday evening."]


def test_fragment_walker_skips_scripts_and_marks_ordered_items():
    tree = lxml_html.fromstring("<div><p>Lead text here.</p><script>var x=1;</script><ol><li>One</li></ol></div>")
    assert fragment_paragraphs(tree) == ["Lead text here.", "- One"]


# --- standfirst --------------------------------------------------------------------------


def _tree(body: str, head: str = "") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_standfirst_from_dek_class_and_jsonld():
    dek = "Ministers promise a decision on the new runway before the summer recess."
    assert find_standfirst(_tree(f"<h1>Runway row</h1><p class='article-dek'>{dek}</p><p>Body.</p>")) == dek
    data = json.dumps({"@type": "NewsArticle", "alternativeHeadline": dek})
    ld = f'<script type="application/ld+json">{data}</script>'
    assert find_standfirst(_tree("<h1>Runway row</h1><p>Body.</p>", head=ld)) == dek


def test_standfirst_from_heading_after_h1_that_repeats_the_description():
    dek = "The league's newest club hired its third coach in a year."
    head = f'<meta name="description" content="{dek}">'
    assert find_standfirst(_tree(f"<header><h1>Coach out</h1><h2>{dek}</h2></header><p>Text.</p>", head)) == dek


def test_description_that_is_the_lead_paragraph_is_not_a_standfirst():
    lead = "Firefighters contained a blaze at a recycling plant on Sunday after six hours."
    head = f'<meta name="description" content="{lead}">'
    tree = _tree(f"<h1>Plant fire</h1><div class='byline'>By A. Writer</div><p>{lead}</p><p>More.</p>", head)
    assert find_standfirst(tree) is None


def test_header_blocks_and_bylines_with_a_dek_class_are_not_the_standfirst():
    dek = "Ministers promise a decision on the new runway before the summer recess."
    header_block = (  # a container the class names, holding the kicker, the headline and the byline
        "<div class='article-intro-text-container'><span>TRAVEL</span><h1>Runway row</h1>"
        "<span>JANE DOE, 20 NOV 2019</span></div>"
    )
    byline_with_time = "<div class='article-subline'>JANE DOE<time>Nov. 20, 2019</time>Updated: Nov. 20, 2019</div>"
    byline = "<div class='g-row article-subline'>By JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43</div>"
    scripted = "<div class='subHead'>Subscribe <script>function initRegLinks(eleId) { return 1; }</script></div>"
    for junk in (header_block, byline_with_time, byline, scripted):
        assert find_standfirst(_tree(f"{junk}<p class='standfirst'>{dek}</p><p>Body.</p>")) == dek, junk
        assert find_standfirst(_tree(f"{junk}<p>Body.</p>")) is None, junk
    # left alone: a dek with inline emphasis and a link in it
    marked_up = (
        "Ministers <em>promise</em> a decision on the <a href='/runway'>new runway</a> before the summer recess."
    )
    assert find_standfirst(_tree(f"<h1>Runway row</h1><p class='dek'>{marked_up}</p><p>Body.</p>")) == dek


def test_standfirst_from_jsonld_is_unescaped():
    data = json.dumps({"@type": "NewsArticle", "alternativeHeadline": "The team&#8217;s playoff hopes are slim"})
    ld = f'<script type="application/ld+json">{data}</script>'
    assert find_standfirst(_tree("<h1>Chargers</h1><p>Body.</p>", head=ld)) == "The team’s playoff hopes are slim"


# --- pruning rules: one input each rule fixes, one it must leave alone -------------------

STORY = [
    "The regional parliament approved the water tariff reform by 54 votes to 31 on Thursday evening.",
    "Households will pay a flat connection fee plus a charge per cubic metre from next year.",
    "Opposition members said the change would hit large rural families hardest.",
    "The reform still needs the signature of the regional president, expected within a fortnight.",
    "Water companies have until June to publish the new tariffs.",
]


def prune(paragraphs: list[str], titles=("Water tariff reform passes",), evidence=None):
    return prune_paragraphs(list(paragraphs), list(titles), evidence or Evidence())


def test_prune_leaves_a_clean_story_alone():
    assert prune(STORY) == STORY


def test_headline_dropped_at_the_top_only_and_a_lead_kept():
    lead = "Flat fee and per-cubic-metre charge from next year."  # the page's dek, taken in as article text
    assert prune(["Water tariff reform passes", lead, *STORY]) == [lead, *STORY]
    mid = [*STORY[:3], "Water tariff reform passes", *STORY[3:]]  # a heading repeating the title mid-story
    assert prune(mid) == mid


def test_the_lead_runs_until_more_than_a_standfirst_of_prose_was_kept():
    """fundus's WDR page: a video's title and running time ahead of the headline pushed the date line and the
    byline past the first three paragraphs, and both stayed in the body."""
    dek = "Die Landesregierung will das Rentenalter für Feuerwehrleute von 60 auf bis zu 62 Jahre anheben."
    page = ["Feuerwehrleute im Einsatz | wdr aktuell", "02:57 Min.", "Water tariff reform passes",
            "Stand: 22.04.2024, 06:00 Uhr", dek, "Von Nina Magoley", *STORY]  # fmt: skip
    evidence = Evidence()
    assert prune(page, evidence=evidence) == ["Feuerwehrleute im Einsatz | wdr aktuell", dek, *STORY]
    assert evidence.bylines == ["Von Nina Magoley"]
    # past the first three paragraphs a date line is no evidence of publication
    assert "Stand: 22.04.2024, 06:00 Uhr" not in evidence.published
    # left alone: past the lead (the first three paragraphs, and two of prose kept), a line of a date is text
    more = ["Tariffs rose twice in the last decade, each time after a drought.", "Farmers pay a reduced rate."]
    story = [*STORY[:3], "22.04.2024", *more, *STORY[3:]]
    assert prune(story) == story


def test_widget_phrases_without_evidence_from_three_sites_are_gone():
    # issue 13: these entries fired on fewer than three unrelated sites and were removed
    noisy = [STORY[0], "Advertisement", STORY[1], "Thanks for signing up!", *STORY[2:]]
    assert prune(noisy) == noisy


def test_crosslinks_dropped_but_not_long_sentences_starting_alike():
    assert prune([STORY[0], "Read more: Drought forces hosepipe ban across the south", *STORY[1:]]) == STORY
    long_line = "More: " + " ".join(["the committee also heard evidence from farmers and utilities"] * 4)
    assert prune([STORY[0], long_line, *STORY[1:]]) == [STORY[0], long_line, *STORY[1:]]


def test_an_image_credit_printed_as_a_paragraph_is_dropped() -> None:
    """trafilatura's evaluation pages: "Foto: Ingo Pertramer", "(Bild: Dieter Stork)", "Photo by ev on Unsplash"
    are no part of the text (19 sites); WCXB's "Photo: Shutterstock", fundus's "Image: eThekwini Municipality"."""
    for credit in (
        "Foto: Ingo Pertramer",
        "(Bild: Dieter Stork)",
        "Photo by ev on Unsplash",
        "Image: eThekwini Municipality / Facebook",
        "Fotos: Tobias König und Michael Romstöck",
        "Courtesy of Forests News",
    ):
        assert prune([STORY[0], credit, *STORY[1:]]) == STORY


def test_a_newsletter_pitch_is_pruned_and_a_sentence_about_an_inbox_stays() -> None:
    """fullstack.com's "Enjoyed the article? Get new content delivered to your inbox." under the story (WCXB)."""
    pitch = "Enjoyed the article? Get new content delivered to your inbox."
    assert prune([*STORY, pitch]) == STORY
    text = "Phishing mails land in your inbox every day, and the council's staff received four thousand last year."
    assert prune([*STORY, text]) == [*STORY, text]


def test_a_sentence_about_photos_or_a_caption_that_is_a_sentence_stays() -> None:
    for text in (
        "Photos of the flood show how high the water rose in the old town on Sunday night.",
        "Foto: Die Feuerwehr rückte am Abend mit zwölf Fahrzeugen an.",
        "Bilder sagen mehr als Worte: das gilt auch für den Bericht des Ausschusses",
    ):
        assert prune([STORY[0], text, *STORY[1:]]) == [STORY[0], text, *STORY[1:]]


LINKED_PAGE = """<!doctype html><html lang="en"><head><title>Council approves water plant</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves water plant</h1>
<ul class="toc"><li><a href="#cost">What it costs</a></li></ul>
<p>The regional council approved the new water treatment plant on Tuesday after a debate that lasted more
than four hours, with members arguing over the cost of the pipes.</p>
<p><strong><a href="/2026/03/02/drought-ban">DROUGHT FORCES HOSEPIPE BAN ACROSS THE SOUTH</a></strong></p>
<p>The plant will replace a station built in 1968, which failed twice last winter and left six thousand
homes without tap water for several days.</p>
<h2 id="cost">What it costs</h2>
<p>The plant costs 48 million euros, two thirds of it paid by the regional government and the rest by a
loan that the villages upstream will repay over thirty years.</p>
<p><a href="https://apps.example/courier">CLICK HERE TO GET THE REGIONAL COURIER APP</a></p>
<p>Construction starts in May and should end in the autumn of next year, the council's engineer told the
meeting, if the steel for the tanks arrives on time.</p>
<p>Sources:</p><p><a href="https://council.example/minutes.pdf">https://council.example/minutes.pdf</a></p>
</article></body></html>"""


def test_a_paragraph_that_is_one_whole_link_is_dropped():
    [doc] = read_html(LINKED_PAGE)
    assert "DROUGHT FORCES HOSEPIPE BAN ACROSS THE SOUTH" not in doc.body
    assert "CLICK HERE TO GET THE REGIONAL COURIER APP" not in doc.body
    assert doc.paragraphs[0].startswith("The regional council approved")


def test_in_page_links_and_linked_urls_stay():
    [doc] = read_html(LINKED_PAGE)
    assert "What it costs" in doc.paragraphs  # its heading is linked from the table of contents (#cost)
    # a linked source URL is text, and so is a sentence that merely contains a link's words
    links = frozenset({"drought forces hosepipe ban", "https council example minutes pdf"})
    story = [STORY[0], "Drought forces hosepipe ban, and the council meets again on Friday.", *STORY[1:]]
    story += ["Sources:", "https://council.example/minutes.pdf"]
    assert prune_paragraphs(story, [], Evidence(), links) == story


def test_a_linked_heading_whose_words_the_next_paragraph_repeats_heads_it() -> None:
    """WCXB 0163 and 0078: a listicle's item headings and a roundup's headlines link to their subject ("Tableau"
    over "Tableau is also primarily a visualization tool ..."): the paragraph after each repeats its words.  A
    cross-link's headline has nothing to do with the paragraph after it and is still dropped."""
    links = frozenset({"tableau", "ping identity to acquire keyless", "drought forces hosepipe ban"})
    items = [
        "Tableau",
        "Tableau is also primarily a visualization tool. It lets analysts build dashboards without writing code.",
        "Ping Identity to acquire Keyless",
        "Ping Identity has signed an agreement to acquire Keyless, a biometric authentication firm, for an "
        "undisclosed sum.",
    ]
    story = [STORY[0], *items, *STORY[1:]]
    assert prune_paragraphs(story, [], Evidence(), links) == story
    crosslinked = [STORY[0], "Drought forces hosepipe ban", *STORY[1:]]
    assert prune_paragraphs(crosslinked, [], Evidence(), links) == STORY


def test_date_and_byline_lines_at_the_top_become_evidence():
    evidence = Evidence()
    out = prune(["UPDATED: Tue., Nov. 19, 2019", "By Ana Ruiz and Tom Becker", *STORY], evidence=evidence)
    assert out == STORY
    assert evidence.published == ["UPDATED: Tue., Nov. 19, 2019"]
    assert evidence.bylines == ["By Ana Ruiz and Tom Becker"]
    # the same shapes inside the story are text
    middle = [*STORY[:3], "Published 2019, the report is still cited.", "By then, prices had doubled.", *STORY[3:]]
    assert prune(middle) == middle


@pytest.mark.parametrize(
    "line",
    [
        "March 4, 2026",
        "mercredi 4 mars 2026",
        "4. März 2026",
        "Publié le 04 mars 2026 à 14h10, mis à jour le 05 mars 2026 à 09h00",
        "Bijgewerkt op 5 maart 2026, gepubliceerd op 4 maart 2026",
        "Aktualizováno: 5. 3. 2026 | Publikováno: 4. 3. 2026",  # Czech spaced numeric dates
    ],
)
def test_a_date_printed_in_words_under_the_headline_becomes_evidence(line: str) -> None:
    """A date without a label or a number's shape alone in a paragraph at the top: the header's (it stayed the
    body's first paragraph), and evidence."""
    evidence = Evidence()
    assert prune([line, *STORY], evidence=evidence) == STORY
    assert evidence.published == [line]


def test_dates_in_words_after_the_top_or_in_a_sentence_stay_text() -> None:
    march = "In March 2026 the port reopened its north quay."
    story = [STORY[0], march, *STORY[1:3], "March 4, 2026", *STORY[3:]]
    assert prune(story) == story
    assert prune([march, *STORY]) == [march, *STORY]
    # a month and a year among other words, with no day, is a line of text (fundus's Börsen-Zeitung profile)
    profile = "Seit Mai 2022 Chefkontrolleur"
    assert prune([profile, *STORY]) == [profile, *STORY]
    # a paragraph of a script without spaces that names a year and a month is one long word (fundus's Tokyo
    # Shimbun page); its date line goes
    japanese = (
        "逮捕容疑では、2018年7月～2020年2月、同大の新校舎の建設工事を巡り、"
        "元職員の女性と共謀し、報酬名目などで計約1億円を不正に得た疑い。"
    )
    assert prune([japanese, *STORY]) == [japanese, *STORY]
    assert prune(["2025年1月14日 01時28分 (1月14日 01時40分更新)", *STORY]) == STORY


def test_a_korean_closing_byline_with_the_reporters_title_and_address_becomes_evidence():
    evidence = Evidence()
    story = [
        "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 노후 버스 정류장 300곳을 새로 단장한다고 밝혔다.",
        "시 관계자는 예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다.",
    ]
    out = prune([*story, "김민준 기자 minjun@example.co.kr"], evidence=evidence)
    assert out == story
    assert evidence.bylines == ["김민준 기자 minjun@example.co.kr"]
    # a sentence about a reporter is text
    sentence = "이날 현장에는 김민준 기자가 함께했다."
    assert prune([*story, sentence]) == [*story, sentence]


DATED_PAGE = """<!doctype html><html lang="en"><head><title>Harbour dredging starts</title>
<link rel="canonical" href="https://portnews.example/2024/04/28/harbour-dredging-starts/">{head}</head><body>
<article><h1>Harbour dredging starts</h1><p class="date">Posted 3 May 2024</p>
<p>Dredgers began deepening the main channel of the harbour on Friday, the port authority said.</p>
<p>The work is expected to take six weeks and will close the north quay to ferries at night.</p>
<p>Fishermen have asked for compensation for the nights they cannot land their catch.</p></article>
</body></html>"""


def test_body_date_line_ranks_before_htmldates_page_wide_guess():
    # htmldate takes the draft date in the URL; the date line printed over the story comes first
    [doc] = read_html(DATED_PAGE.format(head=""))
    assert doc.evidence.published == ["Posted 3 May 2024"]
    assert doc.evidence.published_guess == ["2024-04-28"]
    # structured data still outranks the body's date line
    head = '<meta property="article:published_time" content="2024-05-03T07:10:00+01:00">'
    [doc] = read_html(DATED_PAGE.format(head=head))
    assert doc.evidence.published[:2] == ["2024-05-03T07:10:00+01:00", "Posted 3 May 2024"]


def test_date_under_an_availability_label_is_not_evidence():
    evidence = Evidence()
    story = [*STORY, "Bildquelle: NDR", "Video verfügbar bis:", "22.11.2025 ∙ 18:00 Uhr"]
    assert prune(story, evidence=evidence) == [*STORY, "Bildquelle: NDR", "Video verfügbar bis:"]
    assert evidence.published == []
    # a date line at the top is still the publication date
    evidence = Evidence()
    prune(["Veröffentlicht am 22.11.2024 ∙ 18:00 Uhr", *STORY], evidence=evidence)
    assert evidence.published == ["Veröffentlicht am 22.11.2024 ∙ 18:00 Uhr"]


def test_clock_time_date_line_in_another_language():
    assert prune(["sexta-feira, 22 de outubro de 2010 às 20:13", *STORY]) == STORY


def test_tail_furniture_dropped_only_at_the_end():
    evidence = Evidence()
    tail = ["(Reporting by Ana Ruiz; editing by Tom Becker)", "© 2024 Valley Courier. All rights reserved."]
    assert prune([*STORY, *tail], evidence=evidence) == STORY
    assert evidence.bylines == ["(Reporting by Ana Ruiz; editing by Tom Becker)"]
    # a story that is about copyright keeps its sentence when it is not at the end
    about = "The court said copyright in the photographs belonged to the agency."
    long_story = [STORY[0], about, *STORY[1:]]
    assert prune(long_story) == long_story


def test_leading_bare_url_dropped_but_url_in_references_kept():
    url = "https://www.valleycourier.example/news/water-tariff-reform-passes-1234.php"
    assert prune([url, *STORY]) == STORY
    refs = [*STORY, "Sources:", "https://www.example.org/report.pdf", STORY[0]]
    assert "https://www.example.org/report.pdf" in prune(refs)


def test_separator_lines_dropped():
    assert prune([*STORY[:2], "___", *STORY[2:]]) == STORY
    assert prune([*STORY[:2], "- 3 eggs", *STORY[2:]]) == [*STORY[:2], "- 3 eggs", *STORY[2:]]


def test_a_table_of_contents_heading_is_dropped():
    """A table-of-contents plugin prints its heading over entries a script draws: the heading alone is left."""
    assert prune(["Table of Contents", *STORY]) == STORY
    assert prune([STORY[0], "Table of contents:", *STORY[1:]]) == STORY


def test_a_paragraph_about_a_table_of_contents_stays():
    """Left alone: a sentence or a heading that names a table of contents among other words."""
    text = ["The table of contents lists twelve chapters, one for each district.", "Table of contents and index"]
    assert prune([*STORY, *text]) == [*STORY, *text]


@pytest.mark.parametrize(
    ("header", "bylines", "dates"),
    [
        (["Posted on", "Nov 21, 2018"], [], [("header", "Posted on Nov 21, 2018")]),
        (["Last updated on:", "October 1, 2025"], [], [("header", "Last updated on: October 1, 2025")]),
    ],
)
def test_a_label_in_an_element_of_its_own_goes_with_its_value(header, bylines, dates) -> None:
    """A page prints "Posted on" and the date in elements of their own: the label stayed in the body and the date
    was claimed without it (an update's date read as the publication's)."""
    evidence = Evidence()
    assert prune([*header, *STORY], evidence=evidence) == STORY
    assert (evidence.bylines, evidence.date_claims) == (bylines, dates)


def test_a_label_before_a_long_paragraph_stays_text() -> None:
    """Left alone: a label before a paragraph of prose is no label of that paragraph."""
    assert prune([*STORY, "Published", STORY[0]]) == [*STORY, "Published", STORY[0]]


def test_a_date_label_over_anything_but_a_date_is_left_alone() -> None:
    """Left alone: a paper's list of facts prints "Published:" over its DOI; "Written by" over the name is not
    claimed as a byline (an author box's second writer made a second author on WCXB's half b)."""
    facts = ["- Published:", "- DOI: https://doi.org/10.1007/s11926-017-0626-z"]
    assert prune([*STORY, *facts]) == [*STORY, *facts]
    evidence = Evidence()
    assert prune(["Written by", "David Jackson", *STORY], evidence=evidence) == ["Written by", "David Jackson", *STORY]
    assert evidence.bylines == []


@pytest.mark.parametrize("reading_time", ["6 min read", "- 11 min read", "3 MIN. READ", "Lesezeit: 5 Min."])
def test_a_reading_time_is_no_paragraph_of_the_article(reading_time: str) -> None:
    """A blog's header prints how long the post takes to read; trafilatura keeps it as a paragraph of its own."""
    assert prune([STORY[0], reading_time, *STORY[1:]]) == STORY


def test_a_sentence_about_minutes_of_reading_stays() -> None:
    """Left alone: a sentence that says how long something takes to read, and a programme's name."""
    text = ["The report is a 40 minute read, and most councillors had not opened it.", "60 Minutes"]
    assert prune([*STORY, *text]) == [*STORY, *text]


# --- fallback extraction and the article test (issue 13) ----------------------------------

WATER_STORY = [
    "The regional council approved the new water treatment plant on Tuesday after a debate that lasted "
    "more than four hours, with members arguing over the cost of the pipes.",
    "The plant will replace a station built in 1968, which failed twice last winter and left six thousand "
    "homes without tap water for several days.",
    "Construction starts in May and should end in the autumn of next year, the council's engineer told the "
    "meeting, if the steel for the tanks arrives on time.",
    "Opposition members said the tender had been rushed and asked for an independent review of the bids "
    "before any contract is signed; the mayor said a review would delay the work by a year.",
]


@pytest.mark.parametrize(
    "fast_result",
    [
        # a press-contact footer kept instead of the release
        ["Press contact: Anna Meyer, Regional Council press office, +49 30 555 0100, presse@example.org"],
        # the lead kept and the rest lost
        ["The council voted on Tuesday to build a new water plant."],
        # a menu kept instead of the article
        ["- Home", "- News", "- Sport", "- Culture", "- Weather", "- Contact"],
    ],
)
def test_a_fast_result_that_looks_like_a_miss_triggers_the_full_extraction(fast_result):
    kept = prune_paragraphs(fast_result, [], Evidence())
    assert _looks_missed(fast_result, kept)


def test_a_whole_story_from_the_fast_pass_is_kept():
    assert not _looks_missed(WATER_STORY, prune_paragraphs(WATER_STORY, [], Evidence()))


LIST_ARTICLE = """<!doctype html><html lang="en"><head><title>What changes for drivers on 1 May</title>
<meta property="og:type" content="{og_type}"></head><body>
<nav><a href="/">Home</a> <a href="/traffic">Traffic</a></nav>
<main><h1>What changes for drivers on 1 May</h1>
<ul>
<li>Speed limit on the ring road lowered to 70 km/h between the airport and the harbour exit</li>
<li>Parking permits for residents of the old town cost 120 euros a year instead of 90</li>
<li>Trucks over 7.5 tonnes banned from the river bridge on weekdays between 7 and 9 in the morning</li>
<li>New bus lane on Harbour Street open to taxis and bicycles around the clock</li>
</ul></main><footer>Regional Courier</footer></body></html>"""


def test_a_page_that_declares_an_article_keeps_its_list_shaped_text():
    [doc] = read_html(LIST_ARTICLE.format(og_type="article"))
    assert any("Speed limit on the ring road" in p for p in doc.paragraphs)
    assert any("New bus lane" in p for p in doc.paragraphs)


def test_the_same_list_on_a_page_that_does_not_declare_an_article_is_rejected():
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(LIST_ARTICLE.format(og_type="website"))


def test_korean_article_keeps_its_text():
    page = (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>항구 방파제 겨울 전에 완공</title>'
        '<meta property="og:type" content="article"></head><body><nav><a href="/">홈</a></nav><article>'
        "<h1>항구 방파제 겨울 전에 완공</h1>"
        "<p>항만청은 월요일 새 방파제가 겨울 폭풍이 오기 전에 완공될 것이라고 밝혔다. "
        "북부 채석장의 화강암 부족으로 공사는 2년 동안 지연됐다.</p>"
        "<p>항만청 관계자는 남은 공사 구간이 300미터이며 다음 달 말까지 마무리될 예정이라고 말했다.</p>"
        "<p>어민들은 방파제가 완공되면 겨울철에도 배를 안전하게 정박할 수 있을 것이라며 환영했다.</p>"
        "</article></body></html>"
    )
    [doc] = read_html(page)
    assert doc.paragraphs[0].startswith("항만청은 월요일")
    assert len(doc.paragraphs) == 3


THAI_PAGE = """<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ท่าเรือเปิดเขื่อนกันคลื่นใหม่</title>
</head><body><nav><a href="/">หน้าแรก</a> <a href="/news">ข่าว</a></nav><main><h1>ท่าเรือเปิดเขื่อนกันคลื่นใหม่</h1>
<p>การท่าเรือแถลงเมื่อวันจันทร์ว่าเขื่อนกันคลื่นแห่งใหม่จะสร้างเสร็จก่อนฤดูมรสุม หลังจากล่าช้ามาสองปีเพราะขาดแคลนหินแกรนิตจากเหมืองทางภาคเหนือ \
เจ้าหน้าที่กล่าวว่างานที่เหลืออยู่มีความยาวประมาณสามร้อยเมตร และคาดว่าจะเสร็จภายในสิ้นเดือนหน้า ชาวประมงในพื้นที่ต่างแสดงความยินดี \
เพราะเรือจะสามารถจอดได้อย่างปลอดภัยตลอดฤดูหนาว</p>
</main></body></html>"""


def test_thai_prose_without_sentence_marks_is_an_article():
    [doc] = read_html(THAI_PAGE)
    assert doc.paragraphs[0].startswith("การท่าเรือแถลงเมื่อวันจันทร์")


# News in scripts whose sentences end in a mark of their own (Urdu ۔, Armenian ։, Amharic ።): each paragraph
# ends in it, so a prose test that knew only . ! ? (and 。 ।) found no sentence and rejected the article.
OWN_FULL_STOP_ARTICLES = {
    "ur": (
        "قومی اسمبلی نے نئے مالی سال کا بجٹ منظور کر لیا",
        [
            "اسلام آباد میں قومی اسمبلی کے اجلاس میں نئے مالی سال کا بجٹ کثرت رائے سے منظور کر لیا گیا۔",
            "وزیر خزانہ نے ایوان کو بتایا کہ ترقیاتی منصوبوں کے لیے رقم میں اضافہ کیا گیا ہے۔",
            "حزب اختلاف کے ارکان نے بجٹ پر تنقید کی اور کہا کہ مہنگائی سے عام آدمی کی مشکلات بڑھیں گی۔",
        ],
    ),
    "hy": (
        "Ազգային ժողովը հաստատեց նոր տարվա բյուջեն",
        [
            "Ազգային ժողովը այսօր քվեարկությամբ հաստատեց հաջորդ տարվա պետական բյուջեն։",
            "Ֆինանսների նախարարը ասաց, որ զարգացման ծրագրերի համար նախատեսված գումարը ավելացել է։",
            "Ընդդիմության պատգամավորները քննադատեցին բյուջեն և ասացին, որ գները կշարունակեն աճել։",
        ],
    ),
    "km": (  # Khmer: no spaces between words, sentences end in ។
        "រដ្ឋសភាអនុម័តថវិកាថ្មី",
        [
            "រដ្ឋសភាបានអនុម័តថវិកាជាតិសម្រាប់ឆ្នាំក្រោយកាលពីថ្ងៃច័ន្ទដោយសំឡេងភាគច្រើន។",
            "រដ្ឋមន្ត្រីក្រសួងសេដ្ឋកិច្ចនិងហិរញ្ញវត្ថុបានមានប្រសាសន៍ថា ថវិកាសម្រាប់គម្រោងអភិវឌ្ឍន៍ត្រូវបានបង្កើន។",
        ],
    ),
    "my": (  # Burmese: sentences end in ။
        "လွှတ်တော်က ဘတ်ဂျက်အသစ်ကို အတည်ပြု",
        [
            "ပြည်ထောင်စုလွှတ်တော်သည် တနင်္လာနေ့တွင် နောက်နှစ်အတွက် ဘတ်ဂျက်ကို မဲအများစုဖြင့် အတည်ပြုခဲ့သည်။",
            "ဘဏ္ဍာရေးဝန်ကြီးက ဖွံ့ဖြိုးရေးစီမံကိန်းများအတွက် ငွေကြေးခွဲဝေမှုကို တိုးမြှင့်ထားကြောင်း ပြောကြားခဲ့သည်။",
        ],
    ),
    "am": (
        "ፓርላማው አዲሱን በጀት አጸደቀ",
        [
            "የኢትዮጵያ ፓርላማ የሚቀጥለውን ዓመት የመንግሥት በጀት ዛሬ በአብላጫ ድምፅ አጸደቀ።",
            "የገንዘብ ሚኒስትሩ ለልማት ፕሮጀክቶች የተመደበው ገንዘብ መጨመሩን ለምክር ቤቱ ተናግረዋል።",
            "የተቃዋሚ ፓርቲ አባላት በጀቱን ተችተው የኑሮ ውድነቱ እንደሚቀጥል ገልጸዋል።",
        ],
    ),
}


def _news_page(lang: str, headline: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{headline}</title></head><body>'
        f'<nav><a href="/">1</a> <a href="/news">2</a></nav><article><h1>{headline}</h1>{body}</article></body></html>'
    )


@pytest.mark.parametrize("lang", sorted(OWN_FULL_STOP_ARTICLES))
def test_prose_ending_in_its_scripts_own_full_stop_is_an_article(lang: str) -> None:
    headline, paragraphs = OWN_FULL_STOP_ARTICLES[lang]
    [doc] = read_html(_news_page(lang, headline, paragraphs))
    assert doc.paragraphs == paragraphs


def test_a_menu_in_such_a_script_is_still_no_article() -> None:
    labels = ["صفحہ اول", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز", "صحت", "سائنس", "تعلیم", "ویڈیو"]
    items = "".join(f'<li><a href="/c/{n}">{label}</a></li>' for n, label in enumerate(labels * 3))
    head = '<!doctype html><html lang="ur"><head><title>روزنامہ</title></head>'
    page = f"{head}<body><main><ul>{items}</ul></main></body></html>"
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(page)


THAI_SHORT_PARAGRAPHS = [
    "กรุงเทพมหานครประกาศแผนการปรับปรุงระบบขนส่งสาธารณะครั้งใหญ่ โดยจะเพิ่มเส้นทางรถโดยสารประจำทางอีกสิบสองเส้นทาง"
    "ภายในสิ้นปีนี้ เพื่อรองรับผู้โดยสารที่เพิ่มขึ้นอย่างต่อเนื่องในช่วงที่ผ่านมา",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า งบประมาณสำหรับโครงการนี้ได้รับการอนุมัติแล้ว และจะเริ่มดำเนินการในเดือนหน้า "
    "โดยคาดว่าจะช่วยลดปัญหาการจราจรติดขัดในเขตชั้นในได้อย่างมีนัยสำคัญ",
    "นอกจากนี้ยังมีแผนที่จะปรับปรุงป้ายรถโดยสารกว่าห้าร้อยแห่งให้มีหลังคาและที่นั่งสำหรับผู้สูงอายุ รวมทั้งติดตั้งจอแสดงเวลารถมาถึงแบบเรียลไทม์",
]


def test_a_thai_story_in_short_paragraphs_is_an_article():
    """Three paragraphs of 140-180 characters, none with a sentence mark (Thai has none): the page was rejected
    as "no article text" because no single paragraph reached MIN_UNPUNCTUATED_PROSE_CHARS."""
    paragraphs = "".join(f"<p>{p}</p>" for p in THAI_SHORT_PARAGRAPHS)
    page = f"""<!doctype html><html lang="th"><head><meta charset="utf-8"><title>กทม. เพิ่มเส้นทางรถเมล์</title></head>
    <body><article><h1>กทม. เพิ่มเส้นทางรถเมล์ 12 สาย</h1>{paragraphs}</article></body></html>"""
    [doc] = read_html(page)
    assert doc.paragraphs == THAI_SHORT_PARAGRAPHS


def test_a_list_of_thai_section_names_is_still_no_article():
    sections = ["หน้าแรก", "ข่าวการเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "ต่างประเทศ", "ไลฟ์สไตล์", "เทคโนโลยี"]
    items = "".join(f"<li>{name} ทั้งหมด</li>" for name in sections * 3)
    head = "<!doctype html><html lang='th'><head><title>หมวดหมู่</title></head>"
    page = f"{head}<body><main><ul>{items}</ul></main></body></html>"
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(page)


def test_a_long_list_of_links_is_still_no_article():
    items = "".join(f'<li><a href="/c/{n}">Category number {n} of the shop</a></li>' for n in range(40))
    page = f"<!doctype html><html><head><title>Shop</title></head><body><main><ul>{items}</ul></main></body></html>"
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(page)


# --- a second extractor's opinion (issue 13: agreement between extractors) -----------------

TEASERS = [
    "- Mayor opens new library wing",
    "- Five things to do this weekend",
    "- Storm warning for the coast",
    "- Council tax to rise by 4 per cent",
    "- Harbour ferry fares go up in April",
    "- Local team wins the regional cup after extra time in a packed stadium",
    "- Letters: the bypass is a mistake",
    "- Obituary: a teacher who taught three generations of the town",
]
COMMENTS = [
    "Comments (3)",
    "GreenValley42: About time. The old plant has been a disgrace for years and everyone knew it.",
    "Reply",
    "Tom_B: Who is going to pay for this? Our bills went up twice already this year and nobody asked us.",
    "Reply",
    "riverside_mum: Will the road by the school be closed while they dig? Nobody has said a word about it.",
]


WATER_STORY_MORE = [
    "The new plant will draw water from the river above the weir rather than from the wells on the east "
    "side of town, which have shown rising nitrate levels since the early 2000s.",
    "Engineers expect the filtration hall to treat up to 40 million litres a day, enough for the town's "
    "growth over the next thirty years, according to the report presented to the council.",
    "Residents of the streets around the site will get a letter before work starts; lorries are to use "
    "the industrial estate road and not the school lane, the engineer promised.",
    "The old station will be kept as a reserve for two years and then demolished, and the land is to be "
    "offered to the sports club next door for a second pitch.",
    "The council will publish the construction timetable on its website and hold a public meeting in "
    "the town hall in March for residents who want to ask questions about the work.",
]


def test_a_fast_result_under_half_of_the_second_extractors_text_is_doubtful():
    # the fast pass kept the lead, a teaser list and a comment; the second extractor found the whole story
    fast = [WATER_STORY[0], *TEASERS, COMMENTS[1]]
    kept = prune_paragraphs(fast, [], Evidence())
    assert not _looks_missed(fast, kept)  # long enough and it has prose: only the second opinion says no
    assert _looks_missed(fast, kept, second=[*WATER_STORY, *WATER_STORY_MORE])


def test_a_fast_result_that_agrees_with_the_second_extractor_is_not_doubtful():
    second = ["Water plant approved", *WATER_STORY, "Share this article"]
    assert not _looks_missed(WATER_STORY, prune_paragraphs(WATER_STORY, [], Evidence()), second=second)


def test_a_fast_result_run_together_into_one_paragraph_is_doubtful():
    """trafilatura took a container's whole text as one paragraph: the site's menu, the story and the footer
    run together.  The full extraction is asked for, and the vote between the results decides."""
    menu = "Startseite Regionales Politik Wirtschaft Sport Kultur Fotogalerien E-Paper Abo Kontakt Impressum " * 10
    glued = [menu + " ".join(WATER_STORY) + " Datenschutz Cookie-Einstellungen AGB Mediadaten Jobs"]
    assert _looks_missed(glued, prune_paragraphs(glued, [], Evidence()))
    # left alone: the same words split into paragraphs, one of them long
    split = [menu.strip(), *WATER_STORY, *WATER_STORY_MORE]
    assert not _looks_missed(split, prune_paragraphs(split, [], Evidence()))


def test_the_full_result_wins_when_the_second_extractor_agrees_with_it():
    fast = [WATER_STORY[0], *TEASERS]
    assert prefer_full(fast, WATER_STORY, second=["Water plant approved", *WATER_STORY])


def test_the_fast_result_stays_when_the_full_one_added_a_comment_thread():
    full = [*WATER_STORY, *COMMENTS, *TEASERS]
    assert agreement(WATER_STORY, WATER_STORY) == 1.0
    assert not prefer_full(WATER_STORY, full, second=WATER_STORY)


def test_with_no_usable_second_opinion_trafilaturas_full_result_stands():
    fast = [WATER_STORY[0], *TEASERS]
    assert prefer_full(fast, WATER_STORY, second=[])
    assert prefer_full(fast, WATER_STORY, second=["Cookie settings", "Accept all"])


def test_a_second_extractor_that_found_as_little_as_the_fast_pass_casts_no_vote():
    """WCXB 0781 (a legal aid page): the fast pass kept its one-paragraph intro, the full extraction the page's
    five paragraphs, and Resiliparse, which also found only the intro (printed twice), voted for the fast pass:
    what an extractor that found under FALLBACK_BELOW_CHARS of text agrees with says nothing."""
    intro = WATER_STORY[0]
    assert prefer_full([intro], [intro, *WATER_STORY_MORE], second=["Water plant approved", intro, intro])
    # left alone: a second extractor that read a whole story outvotes a fallback that added a comment thread
    assert not prefer_full(WATER_STORY, [*WATER_STORY, *COMMENTS, *TEASERS], second=WATER_STORY)


def test_the_second_extractors_text_is_the_article_when_trafilatura_read_another_block():
    """trafilatura's fast and full passes alike kept a menu's row of teaser cards (WCXB: an HR firm's blog, a
    course provider's glossary page) while Resiliparse found the whole article: its text is read instead."""
    cards = ["Many people dream of becoming entrepreneurs.", "Letting technology do the heavy lifting.", *TEASERS]
    second = ["People Management & HR", "• 4 min Read", *WATER_STORY, *WATER_STORY_MORE]
    assert second_reads_the_article(cards, second)
    assert second_paragraphs(second)[:2] == ["People Management & HR", "- 4 min Read"]


def test_trafilaturas_text_stays_when_the_second_extractor_only_adds_comments_or_agrees():
    # a short article the second extractor read with its comment thread: the texts agree, trafilatura's stays
    assert not second_reads_the_article(WATER_STORY[:2], [*WATER_STORY[:2], *COMMENTS])
    # a story trafilatura read in full
    assert not second_reads_the_article(WATER_STORY, ["Water plant approved", *WATER_STORY, *WATER_STORY_MORE])
    assert second_paragraphs(["A line with • a bullet inside."]) == ["A line with • a bullet inside."]


def test_content_after_a_premature_closing_body_tag_is_read_as_a_browser_does():
    """A template printed the header's "</body></html>" before the article (WCXB: an HR firm's blog): libxml2 put
    the article outside the tree trafilatura reads, which found only the menu's teaser cards."""
    paragraphs = "".join(f"<p>{p}</p>" for p in [*WATER_STORY, *WATER_STORY_MORE])
    page = (
        "<!DOCTYPE html><html><head><title>Water plant approved</title></head><body><header><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav></header></body></html>\n"
        f"<div class='blog-detail-page'><h1>Water plant approved</h1><div class='content'>{paragraphs}</div></div>"
        "<footer><p>© Town Herald</p></footer></body></html>"
    )
    [doc] = read_html(page)
    assert doc.paragraphs[0] == WATER_STORY[0]
    assert len(doc.paragraphs) == len(WATER_STORY) + len(WATER_STORY_MORE)


def test_scripts_after_the_closing_body_tag_leave_the_page_as_it_is():
    page = (
        "<!DOCTYPE html><html><head><title>Water plant approved</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in WATER_STORY)
        + "</article></body></html>\n<script>window.dataLayer = [];</script><img src='/pixel.gif'>"
    )
    assert _reopened_body(page) is page
    [doc] = read_html(page)
    assert doc.paragraphs == WATER_STORY


def test_second_opinion_reads_the_main_text_of_a_page():
    [doc] = read_html(LINKED_PAGE)
    lines = second_opinion(LINKED_PAGE)
    assert agreement(lines, doc.paragraphs) > 0.8
    assert second_opinion("") == []


def test_the_second_opinion_prints_no_markup_a_browser_never_renders():
    """<noembed> holds what a browser without plugins shows instead of an <embed>; parsers read it as raw text, and
    Resiliparse printed it as a line of markup (a YouTube page of 2011 in Snacktory's tests)."""
    story = "<p>" + "The clip was converted to eight-bit sound with a tracker and posted in March. " * 6 + "</p>"
    page = (
        "<html><body><article><h1>Master of Puppets in 8 bit</h1>" + story + '<div id="player"><embed src="p.swf">'
        '<noembed><div class="yt-alert yt-alert-error"><img src="//s.ytimg.com/pixel.gif"> Flash is needed'
        "</div></noembed></div></article></body></html>"
    )
    lines = second_opinion(page)
    assert lines and not any("<" in line or "Flash is needed" in line for line in lines)
    # left alone: markup an article prints as code is text the reader sees
    code = page.replace('<div id="player">', '<pre>&lt;div class=&quot;yt-alert&quot;&gt;</pre><div id="player">')
    assert '<div class="yt-alert">' in second_opinion(code)


COMMENTED_PAGE = """<!doctype html><html lang="en"><head><title>Council approves water plant</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves water plant</h1>
{story}
<p>Residents can send comments on the construction timetable to the council until the end of March.</p>
</article>
<section id="comments" class="comments-area"><h3>3 comments</h3>
<div class="comment"><p>GreenValley42: About time. The old plant has been a disgrace for years and everyone
knew it.</p></div>
<div class="comment"><p>Tom_B: Who is going to pay for this? Our bills went up twice already this year and
nobody asked us.</p></div>
</section>
<footer>Regional Courier</footer></body></html>"""


def test_reader_comments_are_not_the_article():
    # include_comments=False: on unseen pages trafilatura's default (comments kept) scored 0.891 against 0.916
    [doc] = read_html(COMMENTED_PAGE.format(story="".join(f"<p>{p}</p>" for p in WATER_STORY)))
    body = "\n".join(doc.paragraphs)
    assert "disgrace" not in body and "Our bills went up" not in body
    # a sentence of the story about comments is the story's
    assert "Residents can send comments on the construction timetable" in body
    assert doc.paragraphs[0] == WATER_STORY[0]


SIDEBAR_TEASER = (
    "Night trains are back: how the new sleeper service from the capital to the coast works, what a cabin "
    "costs and when the first trains leave."
)


def test_a_sidebar_teaser_ahead_of_the_agreed_article_is_trimmed():
    # trafilatura took a teaser from the sidebar above the story; Resiliparse's main text has no trace of it
    kept = [SIDEBAR_TEASER, *WATER_STORY]
    second = ["Water plant approved", "By Anna Meyer", *WATER_STORY, "Share this article"]
    assert trim_to_agreement(kept, second) == WATER_STORY


def test_a_lead_the_second_extractor_also_found_is_kept():
    kept = [WATER_STORY_MORE[0], *WATER_STORY]
    second = ["Water plant approved", f"{WATER_STORY_MORE[0]} Read more", *WATER_STORY]  # found as part of a line
    assert trim_to_agreement(kept, second) == kept


def test_nothing_is_trimmed_without_agreement_on_two_paragraphs():
    kept = [SIDEBAR_TEASER, *WATER_STORY]
    assert trim_to_agreement(kept, [WATER_STORY[0], "Cookie settings"]) == kept
    assert trim_to_agreement(kept, []) == kept


def test_short_lines_and_list_items_ahead_of_the_article_are_left_to_the_pruning():
    kept = ["Updated 18 November 2019", "- Mayor opens new library wing and reading garden today", *WATER_STORY]
    assert trim_to_agreement(kept, WATER_STORY) == kept


def test_when_the_second_extractor_begins_late_the_article_ahead_is_kept():
    # Resiliparse kept only the end of a long story: the three paragraphs ahead are the story's, not a sidebar's
    kept = [*WATER_STORY, *WATER_STORY_MORE]
    assert trim_to_agreement(kept, WATER_STORY_MORE[2:]) == kept


def test_a_paragraph_trafilatura_joined_from_two_lines_is_found_in_the_second_extractors_text():
    kept = ["Preparation: 25 minutes (plus 15 minutes baking) Makes: 40 biscuits", *WATER_STORY]
    second = ["Preparation: 25 minutes (plus 15 minutes baking)", "Makes: 40 biscuits", *WATER_STORY]
    assert trim_to_agreement(kept, second) == kept


def test_a_page_nested_past_the_parsers_depth_limit_gets_no_second_opinion_and_is_read_at_once():
    """Resiliparse would take hours on 100,000 nested divs (C code the time limit cannot stop)."""
    nested = 100_000
    page = (
        "<html><head><title>Deep</title></head><body>" + "<div>" * nested
        + "<p>One paragraph at the bottom of a hostile page, far below the parser's depth limit.</p>"
        + "</div>" * nested + "</body></html>"
    )  # fmt: skip
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(page)


def test_an_ordinary_page_is_not_taken_for_a_deeply_nested_one():
    tree = lxml_html.fromstring(LINKED_PAGE)
    assert not _nested_deeper_than(tree, SECOND_OPINION_MAX_DEPTH)
    assert _nested_deeper_than(lxml_html.fromstring("<div>" * 300 + "x" + "</div>" * 300), SECOND_OPINION_MAX_DEPTH)


def test_a_fragment_that_opens_with_its_title_and_has_no_html_element_is_read() -> None:
    """ "<title>…</title><article>…": trafilatura's loader refused it ("could not be parsed as HTML")."""
    paragraph = "The council approved the new harbour budget after a long debate on Tuesday evening, officials said."
    fragment = (
        "<title>Harbour budget approved</title><article><h1>Harbour budget approved</h1>"
        f"<p>{paragraph}</p><p>Work on the quay is to start in the spring and last two years.</p></article>"
    )
    (doc,) = read_html(fragment)
    assert doc.title == "Harbour budget approved"
    assert doc.paragraphs[0] == paragraph
    # left alone: a full page still goes through the page path (trafilatura), with the same result
    (page,) = read_html(f"<html><head></head><body>{fragment}</body></html>")
    assert page.title == "Harbour budget approved" and page.paragraphs[0] == paragraph


def test_a_byline_and_date_meta_line_under_the_headline_is_evidence() -> None:
    """ "By Morag Duncan | 14 March 2026" (a CMS body's meta line, a Markdown article's): both become evidence."""
    paragraph = "The council approved the new harbour budget after a long debate on Tuesday evening, officials said."
    fragment = f"<h1>Harbour budget approved</h1><p>By Morag Duncan | 14 March 2026</p><p>{paragraph}</p>"
    (doc,) = read_html(fragment)
    assert doc.paragraphs == [paragraph]
    assert doc.evidence.bylines == ["By Morag Duncan"] and "14 March 2026" in doc.evidence.published
    for line in ("Von Anna Berger · 3. Mai 2024", "Por Ana Lima | 14 de marzo de 2026"):
        (other,) = read_html(f"<h1>Harbour budget approved</h1><p>{line}</p><p>{paragraph}</p>")
        assert other.paragraphs == [paragraph]
        assert line.split(" | " if "|" in line else " · ")[1] in other.evidence.published
    # left alone: a section and a date, a byline and a section
    for line in ("Politics | 14 March 2026", "By Morag Duncan | Politics"):
        (kept,) = read_html(f"<h1>Harbour budget approved</h1><p>{line}</p><p>{paragraph}</p>")
        assert kept.paragraphs[0] == line


def test_server_notices_printed_before_the_page_do_not_hide_its_head_and_headings() -> None:
    """An old WordPress printed PHP notices before <!DOCTYPE>: the parser read a fragment without <head> or
    <body>, so the title came from a category <h2> ("Allgemein") instead of the <title>."""
    paragraph = "Spanien hat als Reiseland eine Menge zu bieten, und Malaga ist eine der lebendigsten Städte im Süden."
    page = (
        '<!DOCTYPE html><html lang="de"><head><title>Malaga, die quirlige Metropole in Andalusien</title></head>'
        '<body><div id="content"><h2 class="cat">Allgemein</h2><div class="post">'
        f"<h2>Malaga, die quirlige Metropole in Andalusien</h2><p>{paragraph}</p>"
        "<p>Die Altstadt, der Hafen und die Strände liegen nah beieinander, und das Klima ist mild.</p>"
        "</div></div></body></html>"
    )
    notices = (
        "<br />\n<b>Strict Standards</b>:  Redefining already defined constructor for class wpdb in "
        "<b>/www/htdocs/wp-includes/wp-db.php</b> on line <b>56</b><br />\n<br />\n<b>Deprecated</b>:  Assigning "
        "the return value of new by reference is deprecated in <b>/www/htdocs/wp-includes/cache.php</b> on line "
        "<b>36</b><br />\n"
    )
    (doc,) = read_html(notices + page)
    assert doc.title == "Malaga, die quirlige Metropole in Andalusien"
    assert paragraph in doc.paragraphs and not any("Strict Standards" in p for p in doc.paragraphs)
    # left alone: a comment or a script before the page parses as a page, and is not cut
    for before in ("<!-- served from cache -->\n", '<script src="/cdn-cgi/apps/head/x.js"></script>'):
        (same,) = read_html(before + page)
        assert same.title == doc.title and same.paragraphs == doc.paragraphs


def _video_page(declared: bool, site_description: bool = False, summary: bool = True) -> str:
    story = (
        "A 98-year-old World War II veteran left a hospital in Kettering on April 22 to applause from staff after "
        "beating COVID-19. He spent six days on the ward, and nurses lined the corridor as he went home."
    )
    nodes: list[dict[str, object]] = [
        {"@type": "Organization", "name": "Courier Mail", "description": "News from Brisbane and Queensland."}
    ]
    if declared:
        nodes.append(
            {
                "@type": "NewsArticle",
                "headline": "Veteran beats COVID-19",
                **({"description": story} if summary else {}),
            }
        )
    head = (
        f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": nodes})}'
        "</script>" + ('<meta property="og:type" content="article">' if declared else "")
    )
    if site_description:
        head += '<meta property="og:description" content="News from Brisbane and Queensland, every day.">'
    menu = "".join(f'<li><a href="/{n}">View The {n}</a></li>' for n in ("Advertiser", "Australian"))
    body = f'<h1>Veteran beats COVID-19</h1><div class="player"></div><ul>{menu}</ul>'
    return f"<!DOCTYPE html><html><head><title>Veteran beats COVID-19</title>{head}</head><body>{body}</body></html>"


def test_a_declared_articles_summary_is_the_body_of_a_video_page() -> None:
    """couriermail.com.au's video page: a player and menus, no text; its NewsArticle's description is the story."""
    (doc,) = read_html(_video_page(declared=True))
    assert doc.paragraphs[0].startswith("A 98-year-old World War II veteran left a hospital")
    assert doc.metadata["body_from"] == "description"
    # left alone: a page that does not say it is an article is still rejected, and the site's own description
    # (the Organization node's, a one-line og:description) is never a body
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(_video_page(declared=False, site_description=True))
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(_video_page(declared=True, site_description=True, summary=False))


TOC_BY_ADDRESS_PAGE = """<!doctype html><html lang="en"><head><title>Visiting Japan for the first time</title>
<link rel="canonical" href="https://travel.example/japan-first-time/"></head><body>
<article><h1>Visiting Japan for the first time</h1>
<ul class="toc">
<li><a href="https://travel.example/japan-first-time/#visa">1. How to get a tourist visa</a></li>
<li><a href="/japan-first-time/#season">2. When is the best time to go?</a></li>
</ul>
<p>I can close my eyes and picture myself on the busy Shibuya crossing in Tokyo, gaping at the lights, the
skyscrapers and the businessmen darting about in dark suits on my first day in the country.</p>
<h2 id="visa">1. How to get a tourist visa</h2>
<p>Until 2016 it was a pain to get a tourist visa: we needed an invitation letter from a sponsor and went
through a tedious application that took weeks to be processed by the embassy.</p>
<h2 id="season">2. When is the best time to go?</h2>
<p>Most people plan their trip for the cherry blossom season, which is beautiful but also the most crowded
and the most expensive time of the year to travel around the islands.</p>
<div class="more"><article id="article"><p><a href="https://travel.example/kyoto-guide/#article">Ten days in
Kyoto without a car</a></p></article></div>
</article></body></html>"""


def test_headings_linked_from_a_table_of_contents_by_the_pages_own_address_stay():
    # WCXB 4083 (a WordPress table-of-contents plugin), trafilatura's autozeitung.de page (a path + "#anchor")
    [doc] = read_html(TOC_BY_ADDRESS_PAGE)
    assert "1. How to get a tourist visa" in doc.paragraphs
    assert "2. When is the best time to go?" in doc.paragraphs


def test_another_pages_address_with_an_anchor_of_this_page_is_still_a_cross_link():
    # tag24.de: every teaser links to "<other story>#article", and this page has an element id="article" too
    [doc] = read_html(TOC_BY_ADDRESS_PAGE)
    assert "Ten days in Kyoto without a car" not in doc.body


def test_a_linked_list_item_with_a_typed_bullet_is_the_articles() -> None:
    """WCXB 0009: a travel guide's steps, each a link after a dash the writer typed ("– Choose your
    accommodation"), were dropped as cross-links; a link alone on its line without a bullet still is one."""
    links = frozenset({"choose your accommodation", "book the best guided tours", "drought forces hosepipe ban"})
    steps = ["– Choose your accommodation", "• Book the best guided tours"]
    story = [STORY[0], *steps, *STORY[1:]]
    assert prune_paragraphs(story, [], Evidence(), links) == story
    crosslinked = [STORY[0], "Drought forces hosepipe ban", *STORY[1:]]
    assert prune_paragraphs(crosslinked, [], Evidence(), links) == STORY


def test_a_chinese_paragraph_holding_a_time_or_a_ratio_is_no_date_line() -> None:
    """A Chinese paragraph is one "word" by its spaces, so any paragraph holding "14:30" or a ratio ("1.1:50.3")
    passed for a short date line and was dropped from the lead: a county's news item of one paragraph (GNE's page
    of gzggw.gov.cn) lost it and was rejected, though trafilatura extracts it.  A date line is also short in
    characters."""
    from axis_ingest.readers.html_prune import is_date_line

    lead = (
        "1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，位列三县两区第一。三次产业投资占比"
        "由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6，三产占比与去年持平，总体全县投资结构趋稳趋优。"
    )
    assert not is_date_line(lead)
    page = (
        "<html><head><title>1-10月德清县固定资产投资结构趋稳趋优</title></head><body>"
        "<h1>1-10月德清县固定资产投资结构趋稳趋优</h1><div class='content'>"
        f"<p>{lead}</p><p>（德清县发改局）</p></div></body></html>"
    )
    [doc] = read_html(page)
    assert doc.paragraphs[0] == lead
    # left alone: Chinese date lines and meta lines are still date lines, and English ones are counted as before
    assert is_date_line("发布时间：2019-09-26 10:56:28")
    assert is_date_line("新华网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源： 河北日报")
    assert is_date_line("Updated 14:30 GMT, 26 September 2019")


def test_a_double_encoded_no_break_space_at_a_paragraphs_end_is_repaired() -> None:
    """A page saved once through a wrong decoding prints each no-break space as "\u00c2\u00a0" (its UTF-8 bytes read
    as windows-1252), most at the end of a paragraph, where the extractors cut the space and left "cats.\u00c2", which
    ftfy no longer recognises (WCXB: four unrelated sites, one with 64).  The pair is repaired in the parsed tree."""
    broken = "\u00c2\u00a0"
    paragraphs = [
        "The average monthly premium for pet insurance in 2024 was $62.44 for dogs and $32.21 for cats.",
        "Premiums for dogs ranged from $21.71 to $110.75 a month, depending on the breed and the deductible.",
        "Older pets cost more to cover, and most insurers stop offering new policies once a pet turns fourteen.",
    ]
    body = "".join(f"<p>{p}{broken}</p>" for p in paragraphs[:2]) + f"<p>{paragraphs[2]}&nbsp;</p>"
    head = "<html><head><title>Pet insurance costs</title></head>"
    page = f"{head}<body><h1>Pet insurance costs</h1>{body}</body></html>"
    [doc] = read_html(page)
    assert doc.paragraphs == paragraphs
    assert "\u00c2" not in doc.body
    # left alone, on a page that holds the pair: a capital Â of a word and the text's own no-break spaces
    words = [
        "ÂGE MOYEN\u00a0: les assurés ont en moyenne 41 ans, et l'âge du premier contrat recule chaque année.",
        "La CÂMARA de Lisboa publie ses chiffres\u00a0; ils confirment la tendance observée depuis 2019.",
    ]
    repaired = "".join(f"<p>{w}</p>" for w in words) + f"<p>{paragraphs[0]}{broken}</p>"
    [doc] = read_html(page.replace(body, repaired))
    assert doc.paragraphs == [*(w.replace("\u00a0", " ") for w in words), paragraphs[0]]
