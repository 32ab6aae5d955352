"""Detect an input's format from its content, never from its file name.

Every seed arrives as `.txt` whatever it holds, so the decision is made on
features of the text: JSON structure, markup density, wire datelines and
sign-offs, and the line-length statistics that tell hard-wrapped PDF text from
text copied out of a browser.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from axis_ingest.detectors import (
    LINE_ENDS_SENTENCE,
    agency_names,
    data_table,
    is_uncased_letter,
    match_capitals_dateline,
    match_date_line,
    match_dateline,
)
from axis_ingest.document import RejectedInput

# How much of the file the markup and wire checks look at.  Headers and
# datelines sit at the top; 4 KB covers a DOCTYPE after a long comment.
HEAD_CHARS = 4096

# Tags per 1,000 characters above which text is HTML even without <html>
# (a fragment).  Prose that mentions "<b>" once stays text.
MIN_TAG_DENSITY = 4.0

# PDF text: share of wrap-candidate lines (long, no sentence-final
# punctuation, next line continues in lower case) above which the text is
# treated as hard-wrapped.  Scraped pages copied from a browser keep each
# paragraph on one line and score ~0; PDF extractions score 0.2-0.9.
MIN_HARD_WRAP_SHARE = 0.12
MIN_WRAP_EVENTS = 3
# A line this wide (a CJK character counting two) may be a full line of a column.
MIN_WRAP_LINE_WIDTH = 40
# In scripts without capitals (Arabic, Hebrew, Devanagari, Hangul, and Chinese and Japanese, which wrap between
# any two characters) no lower-case start shows a wrap: there a long line that does not end a sentence, before a
# line that starts with such a letter, counts as a wrap when it is as long as the text's typical long line (within
# this share of their median length) and the next line is full too or ends the sentence.  PDF text fills its
# column line after line; a scraped page's headlines and one-line paragraphs vary in length, and a headline is
# followed by a date, a button or a teaser.  (Chinese and Japanese lines counted as wraps whatever their length
# until session 40: seven of GNE's 62 Chinese pages as page text were read as PDF text.)
UNCASED_WIDTH_SLACK = 0.15

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|link|style|script|title)[\s>]",
    re.I | re.S,
)
# XML that is not an HTML page (feeds, sitemaps, DOCTYPEs with entity
# declarations): there is no reader for it, and it is never parsed as XML, so
# entity-expansion bombs cannot go off.
_XML_START = re.compile(r"^\s*(?:<\?xml[\s?]|(?:<!--.*?-->\s*)*<!doctype\s+(?!html[\s>\[]))", re.I | re.S)
# A page whose DOCTYPE is mangled ("<!DOCTYPE htm>", "<!DOCTYPE html5>", a CMS's typo) is still HTML
# when its root elements follow; a feed or sitemap has no <html>/<head>/<body> element.
_HTML_ROOT = re.compile(r"<(?:html|head|body)[\s>]", re.I)
# An RSS or Atom feed saved as a file (a WordPress site's /feed/ carries each post's full text): its root element,
# after an XML declaration, comments and a stylesheet instruction.
_FEED_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<\?xml-stylesheet[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)[\s>]",
    re.I | re.S,
)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|ul|ol|li|article|section|body|meta|link|style|script|img|table|tr|td|em|strong|b|i)"
    r"\b[^>]*>",
    re.I,
)

# Wire copy opens with its dateline ("Brussels, March 4 (IANS)", "WASHINGTON (AP) --", `opens_wire_copy`):
# it must start one of the first WIRE_HEAD_LINES non-empty lines.  A page scraped from a site that
# reprints AP copy has menus first, so it stays `scraped_text` (measured on the
# 91 AEB scraped pages: 0 false wire detections with 3, 11 with "anywhere in 4 KB").
WIRE_HEAD_LINES = 3
# A sign-off ("--IANS", "ksk/vd") counts only among the last WIRE_TAIL_LINES non-empty lines.
WIRE_TAIL_LINES = 3
_WIRE_SIGNOFF = re.compile(r"^\s*(?:-{1,2}|—|–)\s*[A-Z]{2,8}\s*$|^\s*[a-z]{2,5}(?:/[a-z]{2,5})+\s*$", re.M)
# Markdown (an article saved by a "save as Markdown" clipper, a reader service or an LLM-oriented scraper): a
# heading line ("# Title", "## Section") and at least MIN_MARKDOWN_MARKS inline marks a browser copy never
# holds: links "[text](https://...)", images "![alt](...)", bold "**text**", code fences.  List bullets and
# "> " quotes are not counted: copied web pages and e-mails have them too.
MIN_MARKDOWN_MARKS = 2
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MARKDOWN_MARK = re.compile(r"!?\[[^\]\n]{1,300}\]\((?:https?://|/|\.)[^)\s]*\)|\*\*[^*\n]{1,200}\*\*|^```", re.M)
# ... or YAML front matter ("---", "key: value" lines, "---") naming an article's fields, which opens the Markdown
# of clippers (Obsidian's Web Clipper, MarkDownload) and of static sites' posts (Jekyll, Hugo, Eleventy, Astro),
# whatever marks the text below holds: a post of plain paragraphs was read as page text, its title "title:
# "Harbour board ..."".  The fields the Markdown reader reads, by the keys writers give them:
FRONT_MATTER_KEYS = {
    "title": ("title",),
    "url": ("source", "url", "link", "canonical"),
    "author": ("author", "authors", "byline", "creator"),
    "published": ("published", "date", "created", "pubdate"),
}
MAX_FRONT_MATTER_LINES = 60
FRONT_MATTER = re.compile(rf"\A---[ \t]*\n((?:.*\n){{0,{MAX_FRONT_MATTER_LINES}}}?)---[ \t]*\n")
_FRONT_MATTER_FIELD = re.compile(
    rf"^(?:{'|'.join(key for keys in FRONT_MATTER_KEYS.values() for key in keys)})[ \t]*:", re.M | re.IGNORECASE
)
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and Han
_CJK_CHAR = re.compile(f"[{_CJK_CHARS}]")
_WIDE_CHAR = re.compile(f"[{_CJK_CHARS}\uac00-\ud7a3]")  # and Hangul syllables: as wide on the page


# An e-mail file (.eml, RFC 5322) opens with a header block: "Name: value" lines (continuations
# indented), optionally after an mbox "From " line, up to the first blank line.  It is an e-mail when
# that block names the sender and at least EMAIL_MIN_HEADERS of the usual headers; a scraped page
# that starts "From: our correspondent" has no such block.
EMAIL_MIN_HEADERS = 3
_EMAIL_HEADERS = frozenset(
    {"from", "to", "cc", "date", "subject", "message-id", "mime-version", "received", "return-path",
     "content-type", "content-transfer-encoding", "reply-to", "delivered-to", "x-mailer", "sender"}
)  # fmt: skip
# Headers only a message that was sent carries: a saved web page has none of them.
_SENT_MESSAGE_HEADERS = frozenset({"to", "cc", "message-id", "received", "return-path", "delivered-to"})
# A header line: its name, a colon, then its value after a space, or nothing (the value folded onto the next
# lines: "Subject:" over " =?gb2312?B?...?=", as a spam filter's test messages have it).
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,60}):(?:[ \t]|$)")


@dataclass(frozen=True)
class Sniffed:
    source_format: str
    json_value: object | None = None  # parsed JSON, so the reader need not parse it again


# JSON opens with an object's first key or a list's first value: `{"`, `{}`, `[{`, `[]`, `[[1`, `["a",`, `[1,`,
# `[true]`... (and `{'`, a Python dict saved as JSON, rejected with the JSON parser's reason).  Text copied from a
# page can open with a brace or a bracket too ("{{section.heading.text}}" left by a page template, "[Skip to
# content]" from a copy tool's links, "[1]Skip to content" from a text browser's dump, "[0](/cart)" or
# "[888-209-3989](tel:...)" opening a reader service's Markdown, "[[Harbour notes]]" an Obsidian note's link);
# that is text, not broken JSON: a list's first value is JSON only when a comma follows it, or the list's end and
# nothing else ("[1] Wer im Wissenschaftsbetrieb ..." opens a text copied with its footnote's marker).  A truncated
# JSON export still opens like JSON and is still rejected as such.
_JSON_STRING_OPEN = r'"(?:[^"\\\n]|\\.)*'  # a string up to its closing quote (or the end of a truncated file)
_JSON_SCALAR = rf'(?:{_JSON_STRING_OPEN}"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)'
_JSON_START = re.compile(
    rf'\s*(?:\{{\s*["\'}}]|\[\s*(?:\{{|\]|\[\s*[\[\]{{"\d-]|{_JSON_STRING_OPEN}$|{_JSON_SCALAR}\s*(?:,|\]\s*\Z)))'
)


# A Rich Text Format document opens with its group and version ("{\rtf1\ansi\ansicpg1252\cocoartf2761 ...").
_RTF_START = re.compile(r"\A\s*\{\\rtf1?(?![a-z])")


def _looks_like_json(text: str) -> bool:
    return bool(_JSON_START.match(text))


def _is_wordpress_post(value: object) -> bool:
    """A WordPress REST post object, even one whose content is null or broken (the reader says why).  A post an
    export flattened ("content": "<p>...") keeps its "link" or "slug"; an object with a title and a content
    string and neither is another tool's article (Readability's JSON: title, byline, content, siteName)."""
    if not isinstance(value, dict) or "content" not in value or _is_wordpress_comment(value):
        return False
    return "link" in value or "slug" in value or ("title" in value and not isinstance(value["content"], str))


def _is_wordpress_comment(value: dict[str, Any]) -> bool:
    """An object of /wp-json/wp/v2/comments: a reader's reply, with the post it answers and the commenter's name
    and no title (frontity's test responses of test.frontity.org: "Nice post, Alan! ..." was loaded as an
    article)."""
    return isinstance(value.get("post"), int) and "author_name" in value and "title" not in value


# What the WordPress REST API's other endpoints return, by a key only their objects carry (frontity's test
# responses of test.frontity.org): a file saved from one of them holds no posts, and the reason says where the
# posts are.  A comment is told by `_is_wordpress_comment`.
_WORDPRESS_OBJECTS = (
    ("taxonomy", "categories or tags (/wp-json/wp/v2/categories, /tags)"),
    ("media_type", "media items (/wp-json/wp/v2/media)"),
    ("avatar_urls", "users (/wp-json/wp/v2/users)"),
    ("rest_base", "post types or taxonomies (/wp-json/wp/v2/types, /taxonomies)"),
)


def wordpress_objects(value: object) -> str | None:
    """What a WordPress REST response that holds no posts lists, or None when it is none of those."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, dict) and value and all(isinstance(v, dict) and "rest_base" in v for v in value.values()):
        items = list(value.values())  # /types and /taxonomies: one object per type, keyed by its name
    objects = [item for item in items if isinstance(item, dict)]
    if not objects or len(objects) < len(items):
        return None
    if all(_is_wordpress_comment(item) for item in objects):
        return "comments (/wp-json/wp/v2/comments), readers' replies rather than articles"
    if found := next((what for key, what in _WORDPRESS_OBJECTS if all(key in item for item in objects)), None):
        return found
    if all({"id", "slug", "link"} <= item.keys() for item in objects):  # posts fetched with `_fields=id,slug,...`
        return "posts without their title and content (a request's `_fields` left them out)"
    return None


