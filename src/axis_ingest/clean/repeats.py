"""A page's text printed twice: the second copy of a long run of paragraphs is dropped.

Site builders print a page once per screen size and let CSS show one copy (Framer's and Webflow's responsive
variants, a theme's desktop and mobile article); an extractor cannot read CSS, so it keeps every copy, and the
stored body holds the article two or three times.  A story never means to print thousands of characters again
word for word, while it does repeat short things (a table's header row, a training plan's warm-up line, a
recipe's ingredient, a paragraph quoted again): only a run of whole paragraphs, in the same order, at least
MIN_REPEATED_RUN_CHARS long, counts as a copy.
"""

from __future__ import annotations

# Characters of a run of paragraphs, repeated verbatim later in a body, that make the later run a copy.  WCXB's
# pages as HTML (half a): the copies were 9,840 characters (a yoga studio software's guide, every paragraph twice)
# and 17,811 (a remodeling guide built with Framer, three times); the longest repeat an article means (a paragraph
# a story prints again, a tour's "Included Services" line, a list of an office's addresses) 659.
MIN_REPEATED_RUN_CHARS = 2_000
# Earlier places a paragraph is compared from: enough for an article printed three or four times, and a bound on
# the work for a body whose short lines repeat hundreds of times ("Read More" under every card).
MAX_EARLIER_STARTS = 8


def without_repeated_runs(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without each later copy of a run of paragraphs of MIN_REPEATED_RUN_CHARS or more.

    The first copy stays where it is printed, and so does whatever lies between the copies.
    """
    if sum(map(len, paragraphs)) < 2 * MIN_REPEATED_RUN_CHARS or len(set(paragraphs)) == len(paragraphs):
        return paragraphs
    starts: dict[str, list[int]] = {}
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        copied = _copied_run(paragraphs, index, starts.get(paragraphs[index], []))
        if not copied:
            kept.append(paragraphs[index])
        step = copied or 1  # a copy is skipped whole; its paragraphs stay places later copies compare from
        for position in range(index, index + step):
            starts.setdefault(paragraphs[position], []).append(position)
        index += step
    return kept


def _copied_run(paragraphs: list[str], index: int, earlier: list[int]) -> int:
    """Paragraphs from `index` on that repeat, in order, a run starting at one of the `earlier` places and ending
    before `index`, when that run holds MIN_REPEATED_RUN_CHARS or more (the longest such run); else 0."""
    best = 0
    for start in earlier[:MAX_EARLIER_STARTS]:
        length = chars = 0
        while (
            start + length < index
            and index + length < len(paragraphs)
            and paragraphs[start + length] == paragraphs[index + length]
        ):
            chars += len(paragraphs[index + length])
            length += 1
        if chars >= MIN_REPEATED_RUN_CHARS:
            best = max(best, length)
    return best
