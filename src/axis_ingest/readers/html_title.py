"""The article's headline among a page's title candidates (`choose_title`).

The <h1> a reader sees and the titles the page declares (JSON-LD headline, og:title, twitter:title, <title>) are
compared: where they agree the headline is what both print, with a kicker where one adds it; a declared title is
stripped of the site's name around it; a junk <title> or a section's name in the <h1> loses to a title that reads
as a headline.  Issue 14: titles on unseen pages.
"""

from __future__ import annotations

import re
import unicodedata

from tld import get_tld

from axis_ingest.clean.text import without_invisible
from axis_ingest.detectors import UMLAUTS_WRITTEN_OUT, words_key

# Titles an editor writes for the article (as opposed to trafilatura's guess and the <title>, which may be junk).
EDITORS_TITLES = frozenset({"jsonld", "og", "twitter"})
# A site's name in a title is short ("The Japan Times", "Deutsche Exlibris-Gesellschaft e.V."); longer parts are text.
MAX_SITE_NAME_WORDS = 6
# A title part that begins with the site's name is the site's name when at most this many words follow it ("BBC
# News", "Süddeutsche Zeitung" of sueddeutsche.de, "Yahoo Finance"); more is a headline that opens with the name
# ("webpack 3: Official Release!!" on webpack's Medium publication, metascraper's test page).
MAX_WORDS_AFTER_SITE_NAME = 2
# A site's name may open with an article ("The", "Die", "El", "Le", "Il", "De"), which its host name leaves out.
MAX_ARTICLE_CHARS = 3
# A kicker over a headline ("Chronik: ...", "Corona-Pandemie - ...") is a topic of a few words: 1-3 on the
# authors dev set (half a: orf.at, brandeins.de, tagesspiegel.de); seven words before a colon are a sentence.
MAX_KICKER_WORDS = 6
_KICKER_SEPARATOR = re.compile(r"\s*:\s+|\s+[–—-]\s+")
# An <h1> that no declared title agrees with is the headline when it has this many words: the headline a
# reader sees, where og:title and JSON-LD carry an SEO title ("Using Machine Learning To Personalize ..." over
# the printed "How Machine Learning Personalizes ...").  Through the CLI, taking such an <h1> over the editors'
# titles: WCXB titles 272 -> 286 / 316 -> 331 of 331 / 378 (halves a / b), the authors dev pages' labelled
# titles 175 -> 181 / 156 -> 160 of 204 / 188.  A shorter <h1> is mostly a section's name ("Webcams", "Electrical
# Safety" over a page's own title): with this limit WCXB 288 / 334, the dev pages 179 / 160 (and with the upper
# limit and the colon test of `_reads_as_headline` WCXB 289 / 334).
MIN_UNAGREED_H1_WORDS = 3
# ... and at most this many: headlines of the labelled pages (WCXB, the authors dev set) hold up to ~20 words; a
# longer <h1> is a standfirst of several sentences set as the heading.
MAX_UNAGREED_H1_WORDS = 25
# Longest headline taken from a page; longer "titles" are descriptions or teasers.
MAX_TITLE_CHARS = 300
# What a page title puts between the headline and the site's name: "A | B", "A - B", "A – B", "A :: B", "A › B";
# Japanese and Chinese titles print a full-width bar or colon without spaces ("都が予算案を発表：朝日新聞デジタル"),
# and Chinese portals an underscore or a dash after a Chinese character ("…加息25个基点_网易新闻", "…_凤凰网",
# "…_百度百科", "…-新华网", "…--财经--人民网").
_TITLE_SEPARATOR = re.compile(
    r"\s+[|–—\-:›»•·~]{1,2}\s+|\s*[|｜：]\s*|(?<=[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])(?:_|-{1,2}|—{1,2})(?=\S)"
)


_COLON = re.compile("[:：]")


