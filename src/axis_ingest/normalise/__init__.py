"""The normalise stage: evidence as printed -> the contract's typed metadata fields.

Readers of every format put what they found into `doc.evidence` (most trusted
first); this stage parses and chooses, so each rule is written once.  It never
invents: a field with no trustworthy evidence stays empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from axis_ingest.config import Settings
from axis_ingest.detectors import MAX_BYLINE_WORDS, date_line_parts
from axis_ingest.document import Author, Document, Evidence
from axis_ingest.fetched import apply_fetched_evidence
from axis_ingest.names.bylines import (
    MIN_ONE_WORD_NAME_POPULARITY,
    credits_a_desk,
    is_full_name,
    names_an_organisation,
    not_a_name,
    opens_with_given_name,
    parse_byline,
    person_key,
    strip_byline_prefix,
    without_language_prefix,
)
from axis_ingest.names.common_words import is_common_word, is_function_word
from axis_ingest.names.given_names import popularity
from axis_ingest.names.organisations import name_key
from axis_ingest.normalise.dates import (
    ParsedDate,
    names_an_update,
    offset_from_utc,
    parse_date,
    parse_utc,
    split_date_line,
)
from axis_ingest.normalise.language import choose_language, language_sample
from axis_ingest.normalise.publisher import choose_publisher, domain_of, find_origin

__all__ = ["choose_time", "language_samples", "normalise_authors", "normalise_document"]

_ZERO = timedelta(0)
# Fewest dated candidates for a vote between days; with two, a disagreement keeps the most trusted.
MIN_VOTES = 3
_MAX_OFFSET = timedelta(hours=14)  # the widest UTC offset in use (Kiribati +14)
# A page-wide guess (a URL's day) may stand for the local day of a UTC time only at offsets
# down to Alaska's -9 h west of UTC.  Calibrated on the dates dev set: guesses that moved a UTC
# time to the day before implied -1.8, -2.3 and -7.4 h (all right) and -10.1 h (wrong: the
# URL held the day the story was created, not published).
_GUESS_WEST = timedelta(hours=9)
PRECISION_RANK = {"month": 0, "day": 1, "minute": 2, "second": 3}
# A name on a date line has a given name and a surname, and at most a middle name.
MIN_DATE_LINE_NAME_WORDS = 2
MAX_DATE_LINE_NAME_WORDS = 3
# A personal site is named after its author ("Sam Bossley" on sam.bossley.com): a given name and one or two
# more words.  On WCXB's 2025 article pages (half a), 6 persons were dropped as the site's own name, on six
# unrelated personal sites and blogs.
SITE_OWNER_NAME_WORDS = (2, 3)
# A site's key this long found inside an author's name makes it the site's ("volksblatt" in "OÖ Volksblatt"); a
# shorter one is found inside names by chance.
SITE_KEY_MIN_CHARS = 6
# A handle spells a full name (`_handle_forms`) only in forms longer than this: "nirmitap" of "kffnirmitap",
# "jsmith"; shorter ones ("anab", "tomk") end other handles by chance.
MIN_HANDLE_PART = 4
# A copyright notice's holder is a person when the given name is at least this common (given_names.popularity,
# 0-9): set once, not tuned ("Johannes" 8, "André" 9; "Baran" of "Baran Entertainment" 3).
COPYRIGHT_GIVEN_NAME_POPULARITY = 5
# The credit line's roles that make a person an author ("Reporting by A; Writing by B"); an editor, translator,
# photographer or researcher it credits ("Editing by C") is kept in metadata "credits", as is a credited
# reporter of a story whose byline names its writers ("Additional reporting by D"): the labelled pages list the
# byline alone (Reuters of 2020 on the authors dev set and of 2024 on fundus's pages, a reviewing editor on WCXB's).
AUTHOR_ROLES = frozenset({"reporting", "writing"})
# Roles of the persons a later byline may add to the writers found first: a plain byline's and a "Written by"
# byline's.  Not "Reporting by" of a wire story's credit line, whose reporters are credits beside the writer.
COMPLETING_ROLES = frozenset({None, "writing"})


def _by_agreement(candidates: list[ParsedDate]) -> list[ParsedDate]:
    """Candidates with the best-supported calendar day first; ties keep the order of trust.

    A page states its publication day in several places (JSON-LD, meta tags, <time>, the
    visible date line, htmldate's search).  One stale source (a template's creation date, a
    first draft's datePublished) is outvoted when the others agree on another day: measured
    on the dates dev set, where the first source alone was wrong on pages whose other sources agreed.
    """
    days = [c.value.date() for c in candidates if c.precision != "month"]
    if len(days) < MIN_VOTES:
        return candidates
    votes = Counter(days)
    first = days[0]
    best = max(votes, key=lambda day: (votes[day], day == first))
    if votes[best] <= votes[first]:
        return candidates
    return sorted(candidates, key=lambda c: c.precision == "month" or c.value.date() != best)


def choose_time(
    printed: list[str],
    utc_given: list[str],
    *,
    languages: tuple[str, ...] = (),
    zone: str | None = None,
    guesses: list[str] | tuple[str, ...] = (),
) -> tuple[ParsedDate | None, str | None]:
    """Pick the time from evidence (most trusted first) and its UTC instant when known.

    The first parseable candidate decides the day; a later candidate for the same
    day may add precision (a time, an offset).  A year-less candidate ("March 4"
    in a wire dateline) takes its year from the first dated one.  `guesses` (a
    page-wide search's date) rank last: they vote and fill a gap, but never move
    a stated UTC time to another local day.
    """
    stated_count = len(printed)
    printed = [*printed, *(g for g in guesses if g not in printed)]
    parsed = [parse_date(text, languages=languages) for text in printed]
    dated = next((p for p in parsed if p is not None), None)
    utc_text = next((t for t in utc_given if parse_utc(t)), None)
    reference = dated.value.date() if dated else None
    if reference is None and utc_text:
        reference = parse_date(utc_text).value.date() if parse_date(utc_text) else None
    if reference is not None:
        parsed = [
            p if p is not None else parse_date(t, languages=languages, reference=reference)
            for p, t in zip(parsed, printed, strict=True)
        ]
    stated = {id(p) for p in parsed[:stated_count] if p is not None}
    candidates = _by_agreement([p for p in parsed if p is not None])
    chosen = candidates[0] if candidates else None
    if chosen is not None:
        for other in candidates[1:]:
            same_day = other.value.date() == chosen.value.date() and chosen.precision != "month"
            if same_day and PRECISION_RANK[other.precision] > PRECISION_RANK[chosen.precision]:
                chosen = other
            elif same_day and other.offset is not None and chosen.offset is None and other.value == chosen.value:
                chosen = replace(chosen, offset=other.offset)
        chosen = offset_from_utc(chosen, utc_text).with_zone(zone)
    utc = parse_utc(utc_text) if utc_text else None
    if chosen is not None and chosen.offset == _ZERO and chosen.precision in ("minute", "second"):
        # The same instant printed with the site's own offset gives the local calendar day.
        same = next((c for c in candidates if c.offset not in (None, _ZERO) and c.utc() == chosen.utc()), None)
        if same is not None:
            utc, chosen = utc or chosen.utc(), same
    if chosen is not None and chosen.offset == _ZERO and chosen.precision in ("minute", "second"):
        # A time given in UTC ("...Z") pins the instant, not the local calendar day: a later
        # candidate printed without zone whose day lies within ±14 h of it is the local date.
        high = (chosen.value + _MAX_OFFSET).date()
        local = next(
            (
                c
                for c in candidates
                if c.offset is None
                and c.value.date() != chosen.value.date()
                and (chosen.value - (_MAX_OFFSET if id(c) in stated else _GUESS_WEST)).date() <= c.value.date() <= high
                and c.precision != "month"
            ),
            None,
        )
        if local is not None:
            utc, chosen = utc or chosen.utc(), local
    if chosen is None and utc_text:
        given = parse_date(utc_text)
        chosen = replace(given, offset=given.offset or _ZERO) if given else None
    if utc is None and chosen is not None:
        utc = chosen.utc()
    return chosen, utc


# Where a byline splits into pieces that can each be the site's name ("Kirche und Leben, Münster, Germany").
_BYLINE_PIECE_SEPARATOR = re.compile(r"\s*(?:[,|/·•]|\s[-–—]\s)\s*")


def _site_keys(site_names: list[str], domain: str | None) -> set[str]:
    """Comparison keys of the site's own names: "Auto Zeitung" ~ "autozeitung.de" ~ "www.haufe.de"."""
    keys = {name_key(site) for site in site_names}
    if domain:
        bare = domain.removeprefix("www.")
        keys |= {
            name_key(domain),
            name_key(bare),
            name_key(f"www.{bare}"),
            name_key(re.sub(r"\.[a-z]{2,6}(?:\.[a-z]{2})?$", "", bare)),
        }
    keys.discard("")
    return keys


def _persons(line: str, site_keys: set[str]) -> list[Author]:
    """Persons in one byline; the site's own name printed as author is an organisation.

    A byline that opens with the site's name is the site's signature and its address ("Kirche und Leben,
    Münster, Germany" on kirche-und-leben.de): nobody.  The site's name as a piece of its own after a person
    ("Anna Berger, Kirche und Leben") is dropped before the byline is parsed, so that its words are not
    taken for names; unless the site is named after a person (`_site_owner`).  One-word names are kept: blogs
    display a first name or handle as the author ("Kathrin", "gizzmo"), and the labelled pages (the authors
    dev set) count them as authors.
    """
    if site_keys:
        pieces = _BYLINE_PIECE_SEPARATOR.split(line)
        first = strip_byline_prefix(pieces[0])
        if name_key(first) in site_keys and not _site_owner(first):
            return []
        kept = [piece for piece in pieces if name_key(piece) not in site_keys or _site_owner(piece)]
        if len(kept) < len(pieces):
            line = ", ".join(kept)
    return [a for a in parse_byline(line) if not _names_the_site(a.name, site_keys) or _site_owner(a.name)]


def _names_the_site(name: str, site_keys: set[str]) -> bool:
    """The site's name, or a name holding it ("OÖ Volksblatt" on volksblatt.at): keys of SITE_KEY_MIN_CHARS or
    more count inside a longer name, shorter ones ("bz", "ntv") only as the whole name."""
    key = name_key(name)
    return key in site_keys or any(len(site) >= SITE_KEY_MIN_CHARS and site in key for site in site_keys)


def _site_owner(name: str) -> bool:
    """A person's name that is also the site's name: personal sites and blogs are named after their author
    ("Elizabeth McCravy" on elizabethmccravy.com, "Sam Bossley" as og:site_name), and that author is a person.
    A name with a desk or organisation word stays the site's ("Frank Magazine", "Jordan Times"), and so does one
    opening with an article the given-name dictionary lists as a name ("El Colombiano"), with an everyday word
    that is only a rare given name ("Ultima Hora"), or with an acronym."""
    words = name.split()
    low, high = SITE_OWNER_NAME_WORDS
    if not low <= len(words) <= high or words[0].isupper():
        return False  # "ARD Mediathek": an acronym opens an organisation's name
    given = popularity(words[0])
    return (
        given > 0
        and not is_function_word(words[0])
        and (given >= MIN_ONE_WORD_NAME_POPULARITY or not is_common_word(words[0]))
        and not credits_a_desk(name)
        and not names_an_organisation(name)
    )


def normalise_authors(
    author_names: list[str],
    bylines: list[str],
    *,
    site_names: list[str] | None = None,
    domain: str | None = None,
) -> list[Author]:
    """Persons in order: structured names, else the first byline naming anyone; roles from credits.

    `site_names` and `domain` identify the site itself, which CMSs often print as the author.
    When structured data or the first byline names only some of the persons a later byline lists, that byline
    completes them ("Paul Wiseman" in a byline element, "Paul Wiseman, Fatima Hussein, The Associated Press" after
    an author label), in the order it prints them.  A person that a second source adds (the completion, or a
    credit such as "Edited by") must open with a given name (`opens_with_given_name`): a job title or a company
    read as one more name has none; and the completion's must be full names (`is_full_name`).
    """
    site_keys = _site_keys(site_names or [], domain)
    authors: list[Author] = []
    seen: set[str] = set()
    for raw in author_names:
        for author in _persons(raw, site_keys):
            if author.name.casefold() not in seen:
                seen.add(author.name.casefold())
                authors.append(author)
    parsed: list[list[Author]] = []
    rejected: list[str] = []  # bylines that are an organisation's name (names_an_organisation)
    for line in bylines:
        key = " ".join(line.split()).casefold()
        # a piece of a byline already found to be an organisation ("Bündnis" from "Bündnis 90/Die Grünen ...")
        found = [] if any(key in whole for whole in rejected) else _persons(line, site_keys)
        if not found and names_an_organisation(line):
            rejected.append(key)
        parsed.append(found)
    if not authors:
        first = next((found for found in parsed if found), [])
        for author in first:
            if author.role is None or author.role in AUTHOR_ROLES:
                seen.add(author.name.casefold())
                authors.append(author)
    if authors:
        keys = {person_key(author.name) for author in authors}
        fuller = next(
            (found for found in parsed if len(found) > len(authors) and keys <= {person_key(a.name) for a in found}), []
        )
        for author in fuller:  # a byline's persons ("Written by" names writers); a credit line's are credits
            key = person_key(author.name)
            if author.role in COMPLETING_ROLES and key not in keys and is_full_name(author.name):
                keys.add(key)
                seen.add(author.name.casefold())
                authors.append(author)
        printed_order = {person_key(author.name): place for place, author in enumerate(fuller)}
        authors.sort(key=lambda author: printed_order.get(person_key(author.name), len(printed_order)))
    _full_names_for_handles(authors, [a for found in parsed for a in found])
    bylined = any(author.role is None for author in authors)  # a byline or structured data names the writers
    for found in parsed:
        for author in found:
            key = author.name.casefold()
            if author.role is None:
                continue
            existing = next((a for a in authors if a.name.casefold() == key), None)
            if existing is not None:
                existing.role = existing.role or author.role
            elif key not in seen and not bylined and author.role in AUTHOR_ROLES and opens_with_given_name(author.name):
                seen.add(key)
                authors.append(author)
    return _without_repeats(authors)


def credited_persons(bylines: list[str], authors: list[Author]) -> list[dict[str, str]]:
    """The persons a credit line names who are not among the authors ("Editing by C", "Additional reporting by D"
    under a byline: AUTHOR_ROLES), as {"name", "role"}: what metadata "credits" keeps for a user to see."""
    named = {author.name.casefold() for author in authors}
    credits: list[dict[str, str]] = []
    for line in bylines:
        for person in parse_byline(line):
            if person.role is not None and person.name.casefold() not in named:
                named.add(person.name.casefold())
                credits.append({"name": person.name, "role": person.role})
    return credits


def _without_repeats(authors: list[Author]) -> list[Author]:
    """One person found twice, once with words of the page run into the name ("Dylan Bailey" and "FAND Dylan
    Bailey", "Claire Wilson" and "COO By Claire Wilson", "Marna van der Merwe" and "Dr Marna van der Merwe"):
    the name of two or more words inside the other is the person's.  A one-word name inside a longer one
    ("Maria" and "Maria Garcia") may be two people and is left alone."""
    words = [author.name.casefold().split() for author in authors]
    return [
        author
        for i, author in enumerate(authors)
        if not any(2 <= len(inner) < len(words[i]) and _holds_words(words[i], inner) for inner in words)
    ]


def _holds_words(outer: list[str], inner: list[str]) -> bool:
    """`inner` is a run of consecutive words of `outer`."""
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _set_updates_aside(ev: Evidence) -> None:
    """A printed "Updated: ..." / "Aktualisiert am ..." line of any input kind is a modification time.

    A meta line that prints both ("Updated March 4, 2024, 10:02 AM ET | Published March 3, 2024") is read by its
    parts: the updated part is the modification time, the rest stays a publication date of the same source."""
    parts_of = {text: _meta_line_parts(text) for text in ev.published}
    updates = [part for parts in parts_of.values() for part in parts if names_an_update(part)]
    if not updates:
        return
    ev.published = list(dict.fromkeys(p for text in ev.published for p in parts_of[text] if p not in updates))
    claims = [(source, part) for source, text in ev.date_claims for part in parts_of.get(text, [text])]
    ev.date_claims = list(dict.fromkeys(claim for claim in claims if claim[1] not in updates))
    ev.modified.extend(text for text in updates if text not in ev.modified)


def _meta_line_parts(text: str) -> list[str]:
    """The parts of a date line that holds an update and another date between separators or before the second
    date's label ("Published 4 March 2026, updated 5 March 2026"), else the line."""
    parts = date_line_parts(text)
    if len(parts) > 1 and any(names_an_update(part) for part in parts):
        return parts
    return [text]


def _printed_before_resave(ev: Evidence, languages: tuple[str, ...]) -> None:
    """A date printed under the headline that is earlier than a stated publication time equal to the
    modification time comes first.

    Site builders and CMS templates write one record's last save into both `datePublished` and `dateModified`
    (a Webflow post re-saved in November 2025 states both as "Nov 05, 2025" and prints "January 31, 2024"
    under its headline); an article never changed states the same time twice too, and prints that day, so
    nothing moves.  Only an earlier printed day with a day of its own wins: a re-save never moves a
    publication back.  Measured through the CLI: WCXB half a 226 -> 228 of 269, half b and both halves of the
    dates dev set unchanged (no stored day moved there).

    The save's day is then no publication day anywhere: the other fields that state it and htmldate's guess
    (which reads them) are set aside, or they outvote the printed day (`_by_agreement`: a Next.js blog stating
    its last save as "2025-11-20T16:02:46.767Z" in JSON-LD, htmldate finding the same, over "May 14, 2025").
    """
    if not ev.stated_as_modified():
        return
    stated = parse_date(ev.published[0], languages=languages)
    header = next((text for source, text in ev.date_claims if source == "header"), None)
    if stated is None or header is None or header == ev.published[0]:
        return
    printed = parse_date(header, languages=languages)
    if printed is not None and printed.precision != "month" and printed.value.date() < stated.value.date():
        saved = stated.value.date()
        kept = [text for text in ev.published if text != header and not _on_day(text, saved, languages)]
        ev.published = [header, *kept]
        ev.published_guess = [text for text in ev.published_guess if not _on_day(text, saved, languages)]


def _on_day(text: str, day: date, languages: tuple[str, ...]) -> bool:
    """`text` reads as a date of that calendar day (as printed: not moved to UTC)."""
    parsed = parse_date(text, languages=languages)
    return parsed is not None and parsed.precision != "month" and parsed.value.date() == day


def _full_names_for_handles(authors: list[Author], printed: list[Author]) -> None:
    """A user handle ("Gabor_munier", "arianschlichenmayer", "kffnirmitap") becomes the full name the page prints
    for it elsewhere ("Gàbor Muniér", "Arian Schlichenmayer", "Nirmita Panchal"): structured data often holds the
    account."""
    full: dict[str, str] = {}
    for printed_author in printed:  # the first full name printed wins (bylines come most trusted first)
        if len(printed_author.name.split()) > 1:
            for key in _handle_forms(printed_author.name):
                full.setdefault(key, printed_author.name)
    for author in authors:
        if len(author.name.split()) == 1 and (name := _handle_owner(name_key(author.name), full)):
            author.name = name


def _names_the_page_prints(ev: Evidence) -> list[str]:
    """Persons of the page's own bylines: trafilatura's author is left out, as it is cut from those same bylines
    by its own guess (" - " ends a name for it: "Matthias Hille" of "Matthias Hille - Lukas Balbach")."""
    return [a.name for source, text in ev.author_claims if source != "trafilatura" for a in parse_byline(text)]


def _bounded_by(authors: list[Author], names: list[str], *, min_words: int = 1) -> None:
    """A name with words of the page run into it is the shorter name the page prints elsewhere inside it: where
    the name ends is shown by the page, not guessed from a list of words.  The shorter names are an author
    archive link's text ("A. J. Neal" of "By A. J. Neal View In Digital Edition", where "View" was a link of its
    own), or another byline's name printed alone (`min_words` 2: "Liz Kenny" of "Liz Kenny Former McKinsey
    Consultant", the name's own element inside the box that also holds the title; "Ben Silverman" of "Ben
    Silverman Games", Yahoo's "Games Editor" beside the name link)."""
    for author in authors:
        words = author.name.casefold().split()
        inside = (name for name in names if min_words <= len(name.split()) < len(words))
        if found := next((name for name in inside if _holds_words(words, name.casefold().split())), None):
            author.name = " ".join(found.split())


def _handle_forms(name: str) -> set[str]:
    """The ways a user handle spells a full name: "anaslima" of "Ana S. Lima" whole, and given name + surname,
    given name + the surname's initial, the given name's initial + surname, surname + the given name's initial."""
    words = [name_key(word) for word in name.split()]
    given, surname = words[0], words[-1]
    forms = {"".join(words), given + surname, given + surname[:1], given[:1] + surname, surname + given[:1]}
    return {form for form in forms if len(form) > MIN_HANDLE_PART}


def _handle_owner(handle: str, full: dict[str, str]) -> str | None:
    """The full name a handle spells, as a whole or inside it after a prefix of the site's ("kffnirmitap": KFF's
    account for Nirmita Panchal)."""
    if handle in full:
        return full[handle]
    return next((name for form, name in full.items() if handle.endswith(form)), None)


def _language_text(doc: Document) -> str:
    return "\n".join(filter(None, [doc.title, doc.subtitle, *doc.paragraphs]))


def language_samples(docs: Iterable[Document]) -> list[str]:
    """The texts `normalise_document` will give the language detector for these documents, as far as known now.

    For `detectors.languages_detected_ahead`.  A document with feed evidence is left out: the
    feed's title may change its text (it is detected when normalised).
    """
    samples = []
    for doc in docs:
        if doc.language or not doc.paragraphs or (doc.raw is not None and doc.raw.fetched is not None):
            continue
        if sample := language_sample(_language_text(doc)):
            samples.append(sample)
    return samples


def _regional(language: str | None, hints: list[str]) -> str | None:
    """The document's language with the region a hint of the same language gives ("en" and `<html lang="en-GB">`
    -> "en-GB"): the region decides how the page's numeric dates read (`dates.month_first`)."""
    if not language:
        return None
    return next((h for h in hints if len(h) > 2 and h[:2].lower() == language and h[2] in "-_"), language)


def normalise_document(doc: Document, settings: Settings) -> Document:
    """Fill published, published_utc, modified_utc, authors, publisher, origin and language from evidence."""
    if doc.raw is not None and doc.raw.fetched is not None:  # what a feed said about a harvested page
        apply_fetched_evidence(doc, doc.raw.fetched)
    ev = doc.evidence
    doc.language = doc.language or choose_language(_language_text(doc), ev.language_hints)
    hinted = [h[:2].lower() for h in ev.language_hints]
    languages = tuple(dict.fromkeys(filter(None, [_regional(doc.language, ev.language_hints), *hinted])))

    doc.publisher = doc.publisher or choose_publisher(doc)
    doc.origin = doc.origin or find_origin(doc)
    zone = settings.timezone_for(doc.publisher, domain_of(doc.url))

    _set_updates_aside(ev)
    _printed_before_resave(ev, languages)
    published, published_utc = choose_time(
        ev.published, ev.published_utc, languages=languages, zone=zone, guesses=ev.published_guess
    )
    if doc.published is None and published is not None:
        doc.published = published.iso()
    doc.published_utc = doc.published_utc or published_utc
    _, modified_utc = choose_time(ev.modified, ev.modified_utc, languages=languages, zone=zone)
    doc.modified_utc = doc.modified_utc or modified_utc

    if not doc.authors:
        bylines = [without_language_prefix(byline, doc.language) for byline in ev.bylines]
        doc.authors = (
            normalise_authors(ev.author_names, bylines, site_names=ev.site_names, domain=domain_of(doc.url))
            or _person_on_a_date_line(ev)
            or normalise_authors([], ev.author_links, site_names=ev.site_names, domain=domain_of(doc.url))
        )
        _bounded_by(doc.authors, ev.author_links)
        _bounded_by(doc.authors, _names_the_page_prints(ev), min_words=2)
        if credits := credited_persons(bylines, doc.authors):
            doc.metadata.setdefault("credits", credits)
    if not doc.authors and (byline := organisation_byline(ev, _site_keys(ev.site_names, domain_of(doc.url)))):
        doc.metadata.setdefault("byline", byline)
    if not doc.authors and "byline" not in doc.metadata:
        doc.authors = _owner_of_personal_site(ev.site_names) or _copyright_person(ev.copyright_holders)
    return doc


def _copyright_person(holders: list[str]) -> list[Author]:
    """The person the page's copyright notice names, for a page that names no author: a personal site's owner
    ("(c) Johannes Wolf", "COPYRIGHT ANDRÉ LOIBL", on three unrelated sites of the authors dev set's half a).  A
    given name and a surname, the given name a common one (COPYRIGHT_GIVEN_NAME_POPULARITY), passing the site
    owner's tests; the surname may be an everyday word ("Wolf"), which a site's own name may not."""
    for holder in holders:
        name = holder.title() if holder.isupper() else holder  # a footer in capitals
        words = name.split()
        if len(words) == 2 and popularity(words[0]) >= COPYRIGHT_GIVEN_NAME_POPULARITY and _site_owner(name):
            return parse_byline(name)
    return []


# "Colin Watson's blog", "Derek Seaman’s Tech Blog": a site named as a person's.
_POSSESSIVE_SITE = re.compile(r"^(.+?)['’]s\s+\S")


def _owner_of_personal_site(site_names: list[str]) -> list[Author]:
    """The person a personal site is named after, for a page that names no author: its posts are its owner's.
    A site's name in the possessive ("Colin Watson's blog") names a person who passes `_site_owner`; a bare
    name ("Owain Brennan") must also be two words whose second is no everyday word, so that outlets named like
    people ("Christian Science Monitor", "Martha Stewart Living", "Lonely Planet") stay outlets."""
    for site in site_names:
        if (possessive := _POSSESSIVE_SITE.match(site.strip())) and _site_owner(possessive[1]):
            return parse_byline(possessive[1])
        words = site.split()
        if len(words) == 2 and _site_owner(site) and not is_common_word(words[1]):
            return parse_byline(site)
    return []


# A number that is not part of a word: a date or a time run into a byline ("von AUTO ZEITUNG 02.11.2021").
_STANDALONE_NUMBER = re.compile(r"(?<![^\W\d_])\d")


def organisation_byline(ev: Evidence, site_keys: set[str]) -> str | None:
    """The byline as printed when it credits an organisation, not a person ("Redacción Diario Pagina Siete",
    "TVT-Redaktion", "Por Agencia EFE", the site's own name): organisations stay out of `authors`, and this
    keeps what the page said for the reader of `metadata`.  Claims of the page's own markup come before
    trafilatura's; an interface string or account name ("Follow", "Super User", "wordpressadmin") and a
    claim with a number of its own (a date run into it: "Redaktion 1. November 2023") are not bylines of anyone;
    digits inside a name are ("mix1.de Redaktion").
    """
    claims = sorted(ev.author_claims, key=lambda claim: claim[0] == "trafilatura")
    for _, text in claims:
        text = " ".join(text.split())
        if len(text.split()) > MAX_BYLINE_WORDS or _STANDALONE_NUMBER.search(text):
            continue
        if names_an_organisation(text) or credits_a_desk(text):
            return text
        first = _BYLINE_PIECE_SEPARATOR.split(text)[0]
        if name_key(strip_byline_prefix(first)) in site_keys and not not_a_name(text):
            return text
    return None


def _person_on_a_date_line(ev: Evidence) -> list[Author]:
    """A person printed on the date line under the title ("11.12.2019 - Amelie Loevenich"), when the page has
    no byline: the part after a spaced separator without digits whose first word is a known given name
    (so "Handball Schweiz • 02.02.2022" and "… | Quelle: Shanghai Electric" name nobody)."""
    for source, text in ev.date_claims:
        if source != "header":
            continue
        for part in split_date_line(text):
            words = part.split()
            if not MIN_DATE_LINE_NAME_WORDS <= len(words) <= MAX_DATE_LINE_NAME_WORDS or not popularity(words[0]):
                continue
            if found := parse_byline(part):
                return found
    return []
