"""jusText's context pass over a page text's lines: a line that is not clear on its own takes its neighbours' class.

jusText (Pomikálek 2011) classifies each block on its own (length, stopword density), then revises the short and
near-good ones by the good and bad blocks around them: short lines between good lines are good, short lines
between chrome are chrome, a heading with good text after it stays.  `revise` applies that to lines, with the
plain-text additions measured on scraped pages (an ad slot's label interrupts the text and does not end it, the
block a sentence ending in a colon introduces belongs to the text, a sentence with few stopwords between good lines
is text); `promote_runs`, before it, makes a run of short sentences running text, as a tabloid writes it.  Apart
from the per-line judgement (`boilerplate`) and from the passes that read the page as a whole after it
(`after_context`).
"""

from __future__ import annotations

from axis_ingest.clean.lines import Line, placeholder
from axis_ingest.clean.recurring import RECURRING

# Heading lines are rescued when a good line follows within this many characters (jusText's default).
MAX_HEADING_DISTANCE = 200
# Tabloid pages write one-sentence paragraphs that never reach LENGTH_HIGH, so jusText finds
# no good block at all; a run of this many consecutive sentence lines (neargood, or short
# sentences) holding RUN_MIN_WORDS words is promoted to good.  3 lines / 60 words took the
# AEB pages with no good block from F1 0 without promoting teaser lists (headlines lack '.').
RUN_MIN_LINES = 3
RUN_MIN_WORDS = 60
# A sentence of this many words that is "bad" only for its stopword density (a quote with a name
# and a title: '"We cannot ...," Commissioner Teresa Ribera told reporters.') continues a run.
# AEB scraped, half a / half b: without 0.9087 / 0.9152; 10 words 0.9083 / 0.9165; 15 words
# 0.9106 / 0.9165; 20 words 0.9083 (shorter lines of names are more often credits and captions).
RUN_QUOTE_MIN_WORDS = 15
# A sentence ending in a colon introduces the short lines under it (see `_introduced_blocks`) when it has
# at least this many words ("Share this:" and "Related posts:" do not).
MIN_INTRO_WORDS = 6
# A line that only the batch's other pages condemn (learnt chrome, `recurring`), no list item and at most this many
# words, is looked past by the pass, as a placeholder is: it is dropped, but it neither ends the text nor parts it
# from a table or list it heads.  Learnt across a batch of pages of many outlets, such a line may be a heading that
# many articles print ("Ingredients", "Monday", "Pros:", "Key Takeaways"); as a hard edge it cut a meal plan's
# shopping table and the days under it out of the article (WCXB 0096 as text: 1,446 words labelled, 527 kept).
# Page text through the CLI, body F1 halves a / b: WCXB 0.8991 / 0.9105 -> 0.9014 / 0.9117, fundus 0.9273 / 0.9075
# -> 0.9285 / 0.9087, Readability's pages 0.8963 / 0.8556 -> 0.8994 / 0.8561, run-dev AEB scraped 0.9567 / 0.9392
# -> 0.9566 / 0.9396.  Learning switched off altogether: 0.9010 / 0.9109, 0.9248 / 0.9067, 0.8983 / 0.8585, 0.9561 /
# 0.9395.  Looking past lines with a chrome reason of their own as well lost 0.0019 / 0.0049 on AEB scraped
# (msn.com's "© Amazon" had parted a column of other headlines from the article).  Six words instead of three: the
# same, but Readability's 0.8991 / 0.8558.
LEARNT_LOOKED_PAST_WORDS = 3


def promote_runs(lines: list[Line]) -> None:
    """Runs of consecutive sentence lines are running text even when each line is short.

    Short lines without chrome phrases (a one-line quote, a subheading) do not break a run."""
    run: list[Line] = []

    def close() -> None:
        sentences = [x for x in run if x.sentence]
        if len(sentences) >= RUN_MIN_LINES and sum(x.words for x in run) >= RUN_MIN_WORDS:
            for x in run:
                if x.cf in ("neargood", "bad") and x.sentence:
                    x.cf = "good"
        run.clear()

    for line in lines:
        if line.cf in ("good", "neargood") or (line.cf == "short" and not line.reason) or _quote_like(line):
            run.append(line)
        else:
            close()
    close()


def _quote_like(line: Line) -> bool:
    """A sentence judged bad only for its few stopwords (a quote with its speaker's name and title,
    a line of figures): it carries no chrome phrase, so inside a run of prose it is prose."""
    return line.cf == "bad" and not line.reason and line.sentence and line.words >= RUN_QUOTE_MIN_WORDS


def _shown_class(line: Line, ignore_neargood: bool) -> str | None:
    """The class a line shows the lines around it in the context pass, or None when they look past it: a
    short line, a neargood one when asked to ignore those, a placeholder (an ad slot's label, an embed's consent
    notice: it interrupts the text), a short line only learnt as chrome (`_learnt_heading`)."""
    if line.cls == "good" or (line.cls == "neargood" and not ignore_neargood):
        return line.cls
    return "bad" if line.cls == "bad" and not placeholder(line) and not _learnt_heading(line) else None