# Wrappers some exporters put around a list of posts.
LIST_KEYS = ("posts", "items", "data", "results")

# A lone UTF-16 surrogate ("\\ud800" in the JSON) decodes to a code point that
# lxml and SQLite refuse; it stands for a character the exporter lost.
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def _clean_string(value: object) -> object:
    if isinstance(value, str) and _UNSTORABLE.search(value):
        return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)
    if isinstance(value, list):
        return [_clean_string(v) for v in value]
    return value


def _drop_surrogates_in(obj: dict[str, object]) -> dict[str, object]:
    """json object_hook: lone surrogates in string values become U+FFFD, NULs are dropped."""
    return {key: _clean_string(value) for key, value in obj.items()}


def parse_json(text: str) -> object:
    """The one JSON parse of an input (lone surrogates repaired); JSON Lines as the list of its objects.
    Raises RejectedInput when it is neither."""
    try:
        return json.loads(text, object_hook=_drop_surrogates_in)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and (objects := _json_lines(text)) is not None:
            return objects
        raise RejectedInput(
            f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "the file may be truncated — fetch or export it again"
        ) from None
    except RecursionError:
        raise RejectedInput("JSON nested too deeply to be a WordPress response (malformed or hostile)") from None


def _json_lines(text: str) -> list[object] | None:
    """The objects of JSON Lines, one JSON object a line (Scrapy's `-o items.jsonl` feed export, news-please's
    and most crawlers' article dumps: they were rejected as invalid JSON, "Extra data"), or None when a line is
    not one: a file cut short mid-object is still invalid JSON."""
    objects = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line, object_hook=_drop_surrogates_in)
        except (json.JSONDecodeError, RecursionError):  # a line nested too deeply is no article's object either
            return None
        if not isinstance(value, dict):
            return None
        objects.append(value)
    return objects


