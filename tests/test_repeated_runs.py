"""A page's text printed twice (a site builder's copy per screen size) is stored once; meant repeats stay."""

from __future__ import annotations

from axis_ingest.clean.repeats import MIN_REPEATED_RUN_CHARS, without_repeated_runs
from axis_ingest.readers.html import read_html

GUIDE = [
    "What does it cost to renovate a branch library? Councils that have done it in the last five years spent "
    "between 1.2 and 4.8 million, depending on whether the building kept its walls or was gutted to the frame.",
    "The largest single item is nearly always the heating and ventilation plant. Buildings of the 1960s and 1970s "
    "were designed for a few hundred visitors a day with the windows open, not for a room full of laptops.",
    "Accessibility work comes next. A step-free entrance, a lift to the upper floor and toilets a wheelchair user "
    "can turn round in add between 300,000 and 700,000 to a budget, more where the lift shaft has to be dug.",
    "Shelving is cheaper than most trustees expect. Moving shelves onto castors lets the ground floor clear for "
    "evening events, and several of the branches we visited now earn hire income from rooms that were stacks.",
    "Planning permission rarely holds a project up, but listed status does. Two of the twelve libraries in our "
    "survey waited more than a year for consent to replace single glazing with slim double-glazed units.",
    "Staff should be asked before the architect draws anything. The desk that sits opposite the door in every "
    "plan is the one librarians say they never use, because the questions come at the shelves, not the entrance.",
    "Temporary premises cost more than the brochure suggests. A shop unit on the high street kept one branch open "
    "during its works, at 9,000 a month plus the cost of moving 30,000 books twice.",
    "Finally, budget for the opening. Visitor numbers at the refurbished branches rose by a third in the first "
    "year, and the extra footfall needs staff hours that were not in the original business case.",
    "Libraries that stayed open through their works kept more of their regular borrowers. Where a branch closed "
    "for over a year, a fifth of its card holders had not come back twelve months after it reopened.",
    "Energy bills are the saving councils quote most often. Heat pumps, roof insulation and LED lighting cut the "
    "running costs of the four branches that fitted all three by between 35 and 60 per cent.",
    "Our full table of the twelve projects, with their budgets, timetables and visitor figures before and after, "
    "is published alongside this guide and will be updated as the three projects still on site finish.",
]


def test_a_second_copy_of_a_long_run_is_dropped_and_what_lies_between_stays():
    assert sum(map(len, GUIDE)) >= MIN_REPEATED_RUN_CHARS
    body = ["Library renovation costs", *GUIDE, "Subscribe to our newsletter", *GUIDE]
    assert without_repeated_runs(body) == ["Library renovation costs", *GUIDE, "Subscribe to our newsletter"]
    assert without_repeated_runs([*GUIDE, *GUIDE, *GUIDE]) == GUIDE


def test_short_repeats_an_article_means_stay():
    table = "Week | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday"
    warm_up = "- Warm up: 10-20 minutes of easy jogging, then five 15-second strides."
    plan = [table, warm_up, "- Tuesday: intervals", table, warm_up, "- Thursday: steady run", *GUIDE[:3]]
    assert without_repeated_runs(plan) == plan
    # a story that prints its opening paragraphs again at its end (under the 2,000 characters of a copy)
    story = [*GUIDE, *GUIDE[:4]]
    assert sum(map(len, GUIDE[:4])) < MIN_REPEATED_RUN_CHARS
    assert without_repeated_runs(story) == story


def _variants_page(*variants: str) -> str:
    return (
        "<html><head><title>What a library renovation costs | Civic Spaces</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/guides'>Guides</a></nav><main>"
        "<h1>What a library renovation costs</h1>" + "".join(variants) + "</main><footer>© Civic Spaces</footer>"
        "</body></html>"
    )


def test_a_page_printed_once_per_screen_size_gives_its_text_once():
    paragraphs = "".join(f"<p>{p}</p>" for p in GUIDE)
    page = _variants_page(
        f'<div class="framer-1x2y3 hidden-phone hidden-tablet">{paragraphs}</div>',
        f'<div class="framer-1x2y3 hidden-desktop hidden-tablet">{paragraphs}</div>',
        f'<div class="framer-1x2y3 hidden-desktop hidden-phone">{paragraphs}</div>',
    )
    [doc] = read_html(page)
    assert doc.paragraphs == GUIDE


def test_a_page_that_quotes_a_paragraph_again_keeps_both():
    quote = GUIDE[5]
    paragraphs = "".join(f"<p>{p}</p>" for p in GUIDE[:7]) + f"<p>{quote}</p>" + f"<p>{GUIDE[-1]}</p>"
    [doc] = read_html(_variants_page(f"<article>{paragraphs}</article>"))
    assert doc.paragraphs.count(quote) == 2
    assert doc.paragraphs[-1] == GUIDE[-1]
