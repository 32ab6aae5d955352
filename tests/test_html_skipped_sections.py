"""Sections of prose trafilatura's pass skips between two paragraphs it keeps, put back where the second extractor
(Resiliparse) prints them there (issue 13, session 48: WCXB's nescafe.com history of coffee lost its first half)."""

from __future__ import annotations

import lxml.html

from axis_ingest.readers.html_extract import _prose_skipped_between_kept, restore_skipped_sections, second_opinion

OPENING = (
    "Coffee is part of the morning in most of the world, yet the drink is younger than bread or beer. Historians "
    "still argue about where it was first brewed."
)
CLOSING = (
    "By the end of the eighteenth century coffee was grown on three continents, and the trade that carried it "
    "shaped ports from Amsterdam to Rio."
)
SKIPPED = [
    "The best-known legend begins in the highlands of Ethiopia, where a goat herder is said to have noticed that "
    "his animals grew restless after eating the red berries of a shrub. He took the berries to a monastery, and "
    "the monks, who needed to stay awake through long evening prayers, boiled them into a bitter drink.",
    "Written records are younger than the legend. The first reliable accounts come from Sufi communities in "
    "Yemen in the fifteenth century, who roasted the beans and drank the brew at night. From the port of Mocha "
    "the beans travelled to Cairo, Mecca and Istanbul, where the first public coffee houses opened and quickly "
    "became places for music, chess and the news of the day.",
]
TEASERS = [
    "How to grind beans for a French press",
    "Mar 3, 2026",
    "A short guide to the grind sizes that suit each way of brewing, from espresso to cold brew, with the times "
    "that go with them and the mistakes most people make at home.",
    "Why crema is not a sign of quality",
    "Feb 26, 2026",
    "Baristas have long judged an espresso by its foam, but the layer tells more about the age of the beans than "
    "about their taste, and a fresh roast can even give too much of it for a balanced cup.",
    "Storing beans: jar, bag or freezer?",
    "Feb 19, 2026",
    "Air, light and warmth take the aroma out of roasted beans within weeks, so the way they are kept at home "
    "matters as much as the date on the bag, and the freezer helps less than many people think.",
]


WIDGET = (  # a calculator and a newsletter box set between two paragraphs (a recipe site's, on the dates dev set)
    "<div class='calculator'><form><div>Caffeine calculator</div><p>Caffeine is the amount of the stimulant a drink "
    "holds divided by the size of the cup. It is an estimate of whether your daily intake is within the limits "
    "that health authorities recommend for adults, and it does not replace the advice of a doctor.</p>"
    "<label>Cups a day<input type='number' name='cups'></label></form>"
    "<div id='newsletter'><div>Hungry for new coffee ideas? Sign up to our newsletter now, it is free!</div>"
    "<label>E-mail<input type='email' name='email'></label><p>Yes, I agree that the publisher may use my e-mail "
    "address to send me newsletters with the content I have chosen above. I know that I can withdraw this "
    "consent at any time, free of charge, with a link at the end of every newsletter.</p></div></div>"
)


def _page(between: str, after: str = "") -> str:
    return (
        f"<html><body><h1>A short history of coffee</h1><p>{OPENING}</p>{between}<p>{CLOSING}</p>{after}</body></html>"
    )


def test_a_section_of_prose_between_two_kept_paragraphs_is_put_back() -> None:
    section = "".join(f"<p>{paragraph}</p>" for paragraph in SKIPPED)
    page = _page(f'<div class="history-section"><h2>The legend of the goat herder</h2>{section}</div>')
    second = second_opinion(page)  # the extractor's own reading of the page, not a hand-written one
    assert SKIPPED[0] in second
    restored = restore_skipped_sections(lxml.html.fromstring(page), [OPENING, CLOSING], second, [], frozenset())
    assert restored == [OPENING, "The legend of the goat herder", *SKIPPED, CLOSING]
    assert _prose_skipped_between_kept(lxml.html.fromstring(page), [OPENING, CLOSING])


def test_teaser_cards_short_gaps_ad_slots_and_text_after_the_article_stay_out() -> None:
    """Left alone: a row of teaser cards between the paragraphs (each card prints its date), a gap of fewer than
    SKIPPED_MIN_WORDS words (`fill_gaps` judges those), a section beside an advertisement slot the page prints
    twice, a calculator and a newsletter box (their explanation and consent read as prose), and prose after the
    last kept paragraph (comments, an author's biography)."""
    kept = [OPENING, CLOSING]
    cards = "".join(f"<p>{line}</p>" for line in TEASERS)
    ad = "<p>Don't want to see this? Remove ads</p>"
    for between in (
        f'<div class="cards">{cards}</div>',
        f"<p>{SKIPPED[0]}</p>",
        f"{ad}<p>{SKIPPED[0]}</p>{ad}<p>{SKIPPED[1]}</p>",
        WIDGET,
    ):
        page = _page(between)
        restored = restore_skipped_sections(lxml.html.fromstring(page), kept, second_opinion(page), [], frozenset())
        assert restored == kept, between[:40]
    comments = "".join(f"<p>{paragraph}</p>" for paragraph in SKIPPED)
    page = _page("", after=f'<section class="comments">{comments}</section>')
    assert restore_skipped_sections(lxml.html.fromstring(page), kept, second_opinion(page), [], frozenset()) == kept
    assert not _prose_skipped_between_kept(lxml.html.fromstring(page), kept)
