"""An RSS or Atom feed saved as a file: its entries with full text are articles (they were rejected as XML)."""

from __future__ import annotations

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file
from stories import CYCLE_LANES, PORT_STRIKE

PORT, CYCLING = PORT_STRIKE, CYCLE_LANES


def _item(title: str, slug: str, date: str, author: str, paragraphs: list[str], full: bool = True) -> str:
    """An item as WordPress writes it: the excerpt in <description>, the post in <content:encoded>."""
    link = f"https://www.harbourtimes.example/{slug}/"
    content = f"<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in paragraphs)}]]></content:encoded>"
    return (
        f"<item><title>{title}</title><link>{link}</link><dc:creator><![CDATA[{author}]]></dc:creator>"
        f'<pubDate>{date}</pubDate><guid isPermaLink="false">https://www.harbourtimes.example/?p=12</guid>'
        f"<description><![CDATA[{paragraphs[0][:120]} [&#8230;]]]></description>{content if full else ''}</item>"
    )


def wordpress_feed(full: bool = True) -> str:
    items = _item(
        "Port strike ends after wage deal", "port-strike", "Thu, 04 Mar 2021 08:15:00 +0000", "Maria Jensen", PORT, full
    )
    items += _item(
        "Council approves cycle lanes", "cycle-lanes", "Tue, 09 Mar 2021 17:45:00 +0000", "Tom Hale", CYCLING, full
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Times</title>'
        "<link>https://www.harbourtimes.example</link><description>News from the harbour</description>"
        f"<language>en-GB</language>{items}</channel></rss>"
    )


def _prepare(text: str, name: str = "feed.xml"):
    return prepare_file(name, text.encode(), Settings(), MinHashParams())


def test_a_saved_wordpress_feed_is_a_list_of_articles() -> None:
    result = _prepare(wordpress_feed())
    assert result.reason is None and result.source_format == "feed"
    port, cycling = (prepared.doc for prepared in result.documents)
    assert (port.title, port.paragraphs, port.published) == (
        "Port strike ends after wage deal",
        PORT,
        "2021-03-04T08:15:00+00:00",
    )
    assert port.url == "https://www.harbourtimes.example/port-strike/"
    assert [author.name for author in port.authors] == ["Maria Jensen"]
    assert port.publisher == "Harbour Times"
    assert cycling.paragraphs == CYCLING and [a.name for a in cycling.authors] == ["Tom Hale"]


def test_an_atom_feeds_html_content_is_the_text() -> None:
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in PORT)
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>'
        '<entry><title>Port strike ends after wage deal</title><link href="https://www.harbourtimes.example/a"/>'
        "<published>2021-03-04T08:15:00Z</published><author><name>Maria Jensen</name></author>"
        f'<content type="html">{body}</content></entry></feed>'
    )
    [prepared] = _prepare(atom).documents
    assert prepared.doc.paragraphs == PORT and prepared.doc.published == "2021-03-04T08:15:00+00:00"


def test_a_feed_of_excerpts_is_rejected_with_what_to_do() -> None:
    result = _prepare(wordpress_feed(full=False))
    assert result.reason is not None and "summaries only" in result.reason and "harvest" in result.reason
    # one entry is "1 entry" (chardet's corpus of real feeds: twelve were "a feed of 1 entries")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>'
        '<entry><title>Port strike ends</title><link href="https://www.harbourtimes.example/a"/>'
        "<summary>The strike ended on Thursday.</summary></entry></feed>"
    )
    assert (_prepare(atom).reason or "").startswith("a feed of 1 entry with summaries only")


def test_a_feed_that_declares_entities_is_rejected_as_xml_unread() -> None:
    """Only a feed without a DOCTYPE is parsed: none can declare an entity to expand."""
    bomb = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    result = _prepare(wordpress_feed().replace('<rss version="2.0"', bomb + '<rss version="2.0"', 1))
    assert result.reason is not None and result.reason.startswith("an XML document")


def test_a_whole_post_in_the_description_is_the_text_and_a_long_excerpt_is_not() -> None:
    """Some feeds print the whole post in <description>; a long excerpt still ends in "[…]"."""
    long_post = PORT * 5  # ~160 words
    description = "".join(f"<p>{p}</p>" for p in long_post)
    feed = wordpress_feed(full=False).replace(
        f"<description><![CDATA[{PORT[0][:120]} [&#8230;]]]></description>",
        f"<description><![CDATA[{description}]]></description>",
        1,
    )
    [prepared] = _prepare(feed).documents
    assert prepared.doc.title == "Port strike ends after wage deal" and len(prepared.doc.paragraphs) == len(long_post)
    excerpt = feed.replace(f"{description}]]>", f"{description} [&#8230;]]]>", 1)
    assert "summaries only" in (_prepare(excerpt).reason or "")
