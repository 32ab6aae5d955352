"""The page's JSON-LD, parsed and walked once (`read_json_ld` -> `JsonLd`).

Every <script type="application/ld+json"> is read as strict JSON, else with its trailing commas and raw newlines
repaired, else as JSON5, and its objects are listed in document order (lists and `@graph` documents flattened).
A module of its own because two readers share the parse: `html_meta` reads the nodes for evidence (dates,
authors, publisher, headline), the HTML reader its standfirst (`first_string`), whether the page declares an
article (`texts`) and a video page's declared summary (`article_string`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import json5

# JSON-LD types that describe the article itself (other nodes: WebPage, Organization, BreadcrumbList...): schema.org's
# Article and its subtypes (https://schema.org/Article, "More specific Types"), and the CreativeWork some CMSs use.
# Not DiscussionForumPosting: a forum thread's posts are each one (on the dev pages' half b: one date lost, one
# author gained).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "analysisnewsarticle",
        "askpublicnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reportagenewsarticle",  # BBC News pages (fundus), 6 of the dates dev pages
        "reviewnewsarticle",
        "advertisercontentarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "techarticle",
        "apireference",
        "report",
        "socialmediaposting",
        "blogposting",
        "liveblogposting",
        "posting",
        "creativework",
    }
)


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The page's JSON-LD, parsed and walked once (`read_json_ld`): `html_meta` reads its nodes for
    evidence, the HTML reader its dek (`first_string`) and whether it declares an article (`texts`)."""

    texts: tuple[str, ...] = ()  # each <script type="application/ld+json">'s text as printed
    nodes: tuple[dict[str, Any], ...] = ()  # every JSON object, in document order, lists and @graph flattened
    # For each node: (script number, positions along the lists and @graph holding it, parsed without repair).
    places: tuple[tuple[int, tuple[int, ...], bool], ...] = ()

    def first_string(self, key: str) -> str | None:
        """The first non-blank string value of `key`, in the order the HTML reader has always looked:
        scripts in page order, and in each script the last entry of a list first (a node before its
        @graph); scripts that parse only after repair (trailing commas, raw newlines) are not looked at."""
        found: tuple[int, tuple[int, ...], str] | None = None
        for node, (script, path, strict) in zip(self.nodes, self.places, strict=True):
            value = node.get(key)
            if not strict or not isinstance(value, str) or not value.strip():
                continue
            order = tuple(-position for position in path)
            if found is None or (script, order) < found[:2]:
                found = (script, order, value)
        return found[2] if found else None

    def article_string(self, key: str) -> str | None:
        """The first non-blank string value of `key` on a node that is an article (not the site's or the
        publisher's node, whose `description` describes the site)."""
        for node in self.nodes:
            value = node.get(key)
            if isinstance(value, str) and value.strip() and node_types(node) & ARTICLE_TYPES:
                return value
        return None


# A script's text wrapped as XHTML character data ("<![CDATA[ {...} ]]>", or behind "//" so that a browser's
# script engine skips it): pages served or saved as XHTML (18 of Mozilla readability's 130 test pages: aclu.org,
# theguardian.com, nytimes.com, medium.com, theverge.com...).  Not JSON, so the whole script failed to parse.
_CDATA_WRAPPER = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


def read_json_ld(tree: Any) -> JsonLd:
    """Every JSON object in the page's JSON-LD (see `JsonLd`); a script that does not parse is skipped."""
    texts: list[str] = []
    nodes: list[dict[str, Any]] = []
    places: list[tuple[int, tuple[int, ...], bool]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        texts.append(script.text or "")
        text = _CDATA_WRAPPER.sub("", texts[-1]).strip()
        if not text:
            continue
        strict = True
        try:
            data = json.loads(text)
        except ValueError:
            strict = False
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", text.replace("\n", " ")), strict=False)
            except ValueError:
                data = _json5(text)
                if data is None:
                    continue
        stack: list[tuple[Any, tuple[int, ...]]] = [(data, ())]
        while stack:
            item, path = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = [(value, (*path, i)) for i, value in enumerate(item)]
            elif isinstance(item, dict):
                nodes.append(item)
                places.append((len(texts) - 1, path, strict))
                if "@graph" in item:
                    stack.insert(0, (item["@graph"], (*path, 0)))
    return JsonLd(tuple(texts), tuple(nodes), tuple(places))


def _json5(text: str) -> Any:
    """The script read as JSON5 (single-quoted strings and names, comments, unquoted keys), or None.

    json5 is pure Python (~10-20 ms for a 2 KB script), so it is only asked after strict JSON and the
    trailing-comma repair failed: 5 of 479 scripts on half a of the dates and authors pages, 4 of which it reads.
    """
    try:
        return json5.loads(text)
    except (ValueError, RecursionError):  # the script's own fault: nested past the parser's recursion limit
        return None


def node_types(node: dict[str, Any]) -> set[str]:
    """The node's types, lower-case, without a vocabulary's prefix ("http://schema.org/NewsArticle",
    "schema:NewsArticle" -> "newsarticle")."""
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {re.split(r"[/:#]", str(k))[-1].lower() for k in kinds}
