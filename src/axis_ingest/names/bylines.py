"""Turn printed bylines into person names, in order, with roles.

Bylines mix names with everything else a desk prints near them: "By", job
titles ("Science Editor"), places ("in Beirut"), affiliations ("for the Daily
Mail"), dates ("| March 5, 2026"), wire credits ("(Reporting by A; Editing by
B)").  The vocabulary lives in data/byline_roles.toml; this module splits a
byline into name pieces, strips that vocabulary, and keeps only pieces that
look like a person.  Organisations (agencies, outlets, desks) are never
authors: they belong to publisher/origin.  nameparser fixes the casing of
names printed all upper or all lower case; mixed case is kept as printed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from nameparser import HumanName
from nameparser.config import CONSTANTS

from axis_ingest.detectors import (
    EMAIL_ADDRESS,
    READING_MINUTES,
    READING_TIME,
    data_table,
    glued_prefix_patterns,
    month_names,
    published_or_updated_label,
    weekday_names,
)
from axis_ingest.document import Author
from axis_ingest.names.common_words import is_common_word
from axis_ingest.names.given_names import popularity
from axis_ingest.names.organisations import is_organisation
from axis_ingest.names.places import is_place_name

# A display name rarely has more words than this ("Jan Lukas Strozyk", "Maria de los Angeles Cruz").
MAX_NAME_WORDS = 5
# Words of a full name: handles, admin accounts, a box's one-word heading and a job title after a byline have one.
# Asked of an author link's text, an author box's first line (`readers.html_bylines`) and a writer that a later
# byline adds (`normalise.normalise_authors`: every writer the completion added on the probes' pages had two).
MIN_FULL_NAME_WORDS = 2
# Longest byline we try to read; longer strings are paragraphs, not bylines.
MAX_BYLINE_CHARS = 400
# Bylines whose persons are remembered: a site prints its reporters' bylines on page after page, and
# normalise reads a document's byline evidence more than once.  Over the 2,000 generated text/JSON files
# 938 of 1,999 bylines repeat an earlier one; reading them took 0.22 ms of CPU per file, the repeats 0.09
# (nameparser and the name tables; measured by timing each call).
PARSED_BYLINES_CACHED = 2048
# Longest place name looked up after a reporter's name ("Santiago de los Caballeros").
MAX_PLACE_WORDS = 4
# A label before a colon ("Text und Interview:", "Fotos & Text:") has at most this many words.
MAX_LABEL_WORDS = 4
# A lower-case word inside a name is a given name ("Mobasir hassan") when it is this long and this common
# in gender-guesser's dictionary (1-13); shorter or rarer entries are also words ("the", "min", "eine": 3).
MIN_LOWER_NAME_CHARS = 4
MIN_LOWER_NAME_POPULARITY = 4
# A one-word byline that is an everyday word (names.common_words) is an interface word ("Teilen", "Human", "Red"),
# unless it is a given name at least this common (1-13): "Andrea", "Ulrike" are everyday words too; "Red" is 1.
MIN_ONE_WORD_NAME_POPULARITY = 3
# A name of several words, none a given name, made of everyday words is a phrase of the page
# ("Fact Checked", "Community Development", "Certified Pediatric Sleep Consultant"): two-word names may hold no
# word that is not everyday, longer ones this many (a surname is often an everyday word: "Tim Green").
MAX_UNCOMMON_WORDS_OF_A_PHRASE = 1
# A job title printed after a full name without a comma ("Rasmus Barslund Founder") is cut from it when the name
# before it has at least this many words and opens with a given name.
MIN_WORDS_BEFORE_TITLE = 2
# A word run into a name ("FurrerUpdated") is cut off when it is a label, month, weekday or job word of at least this
# many letters: shorter month forms ("Mai", "Jun") end surnames.
MIN_GLUED_TAIL_CHARS = 4
# A name printed without "By" (beside a date, on a line of its own): two to four words ("Ana Lima", "Sanne de
# Vries").
MIN_BARE_NAME_WORDS, MAX_BARE_NAME_WORDS = 2, 4

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember"
)
_TRAILING_MONTH = re.compile(rf"\s+(?:{_MONTHS})\.?$", re.IGNORECASE)
_WEEKDAYS = (
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
# A time of day that opens a date after the names: "10:19am", "14:10", "9 a.m." (no name holds a digit)
_TIME_OF_DAY = r"\d{1,2}:\d{2}(?!\d)|\d{1,2}\s?[ap]\.?m\b\.?"
# A post's reading time after the names, as a date is: "5 min read", "2 minutes read", "3 Minuten Lesezeit"
_READING_TIME = rf"{READING_MINUTES}(?!\w)"
# A preposition left dangling once the date after it is gone: "Von R. R. am", "By Ana Lima on".
_DANGLING = re.compile(r"\s+(?:am|on|le|il|el|à|um|at)$")
_ONLY_DATE_WORDS = re.compile(
    rf"^(?:(?:{_MONTHS}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\.?\s*)+$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+")
# A contact address printed beside the name ("By Ana Lima (ana.lima@example.com)", "김철수 기자 kim@yna.co.kr"):
# removed from the byline before its names are read; an address is never part of a name.
_CONTACT_ADDRESS = re.compile(rf"[(<\[]?\s*{EMAIL_ADDRESS.pattern}\s*[)>\]]?")
# A social account printed after a name, often run into it as copied ("By Grant Brisbee@GrantBrisbee Dec 6, 2016"
# of Vox Media's sites, "Tom DiChristopher@tdichristopher WATCH LIVE" of cnbc.com, "Ana Lima @analima"): the
# handle's own characters (letters, digits, "_"), not an address ("kim@yna.co.kr" goes on with a dot).  It ends
# the name before it, like a "|" (`_tidy`): never part of a name, and run into one it made the whole byline read
# as an address, an organisation's.
_SOCIAL_HANDLE = re.compile(r"\s*(?<![.+-])@[A-Za-z0-9_]{2,30}(?![\w.@-])\s*")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|de|uk|ru|az|in|io)\b", re.IGNORECASE)
_NAME_CHARS = re.compile(r"^[^\W\d_][\w'’.\- ]*$")
# Where the names of a byline end: "SARA KARL. Special to ..." - a full stop after a word of 3+ letters and
# more text (an initial's full stop, "J. R. Smith", follows one letter).  Not a sentence end in general:
# "Jr." and "Ph.D." and a full stop ending the byline are not it.
_NAMES_END = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=\S)")
# "edilson.la.rosa", "wien.ORF.at", "LAOLA1.at": a user handle or a domain, not a display name
# (initials "J.R.R." have one letter between dots and are left alone).
_DOTTED = re.compile(r"[^\W_]{2,}\.[^\W\d_]{2,}")
# A meta line that leads to the name through other words: "Posted on March 5, 2026 by Ana Lima",
# "Posted in Politics by Ana Lima", "12. Mai 2024 · veröffentlicht von Ana Lima", "This post was written by Ana Lima".
_LEAD_IN_VERB = r"(?:posted|published|filed|written|veröffentlicht|geschrieben|erstellt|publié|publicado)"
_LEAD_IN_BY = r"(?:by|von|par|por)"
_LEAD_IN = re.compile(rf"^.{{0,60}}?\b{_LEAD_IN_VERB}\b.{{0,60}}?\b{_LEAD_IN_BY}\s+(?=\S)", re.IGNORECASE)
# The same words with no name after them ("Jun 2 Written By" of a blog template whose writer's field is empty): the
# words before them are a date or a category, and nobody is named.
_NOBODY_AFTER_LEAD_IN = re.compile(rf"\b{_LEAD_IN_VERB}\s+{_LEAD_IN_BY}\s*:?\s*$", re.IGNORECASE)
# A title abbreviated before a name ("Prof. Dr. Klaus Meier", "Rev. Ana Lima"): its full stop is no end of the names
# (`_NAMES_END` took "Prof" for the whole byline); a title nameparser knows is dropped (`_without_title`).
_ABBREVIATED_TITLE = re.compile(r"\b([^\W\d_]{2,5})\.\s+(?=[^\W\d_])")
# The lower-case qualifiers of an academic title ("Dr. med.", "Dr. rer. nat.", "Prof. Dr. med. vet."), which
# `_NAMES_END` took for the end of the names ("Dr. med. Anna Berger" gave "Med"): part of the title.
_TITLE_QUALIFIERS = re.compile(r"\b([^\W\d_]{2,5})\.((?:\s*[a-zß-öø-ÿ]{1,6}\.)+)(?=\s)")
# A degree abbreviated as a compound ("Dipl.-Ing.", "Dr.-Ing.", "Dipl.-Kfm."): no name holds ".-".
_COMPOUND_DEGREE = re.compile(r"\b[^\W\d_]{2,5}\.-[^\W\d_]{2,5}\.\s*")
# A note in parentheses beside a name: the agency, place or part the writer had ("Anna Berger (dpa)",
# "Jane Doe (AFP)", "Max Huber (Fotos)"); never part of the name.
_NOTE_IN_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# A genre's label before the "by" word ("Analysis by Stephen Collinson", "Ein Kommentar von Anna Berger", "Un
# article par Jean Dupont"): one to three words, then the word in lower case (`_after_genre_label`).
_LABEL_THEN_BY = re.compile(r"^((?:[^\W\d_][\w'’-]*\s+){1,3})(?:by|von|par|por|door|di|av|af)\s+(?=\S)")
# A CMS account shown as the author ("wordpressadmin", "siteadmin", "Super User").
_ACCOUNT = re.compile(r"^\S*(?:admin|administrator|webmaster)\S*$|\buser$", re.IGNORECASE)
# An initial among given names ("Smith, John R.").
_INITIAL = re.compile(r"[^\W\d_]\.?")
# Initials that open a name: one letter ("J Smith"), or two or three with full stops ("J. K.", "A.J.", "J.-P.").
_INITIALS = re.compile(r"[^\W\d_]\.?|(?:[^\W\d_]\.-?){2,3}")
_DIGIT = re.compile(r"\d")
# A word that opens with a capital right after a lower-case letter ("Updated" of "FurrerUpdated"), its other letters
# in lower case, up to the word's end: where two elements of a page may have been run together.
_CAPITAL_AFTER_LOWER = re.compile(r"(?<=[a-zß-ÿ])[A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]*(?![^\W\d_])")
# An initial printed with its full stop, as a word of its own ("J." of "J. K. Rowling").
_SPELLED_INITIAL = re.compile(r"[^\W\d_]\.")
# A final initial keeps its full stop ("Nicolas Gutierrez C.").
_FINAL_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.$")
# Lower-case words a person's name may hold ("Sophie van der Berg", "Ibn al-Haytham"): nameparser's
# surname particles.  Any other lower-case word makes a phrase ("Schreibe einen Kommentar", "Leave a reply").
_PARTICLES = frozenset(p.rstrip("-'’") for p in CONSTANTS.prefixes)
# The German and Dutch articles among those particles stand in a name only after another particle ("Ursula von der
# Leyen", "Jan van den Berg", "Karel van het Reve"); after any other word they are a phrase's article ("Im Netz der
# China-Agenten", a German headline's words read as a name after "Von München bis Aachen:").
_ARTICLE_PARTICLES = frozenset({"der", "den", "dem", "het"})

# "Hofbauer, Lena", "van der Berg, Sophie": a surname, a comma, then given names (nameparser reads the order).
_SURNAME_FIRST = re.compile(r"^(?:[^\W\d_]+\s+){0,2}[^\W\d_][\w'’-]+,\s*[^\W\d_][\w'’.-]+(?:\s+[^\W\d_][\w'’.-]*)?$")


def is_surname_particle(word: str) -> bool:
    """A lower-case word a person's name may hold ("de" of "Sanne de Vries"): nameparser's surname particles."""
    return word in _PARTICLES


@dataclass(frozen=True)
class _Vocabulary:
    prefix: re.Pattern[str]
    leading_connector: re.Pattern[str]
    role_prefixes: list[tuple[re.Pattern[str], str]]
    role_phrase: re.Pattern[str]  # a credit phrase after a space ("... Edited by"), the longest first
    splitter: re.Pattern[str]
    cut: re.Pattern[str]
    job_words: frozenset[str]  # never part of a name, accents folded (`fold`): roles, desks, interface words
    role_words: frozenset[str]  # the roles among them ("editor", "founder"), accents folded
    credit_words: frozenset[str]  # job words that credit a desk or an organisation ("Redaktion", "Staff")
    title_openers: frozenset[str]  # words that open a job title after a name ("Senior"), accents folded
    interface_words: frozenset[str]  # job words that credit nobody: roles and interface strings ("Follow")
    not_names: frozenset[str]
    institution_words: frozenset[str]
    glued: re.Pattern[str]
    degrees: frozenset[str]
    generational: frozenset[str]
    title_suffix: re.Pattern[str]
    title_prefix: re.Pattern[str]
    desk_fragment: re.Pattern[str]


def _cut_affiliation(piece: str, cut: re.Pattern[str], *, first: bool) -> str:
    """`piece` without what follows a `cut_before` word ("for the Daily Mail", "in Beirut").  A piece after a name
    may be only that ("Ana Lima, in Beirut"); the byline's first piece begins with a name, so a cut word opening
    it before no place is a given name ("Per Olsson": the Swedish name, not Italian "per", "for")."""
    match = cut.search(piece)
    if match and match.start() == 0 and first and not is_place_name(piece.split(maxsplit=1)[-1]):
        match = cut.search(piece, 1)
    return piece[: match.start()] if match else piece


@lru_cache(maxsize=1)
def _language_prefixes() -> dict[str, re.Pattern[str]]:
    table = data_table("byline_roles.toml")["language_prefixes"]
    return {
        language: re.compile(rf"^(?:{'|'.join(re.escape(word) for word in words)})\s*:?\s+(?=\S)", re.IGNORECASE)
        for language, words in table.items()
    }


def without_language_prefix(byline: str, language: str | None) -> str:
    """`byline` without a "by" word that only the page's language reads as one ("Oleh Kania Sirait" on an
    Indonesian page, "de Ilie Dobre" on a Romanian one): elsewhere "Oleh" and "Per" are given names.  And a word
    that joins names only in the page's language reads as "&" ("Jana Nováková a Petr Svoboda" on a Czech page:
    elsewhere "a" is an English article)."""
    pattern = _language_prefixes().get(language or "")
    byline = pattern.sub("", byline, count=1) if pattern else byline
    joining = _language_connectors().get(language or "")
    return joining.sub(" & ", byline) if joining else byline


@lru_cache(maxsize=1)
def _language_connectors() -> dict[str, re.Pattern[str]]:
    table = data_table("byline_roles.toml")["language_connectors"]
    return {
        language: re.compile(rf"\s+(?:{'|'.join(re.escape(word) for word in words)})\s+(?=\S)")
        for language, words in table.items()
    }


def _connector_alternation(connectors: list[str]) -> str:
    """A regex alternation of the words joining names, longest first.  A connector that is also a given name
    ("dan", Indonesian "and"; "Dan" in "Dan Jervis-Bardy") joins names only in lower case, as those languages print
    it: matched case-insensitively, "By Dan Smith" lost its given name and "Dan Smith" gave nobody."""
    ordered = sorted(connectors, key=len, reverse=True)
    return "|".join(f"(?-i:{re.escape(c)})" if popularity(c) else re.escape(c) for c in ordered)


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    table = data_table("byline_roles.toml")
    words = table["words"]

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))

    prefixes = alternation(table["prefixes"])
    prefix = re.compile(rf"^(?:(?:{prefixes})\s*:?\s+|(?:{prefixes})\s*:\s*)", re.IGNORECASE)
    roles = [
        (re.compile(rf"^\s*{re.escape(phrase)}\s*:?\s*", re.IGNORECASE), role)
        for phrase, role in sorted(table["role_prefixes"].items(), key=lambda kv: len(kv[0]), reverse=True)
    ]
    connectors = _connector_alternation([c for c in words["connectors"] if c != "&"])
    leading = re.compile(rf"^(?:{connectors})\s+", re.IGNORECASE)
    # A spaced dash ("Ana Lima — veröffentlicht ...", "Ana Lima – Redakteurin") separates like a comma;
    # a hyphen does not ("Jean-Luc", "Müller-Lüdenscheidt").
    splitter = re.compile(rf"\s*(?:[,;/|•·]|&|\s[—–]\s|\s(?:{connectors})\s)\s*", re.IGNORECASE)
    cut = re.compile(rf"(?:^|\s)(?:{alternation(words['cut_before'])})\s+(?=\S).*$", re.IGNORECASE)
    return _Vocabulary(
        prefix=prefix,
        leading_connector=leading,
        role_prefixes=roles,
        role_phrase=re.compile(rf"(?<=\s)(?:{alternation(list(table['role_prefixes']))})(?=\s|:)", re.IGNORECASE),
        splitter=splitter,
        cut=cut,
        job_words=frozenset(
            fold(w)
            for w in [*words["job_words"], *words["desk_words"], *words["institution_words"], *words["interface_words"]]
        ),
        role_words=frozenset(fold(w) for w in words["job_words"]),
        credit_words=frozenset(fold(w) for w in [*words["desk_words"], *words["institution_words"]]),
        title_openers=frozenset(fold(w) for w in words["title_openers"]),
        interface_words=frozenset(fold(w) for w in [*words["job_words"], *words["interface_words"]]),
        not_names=frozenset(w.casefold() for w in [*words["not_names"], *table["prefixes"]]),
        institution_words=frozenset(w.lower() for w in words["institution_words"]),
        glued=re.compile(rf"(?<![^\W\d_])(?:{'|'.join(glued_prefix_patterns())})"),
        degrees=frozenset(d.lower() for d in words["degrees"]),
        generational=frozenset(g.lower() for g in words["generational"]),
        title_suffix=re.compile(rf"(?:{'|'.join(table['title_suffixes'])})$"),
        title_prefix=re.compile(rf"^(?:{'|'.join(table['title_prefixes'])})"),
        desk_fragment=re.compile("|".join(re.escape(fragment) for fragment in words["desk_fragments"])),
    )


def _lower_name(word: str) -> bool:
    """A name printed in lower case ("Mobasir hassan"): a common given name of four letters or more
    (short ones in the dictionary are also words: "the", "min", "an", "eine")."""
    return len(word) >= MIN_LOWER_NAME_CHARS and popularity(word) >= MIN_LOWER_NAME_POPULARITY


@lru_cache(maxsize=1)
def _date_labels() -> frozenset[str]:
    """Words that introduce a date line (data/date_words.toml `labels`, `published`, `updated`): "Stand", "Datum"."""
    table = data_table("date_words.toml")
    return frozenset(label.casefold() for label in [*table["labels"], *table["published"], *table["updated"]])


@lru_cache(maxsize=1)
def _trailing_date_label() -> re.Pattern[str]:
    """A "published" or "updated" label left at the end of a name once the date after it is cut (date_words.toml
    `published`, `updated`): "Craig McCarthy Last updated", "Jean Dupont Publié"."""
    return re.compile(rf"\s+{published_or_updated_label()}$", re.IGNORECASE)


def _without_date_label(piece: str) -> str:
    """A name without the label of the date cut after it: "Craig McCarthy Last updated on" (the dangling "on"
    first, then "last updated"), "David Okafor Posted on" (the label "posted on" whole): the shorter reading."""
    label = _trailing_date_label()
    return min(label.sub("", _DANGLING.sub("", piece)), _DANGLING.sub("", label.sub("", piece)), key=len)


# An English day's ordinal ending ("December 2nd, 2025", "12th February 2025": WCXB's pages, a dozen sites).
_ORDINAL = "(?:st|nd|rd|th)?"


@lru_cache(maxsize=1)
def _date_tail() -> re.Pattern[str]:
    """A date after the names: "| March 5, 2026", "Fr, 18. Oktober 2019", "Publié le 3 mars 2024", "am 26/10/13",
    "2026-03-05", "mercredi 4 mars 2026", a time of day before the date ("Published 10:19am 19 December 2025"), a
    reading time ("By Jane Doe 5 min read"), after spaces or a separator ("● December 23, 2025", "—10 min read"),
    with the word and colon that label it ("Lea Hoffmann Erstellt: 04.03.2026": no name ends in a colon).
    Its months and weekdays are every language's the date parser reads (`detectors.month_names`, `weekday_names`),
    and the short English and German forms; a month name counts only beside a day's number ("April Smith" is a
    name), a weekday only before a date."""
    months = "|".join(sorted({*_MONTHS.split("|"), *map(re.escape, month_names())}, key=len, reverse=True))
    weekdays = "|".join(sorted({*_WEEKDAYS.split("|"), *map(re.escape, weekday_names())}, key=len, reverse=True))
    return re.compile(
        rf"(?:\s+[^\W\d_]{{2,}}:)?(?:\s+|\s*[^\w\s'’.,()&-]\s*)(?:(?:{weekdays})\.?,?\s+)?(?:(?:{months})\.?\s+\d{{1,2}}{_ORDINAL}\b"
        rf"|\d{{1,2}}{_ORDINAL}\.?\s+(?:de\s+)?(?:{months})\b|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}|{_TIME_OF_DAY}"
        rf"|{_READING_TIME}).*$",
        re.IGNORECASE,
    )


def _label_before_colon(segment: str) -> str:
    """ "Text und Interview: Harald Willenbrock" -> "Harald Willenbrock": words before a colon that name
    nobody (no known given name, no digits, no comma) are a label; the names follow it."""
    before, colon, after = segment.partition(":")
    if not colon or not after.strip() or re.search(r"[\d,]", before) or len(before.split()) > MAX_LABEL_WORDS:
        return segment  # "Ana Lima, Datum: 03.03.19": a list before the colon, not one label
    if any(popularity(word) for word in re.findall(r"[^\W\d_]+", before) if word[0].isupper()):
        return segment
    return after.strip()


@lru_cache(maxsize=1)
def _glued_tails() -> frozenset[str]:
    """A date's label, a month, a weekday or a job word (lower case) that text copied from a page runs into the name
    before it without a space, as it joins two elements ("Amanda FurrerUpdated: Dec 19, 2025", "Jeffrey
    ZeldmanNovember 20, 2007", "Mateusz HabernyFounder at Oakywood").  Words of four letters or more; not a word
    that is also a given name ("Fred", a Scandinavian Friday; "June"), which may end a handle ("MixmasterFred")."""
    words = [*month_names(), *weekday_names(), *_date_labels(), *_vocabulary().job_words]
    return frozenset(w for w in words if len(w) >= MIN_GLUED_TAIL_CHARS and w.isalpha() and not popularity(w))


def _space_before_glued_tail(match: re.Match[str]) -> str:
    """ "Updated" of "FurrerUpdated" -> " Updated"; a name's own capital inside it ("McCarthy", "LaMotte") stays."""
    word = match[0]
    return f" {word}" if word[:1].lower() + word[1:] in _glued_tails() else word


def _tidy(text: str) -> str:
    text = html.unescape(html.unescape(text)).replace("：", ": ")  # a full-width colon ("文：佐藤健一")
    text = _vocabulary().glued.sub(r"\g<0> ", text)  # "vonChris Jung" -> "von Chris Jung", "ByNina" -> "By Nina"
    text = _CAPITAL_AFTER_LOWER.sub(_space_before_glued_tail, text)  # "Amanda FurrerUpdated:" -> "... Furrer Updated:"
    text = _SOCIAL_HANDLE.sub(" | ", text)  # "Grant Brisbee@GrantBrisbee Dec 6, 2016" -> "Grant Brisbee | Dec 6, 2016"
    words = text.replace("\u00a0", " ").split()
    half = len(words) // 2
    if half >= 2 and words[:half] == words[half:]:
        # the name printed twice, an avatar's alt text before it ("Martin Gramnæs Martin Gramnæs", as page text)
        words = words[:half]
    return " ".join(words)


def _keeps_stop(text: str) -> bool:
    """A trailing full stop belongs to the name after "Jr." or a final initial ("C.")."""
    words = text.split()
    return bool(words) and (words[-1].lower() in _vocabulary().generational or bool(_FINAL_INITIAL.search(text)))


# The dot that separates the items of a post's meta line ("Dec. 19, 2025 · Niko Matsakis", "Ana Lima • 5 min read").
_META_DOT = re.compile(r"\s+[·•]\s+")


def _first_undated_item(text: str) -> str:
    """The first item of a meta line that holds no digit: the byline among the post's date, reading time, the
    writer's role or a disclosure link after it ("Mike Marshall • Advertiser Disclosure")."""
    items = _META_DOT.split(text)
    return next((item for item in items if not re.search(r"\d", item)), items[0]) if len(items) > 1 else text


# Where a byline's segments part: ";", "|", and a spaced dash, which no name holds ("Anna-Lena" has none): a place,
# an agency or a job printed after the name ("Mehmet Öztürk - İstanbul", "Sarah Johnson - Reuters", "Jane Doe - CEO")
# was read into it.
_SEGMENT_SEPARATOR = re.compile(r"\s*;\s*|\s*\|\s*|\s+[-–—]{1,2}\s+")


def _segments(byline: str) -> list[tuple[str, str | None]]:
    """Split a byline into (text, role) segments: "(Reporting by A; Editing by B)" gives two."""
    vocab = _vocabulary()
    text = byline.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    text = _first_undated_item(text)
    # A credit phrase inside a byline starts a segment of its own: a byline element of two lines ("Written by Rob
    # Ewaschuk<br>Edited by Betsy Beyer") reads as one line, and its editor was taken for the writer.
    parts = [part for segment in _SEGMENT_SEPARATOR.split(text) for part in _at_credit_phrases(segment, vocab)]
    segments: list[tuple[str, str | None]] = []
    for part in parts:
        role: str | None = None
        for pattern, name in vocab.role_prefixes:
            if pattern.match(part):
                part, role = pattern.sub("", part, count=1), name
                break
        if role is None and segments and segments[-1][1] is not None and "|" not in text:
            # "Reporting by A; B" - a bare continuation shares the previous role only within parentheses.
            role = segments[-1][1] if byline.strip().startswith("(") else None
        segments.append((part, role))
    return segments


def _at_credit_phrases(segment: str, vocab: _Vocabulary) -> list[str]:
    """`segment` cut before each credit phrase inside it ("Written by Rob Ewaschuk Edited by Betsy Beyer"), when it
    opens with a byline's words: one phrase is one cut ("Additional reporting by" is not cut again before
    "reporting by").  Words before a segment's first credit phrase are a category or a date row ("Asia Japan Dec
    23 Written By Linny and Peter"), which the lead-in test drops with the phrase; cut off, they read as a name."""
    opens_with_byline_words = vocab.prefix.match(segment) or any(p.match(segment) for p, _ in vocab.role_prefixes)
    starts = [match.start() for match in vocab.role_phrase.finditer(segment)] if opens_with_byline_words else []
    if not starts:
        return [segment]
    bounds = [0, *starts, len(segment)]
    return [part for a, b in pairwise(bounds) if (part := segment[a:b].strip())]


def strip_byline_prefix(text: str) -> str:
    """The byline without the words that introduce its names ("By", "Von", "Autor:"; byline_roles.toml)."""
    vocab = _vocabulary()
    previous = None
    while previous != text:
        previous = text
        text = vocab.prefix.sub("", text, count=1).strip()
    return text


@lru_cache(maxsize=1)
def _introducing_words() -> frozenset[str]:
    return frozenset(" ".join(p.split()).casefold() for p in data_table("byline_roles.toml")["prefixes"])


def introduces_names(label: str) -> bool:
    """True when `label` is only the words that introduce a byline's names ("Written by", "Verfasst von",
    "Autor:"): the label of a name printed apart from it, as in WordPress's twitter:label1 / twitter:data1 pair."""
    return " ".join(label.split()).casefold().strip(" .:") in _introducing_words()


def _institution(piece: str) -> bool:
    """An institution word, also at the end of a German compound ("Landesverband", "Kulturstiftung")."""
    words = _vocabulary().institution_words
    parts = [part for w in piece.split() for part in re.split(r"[-–/]", w.lower().strip(","))]
    return any(part in words or any(len(w) >= 6 and part.endswith(w) for w in words) for part in parts)


def _pieces(segment: str) -> list[str]:
    vocab = _vocabulary()
    segment = _NOTE_IN_PARENTHESES.sub(" ", _CONTACT_ADDRESS.sub(" ", segment))
    segment = " ".join(segment.split())
    if opening := READING_TIME.match(segment):
        segment = segment[opening.end() :].strip()  # "1 Min Read" of Reuters's header, before or without a name
    if _NOBODY_AFTER_LEAD_IN.search(segment):
        return []
    segment = _LEAD_IN.sub("", segment)
    segment = _COMPOUND_DEGREE.sub("", segment)
    segment = _TITLE_QUALIFIERS.sub(_title_without_qualifiers, segment)
    segment = _after_genre_label(_label_before_colon(strip_byline_prefix(segment)))
    segment = _NAMES_END.split(_ABBREVIATED_TITLE.sub(_without_title, segment), maxsplit=1)[0]
    segment = _date_tail().sub("", segment)
    if (turned := _surname_first(segment)) is not None:
        return [turned]
    pieces: list[str] = []
    places: set[int] = set()  # pieces after a full name that are places, unless a given name follows (a surname)
    title_open = False  # the last piece ended in a job title ("Rasmus Barslund Founder", "Digital Editor")
    # the splitter with its separators kept: [piece, separator, piece, ...]
    parts = re.split(f"({vocab.splitter.pattern})", segment, flags=vocab.splitter.flags)
    for index in range(0, len(parts), 2):
        raw, separator = parts[index], parts[index - 1] if index else ""
        piece = strip_byline_prefix(vocab.leading_connector.sub("", raw.strip()))
        piece = _cut_affiliation(piece, vocab.cut, first=index == 0).strip(" ,:-–—'\"()[]")
        if title_open and not opens_with_given_name(piece):
            continue  # "Founder & Lead Reviewer", "Editor and Master Gardener": the title goes on, no one is named
        untitled = _cut_title(piece)
        title_open = untitled != piece or _holds_any(untitled, vocab.role_words) or (bool(pieces) and _a_post(piece))
        if pieces and untitled != piece and _outlet_before_title(untitled, piece):
            continue  # "AP National Security Writer" after "Robert Burns": the outlet's beat and title, no one
        piece = untitled
        piece = vocab.title_suffix.sub("", vocab.title_prefix.sub("", piece)).strip()  # "김철수 기자"
        if piece.endswith(".") and not _keeps_stop(piece):
            piece = piece.rstrip(". ")
        piece = _without_date_label(_TRAILING_MONTH.sub("", piece).strip())
        if not piece:
            continue
        if not pieces and _institution(piece):
            return []  # "Bundesministerium für Wirtschaft und Klimaschutz": one institution, no persons
        if piece.lower().rstrip(".") in vocab.generational and pieces:
            pieces[-1] = f"{pieces[-1]} {piece}"
            continue
        if pieces and separator.strip() == "," and (turned := _surname_first(f"{pieces[-1]}, {piece}")):
            pieces[-1] = turned  # "Smith, John and Doe, Jane": each surname with the given name after it
            places.discard(len(pieces) - 1)
            continue
        if (
            pieces
            and len(pieces[0].split()) > 1
            and (_not_a_person_after_name(piece) or _outlet_in_capitals(pieces[0], piece, separator))
        ):
            places.add(len(pieces))  # "Lena Hofbauer, Klagenfurt": a place, desk or outlet after a full name
        pieces.append(piece)
    return [piece for index, piece in enumerate(pieces) if index not in places]


def _outlet_before_title(untitled: str, piece: str) -> bool:
    """What was left of a piece after its job title was cut opens with an acronym in capitals (in a piece that is
    not all capitals) or a known agency's or outlet's name: an outlet's beat ("AP National Security" of "AP
    National Security Writer", the Associated Press's byline on every paper that prints its copy; "Ap National
    Security" where the page re-cased it), not a person."""
    first = untitled.split()[0]
    acronym = len(first) >= 2 and first.isalpha() and first.isupper() and not piece.isupper()
    return acronym or is_organisation(first)


def _a_post(piece: str) -> bool:
    """A piece after a name that is a post, not a person: it opens with a title's first word or holds a desk's
    word, and no given name opens it ("Senior Staff Technologist" after "Daniel Kahn Gillmor")."""
    vocab = _vocabulary()
    words = piece.split()
    if not words or opens_with_given_name(piece):
        return False
    return fold(words[0]) in vocab.title_openers or _holds_any(piece, vocab.credit_words)


def _cut_title(piece: str) -> str:
    """A full name without the job title printed after it with no comma ("Mateusz Haberny Founder" -> "Mateusz
    Haberny", "Meg James Staff Writer" -> "Meg James", "Keith Barry Senior Autos Reporter" -> "Keith Barry"); a
    piece that does not open with a given name is left to be judged whole ("Science Editor"), and so is one where
    a desk or an organisation follows the name ("... Mitglied der Tonight News-Redaktion"), unless the desk word
    opens a job title ("Staff Writer")."""
    words = piece.split()
    vocab = _vocabulary()
    if len(words) <= MIN_WORDS_BEFORE_TITLE or not popularity(words[0]):
        return piece
    # a desk word that opens a job title ("Staff Writer", "Senior Staff Writer") is the title's, not an outlet's
    credits = [index for index, word in enumerate(words) if _holds_any(word, vocab.credit_words)]
    titled = {i for i in credits if i + 1 < len(words) and _holds_any(words[i + 1], vocab.role_words)}
    if any(index not in titled for index in credits):
        return piece
    for index in range(MIN_WORDS_BEFORE_TITLE, len(words)):
        if index in titled and is_common_word(words[index - 1]) and not popularity(words[index - 1]):
            # "Executive Digital Editor": the title opens before the desk word, at a word no list holds; cut there
            # while a full name stays before it ("Tim Green Digital Editor" is left whole: "Green" may be the
            # surname).  WCXB as page text, half a: authors 96 -> 97; every other figure unchanged.
            return " ".join(words[: index - 1]) if index - 1 >= MIN_WORDS_BEFORE_TITLE else piece
        opens_title = fold(words[index]) in vocab.title_openers and index + 1 < len(words)
        if opens_title or index in titled or _holds_any(words[index], vocab.role_words):
            return " ".join(words[:index])
    return piece


def _everyday_phrase(words: list[str]) -> bool:
    """Several everyday words, none a given name: a phrase of the page, not a person's name ("Dr Dieter
    Veldsman" opens with a title, not a given name, and is a name).  Two initials and a surname are a name,
    though each letter is an everyday word to wordfreq ("J. K. Rowling", "K. V. Prasad")."""
    if len(words) < 2 or any(popularity(word) for word in words):
        return False
    rest = [word for word in words if not _SPELLED_INITIAL.fullmatch(word)]
    if len(words) - len(rest) >= 2:  # the rest is a surname unless all of it is everyday ("A. B. C.", "A. B. Results")
        return all(is_common_word(word) for word in rest)
    uncommon = sum(1 for word in words if not is_common_word(word))
    return uncommon == 0 if len(words) == 2 else uncommon <= MAX_UNCOMMON_WORDS_OF_A_PHRASE


def _without_title(match: re.Match[str]) -> str:
    """ "Prof. " -> "": a title nameparser knows, abbreviated before a name; other abbreviations stay."""
    return "" if match[1].casefold() in CONSTANTS.titles else match[0]


def _after_genre_label(segment: str) -> str:
    """The names after a genre's label and its "by" word ("Eine Analyse von Anna Berger" -> "Anna Berger"): when
    the word before "by" is nobody's given name and a full name follows, opening with a given name.  A name's
    own particle stays: "Ursula von der Leyen" (a given name before it, a lower-case word after it), "Anna von
    Berg" (one word after it)."""
    match = _LABEL_THEN_BY.match(segment)
    if match is None:
        return segment
    names = segment[match.end() :]
    words = names.split()
    if popularity(match[1].split()[-1]) or len(words) < 2 or not popularity(words[0].strip(",")):
        return segment
    return names


def _title_without_qualifiers(match: re.Match[str]) -> str:
    """ "Dr. med." -> "Dr.": a title nameparser knows keeps its full stop and drops its qualifiers."""
    return f"{match[1]}." if match[1].casefold() in CONSTANTS.titles else match[0]


def _surname_first(segment: str) -> str | None:
    """ "Hofbauer, Lena" -> "Lena Hofbauer": only when the part after the comma is known given names (or
    initials) and the part before it is one word that is not (so "Lena Hofbauer, Klagenfurt", "Ana, Ben" and
    "Klagenfurt, Jonas Weber" stay lists)."""
    text = segment.strip(" ").lstrip(".")
    if not _FINAL_INITIAL.search(text):  # a final initial keeps its full stop, as it does in "Jeff T. Kaufman"
        text = text.rstrip(" .")
    if not _SURNAME_FIRST.match(text):
        return None
    surname, given = (part.strip() for part in text.split(",", 1))
    surname_words = [w for w in surname.split() if w.casefold() not in _PARTICLES]
    if len(surname_words) != 1 or not given or popularity(surname_words[0]):
        return None
    if not all(popularity(word) or _INITIAL.fullmatch(word) for word in given.split()):
        return None  # "Klagenfurt, Jonas Weber": a full name after the comma, not given names
    return in_reading_order(text)


def in_reading_order(text: str) -> str | None:
    """A name printed surname first ("Hofbauer, Lena", "Jong, Michiel de") in reading order, as nameparser reads
    it ("Lena Hofbauer", "Michiel de Jong")."""
    name = HumanName(text)
    return " ".join(filter(None, [name.first, name.middle, name.last])) or None


def one_persons_name(text: str) -> bool:
    """Two to four capitalised words without digits that the byline parser reads as one person, whole."""
    words = text.split()
    if not MIN_BARE_NAME_WORDS <= len(words) <= MAX_BARE_NAME_WORDS:
        return False
    inner = words[1:-1]
    if any(_DIGIT.search(word) for word in words) or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if any(not (word[:1].isupper() or is_surname_particle(word)) for word in inner):
        return False
    persons = parse_byline(text)
    if len(persons) != 1:
        return False
    name = persons[0].name.casefold()
    return name == text.casefold() or name == _tidy(text).casefold()  # a name printed twice: once


def is_full_name(name: str) -> bool:
    """A given name and more (MIN_FULL_NAME_WORDS words or more, `opens_with_given_name`): what a second source
    must show to add a person, where a one-word "name" is a job title, a desk or a box's heading ("GIGA-Experte",
    "Spotlight")."""
    return len(name.split()) >= MIN_FULL_NAME_WORDS and opens_with_given_name(name)


def person_key(name: str) -> str:
    """A person's name as two sources of one page compare it: case-folded, without the titles nameparser knows that
    open it and are no given name ("Dr Marna van der Merwe" in a byline, "Marna van der Merwe" in JSON-LD; "Dean
    Baquet" keeps "Dean"), as long as a full name is left."""
    words = name.split()
    while len(words) > MIN_FULL_NAME_WORDS and _a_title(words[0]) and not popularity(words[0]):
        words = words[1:]
    return " ".join(words).casefold()


def _a_title(word: str) -> bool:
    """A title nameparser knows, with or without its full stop ("Dr", "Prof.")."""
    return word.casefold().rstrip(".") in CONSTANTS.titles


def opens_with_given_name(name: str) -> bool:
    """Whether a name in Latin letters opens with a given name people are given, or with initials, after any
    title nameparser knows ("Dr Dieter Veldsman", "J. K. Rowling").  A second source's extra person must show
    it: a job title after a byline ("Executive Digital Editor and Master Gardener") or a company ("Model
    Remodel", "MDR Sachsen-Anhalt") read as one more name has none.  Names in other scripts pass: the
    given-name dictionary holds Latin spellings only, so it has no evidence either way."""
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in name):
        return True
    words = name.split()
    while len(words) > 1 and _a_title(words[0]):
        words = words[1:]
    return bool(words) and (bool(popularity(words[0])) or bool(_INITIALS.fullmatch(words[0])))


