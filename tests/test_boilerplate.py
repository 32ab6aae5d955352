"""Line classification rules of clean.boilerplate: each with an input it fixes and one it leaves alone."""

from __future__ import annotations

import pytest

from axis_ingest.clean import after_context
from axis_ingest.clean.boilerplate import classify_lines
from axis_ingest.clean.lines import Line
from axis_ingest.clean.phrases import phrases
from axis_ingest.clean.recurring import line_fingerprint, recurring_lines

PARA_A = (
    "The committee met for three hours on Thursday and agreed to publish its findings in the spring, "
    "after hearing evidence from the harbour master and two of the fishing cooperatives, who asked for "
    "more time to count the catch."
)
PARA_B = (
    "Members said the delay was needed because the survey of the seabed had not been finished, and that "
    "they would not make recommendations on the basis of partial data from only one of the bays, which "
    "is the smallest of the four."
)


def kept(text: str) -> list[str]:
    return [line.content for line in classify_lines(text, language="en").lines if line.good]


def page(*middle: str) -> str:
    return "\n\n".join([PARA_A, *middle, PARA_B])


def test_share_and_follow_buttons_removed_but_sentence_mentioning_share_kept():
    assert kept(page("Share on Facebook")) == [PARA_A, PARA_B]
    assert kept(page("Follow us on Youtube")) == [PARA_A, PARA_B]
    sentence = "Fishermen said they would share the cost of the survey with the council."
    assert sentence in kept(page(sentence))


@pytest.mark.parametrize("row", ["Facebook Twitter LinkedIn", "Facebook | Instagram | X | Pinterest", "X / Twitter"])
def test_a_row_of_buttons_copied_as_one_line_is_chrome(row: str) -> None:
    """Share buttons copied as one line were kept (and taken for the headline of a page)."""
    assert kept(page(row)) == [PARA_A, PARA_B]


def test_a_sentence_naming_the_networks_stays():
    """Left alone: a line that names the networks among words that are no buttons."""
    sentence = "Facebook, Twitter and LinkedIn all removed the video of the harbour protest on Monday."
    assert sentence in kept(page(sentence))


@pytest.mark.parametrize("link", ["Back to blog", "← Back to blog", "Back to overview"])
def test_a_link_back_to_the_listing_is_chrome(link: str) -> None:
    """A blog post's link back to its listing was kept as a line of text (and taken for the headline of one)."""
    assert kept(page(link)) == [PARA_A, PARA_B]


@pytest.mark.parametrize("heading", ["Back to the Future", "Back to school"])
def test_a_heading_that_opens_with_back_to_stays(heading: str) -> None:
    """Left alone: a film's title, a season's heading."""
    assert heading in kept(page(heading))


def test_short_quote_between_paragraphs_survives():
    assert "“We will wait.”" in kept(page("“We will wait.”"))


def test_copyright_and_legal_lines_removed_in_several_languages():
    for line in (
        "© 2026 Example Media. All rights reserved.",
        "Any use of materials is allowed only if there is a hyperlink to example.az",
        "© 2026 Пример. Все права защищены.",
        "Alle Rechte vorbehalten.",
        "Tous droits réservés.",
        "جميع الحقوق محفوظة",
    ):
        assert kept(page(line)) == [PARA_A, PARA_B], line


def test_view_counters_and_search_prompts_removed():
    for line in ("Views: 65", "Просмотров: 1 204", "WHAT ARE YOU LOOKING FOR ?", "Поиск"):
        assert kept(page(line)) == [PARA_A, PARA_B], line
    # a sentence containing a number of views is text
    sentence = "The video had 65 views before it was taken down, the council said on Friday evening."
    assert sentence in kept(page(sentence))


def test_cookie_banner_removed_but_cookie_sentence_in_long_text_kept():
    banner = "We use cookies to improve your experience. By continuing you accept our cookie policy."
    assert kept(page(banner)) == [PARA_A, PARA_B]
    story = (
        "The bakery, which has made the same oatmeal cookies since 1950, will stay open under the new owners, "
        "who said they had no plans to change the recipes or the opening hours."
    )
    assert story in kept(page(story))


def test_comments_section_ends_the_article():
    text = page() + "\n\nComments\nThere are no comments for this story\nBe the first to respond."
    assert kept(text) == [PARA_A, PARA_B]


def test_comments_marker_before_the_article_is_ignored():
    text = "Comments (4)\n\n" + page()
    assert kept(text) == [PARA_A, PARA_B]


_ESSAY_WORDS = [
    "harbour",
    "moorings",
    "seabed",
    "storms",
    "licence",
    "cooperatives",
    "survey",
    "council",
    "ferries",
    "breakwater",
    "tides",
    "nets",
    "lighthouse",
    "quay",
    "trawlers",
    "mussels",
    "pier",
    "dredging",
    "gulls",
    "buoys",
    "channel",
    "sandbanks",
    "estuary",
    "slipway",
    "crab",
    "lobster",
    "kelp",
    "reef",
    "currents",
    "pilots",
    "ropes",
]
LONG_ESSAY = [
    f"The {a} and the {b} were the first subject of the evening, and the {c} came after them; nobody on the "
    f"committee had expected the {d} to matter as much as the {e}, yet by midnight the {f} was all they spoke of."
    for a, b, c, d, e, f in (
        [_ESSAY_WORDS[(n + k * 7) % len(_ESSAY_WORDS)] for k in range(6)] for n in range(len(_ESSAY_WORDS))
    )
]
STANDFIRST = (
    "We get better harbours when we understand the sea. Yet even now, the people who plan them seldom ask the "
    "fishermen what the water does in the winter months, and the engineers who build them rarely stay long enough "
    "to see the second storm season undo the work of the first. This essay is about what all of them could learn."
)


def test_a_comment_count_under_the_lead_does_not_end_a_long_article():
    """A List Apart prints "124 Comments" under the standfirst, and the 3,388-word essay follows it (WCXB as page
    text): the article was cut after its first 60 words."""
    text = "\n\n".join([STANDFIRST, "124 Comments", *LONG_ESSAY])
    assert kept(text) == [STANDFIRST, *LONG_ESSAY]


def test_a_comment_thread_longer_than_a_short_post_still_ends_it():
    comments = [
        f"Reader {n} wrote: I have fished this bay for thirty years and the moorings have always moved after a hard "
        "winter, so the second count is a sensible idea."
        for n in range(1, 9)
    ]
    text = "\n\n".join([STANDFIRST, PARA_A, "8 Comments", *comments])
    assert kept(text) == [STANDFIRST, PARA_A]


def test_most_read_list_removed_up_to_next_paragraph():
    text = page("Most read\nMayor defends budget cuts\nFerry routes closed again\nFive places to eat")
    assert kept(text) == [PARA_A, PARA_B]


def test_a_most_popular_heading_after_a_menu_still_heads_its_teaser_list():
    """Leave alone: a "Most popular" box printed right after a menu is a heading over its teasers (the lines
    after it are headlines, not the menu's entries), so they are still dropped as its list."""
    menu = "\n".join(["* News", "* Sport", "* Business"])
    box = "Most popular\nMayor defends budget cuts as ferry routes close\nFive places to eat by the sea this summer"
    assert kept(menu + "\n\n" + box + "\n\n" + PARA_A + "\n\n" + PARA_B) == [PARA_A, PARA_B]


def test_a_sign_up_box_above_the_article_leaves_its_headline_alone():
    """A sign-up box's marker printed right above the headline ("Subscribe to Our Newsletter", then "Best
    Portable Projectors For 2026", then the text): the headline was dropped as the box's list."""
    text = "Subscribe to Our Newsletter\n\nBest Portable Projectors For 2026\n\n" + PARA_A + "\n\n" + PARA_B
    assert kept(text) == ["Best Portable Projectors For 2026", PARA_A, PARA_B]


def test_a_teaser_list_above_the_article_is_still_dropped():
    """Left alone: a "Most read" list of list items above the article is still its list, up to the text."""
    box = "Most read\n* Mayor defends budget cuts as ferry routes close\n* Five places to eat by the sea this summer"
    assert kept(box + "\n\n" + PARA_A + "\n\n" + PARA_B) == [PARA_A, PARA_B]


def test_a_we_recommend_box_after_the_story_is_removed_but_a_recommending_sentence_kept():
    # smithsonianmag.com's box of videos under the story (AEB dev pages); upgradedpoints.com, entrepreneurshq.com
    box = "We Recommend\nHow Fast Can Gibbons Swing Through the Forest? (3:04)\nWhy Saying Cheese Came Late (1:12)"
    assert kept(page() + "\n\n" + box) == [PARA_A, PARA_B]
    advice = "We recommend booking the ferry a week ahead in summer, when the crossings to the islands sell out early."
    assert advice in kept(page(advice))


def test_the_informal_das_koennte_dich_auch_interessieren_heads_a_teaser_list_as_the_formal_one_does():
    # handball.ch, 7mind.de, reset.org, sw1.news, theoriginalcopy.de, petri-heil.ch (trafilatura's evaluation pages)
    teasers = "Das könnte dich auch interessieren\nNeuer Trainer für die Frauen\nSaisonstart verschoben"
    assert kept(page(teasers)) == [PARA_A, PARA_B]
    asked = (
        "Das könnte dich auch interessieren, wenn du selbst einmal in einem Verein spielen möchtest, sagte die "
        "Trainerin nach dem Training am Sonntagmorgen."
    )
    assert asked in kept(page(asked))


def test_run_of_menu_lines_removed_and_subheading_kept():
    menu = "\n".join(["* News", "* Sport", "* Business", "* Culture", "* Weather"])
    assert kept(menu + "\n\n" + page()) == [PARA_A, PARA_B]
    assert kept(page("What happens next")) == [PARA_A, "What happens next", PARA_B]


def test_line_fingerprint_ignores_case_digits_and_punctuation():
    assert line_fingerprint("Views: 65") == line_fingerprint("views 112")
    assert line_fingerprint("Follow us on Youtube") != line_fingerprint("Follow us on Telegram")


STORY_LINES = [
    "The council approved a new cycle lane along the river after a long debate on Tuesday evening.",
    "Fishermen say the cold spring has pushed the mackerel shoals further out than anyone can remember.",
    "The library will open on Sundays from next month, staffed by volunteers from the reading group.",
]


def test_recurring_lines_need_min_docs():
    pages = [f"Site Menu\n{story}\nViews: {10 + i}\n© Site" for i, story in enumerate(STORY_LINES)]
    recurring = recurring_lines(pages, min_docs=3)
    assert line_fingerprint("Site Menu") in recurring
    assert line_fingerprint("© Site") in recurring
    assert line_fingerprint("Views: 11") in recurring  # digits are zeroed
    assert line_fingerprint(STORY_LINES[0]) not in recurring
    assert line_fingerprint("Site Menu") not in recurring_lines(pages[:2], min_docs=3)


def test_copies_of_one_story_count_once():
    """Leave alone: three copies of one page are one story, not a site whose every line is chrome."""
    page = f"Site Menu\n{STORY_LINES[0]}\n{STORY_LINES[1]}\n© Site"
    assert recurring_lines([page, page.replace("Site Menu", "Other Menu"), page + "\nShare"], min_docs=3) == frozenset()