def end_parts(title: str) -> list[str]:
    """The first and the last part of a page title with separators, each when it is shorter than the rest of the
    title and short enough for a site's name: where a title puts the site's name ("Headline | Site", "Site -
    Headline", "…影响交通-新华网").  Whether a part is the site's name the page says
    (`html_headings.printed_as_the_sites_name`).  Not a first part before a colon: a speaker ("Macron : « … »")."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return []
    first, last = separators[0], separators[-1]
    ends = [(title[last.end() :], title[: last.start()])]
    if not _COLON.search(first[0]):
        ends.append((title[: first.start()], title[first.end() :]))
    parts = [(part.strip(), rest.strip()) for part, rest in ends]
    return [part for part, rest in parts if part and len(part.split()) <= MAX_SITE_NAME_WORDS and len(part) < len(rest)]


def _site_affix_removed(title: str, site_keys: set[str]) -> str:
    """ "Streit ums Feuerholz - www.AussenGedanken.de" -> "Streit ums Feuerholz": a first or last part after a
    separator that is the site's own name (og:site_name, JSON-LD publisher, host name) is dropped."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    if _is_site(title[last.end() :], site_keys):
        return title[: last.start()].strip()
    if _is_site(title[: first.start()], site_keys):
        return title[first.end() :].strip()
    return title


def _is_site(part: str, site_keys: set[str]) -> bool:
    """`part` names the site: its key is a site key, begins one ("ARSnova" of arsnova.thm.de), or begins with one
    and goes on for at most MAX_WORDS_AFTER_SITE_NAME words ("BBC News" of bbc.co.uk)."""
    words = part.split()
    if len(words) > MAX_SITE_NAME_WORDS:
        return False
    keys = _part_keys(part)
    if any(
        key == site or (min(len(key), len(site)) >= 3 and site.startswith(key)) for key in keys for site in site_keys
    ):
        return True
    if not any(len(site) >= 3 and key.startswith(site) for key in keys for site in site_keys):
        return False
    opening = " ".join(words[: max(0, len(words) - MAX_WORDS_AFTER_SITE_NAME - 1)])  # all but its last three words
    return not any(len(site) >= 3 and key.startswith(site) for key in _part_keys(opening) for site in site_keys)


def _part_keys(part: str) -> set[str]:
    """Keys a title part naming the site may have, to meet a host name written in ASCII: as printed, without its
    accents ("El País", elpais.com; "Hürriyet", hurriyet.com.tr), with German umlauts written out ("Süddeutsche
    Zeitung", sueddeutsche.de), and without a first word of an article's length ("The Washington Post",
    washingtonpost.com; "Die Zeit", zeit.de)."""
    text = part.casefold().removeprefix("www.")
    words = text.split()
    texts = {text} | ({" ".join(words[1:])} if len(words) > 1 and len(words[0]) <= MAX_ARTICLE_CHARS else set())
    keys = set()
    for form in texts:
        for spelt in (form, _without_accents(form), form.translate(UMLAUTS_WRITTEN_OUT)):
            key = re.sub(r"[\W_]+", "", spelt)
            keys.add(re.sub(r"(?:de|com|org|net|at|ch|fr|it|es|uk|co|ru|info|eu|io)$", "", key) if "." in part else key)
    return keys - {""}