def unwrap_post_list(value: object) -> object:
    """`{"posts": [...]}` and other exporter wrappers -> the list inside; anything else unchanged."""
    if isinstance(value, dict) and "content" not in value:
        return next((value[key] for key in LIST_KEYS if isinstance(value.get(key), list)), value)
    return value


def json_field(item: dict[str, Any], path: str) -> Any:
    """Field `path` of an object; "a.b" is field b of the object in field a (data/json_articles.toml)."""
    value: Any = item
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def json_articles(value: object) -> list[dict[str, Any]]:
    """The article objects of JSON that is not a WordPress post: the object itself, a list of them, or the list an
    API's response holds (data/json_articles.toml `lists`); [] when no object has a title and a body."""
    table = data_table("json_articles.toml")
    candidates: object = value
    if isinstance(value, dict):
        found = (json_field(value, path) for path in table["lists"])
        candidates = next((items for items in found if isinstance(items, list)), [value])
    items = [item for item in candidates if isinstance(item, dict)] if isinstance(candidates, list) else []
    fields = table["fields"]

    def is_article(item: dict[str, Any]) -> bool:
        def text(key: str) -> bool:
            return any(isinstance(json_field(item, path), str) for path in fields[key])

        return text("title") and text("body")

    return items if any(is_article(item) for item in items) else []