def test_phrase_tables_are_written_in_lowercase() -> None:
    """PhraseTable lowercases the line and matches without re.I, so an uppercase phrase would never match."""
    import re
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("axis_ingest.data").joinpath("boilerplate.toml").read_text(encoding="utf-8"))
    for table in (
        "chrome_lines",
        "chrome_fragments",
        "embedded_content_notices",
        "chrome_hints",
        "end_markers",
        "writer_box_headings",
        "section_markers",
    ):
        for phrase in data[table]:
            literal = re.sub(r"\\.", "", phrase)  # regex escapes (\W, \S, \d) are not letters to match
            assert literal == literal.lower(), (table, phrase)


def test_phrase_tables_match_whatever_the_case() -> None:
    from axis_ingest.clean.phrases import phrases

    p = phrases()
    assert p.chrome_hints.search("Read our PRIVACY POLICY and Terms of Use")
    assert p.chrome_fragments.search("© 2026 Harbour Gazette. ALL RIGHTS RESERVED.")
    assert p.chrome_lines.match("SEARCH")
    # and they leave prose alone, capitals or not
    assert not p.chrome_hints.search("The Harbour Board Approved The Budget On Tuesday")


QUOTE = (
    '"We cannot build a clean economy on dirty supply chains," Commissioner Teresa Ribera told '
    "reporters in Brussels on Tuesday."
)
LAST = (
    "Industry groups said the targets were achievable but warned that recycling plants in Europe were "
    "still too few to handle the volume of used batteries expected after 2030."
)


def test_a_quote_with_names_inside_a_run_of_prose_is_text():
    # low stopword density (names, titles) made the quote "bad", and the short last paragraph
    # between it and the footer went with it
    text = "\n\n".join([PARA_A, PARA_B, QUOTE, LAST, "Share this:", "Facebook", "Twitter"])
    assert kept(text) == [PARA_A, PARA_B, QUOTE, LAST]


def test_a_names_only_sentence_among_chrome_stays_chrome():
    footer = (
        "Daily Ledger Media Group, Harbour Street 4, Valletta VLT 1234, Malta; Editor Joseph Camilleri, "
        "Managing Director Maria Borg."
    )
    text = "\n\n".join(["Home", "World", "Business", footer, "Facebook", "Twitter"])
    assert footer not in kept(text)


ARTICLE = [
    PARA_A,
    PARA_B,
    "The harbour master told the committee that the number of boats landing fish at the east quay had fallen "
    "by a third in five years, and that the quay would need repairs before the winter storms.",
    "A final report is expected in April, when the council will decide whether to pay for the repairs from "
    "its own budget or to ask the regional government for a grant.",
]
TEASERS = [
    (
        "FERRIES",
        "Harbour board delays vote on the new ferry terminal until spring",
        "By Anna Kowalski",
        "The board said it needed more time to study the cost of dredging the channel, which engineers now put "
        "at twice the first estimate.",
    ),
    (
        "SCHOOLS",
        "Parents Win Fight To Keep The Village School Open. What Happens Now?",
        "By Tom Reid",
        "The education authority reversed its decision after a petition signed by more than two thousand people.",
    ),
    (
        "WEATHER",
        "Storm warnings issued for the whole coast as the first gales of winter arrive",
        "By Staff",
        "Forecasters expect gusts of up to ninety miles an hour on exposed headlands overnight on Friday.",
    ),
    (
        "SPORT",
        "Local rowing club takes three medals at the national championships in Nottingham",
        "By Dev Patel",
        "The junior quadruple sculls crew won gold for the first time in the club's hundred-year history.",
    ),
    (
        "BUSINESS",
        "Family bakery that has made the same loaf since 1950 finds a buyer at last",
        "By Anna Kowalski",
        "The new owners said they would keep the staff, the recipes and the shop front exactly as they are.",
    ),
]


def teaser_feed() -> str:
    units = [[kicker, headline, byline, "November 19, 2019", summary] for kicker, headline, byline, summary in TEASERS]
    return "\n\n".join("\n".join(unit) for unit in units)