def _without_accents(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def _title_forms(title: str) -> list[str]:
    """What a printed heading may be to agree with `title`: all of it, or its first or last part ("Headline |
    Site", "Site » Headline"); a middle part is a breadcrumb ("Site | Culture | Books | Headline")."""
    parts = _TITLE_SEPARATOR.split(title)
    return [title, parts[0], parts[-1]]


def _agreeing_keys(title: str) -> set[str]:
    """Keys of `_title_forms`."""
    return {words_key(form) for form in _title_forms(title)} - {""}


def choose_title(
    candidates: list[tuple[str, str | None]],
    h1: str | None,
    site_names: list[str],
    headings: list[str] | tuple[str, ...] = (),
    h1_kicker: str | None = None,
) -> str | None:
    """The article's headline.  In order: what the <h1> and a declared title (JSON-LD headline, og:title,
    twitter:title, the <title>) both print when one of them adds a kicker; the <h1> when a declared title is
    only the kicker it prints over its headline (`h1_kicker`); the first of the <h1> and the page's other
    headings (later <h1>s, then <h2>s) that a declared title agrees with, as printed or without the site's
    name (with the declared title's marks where the heading prints a kicker and a headline as two elements with
    none between: `_punctuates`); else the <h1> without the site's name when it reads as a headline
    (`_reads_as_headline`); else the first of the editors' titles (JSON-LD headline, og:title, twitter:title)
    without the site's name around it; else the <h1>; else trafilatura's title or the <title>, stripped the same
    way (the <title> first where trafilatura's is none of its parts: a heading the tests above passed over).

    Meta titles carry the site's name ("... | CBC News"), a <title> can be junk ("AKI") and an og:title cut
    short; the first <h1> can be a section name ("Aktuelles", "Navigation und Service") on pages whose
    headline is a later heading: agreement between what is printed and what is declared tells them apart.
    trafilatura's title never counts as agreement: it is itself a meta title or the page's first heading.
    """
    # soft hyphens and zero-width marks a site prints inside long words ("Mes\xadsen\xadger\xaddiens\xadte")
    candidates = [(source, without_invisible(text) if text else text) for source, text in candidates]
    h1 = without_invisible(h1) if h1 else h1
    headings = [without_invisible(heading) for heading in headings]
    titles = [(source, text) for source, text in candidates if text and len(text) <= MAX_TITLE_CHARS]
    if h1 and any(source in EDITORS_TITLES and words_key(text) == words_key(h1) for source, text in titles):
        # the <h1> and a declared title agree: a "site name" that says the same is the page's title, declared
        # as og:site_name by a misconfigured site (krioda.com), not the site's name around it
        site_names = [name for name in site_names if words_key(name) != words_key(h1)]
    site_keys = {key for name in site_names for key in _site_keys(name) if key}
    if h1 and _is_site(h1, site_keys):
        h1 = None  # the site's name printed as the page's <h1> ("strafprozess.ch")
    stripped = [
        (source, title)
        for source, text in titles
        if words_key(title := _site_affix_removed(text, site_keys)) and not _is_site(title, site_keys)
    ]
    declared = [title for source, title in stripped if source != "trafilatura"]
    for title in declared if h1 else ():
        if _behind_kicker(title, h1):
            return h1
        if _behind_kicker(h1, title):
            return title
    if h1 and h1_kicker and any(words_key(title) == words_key(h1_kicker) for _, title in stripped):
        return h1  # the meta title is the kicker the <h1> prints over its headline
    agreeing = {key for source, text in titles if source != "trafilatura" for key in _agreeing_keys(text)}
    agreeing |= {key for title in declared for key in _agreeing_keys(title)}
    for heading in [h1, *headings]:
        if heading and not _is_site(heading, site_keys) and words_key(heading) in agreeing:
            forms = (form for title in declared for form in _title_forms(title))
            return next((form for form in forms if _punctuates(form, heading)), heading)
    editors = [title for source, title in stripped if source in EDITORS_TITLES]
    others = [(source, title) for source, title in stripped if source not in EDITORS_TITLES]
    if page_key := next((words_key(text) for source, text in titles if source == "title"), ""):
        # trafilatura's title is the <title> it cut, or a heading of the page (its only <h1>, a first <h2>) that
        # the tests above did not take: then the <title> comes first ("View Comment (1)" over a Yahoo story's)
        others.sort(key=lambda pair: pair[0] == "trafilatura" and not _cut_from(pair[1], page_key))
    printed = _site_affix_removed(h1, site_keys) if h1 else None
    if printed and _reads_as_headline(printed):
        return printed
    return next(iter(editors), None) or printed or next((title for _, title in others), None)


# What a declared title writes between a kicker and its headline where the printed heading sets them as two
# elements with nothing between ("Rückbau von Atomkraftwerk: Kühltürme ..." over <span>Rückbau von
# Atomkraftwerk</span> <span>Kühltürme ...</span>).
_KICKER_MARK = re.compile(r"\s*:\s+|\s+[/|–—-]\s+")


def _punctuates(declared: str, printed: str) -> bool:
    """`declared` is `printed` with marks between its parts that the page's markup left out: a kicker and a
    headline printed as two spans read "Kicker Headline" (or, with a quotation, '"Es wird bald beginnen"Trump ...'),
    which no reader writes; the page's own og:title or JSON-LD headline says where the parts meet.  Spacing aside,
    `printed` must be `declared` with some of those marks missing and nothing else changed."""
    pieces = _KICKER_MARK.split(declared)
    printed = _unspaced(printed)
    if len(pieces) == 1 or _unspaced(declared) == printed:
        return False
    marks = [re.escape(_unspaced(mark[0])) for mark in _KICKER_MARK.finditer(declared)]
    pattern = re.escape(_unspaced(pieces[0])) + "".join(
        f"(?:{mark})?{re.escape(_unspaced(piece))}" for mark, piece in zip(marks, pieces[1:], strict=True)
    )
    return re.fullmatch(pattern, printed) is not None


def _unspaced(text: str) -> str:
    return "".join(text.split())


def _reads_as_headline(h1: str) -> bool:
    """An <h1> no declared title agrees with is the headline when it has the length of one
    (MIN_UNAGREED_H1_WORDS to MAX_UNAGREED_H1_WORDS words) and introduces nothing: a promotion box's heading ends
    in a colon ("A message from John Furrier, co-founder of SiliconANGLE:"), a standfirst set as the <h1> runs
    on for sentences."""
    return MIN_UNAGREED_H1_WORDS <= len(h1.split()) <= MAX_UNAGREED_H1_WORDS and not h1.rstrip().endswith(":")


def _cut_from(title: str, page_key: str) -> bool:
    """`title` is the start or the end of the <title> (`page_key`, its words): cut from it, the site's name left
    off ("Public Sector Data Migration Hassles | @CloudExpo #Cloud" of "... | Cloud Computing Expo")."""
    key = words_key(title)
    return key != "" and (page_key.startswith(key) or page_key.endswith(key))


def _behind_kicker(longer: str, headline: str) -> bool:
    """`longer` is `headline` behind a kicker: "Chronik: Lotte Tobisch ist tot", "Abstandsregeln und
    Fieberkontrollen : Wie Firmen ...".  News sites print the kicker over the headline in its own line, and
    one of the page's titles (the <h1> or a meta title) carries it while the other does not; the headline is
    the part both print."""
    key = words_key(headline)
    for separator in _KICKER_SEPARATOR.finditer(longer):
        kicker = longer[: separator.start()]
        if 0 < len(kicker.split()) <= MAX_KICKER_WORDS and words_key(longer[separator.end() :]) == key:
            return True
    return False


def _site_keys(name: str) -> set[str]:
    """Keys a title part naming the site may start with: the name's letters, and of a host name both the
    labels before its last ("arsnovathm" of arsnova.thm.de, which "ARSnova" begins) and its registrable name
    ("bundeskanzleramt" of bundeskanzleramt.gv.at, "bbc" of www.bbc.co.uk, "cnn" of edition.cnn.com)."""
    name = name.casefold().strip().removeprefix("www.")
    if "." not in name or " " in name:
        return {re.sub(r"[\W_]+", "", name)}
    return {re.sub(r"[\W_]+", "", key) for key in (name.rsplit(".", 1)[0], _registrable_name(name))}


def _registrable_name(host: str) -> str:
    """ "bundeskanzleramt" of bundeskanzleramt.gv.at, "bbc" of www.bbc.co.uk, "cnn" of edition.cnn.com.

    Two labels need no lookup (aussengedanken.de); a longer host is looked up in the Public Suffix List that
    ships inside the `tld` package (a dependency of trafilatura's courlan; nothing is downloaded).  Reading the
    list costs ~0.5 s once per process, paid only by a process that meets such a host."""
    labels = host.split(".")
    if len(labels) <= 2:
        return labels[0]
    found = get_tld(host, as_object=True, fail_silently=True, fix_protocol=True)
    domain = getattr(found, "domain", None)
    return domain if isinstance(domain, str) and domain else host.rsplit(".", 1)[0]