def _sniff_json(text: str) -> Sniffed:
    value = parse_json(text)
    unwrapped = unwrap_post_list(value)
    posts = unwrapped if isinstance(unwrapped, list) else [unwrapped]
    # A list with one broken post is still a WordPress list: its good posts load, the reader skips the rest.
    if posts and all(isinstance(p, dict) for p in posts) and any(_is_wordpress_post(p) for p in posts):
        return Sniffed("wordpress_json", value)
    if json_articles(value):
        return Sniffed("json_articles", value)
    if isinstance(value, list) and not value:
        raise RejectedInput("empty JSON list: the WordPress response holds no posts")
    if (objects := wordpress_objects(unwrapped)) is not None:
        raise RejectedInput(
            f"a WordPress REST API response of {objects}; fetch the articles from /wp-json/wp/v2/posts"
            " with their title and content"
        )
    keys = sorted(value)[:8] if isinstance(value, dict) else [type(value).__name__]
    raise RejectedInput(
        "JSON of an unknown shape: expected a WordPress REST API post object or list of posts "
        "(objects with 'title' and 'content.rendered'), or article objects with a title and a body "
        f"(schema.org articleBody, a news API's content or body; see data/json_articles.toml); found keys {keys}"
    )


def tag_density(text: str) -> float:
    head = text[: HEAD_CHARS * 4]
    return 1000.0 * len(_TAG.findall(head)) / max(len(head), 1)


