"""An article's questions and answers in <details> elements whose class says they expand (issue 13, session 35):
trafilatura drops blocks whose class holds "expand", so the answers were lost (WCXB 0073, a health guide's FAQ)."""

from __future__ import annotations

from axis_ingest.readers.html import read_html

INTRO = (
    "<p>Use the Healthy Eating Plate as a guide for creating healthy, balanced meals, whether served at the table "
    "or packed in a lunch box. The plate shows how much of each food group belongs in a meal.</p>"
    "<p>Make most of your meal vegetables and fruits, half of your plate. Aim for color and variety, and remember "
    "that potatoes do not count as vegetables because of their negative impact on blood sugar.</p>"
    "<p>Go for whole grains, a quarter of your plate. Whole and intact grains have a milder effect on blood sugar "
    "and insulin than white bread, white rice and other refined grains.</p>"
)
ANSWER = (
    "The Healthy Eating Plate does not define a certain number of calories or servings per day from each food "
    "group. The relative section sizes suggest approximate relative proportions of each of the food groups."
)
SECOND_ANSWER = (
    "As the name suggests, the plate is drawn as a single plate, however it can be used as a guide for creating "
    "healthy, balanced meals no matter which type of dishware is used at home."
)


def _page(details_class: str) -> str:
    faq = "".join(
        f'<details class="{details_class} bg-light border-left"><summary class="h6">{question}</summary>'
        f"<p>{answer}</p></details>"
        for question, answer in (
            ("Are the relative sizes of the plate's sections based on calories or volume?", ANSWER),
            ("How can I apply this guide if I don't eat my meals from a single plate?", SECOND_ANSWER),
        )
    )
    return (
        "<html><head><title>Healthy Eating Plate</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/topics'>Topics</a></li></ul></nav>"
        f"<main><article><h1>Healthy Eating Plate</h1>{INTRO}<h2>Your Questions Answered</h2>"
        f'<div class="hsph-bootstrap">{faq}</div>'
        "<h2>Permissions for Use</h2><p>The Healthy Eating Plate image is owned by the university. The "
        "downloadable version may be used, without permission, for educational and other non-commercial uses.</p>"
        "</article></main><footer><p>Copyright 2025 The Nutrition Source</p></footer></body></html>"
    )


def test_the_answers_of_an_faq_in_details_marked_expandable_are_kept() -> None:
    [doc] = read_html(_page("expandable"))
    assert ANSWER in doc.body
    assert SECOND_ANSWER in doc.body
    assert "Are the relative sizes of the plate's sections based on calories or volume?" in doc.body


def test_details_marked_as_comments_stay_out() -> None:
    """Left alone: only the token saying the element expands is looked past; a <details> that holds the reader
    comments ("comments" in its class) is still no part of the article."""
    [doc] = read_html(_page("expandable comments-area"))
    assert ANSWER not in doc.body
    assert "Whole and intact grains have a milder effect" in doc.body
