"""WordPress REST API JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axis_ingest.clean.wp_html import html_to_paragraphs, strip_shortcodes
from axis_ingest.document import RejectedInput
from axis_ingest.readers.wordpress import read_wordpress
from axis_ingest.sniff import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"


def read(name: str):
    return read_wordpress((FIXTURES / name).read_text(encoding="utf-8"))


def test_list_with_embedded_authors_terms_and_yoast() -> None:
    first, second = read("list_embedded.json")
    assert (first.item, second.item) == (0, 1)
    assert first.title == "Port expansion approved – but not the “mega-quay”" or first.title == (
        'Port expansion approved – but not the "mega-quay"'
    )
    assert first.url == "https://harbourtimes.example/2025/10/port-expansion-approved/"
    assert first.subtitle is None  # the excerpt is not a standfirst
    assert first.paragraphs[1] == "What was approved"
    assert first.paragraphs[2] == "- A 300-metre extension of the north quay"
    assert first.paragraphs[-1] == "Work is due to start in spring 2026."
    ev = first.evidence
    assert ev.published == ["2025-10-14T09:30:00", "2025-10-14T07:30:00+00:00"]
    assert ev.published_utc == ["2025-10-14T07:30:00"] and ev.modified_utc == ["2025-10-14T09:02:10"]
    assert ev.author_names == ["Marta Lindqvist"] and ev.site_names == ["Harbour Times"]
    assert first.metadata["categories"] == ["Business", "Ports & Shipping"]
    assert first.metadata["wp_tags"] == [21] and first.metadata["wp_author_id"] == 7
    assert second.evidence.author_names == []  # an embedded error object is not an author
    assert "Thursday" in second.body


def test_shortcodes_gallery_captions_comments_and_wire_trailer_removed() -> None:
    (doc,) = read("shortcodes_gallery.json")
    body = doc.body
    for leftover in ("[", "<", "Photo: J. Berg", "Dancers", "youtube", "ad = 1", "wp:", "--IANS", "ms/vd"):
        assert leftover not in body.replace("[sic]", "")
    assert "organisers said [sic] on Saturday" in body
    assert "day tickets cost €25." in body
    assert doc.subtitle == "Twelve thousand people on the first night"  # explicit dek field
    assert doc.evidence.origin_hints == ["IANS"]
    assert doc.url == "https://valleyecho.example/festival-opens/"


def test_null_fields_and_protected_post() -> None:
    docs = read("null_fields.json")
    assert len(docs) == 1  # the protected post has no text
    (doc,) = docs
    assert doc.title is None
    assert doc.url == "http://localnews.example/budget-approved/"  # canonical when link is missing
    assert doc.evidence.published_utc == []
    assert doc.paragraphs == ["The council approved the budget without changes."]


def test_unknown_json_shape_is_rejected_with_a_reason() -> None:
    with pytest.raises(RejectedInput, match=r"not a WordPress post or list of posts.*categories or tags"):
        read_wordpress(json.dumps([{"id": 5, "name": "News", "taxonomy": "category"}]))
    with pytest.raises(RejectedInput, match=r"invalid JSON"):
        read_wordpress("{not json")


def test_shortcode_rule_leaves_brackets_in_text_alone() -> None:
    assert strip_shortcodes("He said [sic] that footnote [1] applies.") == "He said [sic] that footnote [1] applies."
    assert strip_shortcodes("[vc_column_text]Hello[/vc_column_text]").strip() == "Hello"


def test_block_comments_entities_and_empty_paragraphs() -> None:
    html = (
        "<!-- wp:paragraph -->\n<p>Costs rose&hellip; again &amp;#8211; sharply.</p>\n"
        "<!-- /wp:paragraph -->\n<p>&nbsp;</p>"
    )
    paragraphs = html_to_paragraphs(html)
    assert len(paragraphs) == 1 and "wp:paragraph" not in paragraphs[0] and "…" in paragraphs[0]
    assert html_to_paragraphs("<p>Plain text stays.</p>") == ["Plain text stays."]
    assert html_to_paragraphs("<p>Dash \\u2014 escaped</p>") == ["Dash — escaped"]


def _sniff_reason(value: object) -> str:
    with pytest.raises(RejectedInput) as raised:
        sniff(json.dumps(value))
    return str(raised.value)


_COMMENT = {
    "id": 5,
    "post": 60,
    "parent": 0,
    "author": 2,
    "author_name": "Reyes Martinez",
    "date": "2017-01-13T16:10:43",
    "content": {"rendered": "<p>Nice post, Alan! Iceland must be amazing. Thanks for sharing.</p>\n"},
    "link": "https://travel.example/2016/the-beauties-of-gullfoss/comment-page-1/#comment-5",
    "status": "approved",
    "type": "comment",
}


def test_a_saved_comments_response_is_no_article() -> None:
    """frontity's test responses of test.frontity.org: /wp/v2/comments was loaded, each reader's reply an article
    titled "Nice post, Alan! ..."."""
    assert "comments (/wp-json/wp/v2/comments)" in _sniff_reason([_COMMENT, {**_COMMENT, "id": 6}])
    assert "comments" in _sniff_reason(_COMMENT)


@pytest.mark.parametrize(
    ("objects", "named"),
    [
        ([{"id": 1, "name": "Alan Martin", "slug": "alan", "link": "https://t.example/author/alan/",
           "avatar_urls": {"24": "https://t.example/a.png"}}], "users"),
        ([{"id": 193, "slug": "gullfoss", "link": "https://t.example/gullfoss/", "media_type": "image",
           "source_url": "https://t.example/gullfoss.jpg"}], "media items"),
        ({"post": {"name": "Posts", "slug": "post", "rest_base": "posts"},
          "page": {"name": "Pages", "slug": "page", "rest_base": "pages"}}, "post types"),
        ([{"id": 1, "slug": "post-1", "type": "post", "link": "https://t.example/post-1/", "author": 1}],
         "without their title and content"),
    ],
    ids=["users", "media", "types", "posts-without-content"],
)  # fmt: skip
def test_other_wordpress_endpoints_are_named_in_the_reason(objects: object, named: str) -> None:
    """They were all "JSON of an unknown shape"; the reason now says what the file holds and where the posts are."""
    reason = _sniff_reason(objects)
    assert named in reason and "/wp-json/wp/v2/posts" in reason


def test_posts_with_comments_embedded_and_articles_naming_their_author_are_still_read() -> None:
    """Leave alone: a post whose replies are embedded, and another tool's article object with an author_name."""
    post = {
        "id": 60,
        "slug": "gullfoss",
        "link": "https://travel.example/gullfoss/",
        "title": {"rendered": "The Beauties of Gullfoss"},
        "content": {"rendered": "<p>Gullfoss is a waterfall in the canyon of the Hvítá river in Iceland.</p>"},
        "_embedded": {"replies": [[_COMMENT]]},
    }
    assert sniff(json.dumps([post])).source_format == "wordpress_json"
    article = {"title": "Gullfoss", "content": "Gullfoss is a waterfall in Iceland.", "author_name": "Alan Martin"}
    assert sniff(json.dumps([article])).source_format == "json_articles"