def hard_wrap_share(text: str) -> tuple[float, int]:
    """(share of long lines that are wrapped mid-sentence, number of such wraps)."""
    lines = [line.rstrip() for line in text.split("\n")]
    # a Chinese, Japanese or Korean character counts as two: a 28-character CJK line is a full line
    widths = [len(line) + len(_WIDE_CHAR.findall(line)) for line in lines]
    long_lines = [i for i, width in enumerate(widths) if width >= MIN_WRAP_LINE_WIDTH]
    if not long_lines:
        return 0.0, 0
    typical = sorted(widths[i] for i in long_lines)[len(long_lines) // 2]
    wraps = 0
    for i in long_lines:
        nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        if not nxt or LINE_ENDS_SENTENCE.search(lines[i]):
            continue
        # a cased wrap's continuation fills the column too or ends the sentence: a teaser headline over
        # "vor 28 Minuten", an advert over its category ("descuentos") is no wrapped sentence
        goes_on = widths[i + 1] >= MIN_WRAP_LINE_WIDTH or bool(LINE_ENDS_SENTENCE.search(nxt))
        cased_wrap = (nxt[0].islower() or lines[i].endswith("-")) and goes_on
        if cased_wrap or _uncased_wrap(nxt, lines[i][-1], widths[i], widths[i + 1], typical):
            wraps += 1
    return wraps / len(long_lines), wraps


def _uncased_wrap(nxt: str, last: str, width: int, next_width: int, typical: int) -> bool:
    """A line as long as the text's typical long line, before a line in a script without capitals that is
    full too or ends the sentence (the paragraph goes on): see UNCASED_WIDTH_SLACK.  Chinese and Japanese text
    wraps between any two characters of theirs (`last` and the next line's first), and a list of headlines
    in it ends and starts lines with them too: its lines vary in length as any script's do."""
    starts_uncased = bool(_CJK_CHAR.match(last)) if _CJK_CHAR.match(nxt) else is_uncased_letter(nxt[0])
    return (
        starts_uncased
        and abs(width - typical) <= UNCASED_WIDTH_SLACK * typical
        and (next_width >= (1 - UNCASED_WIDTH_SLACK) * typical or bool(LINE_ENDS_SENTENCE.search(nxt)))
    )


def opens_wire_copy(line: str) -> bool:
    """A line that opens wire copy: a dateline naming its place and its source, then the story.

    "DUBAI, March 3 (Reuters) -", "PARIS, 4 mars (AFP)", "AUSTIN (KXAN) —", also after an IANS date
    prefix ("date 2026-03-04 Brussels, March 4 (IANS) ...").  The source is any short capitalised name
    in brackets (a station's call sign as well as an agency).  Without a date a dash must follow the
    bracket: "Ana Lima (Reuters) said" is a sentence, not a dateline.
    """
    prefix = match_date_line(line, inline=True)
    rest = prefix[2] if prefix else line
    # a known agency in any case ("BERLIN (dpa) -"), else any capitalised source ("AUSTIN (KXAN) -")
    dateline = match_dateline(rest) or match_dateline(rest, any_source=True)
    return dateline is not None and bool(dateline.place and dateline.rest) and bool(dateline.date or dateline.dashed)


def is_wire_copy(text: str) -> bool:
    head_lines = [line.strip() for line in text[:HEAD_CHARS].split("\n") if line.strip()][:WIRE_HEAD_LINES]
    if any(opens_wire_copy(line) for line in head_lines):
        return True
    head = text[:HEAD_CHARS]
    # the sign-off ends the copy: a page that goes on with share buttons and a footer is a scraped
    # page that reprints wire copy (its reader parses the dateline and sign-off inside it)
    tail_lines = [line for line in text[-600:].split("\n") if line.strip()][-WIRE_TAIL_LINES:]
    if bool(_WIRE_SIGNOFF.search("\n".join(tail_lines))) and bool(re.search(r"\([A-Z]{2,8}\)", head)):
        return True
    # a dateline that names no source ("CLEVELAND, Feb 26 - "), the copy signed off by a known agency (" Reuter")
    signed_off = bool(tail_lines) and _signed_off(tail_lines[-1])
    return signed_off and any(match_capitals_dateline(line) for line in head_lines)


def _signed_off(line: str) -> bool:
    """The copy's last line is, or ends in, a known agency's name: " Reuter", "... total 55.8 (33.7).   REUTER"."""
    last = re.split(r"[.!?)\"”]\s+", line.strip())[-1].strip(" -–—")
    return last.lower() in agency_names()


def header_block(text: str) -> dict[str, str] | None:
    """The RFC 5322 header block a MIME file opens with ({lower-cased name: value}, folded lines joined), optionally
    after an mbox "From " line; None when the text does not open with one ended by a blank line."""
    lines = text.lstrip("\n")[: HEAD_CHARS * 4].split("\n")
    if lines and lines[0].startswith("From ") and not _HEADER_LINE.match(lines[0]):
        lines = lines[1:]  # the mbox separator line
    headers: dict[str, str] = {}
    name = ""
    for line in lines:
        if not line.strip():
            return headers or None
        match = _HEADER_LINE.match(line)
        if match:
            name = match.group(1).lower()
            headers.setdefault(name, line[match.end() :].strip())
        elif line[0].isspace() and name:  # a folded header continues with whitespace
            headers[name] = f"{headers[name]} {line.strip()}"
        else:
            return None
    return None  # no blank line: a header block without a body


def is_email(text: str) -> bool:
    """Text that starts with an RFC 5322 header block naming a sender (see EMAIL_MIN_HEADERS)."""
    headers = header_block(text)
    return headers is not None and "from" in headers and len(headers.keys() & _EMAIL_HEADERS) >= EMAIL_MIN_HEADERS


def is_web_archive(text: str) -> bool:
    """A page saved by a browser as one file (MHTML, RFC 2557: Chrome's and Edge's "Webpage, Single File",
    Internet Explorer's and Word's .mht): a MIME header block of type multipart/related that names a saved
    page (Chrome's Snapshot-Content-Location, a "<Saved by ...>" sender) or is no message anyone sent (no
    recipient, Message-ID or Received trace).  An HTML e-mail with inline images is multipart/related too, and
    has those."""
    headers = header_block(text)
    if headers is None or not headers.get("content-type", "").lower().startswith("multipart/related"):
        return False
    if "snapshot-content-location" in headers or "saved by" in headers.get("from", "").lower():
        return True
    return not headers.keys() & _SENT_MESSAGE_HEADERS


# A reader service's Markdown output opens with its own header (Jina Reader: "Title: …", "URL Source: …",
# "Published Time: …", then "Markdown Content:").
MARKDOWN_SERVICE_HEADER = re.compile(
    r"\A(?:(?:Title|URL Source|Published Time|Description|Warning):[^\n]*\n+){1,8}Markdown Content:[ \t]*\n"
)


def is_markdown(text: str) -> bool:
    """Markdown: a heading line and inline marks no browser copy holds (see MIN_MARKDOWN_MARKS), a reader
    service's Markdown header, or front matter naming an article's fields (FRONT_MATTER_KEYS)."""
    head = text[: HEAD_CHARS * 4]
    if MARKDOWN_SERVICE_HEADER.match(head):
        return True
    if (front := FRONT_MATTER.match(text)) and _FRONT_MATTER_FIELD.search(front.group(1)):
        return True
    return bool(_MARKDOWN_HEADING.search(head)) and len(_MARKDOWN_MARK.findall(head)) >= MIN_MARKDOWN_MARKS


# Binary files a reader reads as they are: Safari's web archive ("Save As > Web Archive", the default format of
# Safari's "Save As"), a binary property list whose main resource is the page's HTML.
SAFARI_WEB_ARCHIVE = b"bplist00"
_SAFARI_MAIN_RESOURCE = b"WebMainResource"
# A Word document (.docx) is a ZIP archive whose entries' names are stored as they are: its main part's name.
_ZIP = b"PK\x03\x04"
# A PDF file's header, after what a download may put before it (white space, a byte-order mark).  Viewers look
# for it anywhere in the first kilobyte, but a text about PDFs may quote it there.
_PDF = b"%PDF-"
_BEFORE_PDF_HEADER = b"\x00\t\n\r\f \xef\xbb\xbf"
_WORD_DOCUMENT = b"word/document.xml"
# An OpenDocument file's first entry is its media type, stored uncompressed (the standard requires it): a text's
# ("mimetype" as the entry's name, its content right after the 30 bytes of the entry's header).
_OPENDOCUMENT_TEXT = b"mimetypeapplication/vnd.oasis.opendocument.text"
MIMETYPE_ENTRY_BYTES = 128


# A WARC file (a crawler's or a web recorder's archive: wget --warc-file, Browsertrix, Webrecorder, the Internet
# Archive) opens with its version line, or is gzipped record by record (".warc.gz"): its first record's start.
_WARC_START = (b"WARC/1.", b"WARC/0.")
_GZIP = b"\x1f\x8b"
WARC_PEEK_BYTES = 4096


def is_warc(data: bytes) -> bool:
    """The bytes are a WARC file, whole or gzipped (the first record is decompressed just enough to see)."""
    if data.startswith(_WARC_START):
        return True
    if not data.startswith(_GZIP):
        return False
    try:
        head = zlib.decompressobj(wbits=31).decompress(data[:WARC_PEEK_BYTES], len(_WARC_START[0]))
    except zlib.error:
        return False
    return head.startswith(_WARC_START)


def binary_container(data: bytes) -> str | None:
    """The format of a file one of the readers reads from its bytes, or None (text to decode and sniff): a PDF, a
    Word document, an OpenDocument text, Safari's web archive, a WARC file, and MHTML, whose images and style sheets
    (megabytes of base64) need no decoding as text and count toward no limit on text; its reader decodes the
    pages inside."""
    if data.lstrip(_BEFORE_PDF_HEADER).startswith(_PDF):
        return "pdf"
    if data.startswith(SAFARI_WEB_ARCHIVE) and _SAFARI_MAIN_RESOURCE in data:
        return "web_archive"
    if is_warc(data):
        return "web_archive"
    if data.startswith(_ZIP) and _WORD_DOCUMENT in data:
        return "docx"
    if data.startswith(_ZIP) and _OPENDOCUMENT_TEXT in data[:MIMETYPE_ENTRY_BYTES]:
        return "odt"
    if data[:5].lower() in (b"from:", b"mime-", b"subje", b"snaps", b"date:", b"conte") and is_web_archive(
        data[: HEAD_CHARS * 4].decode("latin-1")
    ):
        return "web_archive"
    return None


def sniff(text: str) -> Sniffed:
    """Decide the format of decoded text. Raises RejectedInput for JSON it cannot read."""
    if _RTF_START.match(text):
        return Sniffed("rtf")
    if _looks_like_json(text):
        return _sniff_json(text)
    if _HTML_START.match(text):
        return Sniffed("html")
    if _FEED_START.match(text):
        return Sniffed("feed")
    if _XML_START.match(text) and not _HTML_ROOT.search(text[: HEAD_CHARS * 4]):
        raise RejectedInput(
            "an XML document, not an HTML page, a feed or article text: sitemaps and other XML are not read; "
            "save each article's page as HTML or its text as .txt"
        )
    if is_web_archive(text):
        return Sniffed("web_archive")
    if is_email(text):
        return Sniffed("email")
    if tag_density(text) >= MIN_TAG_DENSITY:
        return Sniffed("html")
    if is_markdown(text):
        return Sniffed("markdown")
    if is_wire_copy(text):
        return Sniffed("wire_text")
    share, wraps = hard_wrap_share(text)
    if (share >= MIN_HARD_WRAP_SHARE and wraps >= MIN_WRAP_EVENTS) or "\f" in text:
        return Sniffed("plain_text")
    return Sniffed("scraped_text")