def _learnt_heading(line: Line) -> bool:
    """A short line condemned only by the batch's other pages (LEARNT_LOOKED_PAST_WORDS): a site's menu entry or a
    heading that many outlets print, which the pass cannot tell apart, so it looks past it."""
    return line.reason == RECURRING and not line.bullet and line.words <= LEARNT_LOOKED_PAST_WORDS


def _neighbour(lines: list[Line], i: int, step: int, ignore_neargood: bool) -> str:
    i += step
    while 0 <= i < len(lines):
        if shown := _shown_class(lines[i], ignore_neargood):
            return shown
        i += step
    return "bad"


def _neighbour_classes(lines: list[Line], ignore_neargood: bool) -> tuple[list[str], list[str]]:
    """`_neighbour` of every line in both directions, in two passes over the classes as they are now.

    Asking `_neighbour` line by line walked the same run again for each of its lines: quadratic on a long
    list of short lines (a table of 4,000 rows took 2.2 s, 8,000 rows 9 s)."""
    before, after = ["bad"] * len(lines), ["bad"] * len(lines)
    seen = "bad"
    for i, line in enumerate(lines):
        before[i] = seen
        seen = _shown_class(line, ignore_neargood) or seen
    seen = "bad"
    for i in range(len(lines) - 1, -1, -1):
        after[i] = seen
        seen = _shown_class(lines[i], ignore_neargood) or seen
    return before, after


def revise(lines: list[Line]) -> None:
    """jusText's context-sensitive pass, applied to lines instead of HTML blocks."""
    for i, line in enumerate(lines):
        line.cls = line.cf
        if line.heading and line.cls == "short" and _good_within(lines, i):
            line.cls = "neargood"
    new: dict[int, str] = {}
    clean_text = not any(line.reason and line.reason != "no words" for line in lines)
    introduced = _introduced_blocks(lines)
    previous, following = _neighbour_classes(lines, ignore_neargood=True)
    previous_any, following_any = _neighbour_classes(lines, ignore_neargood=False)
    for i, line in enumerate(lines):
        if line.cls != "short":
            continue
        prev, nxt = previous[i], following[i]
        if clean_text and prev == "good" and line.sentence and _last_words(lines, i):
            # jusText counts the end of the page as a bad neighbour; in a text with no chrome at all
            # (an article pasted as text) that took its short closing sentence
            new[i] = "good"
        elif prev == nxt:
            new[i] = prev
        elif (
            (prev == "bad" and previous_any[i] == "neargood")
            or (nxt == "bad" and following_any[i] == "neargood")
            or i in introduced
        ):
            new[i] = "good"
        else:
            new[i] = "bad"
    for i, c in new.items():
        lines[i].cls = c
    # Each neargood line by the classes of its neighbours, the earlier neargood lines already decided: the
    # line before is the last one decided, the line after the next good or bad one as the short lines left it.
    _, following = _neighbour_classes(lines, ignore_neargood=True)
    seen = "bad"
    for i, line in enumerate(lines):
        if line.cls == "neargood":
            line.cls = "bad" if (seen, following[i]) == ("bad", "bad") else "good"
        seen = _shown_class(line, ignore_neargood=True) or seen
    for i, line in enumerate(lines):
        if line.heading and line.cls == "bad" and line.cf != "bad" and _good_within(lines, i):
            line.cls = "good"
    # Plain-text addition: a sentence judged bad only for few stopwords (names, figures) but set
    # between good lines is part of the text; jusText never revises "bad", HTML has link density.
    for i, line in enumerate(lines):
        between_good = _neighbour(lines, i, -1, True) == "good" == _neighbour(lines, i, 1, True)
        if line.cf == "bad" and not line.reason and line.sentence and between_good:
            line.cls = "good"


def _introduced_blocks(lines: list[Line]) -> set[int]:
    """The short lines under a sentence of the text that ends in a colon: the block it introduces (a table or
    list under "... after 36 races:"), which belongs to the text even where chrome follows it.  One pass: a
    walk back from each short line cost quadratic time on a list of thousands of lines (8,000: 8 s)."""
    block: set[int] = set()
    introduced = False
    for i, line in enumerate(lines):
        if line.reason == "no words":
            continue
        if line.cls == "short":
            if introduced:
                block.add(i)
            continue
        introduced = line.cls in ("good", "neargood") and line.content.endswith(":") and line.words >= MIN_INTRO_WORDS
    return block


def _last_words(lines: list[Line], i: int) -> bool:
    """Nothing but lines without words follows line i."""
    return all(line.reason == "no words" for line in lines[i + 1 :])


def _good_within(lines: list[Line], i: int) -> bool:
    distance = 0
    for j in range(i + 1, len(lines)):
        if distance > MAX_HEADING_DISTANCE:
            return False
        if lines[j].cls == "good":
            return True
        distance += len(lines[j].content)
    return False
