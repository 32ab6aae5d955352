"""Notes about the writer printed with the article: not the article's text.

A page prints a note about its writer under the story, or over it ("Mirel Zaman is the health and fitness director
at PS ...", "Houston Mitchell is an assistant sports editor ..."), and the extractors keep it as the last (or
first) paragraph.  Once the writers are known, a paragraph that opens with one of their full names is such a
note, when the story itself never names them: a writer does not name themselves in their own story, while a
person the story is about, taken for its writer by mistake, is named in it again.  The page-text classifier
drops the same notes by the byline lines it sees (`clean.after_context.drop_writer_notes`); this stage does it
for every input once the authors are chosen.

Measured through the CLI (body F1, halves a / b): WCXB as web pages 0.9389 / 0.9406 -> 0.9392 / 0.9408, fundus as
web pages 0.9566 / 0.9540 -> 0.9568 / 0.9544, WCXB as page text 0.8933 / 0.9044 -> 0.8935 / 0.9046, trafilatura's
pages as text 0.8568 / 0.8386 -> 0.8571 / 0.8389; run-dev's AEB sets unchanged.  Of ~55 paragraphs it drops on
those pages and the dev sets, three are notes WCXB's labels count as text, and one a review's lead in which its
writer names herself ("Ellie Forbes ends the working week with a trip to El Santo ..."): left, as no test of the
words tells that lead from a note in every language.  Without the test of the story naming the person again,
a Polish page whose subject had been taken for its writer lost a paragraph about him.
"""

from __future__ import annotations

import re

from axis_ingest.document import Author

# A note is a sentence or more: a paragraph of fewer words that opens with the writer's name is a signature or
# a credit line, which other stages read.
MIN_NOTE_WORDS = 8


def without_writer_notes(paragraphs: list[str], authors: list[Author]) -> list[str]:
    """`paragraphs` without the notes about `authors` (see the module docstring); all of them when that would
    leave none."""
    notes: set[int] = set()
    for name in {author.name.strip() for author in authors if " " in author.name.strip()}:
        opening = re.compile(rf"{re.escape(name)}(?=[\s(,])")
        found = {i for i, p in enumerate(paragraphs) if opening.match(p) and len(p.split()) >= MIN_NOTE_WORDS}
        surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
        if found and not any(surname.search(p) for i, p in enumerate(paragraphs) if i not in found):
            notes |= found
    kept = [p for i, p in enumerate(paragraphs) if i not in notes]
    return kept or paragraphs