def _not_a_person_after_name(piece: str) -> bool:
    """A piece printed after a full name that is a place, desk or outlet, not a second person.

    One word: nobody's given name ("Klagenfurt", "Politik"), or a city, country or US state that is also a
    given name ("Paris", "Victoria"): a person's second name in a list comes with a surname of its own.
    Several words: the name of a city, country or US state ("New York", "Rio de Janeiro", "Den Haag")."""
    words = piece.split()
    if len(words) == 1:
        return not popularity(words[0]) or is_place_name(piece, alternatives=False)
    return len(words) <= MAX_PLACE_WORDS and is_place_name(piece)


def _outlet_in_capitals(name: str, piece: str, separator: str) -> bool:
    """A piece in capitals after a comma or a bar, behind a name that is not ("David Straub, MDR THÜRINGEN"): the
    outlet or desk, printed as its logo is.  A byline in capitals prints its names so too ("JOHN SMITH, JANE
    DOE"), and a person joins by a word ("Anna Berger and JANE DOE")."""
    joined_by_a_word = separator.strip().isalpha() or separator.strip() == "&"
    return piece.isupper() and not name.isupper() and not joined_by_a_word


def fold(word: str) -> str:
    """Lower case without accents: CMSs and slugs print desk words unaccented ("Redaccion" for "Redacción")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _holds_any(text: str, table: frozenset[str]) -> bool:
    """A word of `text`, or a part of a hyphenated one ("TVT-Redaktion"), is in `table` (folded words)."""
    return any(part in table for w in text.split() for part in re.split(r"[-–]", fold(w).strip(".,:")))


def credits_a_role(byline: str) -> bool:
    """True when the byline credits a desk, an organisation or a role in place of a person ("By Staff Writer, The
    Daily Ledger", "Von unserer Redaktion in Berlin", "By a correspondent in Kabul"): a credit, not a headline."""
    return credits_a_desk(byline) or names_an_organisation(byline) or _holds_any(byline, _vocabulary().role_words)


def names_nobody(byline: str) -> bool:
    """True when the byline is recognisably not a person's: an organisation (`names_an_organisation`) or
    numbers (a rating widget, a date), as opposed to a byline that merely failed to parse ("Ana Lima
    Mitglied der Redaktion")."""
    return bool(re.search(r"\d", byline)) or names_an_organisation(byline)


def names_an_organisation(byline: str) -> bool:
    """True when the byline is an organisation's name: an institution or known agency or outlet ("Bündnis
    90/Die Grünen Landesverband", "Agencia EFE"), a web address ("Deutsche Welle (www.dw.com)") or a desk of
    Korean, Japanese or Chinese ("編集部").  Its fragments, printed elsewhere on the page, name nobody either;
    a byline that fails on its digits only (an author's bio: "... developer since 2007") does not taint them."""
    text = _tidy(byline)
    if _URLISH.search(text) or _EMAIL.search(text):
        return True
    vocab = _vocabulary()
    stripped = strip_byline_prefix(text)
    if _institution(text) or vocab.desk_fragment.search(stripped):
        return True
    return any(is_organisation(piece.strip()) for piece in vocab.splitter.split(stripped) if piece.strip())


def not_a_name(text: str) -> bool:
    """An interface string or an account printed where a name belongs: "Super User", "No Author",
    "wordpressadmin", "Follow", "Leave a comment"-like runs of interface words."""
    vocab = _vocabulary()
    text = _tidy(text)
    words = [fold(w).strip(".,:") for w in text.split()]
    return (
        text.casefold().strip(" .:") in vocab.not_names
        or bool(_ACCOUNT.search(text))
        or (bool(words) and all(w in vocab.interface_words or w in vocab.not_names for w in words))
    )


def credits_a_desk(byline: str) -> bool:
    """True when the byline holds a desk or organisation word ("TVT-Redaktion", "Redaccion", "Reuters Staff")."""
    return _holds_any(strip_byline_prefix(_tidy(byline)), _vocabulary().credit_words)


def _without_marks(text: str) -> str:
    """The text without combining marks: the vowel signs of Devanagari, Bengali, Tamil... ("राहुल शर्मा") are
    letters of the name, but not word characters to the regular expressions."""
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def clean_person_name(candidate: str) -> str | None:
    """A display name for one person, or None when the text is not a person's name.

    Drops e-mails, URLs, digits ("John Doe123"), degrees ("PhD"), job titles and
    organisations; fixes casing only when the name is printed all upper/lower case.
    """
    vocab = _vocabulary()
    text = _tidy(candidate)
    if not text or _EMAIL.search(text) or _URLISH.search(text) or _DOTTED.search(text):
        return None
    if text.casefold().strip(" .:") in vocab.not_names or _ACCOUNT.search(text):
        return None
    if re.search(r"\d", text) and len(re.sub(r"\d+", " ", text).split()) == 1:
        return None  # "FinanceScout24", "link78", "Bündnis 90": one word beside digits is an account or a body
    if len(re.findall(r"\d+", text)) > 1:
        return None  # "Wie Gemeinden sparen 4.2 5 Stimmen": a rating or a date, never a name
    text = re.sub(r"\d+", "", text)
    words = [w for w in text.split() if w.lower().strip(",") not in vocab.degrees]
    text = " ".join(words).strip(" ,-")
    if text.endswith(".") and not _keeps_stop(text):
        text = text.rstrip(".")
    if not text or not _NAME_CHARS.match(_without_marks(text)):
        return None
    words = text.split()
    if len(words) > 2 and words[0].isupper() and words[0] == "".join(word[0] for word in words[1:]):
        words = words[1:]  # "CM Craig McCarthy": the initials an avatar shows where the writer has no photo
        text = " ".join(words)
    if len(words) > MAX_NAME_WORDS:
        return None
    if _holds_any(text, vocab.job_words) or _institution(text):
        return None  # "Science Editor", "TVT-Redaktion", "Die Grünen Landesverband Bayern"
    if vocab.desk_fragment.search(text):
        return None  # "온라인뉴스팀", "編集部": a desk
    if is_organisation(text):
        return None
    if words[0][0].islower() and len(words) > 1:
        # "on December", "at PM": a phrase, not a name (particles never start a byline name).  Only a
        # lower-case letter counts: Arabic, Hebrew, Devanagari, Thai, Korean... have no upper case.
        return None
    if len(text.replace(" ", "")) < 2:
        return None  # one letter or one character ("文" of "文/王小明": "text by") is nobody's name
    mixed_case = not (text.isupper() or text.islower())
    lower_words = [w for w in words[1:] if w.isalpha() and w.islower()]
    if mixed_case and any(w not in _PARTICLES and not _lower_name(w) for w in lower_words):
        # "Schreibe einen Kommentar", "Leave a reply": an interface phrase, not a name ("Mobasir hassan" is)
        return None
    if any(w in _ARTICLE_PARTICLES and words[i - 1].casefold() not in _PARTICLES for i, w in enumerate(words) if i):
        return None  # "Im Netz der China-Agenten": an article after a word that is no particle, a phrase's
    if _ONLY_DATE_WORDS.match(text) or (len(words) == 1 and text.casefold() in _date_labels()):
        return None  # "December", "Sept": a date fragment; "Stand" of "Stand: 20. April 2020": a date label
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
        return None  # "NDR", "AFP": an acronym is an organisation
    if len(words) == 1 and popularity(text) < MIN_ONE_WORD_NAME_POPULARITY and is_common_word(text):
        return None  # "Teilen", "Antworten", "Human": an interface word where a blog prints a first name or handle
    if _everyday_phrase(words):
        return None  # "Fact Checked", "HR Strategy": a heading or label of the page where a byline was looked for
    letters = [c for c in text if c.isalpha()]
    if letters and (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        name = HumanName(text)
        name.capitalize(force=True)
        text = str(name) or text
    return text


def parse_byline(byline: str) -> list[Author]:
    """Persons named in a printed byline, in order, with roles where the byline gives them."""
    return [Author(name, role) for name, role in _persons_in(byline)]


@lru_cache(maxsize=PARSED_BYLINES_CACHED)
def _persons_in(byline: str) -> tuple[tuple[str, str | None], ...]:
    """(name, role) of each person in a byline: an immutable answer to remember (Author can be changed)."""
    text = _tidy(byline)
    if not text or len(text) > MAX_BYLINE_CHARS:
        return ()
    persons: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for segment, role in _segments(text):
        pieces = _pieces(segment)
        if persons and len(pieces) == 1 and len(persons[-1][0].split()) > 1 and _not_a_person_after_name(pieces[0]):
            continue  # "Ayşe Öztürk | İstanbul": a place printed after the name, in a segment of its own
        for piece in pieces:
            name = clean_person_name(piece)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                persons.append((name, role))
    return tuple(persons)
