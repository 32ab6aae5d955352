"""Line classification rules of clean.boilerplate: each with an input it fixes and one it leaves alone."""

from __future__ import annotations

from axis_ingest.clean.boilerplate import classify_lines, line_fingerprint, recurring_lines

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


def test_most_read_list_removed_up_to_next_paragraph():
    text = page("Most read\nMayor defends budget cuts\nFerry routes closed again\nFive places to eat")
    assert kept(text) == [PARA_A, PARA_B]


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
    for table in ("chrome_lines", "chrome_fragments", "chrome_hints", "end_markers", "section_markers"):
        for phrase in data[table]:
            literal = re.sub(r"\\.", "", phrase)  # regex escapes (\W, \S, \d) are not letters to match
            assert literal == literal.lower(), (table, phrase)


def test_phrase_tables_match_whatever_the_case() -> None:
    from axis_ingest.clean.boilerplate import phrases

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