def test_a_feed_of_teasers_after_the_article_is_dropped():
    """Each teaser (kicker, headline, byline, date, one summary paragraph) reads as prose line by line;
    a page whose text ends in four or more of them ends where they begin."""
    text = "\n\n".join([*ARTICLE, "More from the Harbour Gazette", teaser_feed(), "About us", "© 2019 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_a_teaser_feed_opening_with_a_line_printed_in_the_article_too_is_cut_where_the_feed_begins():
    """WCXB 0256 as text: a call to action printed mid-article and again above the related posts; the cut began
    at the first printing (lines compared by value), taking half the article with the teasers."""
    cta = "Tell us about your project"
    text = "\n\n".join([*ARTICLE[:2], cta, *ARTICLE[2:], cta, teaser_feed(), "About us", "© 2019 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_teasers_followed_by_more_article_text_are_left_alone():
    """Leave alone: a roundup of other stories inside the article, with the article going on after it."""
    closing = (
        "The committee will meet again in January, and members of the public are welcome to attend and to "
        "put questions to the harbour master at the end of the meeting."
    )
    text = "\n\n".join([*ARTICLE, teaser_feed(), closing, "About us", "© 2019 Harbour Gazette"])
    result = kept(text)
    assert closing in result
    assert all(summary in result for *_, summary in TEASERS)


# Related posts as a WordPress theme prints them under the article (cottagecare.com, jiffylube.com, brighterly.com as
# page text): a date and a headline over the post's excerpt, cut at 55 words with "[&hellip;]".  They are about the
# article's own subject, and only three.
RELATED_POSTS = [
    (
        "March 24, 2017",
        "Ten questions to ask before the harbour committee meets",
        "Members of the harbour committee will meet on Thursday to hear evidence about the survey of the seabed, "
        "and the fishing cooperatives have asked for more time to count the catch before [\u2026]",
    ),
    (
        "June 18, 2025",
        "Why the east quay needs repairs before the winter storms",
        "The harbour master has warned that the east quay will need repairs before the first storms arrive, "
        "and the council has not yet said whether it will pay for them from its own budget or [\u2026]",
    ),
    (
        "August 12, 2024",
        "What the survey of the four bays found in its first year",
        "The survey of the seabed in the four bays began last spring, and its first findings show that the "
        "smallest of the bays holds fewer fish than it did five years ago, which the cooperatives [\u2026]",
    ),
]


def related_posts(posts: list[tuple[str, str, str]]) -> str:
    return "\n\n".join(f"{date}\n{headline}\n{excerpt}" for date, headline, excerpt in posts)


def test_related_posts_whose_excerpts_are_cut_short_are_dropped() -> None:
    """cottagecare.com, jiffylube.com as page text: three related posts on the article's subject under it read as
    prose; too few for a feed of teasers, and on its subject.  An excerpt cut with an ellipsis is no paragraph of
    the article."""
    text = "\n\n".join([*ARTICLE, "Related Resources", related_posts(RELATED_POSTS), "About us", "Contact"])
    assert kept(text) == ARTICLE


def test_teasers_cut_short_under_a_lone_headline_are_dropped_between_the_article_and_more_text() -> None:
    """heise.de as page text: a box of other stories on the article's subject, each a headline over a summary that
    ends in "Mehr…", followed by more of the page's text; the feed test wants the teasers last and off the
    subject."""
    teasers = [
        "\n".join([headline, excerpt.replace("[\u2026]", "Mehr\u2026")]) for _, headline, excerpt in RELATED_POSTS
    ]
    closing = (
        "The committee will meet again in January, and members of the public are welcome to attend and to "
        "put questions to the harbour master at the end of the meeting."
    )
    text = "\n\n".join([*ARTICLE, *teasers, closing, "About us"])
    assert kept(text) == [*ARTICLE, closing]


def test_the_articles_short_last_sentence_over_cut_teasers_stays() -> None:
    """Leave alone: a short closing sentence of the article right over the first teaser's date is no header of it."""
    closing = "The council will decide in April."
    text = "\n\n".join([*ARTICLE, closing, related_posts(RELATED_POSTS), "About us", "Contact"])
    assert kept(text) == [*ARTICLE, closing]


def test_an_articles_lines_that_trail_off_are_left_alone() -> None:
    """Leave alone: an interview whose answers trail off, each under the speaker's name; and two cut teasers (a
    previous and a next post) are too few to tell from an article's own lines."""
    answers = [
        ("MARIA", "We asked the council for the survey three times, and each time they told us to wait another year…"),
        ("TOM", "The boats land less fish every season, and nobody in the town hall seems to want to know why…"),
        ("MARIA", "If the quay is not repaired before the storms, the smaller boats will have nowhere to go…"),
    ]
    interview = [line for speaker, answer in answers for line in (speaker, answer)]
    result = kept("\n\n".join([*ARTICLE, *interview, "About us"]))
    assert all(answer in result for _, answer in answers)
    two_posts = kept("\n\n".join([*ARTICLE, related_posts(RELATED_POSTS[:2]), "About us"]))
    assert all(excerpt in two_posts for *_, excerpt in RELATED_POSTS[:2])


def test_a_page_of_excerpts_alone_is_left_alone() -> None:
    """Leave alone: a blog's front page is nothing but cut excerpts; with no article above them they are the text
    (the reader then rejects the page or keeps it, as before)."""
    result = kept("\n\n".join(["Blog", related_posts(RELATED_POSTS), "About us"]))
    assert all(excerpt in result for *_, excerpt in RELATED_POSTS)


# An offer box as a news site prints it under its feed of teasers (lto.de's sign-up form, taz.de's trial offer, as
# page text): a heading over two sentences, so the feed is not the last of the page's text.
OFFER_BOX = [
    "Ten weeks of the Gazette for ten pounds",
    "Read everything on the website and get the printed paper on Saturdays, delivered to your door.",
    "Try it today and cancel whenever you like, with no questions asked and nothing more to pay.",
]


def test_a_feed_of_teasers_above_an_offer_box_is_dropped_with_the_box() -> None:
    """lto.de and taz.de as page text: the feed was kept because a box under it, not a teaser, ended the text."""
    text = "\n\n".join([*ARTICLE, "More from the Harbour Gazette", teaser_feed(), "\n".join(OFFER_BOX), "About us"])
    assert kept(text) == ARTICLE


def test_a_related_story_last_in_the_feed_above_an_offer_box_is_dropped_too() -> None:
    """taz.de as page text: the feed's last teaser is about the article's own subject (an earlier story on the same
    bill) and shares its words; it is a teaser all the same, not the article going on."""
    related = "\n".join(
        [
            "HARBOUR",
            "Committee asks the harbour master for a survey of the seabed in all four bays",
            "By Anna Kowalski",
            "October 2, 2019",
            "The committee said the survey of the seabed should cover the four bays before it hears from the "
            "fishing cooperatives.",
        ]
    )
    text = "\n\n".join([*ARTICLE, teaser_feed(), related, "\n".join(OFFER_BOX), "About us"])
    assert kept(text) == ARTICLE


def test_the_articles_closing_sections_above_an_offer_box_are_left_alone() -> None:
    """Leave alone: sections that close the article, each a label and a subheading over one paragraph, read as
    teasers line by line; above a box they are no feed, since they go on with the article's subject."""
    sections = [
        (
            "THE QUAY",
            "Why the harbour master wants the quay repaired before the winter storms",
            "The harbour master said the quay at the east end of the harbour would need repairs before the storms.",
        ),
        (
            "THE CATCH",
            "What the fishing cooperatives told the committee about the catch this year",
            "The fishing cooperatives told the committee that the catch landed at the quay had fallen again.",
        ),
        (
            "THE SURVEY",
            "How the survey of the seabed in the four bays will be finished next year",
            "The committee said the survey of the seabed in the four bays would be finished by the spring.",
        ),
        (
            "THE COUNCIL",
            "When the council will decide how to pay for the repairs to the harbour quay",
            "The council will decide in April whether to pay for the repairs to the quay from its own budget.",
        ),
    ]
    units = ["\n".join(section) for section in sections]
    text = "\n\n".join([*ARTICLE, *units, "\n".join(OFFER_BOX), "About us"])
    result = kept(text)
    assert all(paragraph in result for *_, paragraph in sections)


# Other stories' headlines listed under an article without summaries or a marker the tables know (nieuwsblad.be,
# abc.es, dailymail.co.uk, boersen-zeitung.de as page text): each reads as prose line by line.
OTHER_HEADLINES = [
    "Drone maker opens a second factory in the north as orders from farmers double",
    "Four people hurt as a bus leaves the road in heavy snow near the mountain pass",
    "Why ministers still cannot agree on trade tariffs after two days of talks?",
    "Museum returns bronze statues to the country they were taken from a century ago",
    "Airline cancels hundreds of flights as a pilots' strike enters its third day",
    "«We were lucky»: the sailors rescued off the cape tell their story",
]


def test_a_list_of_other_stories_headlines_ending_the_page_is_dropped() -> None:
    """nieuwsblad.be and abc.es as page text: the headlines were kept as the article's last paragraphs."""
    text = "\n\n".join([*ARTICLE, *OTHER_HEADLINES, "© 2025 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_headlines_a_list_cut_to_its_width_are_dropped_too() -> None:
    """japannews.yomiuri.co.jp and abc.es as page text: a box of other stories cuts each headline to its width with an
    ellipsis ("... Says Diplomacy as ..."); the cut was read as a full stop, so the list was kept as sentences."""
    cut = [
        "Drone maker opens a second factory in the north as orders fr...",
        "Four people hurt as a bus leaves the road in heavy snow near t...",
        "Summit ends without a deal on trade tariffs after two days of …",
        "Museum returns bronze statues to the country they were taken...",
        "Airline cancels hundreds of flights as a pilots' strike enter...",
    ]
    text = "\n\n".join([*ARTICLE, "Latest Articles", *cut, *OTHER_HEADLINES[:3], "© 2025 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_the_articles_closing_lines_that_trail_off_are_left_alone() -> None:
    """Leave alone: lines that end in an ellipsis and go on with the article's subject (what residents began to say
    about the quay) are the article's, however much they look like cut headlines."""
    trailing = [
        "The east quay has been there longer than any of us, and if the council lets it go...",
        "The fishing boats will land their catch somewhere else, and then the harbour...",
        "Nobody on the committee has said who will pay for the repairs to the quay...",
        "The survey of the seabed in the four bays was supposed to settle it, but...",
        "If the storms come before the repairs to the east quay are finished...",
    ]
    text = "\n\n".join([*ARTICLE, *trailing, "© 2025 Harbour Gazette"])
    assert kept(text) == [*ARTICLE, *trailing]


# A consent notice the page prints under the article (mirror.co.uk and dailystar.co.uk's, kleinezeitung.at's, as page
# text), with a preferences panel under it.
CONSENT_NOTICE_UNDER = [
    "At Harbour Media and across our brands we and our partners use information collected through cookies and other "
    "identifiers from your device to improve your experience on our site, analyse how it is used and show you adverts.",
    "Strictly necessary cookies",
    "These cookies are needed for the website to work and cannot be switched off in our systems.",
    "Advertising cookies",
    "These are set by our advertising partners to build a profile of your interests and show you relevant adverts.",
]


def test_a_consent_notice_under_the_article_is_dropped_with_its_panel() -> None:
    """mirror.co.uk, dailystar.co.uk and kleinezeitung.at as page text: the banner at the end of the page's markup
    was kept as the article's last paragraphs."""
    text = "\n\n".join([*ARTICLE, *CONSENT_NOTICE_UNDER, "© 2025 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_an_article_whose_closing_lines_name_cookies_on_its_subject_is_left_alone() -> None:
    """Leave alone: a bakery's story whose closing line names cookies among its own goods goes on with its subject
    (the lines from the mention down share the article's words), short as they are."""
    article = [
        "The bakery on the harbour front will close its ovens for two weeks in January while the council repairs the "
        "quay outside, the owner said, after forty years of baking bread and pastries for the fishing crews.",
        "The owner said the crews had bought their bread and pastries at the bakery before dawn for as long as the "
        "boats had landed their catch at the east quay, and that the repairs would cost the bakery a month's trade.",
        "The bakery will sell its bread, pastries and cookies from a stall at the market until the ovens are lit "
        "again, and the crews can order bread and pastries for the boats by telephone.",
    ]
    text = "\n\n".join([*article, "© 2025 Harbour Gazette"])
    assert kept(text) == article


def test_an_article_that_names_cookies_on_the_way_and_goes_on_at_length_is_left_alone(monkeypatch) -> None:
    """Leave alone: a caterer's guide that names cookies among the goods it sells, then goes on for longer than a
    consent notice and its panel run (WCXB 0043 as page text lost its last 922 words), however little the sections
    under the mention share the words above it.  The notice's limit is scaled to this short guide."""
    monkeypatch.setattr(after_context, "CONSENT_TAIL_MAX_WORDS", 80)
    guide = [
        "A catering business prepares food in a licensed kitchen and serves it at weddings, offices and festivals, "
        "and most owners start with a small menu they can cook well for a hundred guests at a time.",
        "Pricing starts with the cost of every ingredient on the plate, then labour, transport and hire of tables and "
        "linen; most caterers add a margin of a third and quote per guest rather than per dish.",
        "Staffing grows with the events: a wedding of two hundred guests needs a head chef, four cooks, a supervisor "
        "and a waiter for every twenty guests, and agencies supply extra hands for the busiest weekends of summer.",
        "Insurance matters as much as the menu.  Public liability cover protects against claims from guests, and "
        "employers' liability is required by law as soon as the first member of staff is hired, even part-time.",
        "Marketing is mostly word of mouth, but a website with sample menus, photographs of past events and honest "
        "reviews from clients brings the first enquiries, and wedding fairs bring many of the rest every spring.",
        "The licence sets what may be sold and how: all goods sold separately over the counter, such as sandwiches, "
        "cookies and bagels, must be packaged in food-grade packaging or placed in certified containers.",
        "Equipment can be hired before it is bought: chafing dishes, refrigerated vans and portable ovens are "
        "expensive, and many caterers rent them for their first season until they know which events pay best.",
        "Seasonality shapes the year.  Summer brings weddings and festivals, winter brings office parties, and the "
        "quiet months of January and February are the time to plan menus, train staff and service the vans.",
    ]
    text = "\n\n".join([*guide, "© 2025 Harbour Gazette"])
    assert kept(text) == guide


def test_an_article_about_cookies_is_left_alone() -> None:
    """Leave alone: an article about cookies names them from its lead on, before any notice would; its closing
    paragraph about a consent banner is the article's."""
    article = [
        "The data protection authority fined the newspaper's publisher for setting advertising cookies on readers' "
        "devices before they had given their consent, after a two-year investigation of its website.",
        "The authority said the publisher's consent banner made refusing cookies harder than accepting them, and that "
        "advertising partners received identifiers from readers' devices before the banner was answered.",
        "The publisher said it would appeal, and that its banner now offers readers a button to refuse all cookies "
        "on its first page, as the authority's guidance asks of every website that sets advertising cookies.",
    ]
    text = "\n\n".join([*article, "© 2025 Harbour Gazette"])
    assert kept(text) == article


def test_a_login_dialog_under_the_copyright_notice_is_dropped() -> None:
    """aa.com.tr, stern.de and pravda.com.ua as page text: a hidden preferences panel, a partner brand's note and the
    footer's legal lines printed under the page's dated copyright line were kept as the article's last paragraphs
    (here a login form's messages, as hankookilbo.com prints them)."""
    dialog = [
        "Sign in to Harbour Gazette",
        "We could not sign you in because the e-mail address or the password you entered does not match what we have "
        "on record for your account; please check both of them and try again, or ask us for a new password below.",
        "For your security we lock an account for thirty minutes after five failed attempts to sign in to it, and we "
        "send an e-mail to the address on the account to let you know that this has happened and what to do next.",
        "Reset password",
    ]
    text = "\n\n".join([*ARTICLE, "© 2000-2025 Harbour Gazette Ltd. All rights reserved.", *dialog])
    assert kept(text) == ARTICLE


def test_a_dated_photo_credit_above_the_articles_closing_paragraphs_is_left_alone() -> None:
    """Leave alone: a photo's dated credit printed above the article's closing paragraphs is no footer's notice,
    which comes after them."""
    credit = "The east quay at low tide. © 2024 Harbour Gazette/Jan Novak"
    closing = (
        "A final report is expected in April, when the council will decide whether to pay for the repairs from its "
        "own budget or to ask the regional government for a grant, a decision the mayor said could not wait longer."
    )
    text = "\n\n".join([*ARTICLE[:3], credit, closing, "Sign in", "Subscribe", "© 2025 Harbour Gazette"])
    assert kept(text) == [*ARTICLE[:3], closing]


def test_the_articles_own_closing_list_is_left_alone() -> None:
    """Leave alone: a list that closes the article without full stops (what the committee will look at) goes on
    with the article's subject, so it is no list of other stories."""
    points = [
        "How many of the boats that land their fish at the east quay have stopped doing so in the last five years",
        "What it would cost the council to repair the east quay before the first of the winter storms arrives",
        "Whether the survey of the seabed in the smallest of the four bays can be finished by the spring",
        "How much of the catch the fishing cooperatives have counted since they asked the committee for more time",
        "Whether the council should pay for the repairs from its own budget or ask the regional government",
    ]
    text = "\n\n".join([*ARTICLE, *points, "© 2025 Harbour Gazette"])
    assert kept(text) == [*ARTICLE, *points]


def test_a_list_the_article_introduces_with_a_colon_is_left_alone() -> None:
    """Leave alone: a sentence ending in a colon introduces the lines under it (a race's finishers), which are the
    article's own list however little they share its words."""
    finishers = [
        "Harbour Rowing Club from the east quay",
        "North Pier Oarsmen from the old town",
        "Lighthouse Crew from the northern cape",
        "Saltmarsh Sculling Club from the estuary",
        "Westgate Rowing Club from the west bank",
    ]
    intro = "The crews that finished the coastal race on Sunday, in the order they crossed the line:"
    text = "\n\n".join([*ARTICLE, intro, *finishers, "© 2025 Harbour Gazette"])
    assert kept(text) == [*ARTICLE, intro, *finishers]


def test_quoted_sentences_closing_the_article_are_left_alone() -> None:
    """Leave alone: a sentence that ends in a full stop inside closing quotes ('... empty."') is no headline;
    residents' reactions quoted at the end of a story stay with it."""
    quotes = [
        "“My grandfather worked on the ferries all his life and never saw anything like it.”",
        "“We moved here twenty years ago and the town has never looked so busy in winter.”",
        "“The young people all leave for the cities now, and who could blame them for it?”",
        "“I only hope they keep the café open, because it is the one place we all meet.”",
        "“Nobody asked the people who actually live here what they wanted from the plan.”",
    ]
    text = "\n\n".join([*ARTICLE, *quotes, "© 2025 Harbour Gazette"])
    assert kept(text) == [*ARTICLE, *quotes]


def test_a_list_of_headlines_that_is_most_of_the_text_is_left_alone() -> None:
    """Leave alone: a brief of one paragraph over a longer list of short items is a page of items, not an article
    with other stories listed under it (one page of run-dev's AEB scraped half b lost most of its text)."""
    brief = ARTICLE[0]
    text = "\n\n".join([brief, *OTHER_HEADLINES, "© 2025 Harbour Gazette"])
    assert kept(text)[:6] == [brief, *OTHER_HEADLINES[:5]]


# Teasers of other stories as a news site prints them under an article: a headline alone over a one-sentence summary
# (stuttgarter-zeitung.de, tokyo-np.co.jp, lanacion.com.ar as page text).
LONE_HEADLINE_TEASERS = [
    (
        "Drone maker opens a second factory in the north as orders from farmers double",
        "The company said it would hire two hundred people by the end of next year.",
    ),
    (
        "Four people hurt as a bus leaves the road in heavy snow near the mountain pass",
        "Police closed the road for six hours while the bus was recovered by crane.",
    ),
    (
        "Summit ends without a deal on trade tariffs after two days of late-night talks",
        "Ministers promised to meet again in March, when a new proposal is expected from Brussels.",
    ),
    (
        "Museum returns bronze statues to the country they were taken from a century ago",
        "The director called it the right decision, long overdue, at a ceremony attended by the minister.",
    ),
    (
        "Airline cancels hundreds of flights as a pilots' strike enters its third day",
        "Passengers were offered refunds or seats on later flights once the strike is over.",
    ),
]


def test_a_feed_of_headlines_each_over_a_summary_of_another_story_is_dropped() -> None:
    """Each teaser (a headline, then its summary in a sentence) reads as prose line by line; with no kicker,
    byline or date over the headline the feed was kept to the page's end as the article's last paragraphs."""
    feed = "\n\n".join(f"{headline}\n{summary}" for headline, summary in LONE_HEADLINE_TEASERS)
    text = "\n\n".join([*ARTICLE, feed, "About us", "© 2025 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_the_articles_last_sections_under_long_subheadings_are_left_alone() -> None:
    """Leave alone: sections that close the article, each a subheading of a headline's length over one paragraph,
    go on with the article's subject (its words are the article's), so they are no teasers."""
    sections = [
        (
            "What the harbour master told the committee about the fishing cooperatives",
            "The harbour master said the fishing cooperatives had asked the committee for more time to count the "
            "catch at the east quay.",
        ),
        (
            "Why members of the committee want the survey of the seabed finished first",
            "Members said the survey of the seabed in the smallest of the four bays had not been finished.",
        ),
        (
            "How the council could pay for the repairs to the quay before the winter storms",
            "The council will decide in April whether to pay for the repairs from its own budget or ask for a grant.",
        ),
        (
            "When the committee will publish its findings on the harbour and the catch",
            "The committee agreed to publish its findings in the spring, after the report on the quay.",
        ),
    ]
    text = "\n\n".join([*ARTICLE, *(f"{heading}\n{paragraph}" for heading, paragraph in sections), "About us"])
    result = kept(text)
    assert all(paragraph in result for _, paragraph in sections)


def test_a_briefing_of_other_stories_in_paragraphs_of_their_own_is_left_alone() -> None:
    """Leave alone: a news briefing's items, each a headline over a paragraph of several sentences, are the
    article, however far apart their subjects are: a teaser's summary is a sentence or two."""
    items = [
        (
            "Drone maker opens a second factory in the north as orders from farmers double",
            "The company said it would hire two hundred people by the end of next year. Most of the new jobs are "
            "for engineers and technicians, and the regional college has agreed to run a course for them. Its "
            "chief executive expects sales abroad to overtake sales at home within three years.",
        ),
        (
            "Four people hurt as a bus leaves the road in heavy snow near the mountain pass",
            "Police closed the road for six hours while the vehicle was recovered by crane. Two of the injured "
            "were taken to hospital by helicopter; the driver and another passenger were treated at the scene. "
            "Local residents have asked for years for a barrier on that bend.",
        ),
        (
            "Summit ends without a deal on trade tariffs after two days of late-night talks",
            "Ministers promised to meet again in March, when a new proposal is expected from Brussels. Farmers' "
            "unions protested outside the conference centre on both days. Diplomats said the gap between the two "
            "sides had narrowed, but that steel and cars remained the hardest questions.",
        ),
        (
            "Museum returns bronze statues to the country they were taken from a century ago",
            "The director called it the right decision, long overdue, at a ceremony attended by the minister. "
            "Researchers spent four years tracing how the pieces reached Europe. Twelve more objects in the "
            "collection are now being studied in the same way.",
        ),
    ]
    text = "\n\n".join([*ARTICLE, *(f"{headline}\n{paragraph}" for headline, paragraph in items), "About us"])
    result = kept(text)
    assert all(paragraph in result for _, paragraph in items)


def test_a_product_roundup_that_ends_the_article_is_left_alone():
    """Leave alone: a buying guide whose items (maker, product and price, shop button, one paragraph)
    end the article.  Its headlines name things in a few words, not news in a sentence."""
    items = [
        (
            "Lumo",
            "Lumo 65W travel charger for $39",
            "It charges a laptop and a phone at the same time and folds flat, so it slips into any pocket of a "
            "backpack without adding much weight to what you already carry.",
        ),
        (
            "Brightline",
            "Brightline desk lamp for $55",
            "The arm reaches across a wide desk, the light is warm enough for evening reading, and a small dial "
            "on the base dims it without the flicker that cheaper lamps have.",
        ),
        (
            "Kettlewise",
            "Kettlewise smart kettle for $80",
            "You can set the exact temperature for green tea or coffee from your phone, and it keeps the water "
            "warm for half an hour while you answer the door or finish an email.",
        ),
        (
            "Trailmark",
            "Trailmark hiking backpack for $120",
            "Twenty-eight litres is enough for a long day on the hills, the back panel keeps air moving in summer, "
            "and the rain cover is stored in its own pocket under the base.",
        ),
        (
            "Pagefold",
            "Pagefold e-reader case for $25",
            "The cover wakes the reader when you open it and holds it upright on a table, which makes reading "
            "recipes in the kitchen much easier than balancing the device against a jar.",
        ),
    ]
    body = ["\n".join([maker, product, "See it now: Example Store", paragraph]) for maker, product, paragraph in items]
    text = "\n\n".join([PARA_A, PARA_B, *body, "About us", "© 2019 Harbour Gazette"])
    result = kept(text)
    assert all(paragraph in result for *_, paragraph in items)


def test_quotes_signed_with_a_dash_are_text():
    """A dash line under a quotation signs it ("– Maria K."): not a menu entry, and the quotes are kept."""
    reviews = [
        "“The singers were wonderful and the hall was full. We stayed for the talk after the show and asked "
        "the director about the costumes.”",
        "– Maria K.",
        "“A lovely evening for the whole family. The children laughed all the way through the second act, "
        "and the music was beautiful.”",
        "– Tom R.",
        "“Easy to book and good seats for the price. We will come back next year with friends from abroad, "
        "because they have never seen anything like it.”",
        "– Ana F.",
    ]
    text = "\n\n".join(["* Home", "* Tickets", "* Contact", "Here is what our visitors said:", *reviews, "© 2019"])
    result = kept(text)
    assert reviews[0] in result and reviews[4] in result
    assert "– Maria K." in result or "Maria K." in result


def test_a_dash_menu_not_under_a_quote_stays_chrome():
    """Leave alone: dash-led short lines that sign nothing are a menu."""
    menu = ["– Home", "– Tickets", "– Our history", "– Contact"]
    assert kept("\n".join(menu) + "\n\n" + page()) == [PARA_A, PARA_B]


def test_a_note_about_the_author_after_the_article_is_dropped():
    """A closing note introducing the author by full name ("Anna Kowalski is a reporter ...") is not the story."""
    note = (
        "Anna Kowalski is a reporter for the Harbour Gazette, covering the port, the fishing fleet and the "
        "town council. Before joining the paper she worked for a news agency in Gdansk for ten years, and she "
        "has written two books about the history of the Baltic ports."
    )
    text = "\n\n".join([*ARTICLE, "Share", "Facebook", note, "© 2019 Harbour Gazette"])
    assert kept(text) == ARTICLE


def test_sentences_introducing_people_in_the_story_are_left_alone():
    """Leave alone: a person of the story introduced by full name before its last lines, and a last
    paragraph about them by surname."""
    intro = (
        "Mark Evans is the third harbour master to resign since 2015. He told the committee that he had "
        "asked for more staff every year and had been refused every time, and that he was leaving for a job "
        "at a larger port further up the coast."
    )
    closing = (
        "Evans is expected to leave at the end of January, and the council said it would advertise the post "
        "again in the new year, with a higher salary and a smaller budget for the port's maintenance."
    )
    result = kept("\n\n".join([PARA_A, intro, PARA_B, ARTICLE[2], closing, "Share", "© 2019 Harbour Gazette"]))
    assert intro in result
    assert closing in result


LONG_ARTICLE = [
    *ARTICLE,
    "Several members of the committee said the town could not afford to lose the quay, which has been used "
    "by the fishing fleet since the middle of the nineteenth century and still employs about forty people.",
    "Others argued that the money would be better spent on the marina, where the number of visiting yachts "
    "has doubled since the new pontoons were built, bringing trade to the cafes and shops along the front.",
]
SIDEBAR_QUOTE = (
    "“The sea gives and the sea takes, and the harbour is where we learn to live with both,” said the late "
    "harbour master, Thomas Whitcombe, when he opened the restored lifeboat station in the autumn of 1998."
)
TOP_MENU = ["Sign up for our newsletter", "Follow us", "Facebook", "Twitter", "News", "Sport", "Contact us"]


def test_a_passage_above_the_site_menus_is_kept():
    """A short passage above a stretch of the site's menus is kept: on pages copied as text it is as often the
    article's lead or the whole article (with comments and teasers below it) as a sidebar quotation.  A rule
    that dropped it (session 6) cost recall on both halves of trafilatura's 990 evaluation pages copied as
    text (F1 0.8371 -> 0.8404 and 0.8201 -> 0.8237 without it), dropping whole articles there."""
    text = "\n\n".join([SIDEBAR_QUOTE, *TOP_MENU, *LONG_ARTICLE, "© 2019 Harbour Gazette"])
    assert kept(text) == [SIDEBAR_QUOTE, *LONG_ARTICLE]


def test_a_photo_caption_ending_in_its_credit_is_dropped_and_its_neighbours_kept():
    """A caption ends in its credit ("(Photo: ...)", "(AP Photo/...)"); it interrupts the text without
    making the short paragraph after it chrome."""
    captions = [
        "Fishing boats tied up at the east quay on Tuesday morning (Photo: Harbour Gazette)",
        "The harbour master at the committee meeting (AP Photo/Jane Doe)",
    ]
    text = "\n\n".join([PARA_A, captions[0], PARA_B, captions[1], ARTICLE[2], "Share", "© 2019 Harbour Gazette"])
    result = kept(text)
    assert not any(caption in result for caption in captions)
    assert result == [PARA_A, PARA_B, ARTICLE[2]]


def test_a_sentence_with_a_parenthesis_about_photos_is_left_alone():
    """Leave alone: a paragraph of the article that ends in a parenthesis mentioning photographs."""
    sentence = (
        "The museum will show the collection for the first time this winter, with a room given over to the "
        "fishing fleet and another to the lifeboat crews (photos, letters and logbooks from 1890 to 1960)"
    )
    assert sentence in kept("\n\n".join([PARA_A, sentence, PARA_B]))


def test_the_signature_of_an_embedded_post_is_not_a_menu_entry():
    """An embedded post is signed "— Name (@handle) Month D, YYYY"; taken for a menu entry, it condemned
    the article's last paragraph after it."""
    post = "The new ferry timetable is out. Fewer sailings in winter, more in summer https://t.co/abc123"
    signature = "— Harbour Watch (@harbourwatch) November 18, 2019"
    last = (
        "The operator said the winter timetable would be reviewed in March, after it had counted how many "
        "passengers used the early morning sailings."
    )
    result = kept("\n\n".join([*ARTICLE, post, signature, last, "Related", "* Ferries", "* Harbour", "© 2019"]))
    assert last in result


def test_a_dash_line_with_a_handle_but_no_date_stays_chrome():
    """Leave alone: a dash-led "follow us" line with a handle signs no post."""
    assert kept(page("— Harbour Gazette (@harbourgazette) on Twitter")) == [PARA_A, PARA_B]


def test_a_long_item_of_a_numbered_most_read_list_is_not_the_article_resuming():
    """Under "Most read", item 5 is a long sentence; it continues the numbering, so the list goes on."""
    items = [
        "1. Mayor defends budget cuts",
        "2. Ferry routes closed again",
        "3. Five places to eat by the sea",
        "4. Storm warning for the coast",
        "5. Property taxes are on the rise across the county this year. These maps show where and by how much.",
        "6. Skimming device found at a petrol station",
    ]
    assert kept(page("Most read", *items)) == [PARA_A, PARA_B]


def test_an_article_paragraph_after_a_numbered_most_read_list_is_left_alone():
    """Leave alone: the article resumes after the list with a paragraph that does not continue its numbering."""
    items = ["1. Mayor defends budget cuts", "2. Ferry routes closed again", "3. Storm warning for the coast"]
    resumed = "2019 was the wettest year on record at the harbour, " + PARA_B[0].lower() + PARA_B[1:]
    assert kept("\n\n".join([PARA_A, "Most read", *items, resumed])) == [PARA_A, resumed]


def test_a_lead_above_a_read_more_box_is_left_alone():
    """Leave alone: tabloids put a "Read more" box of links after the first paragraph; the box is the
    article's interruption, not the page's menus, so the lead above it is kept however short."""
    box = [
        "READ MORE",
        "Harbour board delays vote on the new ferry terminal",
        "Storm warnings issued for the whole coast",
        "Local rowing club takes three medals",
        "Family bakery finds a buyer at last",
        "Parents win fight to keep the village school open",
    ]
    lead = (
        "The harbour committee met for three hours on Thursday and agreed, after a long and sometimes bitter "
        "debate between its members, to publish its findings on the future of the old east quay in the spring."
    )
    text = "\n\n".join([lead, *box, *LONG_ARTICLE[1:], "© 2019 Harbour Gazette"])
    assert kept(text) == [lead, *LONG_ARTICLE[1:]]


def test_a_last_paragraph_introducing_someone_of_the_story_is_left_alone():
    """Leave alone: the story's last paragraph introduces by full name someone it spoke of before."""
    before = (
        "The harbour master, who has held the post since 2015, told the committee that Evans and his staff "
        "had asked for more money every year and had been refused every time by the finance department."
    )
    last = (
        "Mark Evans is the third harbour master to resign since 2015, and the council said it would advertise "
        "the post again in the new year, with a higher salary and a smaller budget for the port."
    )
    text = "\n\n".join([*ARTICLE, before, last, "Share", "Facebook", "© 2019 Harbour Gazette"])
    assert last in kept(text)


STANDINGS = [
    "Final standings of the 2019 coastal rowing league after twelve regattas:",
    "Pos. Club Points Wins",
    "1 Harbour Rowing Club 412 6",
    "2 North Pier Oarsmen 398 4",
    "3 Lighthouse Crew 377 2",
    "4 Saltmarsh Sculling 301 0",
]


def test_the_table_a_sentence_ending_in_a_colon_introduces_is_kept_before_chrome() -> None:
    """The table's rows are short lines with chrome after them: jusText's context pass took them for chrome
    unless more text followed (a syndicated copy cut after the table lost it, the full story kept it)."""
    text = "\n\n".join([PARA_A, *STANDINGS, "Share this:", "Facebook", "Twitter", "© 2026 Example Media"])
    assert kept(text) == [PARA_A, *STANDINGS]


# A table as a browser copies it (Chrome's and Firefox's copy): one row a line, its cells between tabs.
LANDINGS_INTRO = "The survey's landings by port for 2019 are set out below, beside the number of boats at each."
LANDINGS = [
    "Port and county\t\tRegistered vessels\t\tCatch in 2019\t\tValue of catch\t\tChange on 2018\t\tBerths",
    "Kilkeel Harbour (County Down)\t\t64 vessels\t\t12,480 t\t\t£18.2m\t\t+4.1%\t\t112 berths",
    "Ardglass Harbour (County Down)\t\t31 vessels\t\t6,215 t\t\t£9.7m\t\t-2.3%\t\t58 berths",
    "Portavogie Harbour (County Down)\t\t27 vessels\t\t5,902 t\t\t£8.4m\t\t+0.6%\t\t49 berths",
]
FOOTER = ["Share this:", "Facebook", "Twitter", "© 2026 Harbour Gazette"]


def test_a_table_copied_with_tabs_inside_the_article_is_kept() -> None:
    """Rows of figures and names hold no stopwords, so jusText's test called each long row chrome: the table and
    the text after it were lost (WCXB as page text: a ranking table of 21 rows ended a page's body at the sentence
    that introduces it, and the paragraphs under it went too)."""
    text = "\n\n".join([PARA_A, LANDINGS_INTRO, "\n".join(LANDINGS), PARA_B, *FOOTER])
    assert kept(text) == [PARA_A, LANDINGS_INTRO, *LANDINGS, PARA_B]


def test_a_menu_copied_as_one_line_with_tabs_or_a_table_in_the_footer_stays_chrome() -> None:
    """Left alone: one line of links with tabs between them is no table, even right under the article; a table
    among the site's chrome stays chrome."""
    links = "Newsletters\t\tPodcasts\t\tEvents and conferences\t\tSubscriptions\t\tDigital edition\t\tArchive"
    assert kept("\n\n".join([PARA_A, PARA_B, links, FOOTER[-1]])) == [PARA_A, PARA_B]
    assert kept("\n\n".join([PARA_A, PARA_B, *FOOTER[:3], "\n".join(LANDINGS), FOOTER[-1]])) == [PARA_A, PARA_B]


def test_buttons_after_a_sentence_ending_in_a_colon_stay_chrome() -> None:
    """Only short lines without a chrome phrase join the introduced block: share buttons stay chrome."""
    invitation = "Tell us what you think about the plans for the harbour and share this story with your friends:"
    text = "\n\n".join([PARA_A, PARA_B, invitation, "Facebook", "Twitter", "Email", "© 2026 Example Media"])
    assert kept(text) == [PARA_A, PARA_B, invitation]


def test_an_ad_slot_label_inside_the_article_does_not_cut_the_text_around_it() -> None:
    """ "ADVERTISEMENT" between the opening lines and the rest was a chrome neighbour that took the opening
    (short paragraphs under a header) with it; it interrupts the text, like a caption."""
    opening = [
        "The harbour board met on Monday to decide the future of the old ferry pier at last.",
        "Residents had asked for a public hearing before any demolition work could begin there.",
    ]
    text = "\n\n".join(
        ["By Staff Writer, The Daily Ledger", *opening, "ADVERTISEMENT", PARA_A, PARA_B, "Share this:", "Facebook"]
    )
    assert kept(text)[-4:] == [*opening, PARA_A, PARA_B]


def test_an_ad_slot_label_after_the_article_is_still_chrome_with_what_follows() -> None:
    teasers = ["Harbour master retires after 30 years", "Pier plans approved", "Ferry timetable changes"]
    text = "\n\n".join([PARA_A, PARA_B, "Advertisement", *teasers, "© 2026 Example Media"])
    assert kept(text) == [PARA_A, PARA_B]


@pytest.mark.parametrize(
    "notice",
    [
        # the Amazon Associates disclosure
        "The Harbour Kitchen is a participant in the Amazon Services LLC Associates Program, an affiliate "
        "advertising program designed to provide a means for sites to earn advertising fees by advertising and "
        "linking to Amazon.com.",
        "This post may contain affiliate links. As an Amazon Associate I earn from qualifying purchases.",
        # a comment section's moderation notice
        "Contributors must reveal any conflict of interest. Comments are moderated.",
        "Alle Kommentare werden moderiert. Sende nicht mehrmals den gleichen Kommentar.",
        "Some comments may be republished on the website or in the newspaper; email addresses will not be published.",
    ],
)
def test_disclosures_and_moderation_notices_are_chrome(notice: str) -> None:
    assert kept(page(notice)) == [PARA_A, PARA_B]


@pytest.mark.parametrize(
    "sentence",
    [
        "Several of the review sites that told the committee they live on commissions from qualifying purchases "
        "said the new rules would halve their income by the summer, and two of them said they had already moved "
        "their servers abroad to keep the affiliate links that pay their writers and photographers.",
        "The platform told the committee that comments are moderated by a team of forty people in two countries, "
        "that most removals happen within an hour, and that the harbour debate had produced more reports of abuse "
        "in one week than the whole election campaign.",
    ],
)
def test_a_long_sentence_of_the_article_with_a_notices_words_is_left_alone(sentence: str) -> None:
    assert sentence in kept(page(sentence))


LEAD = (
    "After an election the news mostly reports the results of the big parties, but this year forty-one parties "
    "were admitted to the ballot in at least one state, more than at any federal election before it, and most "
    "of them won fewer than one vote in a hundred."
)


def test_a_lead_printed_again_in_the_latest_articles_keeps_its_first_printing() -> None:
    """The story's lead is repeated under its headline in the page's list of latest articles: both printings
    went as "printed twice on the page", and the story lost its first paragraph."""
    text = "\n\n".join(
        [
            "Home",
            "Articles",
            "Number of admitted parties",
            LEAD,
            "By Tim Example",
            PARA_A,
            PARA_B,
            "Latest articles",
            "Number of admitted parties",
            LEAD,
            "Share",
            "© 2026 Example Magazine",
        ]
    )
    lines = kept(text)
    assert lines.count(LEAD) == 1 and lines.index(LEAD) < lines.index(PARA_A)


def test_a_caption_printed_for_two_photos_side_by_side_is_still_dropped() -> None:
    """Left alone: a gallery prints one caption under two photos on neighbouring lines; no printing stays."""
    caption = (
        "A shopper looks at extension cords at a hardware store on Tuesday in preparation for the power "
        "shutdown the utility planned for Wednesday, the fourth this autumn."
    )
    text = "\n\n".join(["Photos", f"1 of 2 {caption}", f"2 of 2 {caption}", PARA_A, PARA_B, "Share"])
    assert not any(caption in line for line in kept(text)) and PARA_A in kept(text)


def test_a_short_list_between_two_paragraphs_is_part_of_the_article():
    """A guide's list ("What to pack:" then short items) between two paragraphs: its items are no site menu,
    and (jusText's rule) a paragraph between them was condemned with them."""
    items = "What to pack:\n* A head torch\n* Spare batteries\n* Waterproof matches"
    kept_lines = kept(page(items))
    assert kept_lines[0] == PARA_A and kept_lines[-1] == PARA_B
    assert "A head torch" in kept_lines and "Waterproof matches" in kept_lines


CLOUD_INTRO = (
    "If your organization experiences any of the following, you're probably a good candidate for cloud computing:"
)
CLOUD_LIST = [
    "High business growth that outpaces infrastructure capabilities",
    "Low utilization of existing infrastructure resources",
    "Large volumes of data that are overwhelming your on-premises data storage resources",
    "Slow response times with on-premises infrastructure",
    "Highly mobile or distributed user population",
]
CLOUD_AFTER = "These scenarios require more than traditional data centers can provide."


def test_a_list_a_sentence_announces_is_the_articles_even_with_a_long_item_and_a_short_sentence_after():
    """WCXB 0005 as text: a list after "... any of the following, ...:" whose longest item (13 words) is no short
    line, and whose sentence after it is too short to be good on its own: the items were taken for a menu."""
    items = "\n".join(f"+ {item}" for item in CLOUD_LIST)
    text = "\n\n".join([PARA_A, CLOUD_INTRO, items, CLOUD_AFTER, PARA_B])
    assert kept(text) == [PARA_A, CLOUD_INTRO, *CLOUD_LIST, CLOUD_AFTER, PARA_B]


def test_a_menu_between_a_short_sentence_and_the_article_is_still_a_menu():
    """Left alone: the same list with no sentence announcing it, after a short line of text, stays a menu."""
    items = "\n".join(f"+ {item}" for item in ["Home", "World", "Business", "Climate"])
    text = "\n\n".join(["Sign up for our newsletter.", items, CLOUD_AFTER, PARA_A, PARA_B])
    assert not any(item in kept(text) for item in ["Home", "World", "Business", "Climate"])


APP_IDEAS = [
    (
        "1. Fuel Delivery App",
        "A fuel delivery app is trending among new projects this year.",
        "It brings fuel to the driver, and it opens a large market for small firms.",
    ),
    (
        "2. Countdown Timer",
        "This kind of app shows the months, days and hours left before an event.",
        "With a broad user base, it can earn money through ads and a paid version.",
    ),
    (
        "3. Tourist Helper App",
        "Such apps tell visitors about the places that are hidden from them.",
        "It can earn money through deals with the local shops and the guides of a town.",
    ),
    (
        "4. Notes App",
        "A notes app helps users write notes, sort them and keep them for later.",
        "If you are new to building apps, this is one of the first you can try out.",
    ),
]


def test_a_listicles_numbered_section_headings_are_no_menu():
    """A list of app ideas numbers its sections ("1. Fuel Delivery App") and gives each two short paragraphs:
    taken for menu entries, the headings condemned the near-good paragraphs between them (WCXB as page text: 14
    of 120 paragraphs kept)."""
    lines = [PARA_A]
    for heading, first, second in APP_IDEAS:
        lines += [heading, first, second]
    kept_lines = kept("\n\n".join([*lines, PARA_B]))
    assert "Countdown Timer" in kept_lines
    assert all(first in kept_lines and second in kept_lines for _, first, second in APP_IDEAS)


def test_the_lists_inside_a_listicles_sections_are_the_articles_and_a_menu_after_it_is_not():
    """A buyer's guide ("1. Multimeter", a paragraph, "Top picks:", "* Fluke 117", "* Klein MM400", "2. Wire
    Strippers", ...): the product lists inside its numbered sections made the paragraphs around them chrome (WCXB as
    page text: an electrician's guide of 51 tools)."""
    lines = [PARA_A]
    picks = [("Fluke 117", "Klein Tools MM400"), ("Klein 11061", "Irwin Vise-Grip"), ("Knipex 09 02", "Southwire 589"),
             ("Stanley FatMax", "Milwaukee M18")]  # fmt: skip
    for (heading, first, second), (one, two) in zip(APP_IDEAS, picks, strict=True):
        lines += [heading, first, f"Top picks for the job:\n* {one}\n* {two}", second]
    menu = "* Home\n* Tools\n* Guides\n* Contact"
    kept_lines = kept("\n\n".join([*lines, PARA_B, menu]))
    assert "Klein Tools MM400" in kept_lines
    assert all(first in kept_lines and second in kept_lines for _, first, second in APP_IDEAS)
    assert kept_lines[-1] == PARA_B


def test_numbered_lines_without_sentences_between_or_under_a_comment_marker_stay_chrome():
    menu = "\n".join(f"{n}. Section {n}" for n in range(1, 6))
    assert kept(page(menu)) == [PARA_A, PARA_B]
    # a WordPress thread numbers its comments under the end marker: the links above the marker stay chrome
    comments = (
        f"{n}. reader{n} says:\nNovember 19, 2019 at 6:3{n} am\n\nIt is time for the fans to come to grips with "
        "reality: the season is over yet again, and the coach knows it as well as anyone in the stands does."
        for n in range(1, 5)
    )
    thread = "\n".join(
        [
            "Share this:\n\n* Click to share on Facebook (Opens in new window)",
            "* Click to print (Opens in new window)\n*",
            "Permalink 4 Comments Feed for comments Back to top",
            "4 responses to “The harbour survey”",
            *comments,
        ]
    )
    assert kept(page() + "\n\n" + thread) == [PARA_A, PARA_B]


def test_a_wordpress_comments_header_over_its_date_ends_the_article():
    """prusa3d.com's blog as page text (WCXB, half a): the thread's headers "1. sfcgeorge says:" over "December 19,
    2025 at 13:01" were meant to end the article, but the marker was matched without its colon and never did; the
    readers' longer comments were stored as the post's last paragraphs."""
    thread = [
        ("sfcgeorge", "This makes me really happy. Despite being a big company now, you still have standards and you "
         "are still trying to contribute to the community and to do good, which is more than most of the others in "
         "this business would ever do for us."),
        ("Balu", "About time 😉\n\nStaying true to your roots. I love it."),
        ("CooliPi", "Thumbs up. I was thinking about this for a long time. My questions though: did you review the "
         "text of your licence with lawyers abroad? Is it clear, and are there any caveats in it that could cause "
         "trouble when it is interpreted, or that would not be legal in some of the places where you sell?"),
    ]  # fmt: skip
    comments = "\n\n".join(
        f"{n}. {name} says:\nDecember 19, 2025 at 1{n}:01\n\n{text}" for n, (name, text) in enumerate(thread, start=1)
    )
    kept_lines = kept(page() + "\n\nPrevious post\n\n15 Replies to “Open-sourcing the CAD files”\n\n" + comments)
    assert kept_lines[:2] == [PARA_A, PARA_B]
    assert not any("says:" in line or "Thumbs up" in line or "really happy" in line for line in kept_lines)


def test_a_line_ending_in_says_over_a_quotation_stays_article():
    """Leave alone: an article's own line that ends in "says:" introduces a quotation, not a comment's date."""
    quote = (
        "“We counted every boat in the four bays twice, and the numbers did not move,” she said, adding that the "
        "cooperatives had been told of the results before the meeting."
    )
    text = "\n\n".join([PARA_A, "Here is what the harbour master says:", quote, PARA_B])
    assert kept(text) == [PARA_A, "Here is what the harbour master says:", quote, PARA_B]


def test_a_long_menu_or_one_after_a_heading_only_stays_chrome():
    """Leave alone: a site menu between the paragraphs is longer than an article's list; a short one that prose
    does not surround on both sides (only a heading above it) is chrome as before."""
    menu = "\n".join(f"* Section {n}" for n in range(1, 11))
    assert kept(page(menu)) == [PARA_A, PARA_B]
    tail = "\n\n".join([PARA_A, PARA_B, "More from us", "* Newsletters\n* Podcasts\n* Events"])
    assert kept(tail) == [PARA_A, PARA_B]


SLEEP_TOPICS = [
    "Bedtime fears and nightmares",
    "Night terrors",
    "Early rising",
    "Naps that run too long",
    "Sharing a room with a sibling",
    "Moving to a big bed",
    "Night weaning",
    "Teething",
    "Travel and time zones",
    "Illness",
    "Screens before bed",
    "A new baby in the house",
]
SLEEP_INTRO = "Sleep changes as a child grows, and the guide follows the questions parents ask most, including:"


def test_a_long_list_a_sentence_announces_is_the_articles():
    """A list longer than MAX_IN_TEXT_LIST_LINES is the article's when the line before it announces it (ends in a
    colon) and names each entry once (WCXB as page text, half a: 16 pages with such a list, "Soft skills
    include:", "Those states are:", "These include:", all in the labelled text; none on AEB's pages)."""
    items = "\n".join(f"* {topic}" for topic in SLEEP_TOPICS)
    text = "\n\n".join([PARA_A, SLEEP_INTRO, items, PARA_B])
    assert kept(text) == [PARA_A, SLEEP_INTRO, *SLEEP_TOPICS, PARA_B]


def test_a_long_run_no_sentence_announces_or_whose_entries_repeat_stays_chrome():
    """Leave alone: a donation box's staff list after a heading (snopes.com as page text on AEB's half a: "Editorial",
    then 16 names, then the appeal's paragraphs), and a row of sharing buttons printed above and below a byline
    (publico.es on fundus's half a), here even under a line that ends in a colon."""
    names = ["David Mills", "Doreen Marsh", "Bond Hubert", "Jordan Lyle", "Alex Kasper", "Dan Evans", "Liz Donald",
             "Vinny Green", "Ryan Miller", "Chad Orton"]  # fmt: skip
    staff = "\n".join(f"* {name}" for name in names)
    assert not set(names) & set(kept("\n\n".join([PARA_A, "Editorial", staff, PARA_B])))
    buttons = ["Tamaño de letra", "Color de fondo", "Comparte", "Comenta"]
    row = "\n".join(f"* {button}" for button in buttons)
    header = "\n".join([row, "Luna Gómez", "Madrid-29/05/2025 20:00", row])
    assert not set(buttons) & set(kept("\n\n".join([PARA_A, SLEEP_INTRO, header, PARA_B])))


def test_the_comment_form_and_the_cookie_plugins_list_after_the_article_end_it():
    """WordPress's "Leave a Reply" with its "Cancel reply" link, and the CookieYes plugin's "Privacy Overview" with
    its paragraphs on cookies, printed after the article (WCXB's 2025 pages as text)."""
    cookies = (
        "This website uses cookies to improve your experience while you navigate through the website. Out of "
        "these, the cookies that are categorized as necessary are stored on your browser."
    )
    form = "Your email address will not be published. Required fields are marked *"
    comment = (
        "I have been fishing in these bays for thirty years and the committee should have asked the crews "
        "themselves, who know better than any survey where the catch has gone."
    )
    assert kept(page() + "\n\nLeave a Reply Cancel reply\n\n" + form + "\n\n" + comment) == [PARA_A, PARA_B]
    assert kept(page() + "\n\nPrivacy Overview\n\n" + cookies + "\n\nNecessary") == [PARA_A, PARA_B]


def test_a_privacy_overview_heading_before_the_text_is_no_end():
    """Leave alone: an article that opens under such a heading keeps its text (a marker needs text before it)."""
    assert kept("Privacy overview\n\n" + page())[-2:] == [PARA_A, PARA_B]


SURVEY_INTRO = "The survey's main findings for the four ports were published on Friday."
SURVEY_FINDINGS = [
    "61.2% of registered Kilkeel vessels landed shellfish, mostly prawns and crab.",
    "Average landings per vessel rose 4.1% despite 12 fewer fishing days recorded.",
    "Three cooperatives reported higher fuel costs, insurance premiums and berth fees.",
    "Portavogie recorded the steepest whitefish decline since monitoring began.",
]


def test_a_list_of_statements_inside_the_article_is_kept() -> None:
    """A list's items are terse: with few stopwords, jusText's test called the findings chrome, and two of them in
    a row were dropped from the article (WCXB as page text: a list of statistics, a wedding checklist, a list of
    course topics)."""
    items = "\n".join(f"* {item}" for item in SURVEY_FINDINGS)
    text = "\n\n".join([PARA_A, SURVEY_INTRO, items, PARA_B])
    assert kept(text) == [PARA_A, SURVEY_INTRO, *SURVEY_FINDINGS, PARA_B]


def test_teaser_headlines_in_a_list_after_the_article_stay_chrome() -> None:
    """Left alone: a box of teaser headlines under the article (no full stop after a headline) stays chrome."""
    teasers = [
        "Harbour authority approves £4m dredging plan for the outer basin at Kilkeel",
        "Fishermen warn new quota rules could close three smaller County Down ports",
        "Seabed survey delayed again as contractor pulls out of Ardglass project",
    ]
    items = "\n".join(f"* {item}" for item in teasers)
    assert kept("\n\n".join([PARA_A, PARA_B, items, "© 2026 Harbour Gazette"])) == [PARA_A, PARA_B]


GERMAN_ARTICLE = [
    "Die Kommission hat am Donnerstag ihren Bericht vorgelegt und empfiehlt, die Förderung für kleine Betriebe im "
    "ländlichen Raum in den kommenden zwei Jahren deutlich aufzustocken, um die Abwanderung zu bremsen.",
    "Mehr als 300 Betriebe haben 2023 aufgegeben.",
    "Der Verband der Landwirte begrüßte den Vorschlag, forderte aber, dass die Mittel schneller ausgezahlt werden "
    "und die Anträge weniger Bürokratie verlangen als bisher, vor allem für Familienbetriebe.",
]
EMBED_NOTICES = [
    "An dieser Stelle finden Sie externen Inhalt, der den Artikel ergänzt. Sie können sich hier alle externen "
    "Inhalte mit einem Klick anzeigen lassen oder wieder ausblenden.",
    "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an "
    "Drittplattformen übermittelt werden. Mehr dazu in unserer Datenschutzerklärung.",
]


def test_the_consent_notice_of_an_embedded_post_is_dropped_and_the_article_goes_on_after_it() -> None:
    """zeit.de, omr.com, tagesspiegel.de as page text: the notice where an embedded post waits for consent was
    kept as a paragraph.  Dropped as plain chrome, it condemned the article's paragraphs after it; it is a
    placeholder the context pass looks past, as an ad slot's label."""
    first, short, last = GERMAN_ARTICLE
    text = "\n\n".join([first, *EMBED_NOTICES, short, "Foto: dpa", last])
    assert kept(text) == [first, short, last]  # the image's credit is a placeholder too (session 35)


def test_an_image_credit_between_paragraphs_is_dropped_and_the_text_goes_on() -> None:
    """Page text of trafilatura's evaluation pages and fundus's: "Foto: Ingo Pertramer", "(Bild: Dieter Stork)",
    "Photo by ev on Unsplash" between two paragraphs were kept as text; the text after them is still the
    article's."""
    first, short, last = GERMAN_ARTICLE
    for credit in (
        "Foto: Ingo Pertramer",
        "(Bild: Dieter Stork)",
        "Photo by ev on Unsplash",
        "Courtesy of Forests News",
    ):
        assert kept("\n\n".join([first, credit, short, last])) == [first, short, last]


def test_a_newsletter_pitch_between_paragraphs_is_dropped() -> None:
    """ "Get the latest articles ... delivered to your inbox." (glossgenius.com), "direkt in dein Postfach!" (a
    German marketing site of trafilatura's evaluation pages): a sentence, yet the site's pitch, not the text."""
    first, short, last = GERMAN_ARTICLE
    for pitch in (
        "Get the latest articles, inspiring how-to's, and educational workbooks delivered to your inbox.",
        "Aktuelle Stories und die wichtigsten News für Marketeers direkt in dein Postfach!",
    ):
        assert kept("\n\n".join([first, short, pitch, last])) == [first, short, last]


def test_a_sentence_about_an_inbox_is_no_pitch() -> None:
    """Left alone: text about e-mail ("... pipeline data directly in your email inbox", WCXB 4256's label)."""
    first, _, last = GERMAN_ARTICLE
    text = "The sidebar surfaces customer and pipeline data directly in your email inbox, next to each message."
    assert kept("\n\n".join([first, text, last])) == [first, text, last]


def test_a_sentence_about_photos_is_no_image_credit() -> None:
    """Left alone: a line that opens like a credit and is a sentence of the text."""
    first, _, last = GERMAN_ARTICLE
    for text in (
        "Foto: Die Feuerwehr rückte am Abend mit zwölf Fahrzeugen an.",
        "Photos of the flood show how high the water rose in the old town on Sunday night.",
    ):
        assert kept("\n\n".join([first, text, last])) == [first, text, last]


def test_sentences_about_external_content_in_an_article_are_left_alone() -> None:
    """Leave alone: an article's own sentences about external content and third-party platforms."""
    sentences = [
        "Die Plattform muss externe Inhalte künftig kennzeichnen, bevor sie den Nutzern angezeigt werden.",
        "Nach dem Urteil dürfen Daten nicht ohne Einwilligung an Drittplattformen weitergegeben werden.",
    ]
    first, _, last = GERMAN_ARTICLE
    assert kept("\n\n".join([first, *sentences, last])) == [first, *sentences, last]


def test_a_note_about_the_writer_named_in_the_byline_is_dropped_wherever_it_stands() -> None:
    """statnews.com, securityweek.com, fool.com, nachtkritik.de as page text: the note about the writer the byline
    names ("By Elaine Chen" ... "Elaine Chen covers biotech ...") stood above the text or among the lines after it,
    where the closing-bio pass does not look, and was kept as a paragraph."""
    note = (
        "Anna Kowalski covers the harbour, the fishing fleet and the council for the Harbour Gazette, and before "
        "that reported on shipping for a news agency in Gdańsk."
    )
    german = (
        "Anna Kowalski, Jahrgang 1979, ist Redakteurin der Harbour Gazette und schreibt über den Hafen, die "
        "Fischerei und die Arbeit des Stadtrats."
    )
    above = "\n\n".join(["By Anna Kowalski", note, *ARTICLE, "About us"])
    assert kept(above) == ["By Anna Kowalski", *ARTICLE]  # the byline line is the reader's to read
    among = "\n\n".join(["By Anna Kowalski", *ARTICLE, german, "Share this", "Facebook", PARA_A.upper(), "About us"])
    assert german not in kept(among)
    assert all(paragraph in kept(among) for paragraph in ARTICLE)


def test_a_paragraph_opening_with_someone_else_s_name_is_left_alone() -> None:
    """Leave alone: a paragraph about a person the byline does not name, however it opens."""
    about = (
        "Mark Evans is the third harbour master to resign in five years, and he told the committee that the "
        "quay had not been repaired since he took the job."
    )
    text = "\n\n".join(["By Anna Kowalski", ARTICLE[0], about, *ARTICLE[1:], "About us"])
    assert kept(text) == ["By Anna Kowalski", ARTICLE[0], about, *ARTICLE[1:]]


@pytest.mark.parametrize("heading", ["About the Author", "ABOUT THE AUTHOR:", "Über den Autor", "Die Autorin"])
def test_the_box_about_the_writer_after_the_story_ends_it(heading: str) -> None:
    """fool.com, netzpolitik.org, diepresse.com, royalroad.com as page text: under the heading, the note about the
    writer and the site's links were kept as the story's last paragraphs."""
    note = (
        "Anna Kowalski has reported on the harbour and its fishing fleet since 2009, and her book on the history "
        "of the east quay was published last spring by a small press in the town."
    )
    text = "\n\n".join([*ARTICLE, heading, note, "More from Anna Kowalski", "Harbour board delays vote until spring"])
    assert kept(text) == ARTICLE


def test_the_box_about_the_writer_above_the_story_leaves_the_story_alone() -> None:
    """Leave alone: a blog that prints the box about its writer above the post: the post follows it."""
    note = "Anna Kowalski writes about boats, harbours and the people who work in them."
    text = "\n\n".join(["About the Author", note, *ARTICLE, "Share this"])
    assert all(paragraph in kept(text) for paragraph in ARTICLE)


def test_a_note_introducing_someone_with_the_story_going_on_after_it_is_left_alone():
    """A short article's last three paragraphs are most of it: "Producer Judy Craymer is the highest new entry ..."
    opened its second of five paragraphs, and it and the story after it were dropped as a note about the author."""
    intro = (
        "Producer Jane Marlowe is the highest new entry in the list of the richest people in British music, "
        "with an estimated fortune of 45 million pounds."
    )
    result = kept("\n\n".join([PARA_A, intro, PARA_B, ARTICLE[2]]))
    assert intro in result and ARTICLE[2] in result


GERMAN_STORY = [
    "Das Ministerium hat am Freitag einen Entwurf für das neue Gesetz vorgelegt, über das seit zwei Jahren gestritten "
    "wird. Es soll regeln, wie Menschen ihren Eintrag beim Standesamt ändern können, ohne dafür ein Gutachten "
    "vorlegen zu müssen, wie es das alte Gesetz noch verlangt hat.",
    "Die Verbände begrüßen, dass der Entwurf nun endlich auf dem Tisch liegt, kritisieren aber einige der Klauseln, "
    "die in den letzten Wochen noch hinzugekommen sind. Vor allem die Regeln zum Hausrecht seien nicht nötig, sagte "
    "eine Sprecherin am Nachmittag in Berlin.",
]
GERMAN_COMMENT = (
    "Ich denke doch, dass es nur wenige Menschen gibt, denen das etwas bedeutet, und dass die Debatte darüber viel zu "
    "laut geführt wird. Welche gesetzliche Regelung würden Sie denn begrüßen, und was wünschen Sie sich sonst noch?"
)


def kept_german(text: str) -> list[str]:
    return [line.content for line in classify_lines(text, language="de").lines if line.good]


def test_a_count_of_comments_in_german_ends_the_article():
    """taz.de as page text (fundus, half a): "3 Kommentare" over the thread, whose comments were kept as the
    article's last paragraphs ("kommentare" alone was an end marker, the count was not, as "3 comments" is)."""
    thread = "\n\n".join(["3 Kommentare", "Magnus_15", "29.04.2023, 10:57 Uhr", GERMAN_COMMENT])
    assert kept_german("\n\n".join([*GERMAN_STORY, thread])) == GERMAN_STORY


def test_a_count_of_comments_in_the_header_or_a_commentary_label_leaves_the_article():
    """Left alone: sn.at prints "0 Kommentare" in its header under the headline, and a commentary is labelled
    "Kommentar" over its headline: the article after them stays."""
    header = "\n\n".join(["Kommentar", "Ein bisschen Fortschritt", "0 Kommentare", "Artikel teilen"])
    assert kept_german("\n\n".join([header, *GERMAN_STORY]))[-2:] == GERMAN_STORY


# A newspaper's footer menu as a browser copies it: each entry a line of its own.
FOOTER_MENU = ["* Home", "* News", "* Sport", "* Business", "* Weather", "* Contact us", "* Advertise", "* Jobs"]


def test_an_appeal_cut_off_from_the_article_by_the_footer_is_dropped() -> None:
    """snopes.com (AEB scraped, half a) and publicdomainreview.org (WCXB, half a) as page text: a donation appeal
    printed under the footer's menus was kept as the article's last paragraphs, as were a sister site's promotions
    (thegatewaypundit.com), a company's legal notes (jiffylube.com) and a teaser box (wdr.de).  It reads as prose
    line by line, and only the chrome around it parts it from the article."""
    appeal = [
        "Support independent journalism",
        "We rely on gifts from readers like you to keep every one of our stories free to read for anyone, with no "
        "paywall and no adverts, and each gift, however small it is, helps us to pay the people who do this work.",
        "If you can, please give a small amount every month: it takes less than a minute and you can stop at any "
        "time you like.",
        "Give now",
    ]
    text = "\n\n".join([*ARTICLE, *FOOTER_MENU, *appeal])
    assert kept(text) == ARTICLE


def test_the_articles_closing_section_under_a_widget_is_left_alone() -> None:
    """Leave alone: the article's closing section under a box of links set inside it (here a menu's entries) goes on
    with the article's subject: it is the article's, not the page's."""
    closing = [
        "The fishing cooperatives told the harbour master that the boats would return to the east quay once the "
        "repairs were finished, because the landing fees there are lower than at any other harbour on the coast.",
    ]
    text = "\n\n".join([*ARTICLE, *FOOTER_MENU, *closing])
    assert kept(text) == [*ARTICLE, *closing]


def test_a_long_section_under_a_widget_is_left_alone() -> None:
    """Leave alone: a section under a box of links that holds as many words as the text above it is the article's
    second half, though its words are mostly new ones, when it names the article's key words (harbour, committee,
    repairs): a stock guide's company profiles under its box of market data (fool.com on WCXB, half a) lost such a
    half in a version without the limit on the box's words."""
    profiles = [
        "Three smaller harbours along the estuary face the same problem, according to figures the committee obtained "
        "from the port authority, and two of them have already closed their slipways to larger trawlers.",
        "At Kilbride, volunteers rebuilt a collapsed wall last autumn using stone salvaged from a demolished "
        "warehouse, but engineers say such patchwork repairs rarely survive more than two winters of heavy swell.",
        "Insurance premiums for moorings have doubled since 2021, and several owners have sold their vessels rather "
        "than pay, which has left whole pontoons empty for most of the year.",
        "Campaigners want a single fund covering every harbour on the coast, financed by a small levy on tourist "
        "parking, an idea the regional assembly rejected twice before the pandemic.",
    ]
    text = "\n\n".join([*ARTICLE, *FOOTER_MENU, *profiles])
    assert kept(text) == [*ARTICLE, *profiles]


def test_a_dialog_cut_off_from_the_article_is_dropped_whatever_its_size() -> None:
    """srf.ch (fundus as text, half a): the messages of a login dialog the page hides until it is opened were kept
    under the footer's menus, as were a tax guide's advertising disclosure and a garden blog's category list (WCXB,
    half a).  Such a box can hold more than half the article's words; it names none of the words the article is
    about (here harbour, repairs, committee, master)."""
    dialog = [
        "Sign in",
        "Enter the e-mail address or mobile number you used when you registered, and we will send you a code to "
        "continue.",
        "A code has been sent to your mobile number. It is valid for fifteen minutes and can be used only once.",
        "The code you entered is not correct. Please check it and try again, or ask for a new one.",
        "Technical error",
        "Something went wrong on our side. Please try again in a few minutes or contact our customer service, who are "
        "available every day from 8 am to 8 pm.",
        "Create an account",
    ]
    text = "\n\n".join([*ARTICLE, *FOOTER_MENU, *dialog])
    assert kept(text) == ARTICLE


def test_a_section_under_a_widget_that_names_the_articles_key_words_is_left_alone() -> None:
    """Leave alone: a section under a box of links, in other words than the article's but naming one of the words it
    is about (repairs), is the article's (a guide's list of tools and a wedding checklist on WCXB, half a, name two
    or more of their articles' ten most printed words)."""
    elsewhere = [
        "Repairs elsewhere on the coast",
        "In the neighbouring county, a similar quay was rebuilt in 2019 with money raised by a levy on every tonne of "
        "fish landed, and the port there now handles twice as many vessels as it did before the storms.",
        "Engineers who worked on that project warned that costs rose by almost half once divers found that the "
        "foundations were older than the records suggested, and that insurers refused to cover the work.",
    ]
    text = "\n\n".join([*ARTICLE, *FOOTER_MENU, *elsewhere])
    assert kept(text) == [*ARTICLE, *elsewhere]


def test_a_section_under_a_brief_too_short_to_have_key_words_is_left_alone() -> None:
    """Leave alone: a brief that prints few words twice has no key words to test a block under it against; its
    second part under a box of links stays, though it names none of the brief's words."""
    brief = [PARA_A, PARA_B]
    second = [
        "Separately, the ferry operator confirmed on Friday that its timetable for the summer season will be published "
        "online next week, and that the crossing to the islands will run four times a day from the middle of May "
        "until the end of September.",
    ]
    text = "\n\n".join([*brief, *FOOTER_MENU, *second])
    assert kept(text) == [*brief, *second]


def _classified(text: str, cls: str, reason: str = "") -> Line:
    """A line as the context pass left it."""
    return Line(text=text, blank_before=True, content=text, words=len(text.split()), cls=cls, reason=reason)


def test_a_section_under_a_table_of_figures_is_left_alone() -> None:
    """Leave alone: cells of a table the reader dropped (figures printed more than once on the page: "1,200 t") are
    no chrome, so a short section under the table, in other words than the text above, stays the article's
    (iprimo.sg's wedding budget on WCXB, half a, lost its closing section to a version that counted them)."""
    article = [_classified(text, "good") for text in ARTICLE]
    cells = ["1,200 t", "1,200 t", "1,100 t", "1,100 t", "900 t", "900 t", "95", "95"]
    table = [_classified(cell, "bad", "repeated on the page") for cell in cells]
    method = _classified(
        "How we counted: volunteers from three angling clubs stood at the gates every Saturday morning for a year, "
        "noting each vessel and weighing a sample of boxes with scales borrowed from a supermarket chain.",
        "good",
    )
    lines = [*article, *table, method]
    after_context.drop_detached_blocks(lines, phrases())
    assert method.good
    menu = [_classified(entry, "bad", "menu entry") for entry in FOOTER_MENU]
    lines = [*article, *menu, method]
    after_context.drop_detached_blocks(lines, phrases())
    assert not method.good  # the same section under a footer's menu is the page's


def test_a_list_articles_headline_right_above_it_stays() -> None:
    """Leave alone: businessinsider.de's "10 things in tech you need to know today" (AEB scraped, half a) stands right
    over its numbered items with its byline, date and share buttons between; the items, each about other news, name
    none of the headline's words.  A block that ends in a headline over a byline or date line right above the article
    is its header (its title and date were lost to a version without the test)."""
    items = [
        "The ferry operator will cut its winter timetable to two sailings a day, and the harbour board says the cuts "
        "will cost the island's shops their busiest weekends of the season.",
        "Fishing boats landed a record catch of mackerel in October, although prices at the market fell by a third "
        "because the harbour board opened the quay to foreign boats for the month.",
        "The lifeboat crew rescued two kayakers off the north pier on Sunday evening; the harbour board praised the "
        "crew and asked visitors to check the tide tables before setting out.",
        "A survey of the seabed found the wreck of a cargo ship lost in 1911, and divers will film it for the museum "
        "once the harbour board grants them a permit for the dives.",
        "The council's budget for the ferry terminal rose again, and councillors will vote on the new figures next "
        "month after the harbour board publishes its accounts.",
    ]
    share = [
        _classified(button, "bad", "menu/button") for button in ("Facebook", "Twitter", "LinkedIn", "Email", "Print")
    ]
    header = [
        _classified("Anna Kowalski, Harbour Gazette", "bad", "menu entry"),
        _classified("19.11.2019, 08:57", "bad", "menu entry"),
    ]
    headline = _classified("Five stories from the coast you need to read today", "good")
    after_context.drop_detached_blocks(
        [headline, *header, *share, *(_classified(item, "good") for item in items)], phrases()
    )
    assert headline.good
    line = _classified("Five stories from the coast you need to read today", "good")
    more = [_classified(entry, "bad", "menu entry") for entry in ("News", "Sport")]
    after_context.drop_detached_blocks([line, *more, *share, *(_classified(item, "good") for item in items)], phrases())
    assert not line.good  # over the share buttons alone, with no byline or date under it, it is a box's
