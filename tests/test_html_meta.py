"""HTML metadata evidence: JSON-LD (@graph, offsets), meta tags, <time>, bylines, site name, lang."""

from __future__ import annotations

import pytest

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file
from axis_ingest.readers.html import read_html
from axis_ingest.readers.html_meta import html_metadata

PAGE = """<!doctype html><html lang="pt-BR"><head>
<meta property="og:site_name" content="Folha do Vale">
<meta property="article:published_time" content="2025-09-14T07:30:00-03:00">
<meta name="author" content="Redação">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Folha do Vale"},
 {"@type":"NewsArticle","headline":"Chuva volta ao vale","datePublished":"2025-09-14T07:30:00-03:00",
  "dateModified":"2025-09-14T09:02:00-03:00",
  "author":[{"@type":"Person","name":"Mariana Costa"},{"@type":"Organization","name":"Folha do Vale"}]}]}
</script></head><body><article><h1>Chuva volta ao vale</h1>
<p class="byline">Por <a rel="author" href="/autores/mc">Mariana Costa</a></p>
<time class="published" datetime="2025-09-14T07:30:00-03:00">14 set 2025</time>
<p>A chuva voltou ao vale nesta manhã, depois de três meses de seca.</p></article></body></html>"""


def test_structured_evidence_in_trust_order() -> None:
    ev = html_metadata(PAGE, "https://folhadovale.example/chuva").evidence
    assert ev.published[0] == "2025-09-14T07:30:00-03:00"
    assert ev.modified[0] == "2025-09-14T09:02:00-03:00"
    assert ev.author_names == ["Mariana Costa"]  # the Organization author is left out
    assert ev.site_names[0] == "Folha do Vale"
    assert ev.language_hints[0] == "pt-BR"
    assert any("Mariana Costa" in b for b in ev.bylines)


def test_json_ld_authors_of_other_posts_listed_on_the_page_are_not_the_articles() -> None:
    """pikabu.ru (metascraper's test page) declares its story as an Article and then twenty other users' posts as
    Articles of their own: all their users were stored as the story's authors."""
    posts = ",".join(
        f'{{"@type":"Article","headline":"Post {n}","author":{{"@type":"Person","name":"Other Writer{n}"}}}}'
        for n in range(3)
    )
    page = f"""<html><head><script type="application/ld+json">[
 {{"@type":"Article","headline":"Seven notes on The Matrix","author":{{"@type":"Person","name":"Anna Petrova"}}}},
 {posts}]</script></head><body><h1>Seven notes on The Matrix</h1><p>x</p></body></html>"""
    assert html_metadata(page).evidence.author_names == ["Anna Petrova"]


def test_json_ld_nodes_repeating_the_article_all_give_authors() -> None:
    """Leave alone: the article declared twice (a NewsArticle and an Article of the same headline, or a node with
    no headline) names authors in either."""
    page = """<html><head><script type="application/ld+json">[
 {"@type":"NewsArticle","headline":"Floods close the M5","author":{"@type":"Person","name":"Anna Petrova"}},
 {"@type":"Article","headline":"Floods close the M5","author":{"@type":"Person","name":"Tom Reyes"}},
 {"@type":"Article","author":{"@type":"Person","name":"Lea Brandt"}}]</script></head>
<body><h1>Floods close the M5</h1><p>x</p></body></html>"""
    assert html_metadata(page).evidence.author_names == ["Anna Petrova", "Tom Reyes", "Lea Brandt"]


def test_broken_json_ld_is_skipped() -> None:
    page = '<html><head><script type="application/ld+json">{not json</script></head><body><p>x</p></body></html>'
    assert html_metadata(page).evidence.author_names == []


BLOG = """<!doctype html><html lang="de"><head><title>Winterlauf am Deich</title>
<meta property="og:site_name" content="Deichläufer"></head><body>
<div class="post"><h1>Winterlauf am Deich</h1>
<p class="postmetadata">Geschrieben von Henrike Voss am 12. Januar 2024</p>
<p>Bei minus drei Grad sind wir heute früh die große Runde am Deich gelaufen, zwölf Kilometer.</p></div>
<div class="comment-list"><div class="comment-author vcard"><span class="fn">Bernd Kruse</span></div>
<p>Toller Bericht, bei uns lag Schnee.</p></div>
<aside class="widget"><span class="author">Gastautorin Mia Lenz</span></aside></body></html>"""


def test_meta_line_byline_found_and_comment_or_sidebar_names_skipped() -> None:
    bylines = html_metadata(BLOG).evidence.bylines
    assert "Henrike Voss" in bylines[0]
    assert not any("Bernd Kruse" in b for b in bylines)
    # the sidebar name may only come last, from trafilatura's fallback search
    assert all("Mia Lenz" not in b for b in bylines[:-1])


def test_a_photo_credit_is_no_byline() -> None:
    """A picture's credit printed with an author class inside the image's caption or licence box: the photographer
    was taken for the article's author (reset.org's "license-info" around "span.author-name"; mk.ru's
    "Фото: Наталия Губернаторова" in a caption, beside the real author's link)."""
    page = """<html><head><title>Klickköder und CO2</title></head><body><article><h1>Klickköder und CO2</h1>
    <figure><img src="/maus.jpg"><div class="license-info"><span class="author-name"><a class="license-author"
    href="https://commons.wikimedia.org/wiki/File:Maus.jpg">Nenad Stojkovic</a></span></div></figure>
    <figure><img src="/zug.jpg"><figcaption><span class="author">Foto: Lena Hofbauer</span></figcaption></figure>
    <p class="byline">Von Mark Newton</p>
    <p>Websites, die auf Klicks aus sind, verbrauchen mehr Strom als nötig, zeigt eine neue Studie aus Bremen.</p>
    </article></body></html>"""
    bylines = html_metadata(page).evidence.bylines
    assert "Mark Newton" in bylines[0]
    assert not any("Stojkovic" in b or "Hofbauer" in b for b in bylines)


def test_an_author_class_outside_any_caption_is_still_a_byline() -> None:
    page = """<html><head><title>Winterlauf</title></head><body><article><h1>Winterlauf</h1>
    <figure><img src="/deich.jpg"></figure><div class="article-author">Henrike Voss</div>
    <p>Bei minus drei Grad sind wir heute früh die große Runde am Deich gelaufen, zwölf Kilometer.</p>
    </article></body></html>"""
    assert html_metadata(page).evidence.bylines[0] == "Henrike Voss"


def test_parsed_tree_gives_the_same_evidence_as_text() -> None:
    from trafilatura.utils import load_html

    assert html_metadata(load_html(PAGE)).evidence == html_metadata(PAGE).evidence
    assert html_metadata(load_html(BLOG)).evidence == html_metadata(BLOG).evidence


def test_page_with_xml_encoding_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace("<!doctype html>", "")
    assert html_metadata(page).evidence.author_names == ["Mariana Costa"]


def test_dates_of_comments_and_teaser_nodes_are_not_evidence() -> None:
    page = """<html><head><script type="application/ld+json">[
    {"@type":"BlogPosting","headline":"Zehn Jahre","datePublished":"2024-07-13T15:52:31+02:00"},
    {"@type":"BlogPosting","headline":"Teaser","datePublished":"2024-05-02T09:00:00+02:00"}]</script></head>
    <body><article><h1>Zehn Jahre</h1><p>Vor zehn Jahren ging dieses Blog online, und vieles hat sich verändert.</p>
    </article><ol class="commentlist"><li><time pubdate datetime="2024-08-01T01:15:45+02:00">1 Aug</time>
    <p>Glückwunsch!</p></li></ol></body></html>"""
    published = html_metadata(page).evidence.published
    assert published[0] == "2024-07-13T15:52:31+02:00"
    assert "2024-05-02T09:00:00+02:00" not in published
    assert "2024-08-01T01:15:45+02:00" not in published


@pytest.mark.parametrize("kind", ["ReportageNewsArticle", "http://schema.org/NewsArticle", "schema:SatiricalArticle"])
def test_every_article_type_of_schema_org_is_the_article(kind: str) -> None:
    """fundus's BBC page: its JSON-LD is a ReportageNewsArticle (misspelt in the table), so its datePublished
    (2012) was never read and the printed "1 day ago" of the last update (2026) was taken for the publication."""
    page = f"""<html><head><script type="application/ld+json">{{"@type":"{kind}","headline":"What is Nato?",
    "datePublished":"2012-05-10T14:29:05.000Z","dateModified":"2026-04-24T11:16:53.545Z",
    "author":{{"@type":"Person","name":"Duncan Walker"}}}}</script>
    <meta name="article:modified_time" content="2026-04-24T11:16:53.545Z"></head><body><article><h1>What is Nato?</h1>
    <time datetime="2026-04-24T11:16:53.545Z">1 day ago</time><p>Nato is a military alliance of 32 countries.</p>
    </article></body></html>"""
    ev = html_metadata(page).evidence
    assert ev.published[0] == "2012-05-10T14:29:05.000Z"
    assert ev.author_names == ["Duncan Walker"]
    # left alone: a node of another type is no article
    other = page.replace(kind, "http://schema.org/WebSite")
    assert "2012-05-10T14:29:05.000Z" not in html_metadata(other).evidence.published


def test_slash_dates_in_attributes_are_month_first() -> None:
    page = """<html lang="de-CH"><head><meta name="date" content="10/02/2023 07:15:09">
    <meta itemprop="dateModified" content="10/14/2023"></head><body><article><h1>Wasserleitung ersetzt</h1>
    <p>Erstellt am: 02.10.2023</p><p>Die Gemeinde hat die alte Wasserleitung im Dorfkern ersetzt.</p>
    </article></body></html>"""
    ev = html_metadata(page).evidence
    assert ev.published[0] == "2023-10-02 07:15:09"  # a program's MM/DD/YYYY, not 10 February
    assert ev.modified[0] == "2023-10-14"
    french = '<html><head><meta name="date" content="25/06/2024"></head><body><p>x</p></body></html>'
    assert html_metadata(french).evidence.published[0] == "2024-06-25"  # 25 can only be the day


@pytest.mark.parametrize(
    "markup",
    [
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":1614845700}</script>',
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"1614845700000"}</script>',
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":["1614845700"]}</script>',
        '<meta property="article:published_time" content="1614845700">',
        '<meta itemprop="datePublished" content="1614845700000">',
    ],
    ids=["jsonld-seconds", "jsonld-milliseconds", "jsonld-list", "meta-seconds", "itemprop-milliseconds"],
)
def test_a_unix_time_where_a_machine_writes_the_date_is_that_moment(markup: str) -> None:
    """JavaScript CMSs write the publication time as seconds or milliseconds since 1970; it was no date at all."""
    page = f'<html lang="en"><head>{markup}</head><body><article><h1>Port strike ends</h1></article></body></html>'
    assert html_metadata(page).evidence.published[0] == "2021-03-04T08:15:00+00:00"


@pytest.mark.parametrize("digits", ["2021030408", "9999999999", "0000000001"], ids=["yyyymmddhh", "future", "1970"])
def test_digits_that_are_no_moment_news_can_have_are_no_unix_time(digits: str) -> None:
    page = f'<html><head><meta property="article:published_time" content="{digits}"></head><body></body></html>'
    assert not any(date.startswith(("2034", "2286", "1970")) for date in html_metadata(page).evidence.published)


def test_htmldate_guess_is_kept_apart_from_the_pages_own_dates() -> None:
    page = """<html lang="en"><head><link rel="canonical" href="https://portnews.example/2024/04/28/dredging/">
    </head><body><article><h1>Dredging</h1><p>Posted 3 May 2024</p>
    <p>Dredgers began deepening the main channel of the harbour on Friday.</p></article></body></html>"""
    meta = html_metadata(page)
    # the line under the headline is the page's own (header) evidence, the URL's date htmldate's guess
    assert meta.evidence.published == ["Posted 3 May 2024"]
    assert meta.evidence.date_claims[0] == ("header", "Posted 3 May 2024")
    assert meta.evidence.published_guess == ["2024-04-28"]
    # a page's structured date is evidence as before
    assert html_metadata(PAGE).evidence.published[0] == "2025-09-14T07:30:00-03:00"


def test_names_after_an_author_label() -> None:
    page = """<html lang="de"><body><article><h1>Skoda: Der lange Weg zum Strom</h1>
    <div class="row"><div class="col"><h5 class="title-inline">Datum: </h5>03.02.2022</div>
    <div class="col"><h5 class="title-inline">Autor: </h5>Peter Maahn/SP-X</div></div>
    <p>Der tschechische Hersteller baut sein Werk in Mladá Boleslav für Elektroautos um.</p>
    <div class="news-single-additional"><b>Von:</b> <br /><br /> Götz Warnke</div>
    <p>Auteur : Kossivi Tiassou</p></article></body></html>"""
    bylines = html_metadata(page).evidence.bylines
    assert bylines[:3] == ["Peter Maahn/SP-X", "Götz Warnke", "Kossivi Tiassou"]


def test_author_label_in_a_sentence_or_a_book_fact_box_is_left_alone() -> None:
    page = """<html lang="de"><body><article><h1>Lesemonat Juni</h1>
    <p>Diesen Monat lese ich einen Roman von Mara Lind, empfohlen von einer Freundin.</p>
    <div>Titel: Das Haus am Fluss</div><div>Seiten: 400</div>
    <div><u>Autorin: </u>Mara Lind</div>
    <div><u>Verlag: </u>Nordlicht</div>
    <p>Von den Autoren: ein Nachwort zur Entstehung des Buches.</p></article></body></html>"""
    bylines = html_metadata(page).evidence.bylines
    assert not any("Mara Lind" in b for b in bylines)
    assert not any("Nachwort" in b for b in bylines)


def test_date_after_a_date_label_element() -> None:
    page = """<html lang="de"><body><article><h1>VDA-Chefin: Das Autohaus bleibt</h1>
    <div class="row"><div class="col"><h5 class="title-inline">Datum: </h5>03.02.2022</div>
    <div class="col"><h5 class="title-inline">Autor: </h5>Ralf Lang</div></div>
    <p>Die Präsidentin des Verbands sieht den Handel auch im Agenturmodell gefragt.</p></article></body></html>"""
    assert html_metadata(page).evidence.published[0] == "03.02.2022"


def test_date_label_without_a_date_or_in_comments_is_left_alone() -> None:
    page = """<html lang="de"><body><article><h1>Termine</h1><p>Datum: wird noch bekannt gegeben</p>
    <p>Die Versammlung findet im Gemeindesaal statt, der Eintritt ist frei.</p></article>
    <div class="comments"><div class="comment"><span>Datum: 05.02.2022</span><p>Super!</p></div></div></body></html>"""
    assert html_metadata(page).evidence.published == []


def test_date_after_a_publication_label_without_a_colon() -> None:
    """A Webflow post prints "Published" and "Updated" beside their dates in spans; its JSON-LD datePublished is
    the last re-publish.  The printed publication date is a claim of its own (WCXB's 2025 pages, session 16)."""
    page = """<html lang="en"><head><script type="application/ld+json">{"@type": "BlogPosting",
    "headline": "Top Electrical Construction Companies", "datePublished": "Aug 21, 2025"}</script></head><body>
    <article><h1>Top Electrical Construction Companies</h1><div class="post_meta-wrap">
    <div class="post_meta-info">Published&ensp;<span class="text-navy">Apr 26, 2023</span></div>
    <div class="post_meta-info">Updated&ensp;<span class="text-navy">Aug 21, 2025</span></div></div>
    <p>Electrical construction companies play an important role in residential and industrial projects.</p>
    </article></body></html>"""
    assert ("label", "Apr 26, 2023") in html_metadata(page).evidence.date_claims


def test_a_publication_label_before_no_date_or_in_comments_is_left_alone() -> None:
    page = """<html lang="en"><body><article><h1>Coral reefs recover</h1>
    <p>Published <a href="/journal">in Nature Ecology</a></p><div>Posted on <span>Facebook</span></div>
    <p>Reefs in the western Pacific regrew faster than expected after the 2016 bleaching.</p></article>
    <div class="comments"><div class="comment">Published <span>May 2, 2023</span><p>Great!</p></div></div>
    </body></html>"""
    assert [source for source, _ in html_metadata(page).evidence.date_claims if source == "label"] == []


RDF_ENTRY = """<!--
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
<rdf:Description rdf:about="https://blog.example.jp/kaze/e/{entry}"
   dc:identifier="https://blog.example.jp/kaze/e/{entry}" dc:title="{title}" dc:date="{date}" />
</rdf:RDF>
-->"""


def test_trackback_rdf_date_of_a_blog_entry() -> None:
    rdf = RDF_ENTRY.format(entry="a1", title="秋の運動会", date="2021-10-03T18:20:00+09:00")
    page = f"""<html lang="ja"><head><title>秋の運動会</title></head><body>{rdf}
    <div class="entry"><h1>秋の運動会</h1>
    <p>今日は小学校の運動会でした。天気に恵まれて、みんな元気に走りました。</p>
    <p>リレーでは三年生のチームが一位になり、お弁当のあとは親子で玉入れをしました。</p></div>
    <p class="copyright">2012 kaze</p></body></html>"""
    assert html_metadata(page).evidence.published[0] == "2021-10-03T18:20:00+09:00"
    # the reader hands over the page text with the parsed tree (comments are not in the tree)
    [doc] = read_html(page)
    assert doc.evidence.published[0] == "2021-10-03T18:20:00+09:00"


def test_listing_with_several_rdf_entries_gives_no_date() -> None:
    rdfs = "".join(
        RDF_ENTRY.format(entry=e, title=t, date=d)
        for e, t, d in (("a1", "運動会", "2021-10-03T18:20:00+09:00"), ("a2", "遠足", "2021-09-21T08:00:00+09:00"))
    )
    page = f"<html><body>{rdfs}<h1>kazeのブログ</h1><ul><li>運動会</li><li>遠足</li></ul></body></html>"
    assert html_metadata(page).evidence.published == []


# --- JSON-LD parsed once (issue 12): the HTML reader reads html_metadata's parse -----------------


def _old_reader_walk(tree, key: str) -> str | None:
    """The HTML reader's own JSON-LD walk before the parse was shared (kept here as the reference)."""
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    return value
                stack.extend(v for k, v in item.items() if k == "@graph")
    return None


def test_json_ld_parsed_once_gives_the_reader_the_same_dek_as_its_own_walk() -> None:
    from lxml import html as lxml_html

    from axis_ingest.readers.html_json_ld import read_json_ld

    scripts = [
        # a list: the reader always looked at its last entry first, and at a node before its @graph
        '[{"@type":"NewsArticle","alternativeHeadline":"first"},'
        ' {"@type":"WebPage","@graph":[{"alternativeHeadline":"graph a"},[{"alternativeHeadline":"graph b"}]]},'
        ' {"@type":"BreadcrumbList","alternativeHeadline":"  "}]',
        '{"@graph":[{"@type":"NewsArticle","alternativeHeadline":"second script"}]}',
    ]
    repaired = '{"@type":"NewsArticle","alternativeHeadline":"needs repair",}'  # html_meta repairs; the dek never did
    for case in ([*scripts], [scripts[1], scripts[0]], [repaired, scripts[1]], [repaired], ["not json"], []):
        head = "".join(f'<script type="application/ld+json">{s}</script>' for s in case)
        tree = lxml_html.fromstring(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
        json_ld = read_json_ld(tree)
        assert json_ld.first_string("alternativeHeadline") == _old_reader_walk(tree, "alternativeHeadline")
        assert len(json_ld.texts) == len(case)
    nodes = read_json_ld(
        lxml_html.fromstring(f'<html><head><script type="application/ld+json">{scripts[0]}</script></head></html>')
    ).nodes
    assert [n.get("alternativeHeadline") for n in nodes] == ["first", None, "graph a", "graph b", "  "]  # page order


def test_og_locale_is_read_with_the_meta_tags() -> None:
    page = (
        '<html><head><meta name="og:locale" content="fr_FR"><meta property="og:locale" content=" de_DE ">'
        '<meta property="og:locale" content="en_GB"></head><body><p>Text.</p></body></html>'
    )
    meta = html_metadata(page)
    assert meta.og_locale == " de_DE "  # the first with property=og:locale, as printed
    assert meta.evidence.language_hints == ["fr_FR", "de_DE", "en_GB"]


def test_byline_walk_finds_what_each_byline_xpath_finds() -> None:
    """`find_printed_labels` runs BYLINE_XPATH's tests in one walk: the same elements, in the same order."""
    from trafilatura.utils import load_html

    from axis_ingest.readers.html_bylines import BYLINE_XPATH, find_printed_labels
    from axis_ingest.readers.html_page import NS

    page = (
        '<html><body><div class="x  byline\ty">a</div><p class="ByLine">b</p><span class="AuThOr-box">c</span>'
        '<i class="ſubmitted">d</i><b class="POST-META">e</b><a rel="author">f</a><span itemprop="author">g</span>'
        '<byline>h</byline><p class="autorin">i</p><p class="auteurs">j</p><p class="bylines">k</p>'
        '<div class="entry-meta"><span class="author-name">l</span></div><p class="metadata">m</p></body></html>'
    )
    tree = load_html(page)
    expected = [tree.xpath(xpath, namespaces=NS) for xpath in BYLINE_XPATH]
    assert find_printed_labels(tree).byline_elements == expected
    assert all(expected)  # every XPath finds something here


COMMENTED_POST = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Streit ums Feuerholz</title>
<meta property="og:type" content="article"></head><body><div id="page"><div id="content"><article class="post">
<h1 class="entry-title">Streit ums Feuerholz</h1>
<p>Nur eine kurze Sandpiste trennt das Flüchtlingslager von der Kleinstadt Kakuma, und doch liegen zwischen beiden
Orten Welten. Das Camp ist die mit Abstand größte Siedlung der Region Turkana im Nordwesten Kenias.</p>
<p>Wenn die Frauen aus dem Lager Feuerholz sammeln, kommt es immer wieder zu Streit mit den Hirten der Umgebung.</p>
{byline}</article></div>
<div id="secondary" class="widget-area"><div class="widget widget_recent_comments"><h3>Neueste Kommentare</h3>
<ul id="recentcomments">
<li class="recentcomments"><span class="comment-author-link">wuff</span> bei <a href="/a/#c4">Die Rückkehrer</a>
</li>
<li class="recentcomments"><span class="comment-author-link">visitor</span> bei <a href="/b/#c3">Kautschuk</a>
</li>
</ul></div></div></div></body></html>"""


def test_a_commenter_in_a_recent_comments_widget_is_not_the_author() -> None:
    """trafilatura's author search reads `<span class="comment-author-link">wuff</span>` of the sidebar's
    "Recent comments" and returns "Wuff": printed only in the widget, it is not claimed."""
    assert html_metadata(COMMENTED_POST.format(byline="")).evidence.bylines == []
    # left alone: the post's own author, printed in the post
    byline = '<p class="author">Von <a rel="author" href="/autor/rb">Roland Brockmann</a></p>'
    page = COMMENTED_POST.format(byline=byline)
    assert any("Roland Brockmann" in line for line in html_metadata(page).evidence.bylines)
    # left alone: the post's author answering in the comments, named in the page's JSON-LD (Yoast's Person)
    person = '<script type="application/ld+json">{"@graph": [{"@type": "Person", "name": "wuff"}]}</script>'
    page = COMMENTED_POST.format(byline="").replace("</head>", person + "</head>")
    assert html_metadata(page).evidence.bylines == ["Wuff"]


WAYBACK = "https://web.archive.org/web/20080731095558"
# A blog post saved from the Wayback Machine: every link rewritten to the archive, the site named only in the
# <title> and the header.
CAPTURE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Was ist Virales Marketing? | DimidoBlog</title>{canonical}
<link rel="stylesheet" href="{wb}im_/http://www.dimido.de/wp-content/themes/dimido/style.css">
<meta name="generator" content="WordPress 2.5"></head><body>
<div id="header"><a href="{wb}/http://www.dimido.de/"><img src="{wb}im_/http://www.dimido.de/logo.gif"></a></div>
<div class="post"><h2><a href="{wb}/http://www.dimido.de/2008/07/29/was-ist-virales-marketing/">Was ist Virales
Marketing?</a></h2>
<p>Virales Marketing nutzt soziale Netzwerke, um Aufmerksamkeit für eine Marke oder ein Produkt zu erzielen, indem
Nachrichten sich wie ein Virus von Person zu Person verbreiten.</p>
<p>Ein kleines Video, das ich bei <a href="{wb}/http://www.youtube.com/watch?v=bBdW">Youtube</a> gefunden habe,
erklärt es besser als jede Definition.</p></div>
<ul id="sidebar"><li><a href="{wb}/http://www.dimido.de/category/marketing/">Marketing</a></li>
<li><a href="{wb}/http://www.dimido.de/category/web/">Web</a></li>
<li><a href="{wb}/http://www.dimido.de/about/">Über uns</a></li></ul>
</body></html>"""


def test_a_wayback_capture_is_the_archived_sites_page() -> None:
    """The site of a capture is the archived host, never web.archive.org: its name is cut off the title, and
    it is the publisher.  With its URL (a rewritten canonical link) or without (its rewritten links)."""
    canonical = f'\n<link rel="canonical" href="{WAYBACK}/http://www.dimido.de/2008/07/29/was-ist-virales-marketing/">'
    for head in (canonical, ""):
        meta = html_metadata(CAPTURE.format(canonical=head, wb=WAYBACK))
        assert meta.evidence.site_names == ["dimido.de"]
        assert meta.title == "Was ist Virales Marketing?"
    doc = read_html(CAPTURE.format(canonical=canonical, wb=WAYBACK))[0]
    assert doc.evidence.site_names == ["dimido.de"]  # the publisher's first source (normalise.publisher)


def test_a_page_citing_archived_copies_of_another_site_is_not_a_capture() -> None:
    """Left alone: a page of its own site with a few links to archived copies of another site's pages."""
    own = "".join(f'<li><a href="https://www.ratgeber.example/thema/{n}/">Thema {n}</a></li>' for n in range(12))
    cited = "".join(f'<li><a href="{WAYBACK}/http://www.dimido.de/2008/07/{n}/">Quelle {n}</a></li>' for n in range(5))
    page = (
        '<html><head><title>Virales Marketing erklärt | Ratgeber</title><meta property="og:site_name" '
        f'content="Ratgeber"></head><body><h1>Virales Marketing erklärt</h1><ul>{own}</ul><ul>{cited}</ul>'
        "<p>Virales Marketing nutzt soziale Netzwerke, um Aufmerksamkeit für eine Marke zu erzielen.</p></body></html>"
    )
    assert "dimido.de" not in html_metadata(page).evidence.site_names


def test_a_title_pushed_into_the_body_by_a_stray_character_in_the_head_is_read() -> None:
    """ "&nbsp;<title>" in <head>: the HTML parser opens the body before the <title> (time4talks.com's capture)."""
    page = (
        '<html><head><meta charset="utf-8">\n&nbsp;<title>Weitere Digitalisierung der Schweizer Kinos</title></head>'
        "<body><p>Die Kinos der Schweiz stellen bis Ende Jahr auf digitale Projektoren um, sagte der Verband.</p>"
        "</body></html>"
    )
    assert html_metadata(page).title == "Weitere Digitalisierung der Schweizer Kinos"


def test_the_posts_heading_is_found_after_a_sidebars_widget_titles() -> None:
    """The headings read are counted outside sidebars: six widget titles before the post no longer hide it."""
    from trafilatura.utils import load_html

    from axis_ingest.readers.html_headings import page_headings

    widgets = "".join(f'<li class="widget"><h2 class="widgettitle">Widget {n}</h2></li>' for n in range(6))
    page = (
        f'<html><body><ul id="sidebar">{widgets}</ul><div class="post"><h2>Was ist Virales Marketing?</h2>'
        "<p>Text.</p></div></body></html>"
    )
    headings, _ = page_headings(load_html(page))
    assert [heading.text for heading in headings] == ["Was ist Virales Marketing?"]


def test_the_headline_a_page_marks_stands_in_for_a_missing_h1() -> None:
    """hAtom's `entry-title` and microdata's `itemprop="headline"` mark the entry's headline where a page prints no
    <h1>: an AP hosted story's <span class="headline entry-title"> under a <title> of "News from The Associated
    Press"; a Blogger post's <h3 class="post-title entry-title"> whose title's last part trafilatura guesses as
    the site's name (the headline was stored without it)."""
    story = """<html><head><title>News from The Associated Press</title></head><body>
    <table class="ap-story-table hnews hentry item"><tr><td><div class="body">
    <p class="body"><span class="headline entry-title">Father of Orlando gunman known for rambling political
    videos</span></p>
    <span class="byline">By <span class="author vcard"><span class="fn">LYNNE O'DONNELL</span></span></span>
    </div></td></tr><tr><td><div class="body"><p class="ap-story-p">KABUL, Afghanistan (AP) -- The father of the
    Orlando nightclub gunman came to the U.S. from Afghanistan more than 30 years ago and has made a series of
    rambling political videos about his former homeland.</p></div></td></tr></table></body></html>"""
    assert html_metadata(story).title == "Father of Orlando gunman known for rambling political videos"
    # a title only: no date is read under it ("02-12-2025" is either order; htmldate's guess stays the guess)
    dated = story.replace("</span></p>", '</span></p><time datetime="02-12-2025">02-12-2025</time>')
    assert html_metadata(dated).evidence.published == []
    # nor a name beside a date under it: the byline readers under the headline were measured on printed <h1>s
    named = story.replace(
        '<span class="byline">By <span class="author vcard"><span class="fn">LYNNE O\'DONNELL</span></span></span>',
        "<p><span>Lynne Odell</span> <span>June 13, 2016</span></p>",
    )
    assert "Lynne Odell" in named and "LYNNE" not in named
    assert html_metadata(named).evidence.bylines == []
    post = """<html><head><title>Annas Lesezimmer: [Rezension] Die Leuchtturmwärterin - Sturmnacht von J. M.
    Berger</title><meta content="[Rezension] Die Leuchtturmwärterin - Sturmnacht von J. M. Berger" property="og:title">
    </head><body><div class="header"><h1 class="title"><a href="https://annas-lesezimmer.blogspot.com/">Annas
    Lesezimmer</a></h1></div><div class="post hentry"><h3 class="post-title entry-title" itemprop="name">
    [Rezension] Die Leuchtturmwärterin - Sturmnacht von J. M. Berger</h3><div class="post-body entry-content"><p>Der
    zweite Band schließt direkt an den ersten an, und ich habe das Buch an einem Wochenende gelesen.</p></div></div>
    </body></html>"""
    assert html_metadata(post).title == "[Rezension] Die Leuchtturmwärterin - Sturmnacht von J. M. Berger"
    # one headline marked twice, by both marks nested, is one marked headline
    nested = (
        post.replace('itemprop="name"', 'itemprop="headline"')
        .replace('<h3 class="post-title entry-title"', '<div class="entry-title"><h3 class="post-title"')
        .replace("J. M. Berger</h3>", "J. M. Berger</h3></div>")
    )
    assert nested.count("entry-title") == 1 and 'itemprop="headline"' in nested
    assert html_metadata(nested).title == "[Rezension] Die Leuchtturmwärterin - Sturmnacht von J. M. Berger"


def test_a_marked_headline_is_not_read_on_a_front_page_or_over_an_h1() -> None:
    """A blog's front page marks every post's title: none of them is the page's headline.  A page that prints an
    <h1> keeps it."""
    posts = "".join(
        f'<div class="post hentry"><h2 class="entry-title"><a href="/2017/0{n}/post-{n}.html">Post number {n} of the'
        f" blog</a></h2><p>The text of post {n}, long enough to be read as a paragraph of prose.</p></div>"
        for n in range(1, 4)
    )
    front = f"<html><head><title>Annas Lesezimmer</title></head><body>{posts}</body></html>"
    unmarked = front.replace('class="entry-title"', 'class="title"')
    assert html_metadata(front).title == html_metadata(unmarked).title != "Post number 1 of the blog"
    printed = """<html><head><title>Kühltürme gesprengt</title></head><body><article><h1>Kühltürme von AKW
    Gundremmingen gesprengt</h1><p class="entry-title">Rückbau von Atomkraftwerk</p><p>Die beiden Kühltürme
    des stillgelegten Atomkraftwerks sind am Samstag gesprengt worden.</p></article></body></html>"""
    assert html_metadata(printed).title == "Kühltürme von AKW Gundremmingen gesprengt"


def test_a_copyright_year_is_no_publication_date() -> None:
    """htmldate's last resort turns "© 2012" into 2012-01-01: a made-up day (8 of 8 such dates on dev half a)."""
    page = """<html lang="de"><head><title>Kleine Schafskunde</title></head><body><article><h1>Kleine Schafskunde</h1>
    <p>Schafe leben in Herden und fressen Gras, Kräuter und Laub. Sie sind genügsam und robust.</p>
    <p>Ein Mutterschaf bekommt im Frühjahr ein oder zwei Lämmer.</p></article>
    <footer><p>&copy; 2012 Schäferei Muster</p></footer></body></html>"""
    assert html_metadata(page).evidence.published_guess == []
    (doc,) = read_html(page)
    assert doc.evidence.published_guess == []
    # left alone: the first of January the URL prints, and any other day htmldate finds
    dated = page.replace("<title>", '<link rel="canonical" href="https://example.org/2020/01/01/schafe/"><title>')
    assert html_metadata(dated).evidence.published_guess == ["2020-01-01"]
    march = page.replace("<title>", '<link rel="canonical" href="https://example.org/2020/03/02/schafe/"><title>')
    assert html_metadata(march).evidence.published_guess == ["2020-03-02"]


def test_a_copyright_notice_is_not_the_sites_name() -> None:
    """aryanews.com's copyright meta tag, escaped three times, was the publisher "&amp;copy; 2016 aryanews.com"."""
    notice = '<meta name="copyright" content="&amp;amp;amp;copy; 2016 aryanews.com">'
    page = f"<html><head>{notice}</head><body><p>Dredgers began deepening the channel.</p></body></html>"
    assert html_metadata(page).evidence.site_names == ["aryanews.com"]
    site = '<meta property="og:site_name" content="Copyright © 2019–2024 Port News">'
    page = f"<html><head>{site}</head><body><p>Dredgers began deepening the channel.</p></body></html>"
    assert html_metadata(page).evidence.site_names == ["Port News"]
    # left alone: a site name with a year or a "(c)" inside it
    for name in ("Radio 2000", "Kunst (c) Kultur", "1843 Magazine", "Copyright Agency Limited"):
        page = f'<html><head><meta property="og:site_name" content="{name}"></head><body><p>x</p></body></html>'
        assert html_metadata(page).evidence.site_names == [name]


def test_json_ld_that_strict_json_refuses_is_read_as_json5() -> None:
    """reuters.com printed a single-quoted description in its NewsArticle: the whole node was skipped, so the
    publisher came from elsewhere ("U.S", a section link) and the author was lost."""
    script = """{"@context": "http://schema.org", "@type": "NewsArticle",
      "headline": "Parasite scores historic upset at SAG awards",
      "datePublished": "2020-01-20T03:49:32+0000",
      "author": {"@type": "Person", "name": "Jill Serjeant"},
      "publisher": {"@type": "Organization", "name": "Reuters"},
      'description': 'South Korean thriller "Parasite" was the surprise winner on Sunday.'}"""
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><p>x</p></body></html>'
    ev = html_metadata(page).evidence
    assert ev.author_names == ["Jill Serjeant"] and "Reuters" in ev.site_names
    assert ev.published[0] == "2020-01-20T03:49:32+0000"
    # left alone: a script no reading can parse is skipped, and the page's other evidence stands
    broken = page.replace("{", "{{", 1).replace('"Reuters"', '"Reuters" <oops')
    broken = broken.replace("<head>", '<head><meta property="og:site_name" content="Reuters">')
    ev = html_metadata(broken).evidence
    assert ev.author_names == [] and ev.site_names[0] == "Reuters"


HARBOUR_TEXT = (
    "<p>The harbour board approved the new ferry terminal on Tuesday after two years of planning and a public "
    "inquiry that drew more than four hundred written objections from residents of the old town.</p>"
    "<p>Construction is expected to start in the spring and to last eighteen months, during which the present "
    "terminal will stay open with a reduced timetable for foot passengers and cyclists.</p>"
)


def _harbour_page(head: str = "", header: str = "", after: str = "", lang: str = "en") -> str:
    related = "".join(
        f'<li><a href="/s{n}">Other harbour story {n}</a> <time datetime="2019-10-1{n}">1{n} Oct</time></li>'
        for n in range(3)
    )
    return (
        f"<!doctype html><html lang='{lang}'><head><title>Harbour board approves terminal</title>{head}</head><body>"
        f"<article><h1>Harbour board approves new ferry terminal</h1>{header}<div class='text'>{HARBOUR_TEXT}"
        f"{after}</div></article><aside><h3>Related</h3><ul>{related}</ul></aside></body></html>"
    )


def test_a_bare_date_line_under_the_headline_is_the_date_not_a_related_storys_time() -> None:
    """A page that prints its date under the headline without a label or class, with related stories' <time>
    elements in a sidebar: htmldate's page-wide search took a related story's date (both it and the pipeline
    gave 2019-10-1x); the line under the headline is now header evidence."""
    meta = html_metadata(_harbour_page(header="<p>October 7, 2019</p>"))
    assert meta.evidence.date_claims[0] == ("header", "October 7, 2019")
    data = _harbour_page(header="<p>October 7, 2019</p>").encode()
    [prepared] = prepare_file("harbour.html", data, Settings(), MinHashParams()).documents
    assert prepared.doc.published == "2019-10-07"
    meta = html_metadata(_harbour_page(header="<p>By Ana Lima · 7. Oktober 2019</p>"))
    assert meta.evidence.date_claims[0] == ("header", "7. Oktober 2019")  # the date part of a meta line
    printed = '<time datetime="2019-10-09T10:18:46Z">Published October 7, 2019</time>'
    assert html_metadata(_harbour_page(header=printed)).evidence.date_claims[0] == (
        "header",
        "Published October 7, 2019",
    )


@pytest.mark.parametrize(
    ("line", "claimed"),
    [
        ("<p>1. 5. 2021</p>", "1. 5. 2021"),  # Czech, Slovak, Croatian: a space after each dot
        ("<p>10. 02. 2018.</p>", "10. 02. 2018."),
        ("<p>2025年8月25日</p>", "2025年8月25日"),  # Chinese, Japanese
        ("<p>2025/08/25 14:05</p>", "2025/08/25 14:05"),
        ("<p>04\u200f/07\u200f/2021</p>", "04/07/2021"),  # Arabic: right-to-left marks around the slashes
        ("<p>6/13/25</p>", "6/13/25"),  # CLDR's short formats: a two-digit year, the date alone on its line
        ("<p>25.03.23 14:05</p>", "25.03.23 14:05"),
    ],
)
def test_numeric_date_lines_of_other_locales_under_the_headline(line: str, claimed: str) -> None:
    """The date lines CLDR's formats print for Czech, Croatian, Chinese, Japanese and Arabic were no date line
    under the headline (a probe of 35 locales' printed dates, with related stories' later dates in a sidebar)."""
    meta = html_metadata(_harbour_page(header=line))
    assert meta.evidence.date_claims[0] == ("header", claimed)


@pytest.mark.parametrize(
    "line",
    [
        "<p>1975年1月</p>",
        "<p>Ab 10.30 Uhr geöffnet</p>",
        "<p>Seite 1. 2. 3.</p>",
        "<p>Version 1.10.25</p>",
        "<p>1.2.3</p>",
    ],
)
def test_a_year_and_month_a_time_or_numbers_under_the_headline_are_no_date_line(line: str) -> None:
    """Left alone: a CJK year and month without its day (a birth date on a Chinese page), a time, a list of numbers,
    a version number (a two-digit-year date must be the whole line)."""
    meta = html_metadata(_harbour_page(header=line))
    assert not [claim for claim in meta.evidence.date_claims if claim[0] == "header"]


@pytest.mark.parametrize(("lang", "published"), [("en-GB", "2023-10-01"), ("en", "2023-01-10")])
def test_a_british_pages_numeric_date_is_day_first(lang: str, published: str) -> None:
    """`<html lang="en-GB">` makes "01/10/2023" 1 October; a page that says only "en" reads it month first."""
    data = _harbour_page(header="<p>01/10/2023</p>", lang=lang).encode()
    [prepared] = prepare_file("harbour.html", data, Settings(), MinHashParams()).documents
    assert prepared.doc.published == published


def _published(page: str) -> str | None:
    [prepared] = prepare_file("harbour.html", page.encode(), Settings(), MinHashParams()).documents
    return prepared.doc.published


def _resaved_jsonld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type":"BlogPosting",'
        f'"datePublished":"{published}","dateModified":"{modified}"}}</script>'
    )


def test_a_printed_date_before_a_resave_stated_as_both_times_is_the_publication() -> None:
    """A site builder's post states its record's last save as both `datePublished` and `dateModified` ("Nov 05,
    2025") and prints "January 31, 2024" under its headline (a WCXB page of 2025): the stored date was the
    re-save; the printed, earlier day is the publication."""
    page = _harbour_page(head=_resaved_jsonld("Nov 05, 2025", "Nov 05, 2025"), header="<p>January 31, 2024</p>")
    assert _published(page) == "2024-01-31"


@pytest.mark.parametrize(
    ("published", "modified", "printed", "stored"),
    [
        ("2019-10-06", "2019-11-02", "October 1, 2019", "2019-10-06"),  # a modification time of its own
        ("2019-10-06", "2019-10-06", "October 9, 2019", "2019-10-06"),  # a later printed day (a related story's)
        ("2019-10-06", "2019-10-06", "October 2019", "2019-10-06"),  # a month only
    ],
)
def test_a_stated_date_stays_unless_it_is_the_modification_time_and_a_day_before_it_is_printed(
    published: str, modified: str, printed: str, stored: str
) -> None:
    """Left alone: a page whose modification time differs from its publication time (the stated publication is
    no re-save), a printed day after the stated one (a re-save never moves a publication back, so that day is
    not the publication), and a printed month without its day."""
    page = _harbour_page(head=_resaved_jsonld(published, modified), header=f"<p>{printed}</p>")
    assert _published(page) == stored


def _resaved_in_two_fields(saved: str) -> str:
    """A re-save stated as both times in JSON-LD and again as `article:published_time`: htmldate finds it too."""
    return _resaved_jsonld(saved, saved) + f'<meta property="article:published_time" content="{saved}">'


def test_a_resave_stated_in_several_fields_does_not_outvote_the_printed_day() -> None:
    """A blog states its last save as both times in JSON-LD and once more in a meta tag, and htmldate finds that
    day as well; the page prints "May 14, 2025" under its headline (a WCXB page of 2025).  Three votes for the
    save's day outvoted the printed day, and the re-save was stored although it had been recognised as one."""
    page = _harbour_page(head=_resaved_in_two_fields("2025-11-20T16:02:46.767Z"), header="<p>May 14, 2025</p>")
    assert _published(page) == "2025-05-14"


def test_a_day_printed_after_a_resave_stated_in_several_fields_is_not_the_publication() -> None:
    """Left alone: the stated day stays where the page prints a later one (a related story's date)."""
    page = _harbour_page(head=_resaved_in_two_fields("2025-05-14T09:00:00Z"), header="<p>November 20, 2025</p>")
    assert _published(page) == "2025-05-14T09:00:00+00:00"


_DEK = "<p>A guide to the new ferry terminal, what it will cost, when it opens and who decided to build it.</p>"
_OTHER_DEK = "<p>The board met for four hours on Tuesday and heard from residents, crews and the engineers.</p>"


def test_a_standfirst_printed_twice_for_two_screen_sizes_is_still_the_header() -> None:
    """A Webflow page prints its standfirst twice under the headline (one copy shown on small screens), then the
    byline and the date: the second copy counted as the text beginning, and the date line was never reached."""
    meta = html_metadata(_harbour_page(header=f"{_DEK}{_DEK}<div>August 25, 2024</div>"))
    assert ("header", "August 25, 2024") in meta.evidence.date_claims


def test_a_date_after_two_different_paragraphs_is_no_header_date() -> None:
    """Left alone: two different paragraphs under the headline are the text; a date after them is not the
    header's."""
    meta = html_metadata(_harbour_page(header=f"{_DEK}{_OTHER_DEK}<div>August 25, 2024</div>"))
    assert not [claim for claim in meta.evidence.date_claims if claim[0] == "header"]


def _other_posts(*dates: str) -> str:
    return "<ul>" + "".join(f"<li>Port notice {n} - {date}</li>" for n, date in enumerate(dates)) + "</ul>"


def test_an_english_page_printing_its_dates_in_words_day_first_reads_a_numeric_date_day_first() -> None:
    """A page that says only lang="en" prints "03/10/2023" under the headline and its other posts' dates as "15
    December 2025" (a WCXB page of a UK wine shop, labelled 3 October): it was read month first, as the US prints."""
    page = _harbour_page(header="<p>03/10/2023</p>", after=_other_posts("15 December 2025", "10 December 2025"))
    assert _published(page) == "2023-10-03"


@pytest.mark.parametrize(
    ("lang", "dates"),
    [
        ("en", ("December 15, 2025", "10 December 2025")),  # a month-first date in words too: no evidence
        ("en", ("15 December 2025",)),  # one date in words is too little
        ("en-US", ("15 December 2025", "10 December 2025")),  # the page names its region
    ],
)
def test_a_numeric_date_stays_month_first_without_day_first_evidence(lang: str, dates: tuple[str, ...]) -> None:
    page = _harbour_page(header="<p>03/10/2023</p>", after=_other_posts(*dates), lang=lang)
    assert _published(page) == "2023-03-10"


def test_the_line_under_the_headline_does_not_overrule_a_stated_date_or_read_the_text() -> None:
    """Left alone: a page whose structured data states its date keeps it (the line only fills the gap), and a
    date printed after the text has begun is no date line of the header."""
    jsonld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-06"}</script>'
    meta = html_metadata(_harbour_page(head=jsonld, header="<p>October 7, 2019</p>"))
    assert meta.evidence.date_claims[0] == ("jsonld", "2019-10-06")
    assert ("header", "October 7, 2019") not in meta.evidence.date_claims
    meta = html_metadata(_harbour_page(after="<p>October 7, 2019</p>"))
    assert not [claim for claim in meta.evidence.date_claims if claim[0] == "header"]


def _header_over_headline(over: str, masthead: str = "") -> str:
    """A news page whose article header prints its channel and date line over the headline, with the
    published time its meta tags state also its modification time (a wire service's page, saved a day later)."""
    stated = "2020-01-20T09:49:32+0000"
    return (
        "<!doctype html><html lang='en'><head><title>Harbour board approves terminal</title>"
        f'<meta property="article:published_time" content="{stated}">'
        f'<meta property="article:modified_time" content="{stated}"></head><body>'
        f"<header class='site'><div class='masthead'>{masthead}</div><nav><a href='/'>Home</a></nav></header>"
        f"<article><div class='article-header'><div class='channel'><a href='/news'>Business News</a></div>{over}"
        f"<h1>Harbour board approves new ferry terminal</h1></div><div class='text'>{HARBOUR_TEXT}</div></article>"
        "</body></html>"
    )


def test_the_date_line_over_the_headline_is_the_header_date() -> None:
    """A date line printed right over the headline, beside it in the article's header (Reuters' layout of 2019-20:
    "January 19, 2020 / 12:25 PM / Updated 8 hours ago" over the <h1>), was no header evidence: the stated time,
    which is also the page's modification time, was stored (dates dev set, half a).  Its update part is cut at
    the slash, so the time is the one printed (dateparser read "8 hours" into it: 08:25)."""
    over = "<div class='date'>January 19, 2020 / 12:25 PM / Updated 8 hours ago</div>"
    meta = html_metadata(_header_over_headline(over))
    assert ("header", "January 19, 2020 / 12:25 PM") in meta.evidence.date_claims
    assert _published(_header_over_headline(over)) == "2020-01-19T12:25"


def test_a_date_further_over_the_headline_is_no_header_date() -> None:
    """Left alone: the date a masthead prints (today's, at the top of the page) and a date two elements over
    the headline's nearest neighbours are no date line of the article."""
    masthead_only = _header_over_headline("", masthead="Saturday, December 5, 2026")
    assert not [claim for claim in html_metadata(masthead_only).evidence.date_claims if claim[0] == "header"]
    far = "<div class='date'>January 19, 2020</div><div class='tools'>Share</div><div class='kicker'>Awards</div>"
    assert not [
        claim for claim in html_metadata(_header_over_headline(far)).evidence.date_claims if claim[0] == "header"
    ]


@pytest.mark.parametrize(
    "wrapped",
    [
        "<![CDATA[\n{json}\n]]>",  # a page served or saved as XHTML (medium.com's, as Mozilla readability keeps it)
        "//<![CDATA[\n{json}\n//]]>",  # behind comment marks, for a browser's script engine
    ],
)
def test_json_ld_wrapped_as_xhtml_character_data_is_read(wrapped: str) -> None:
    """medium.com's JSON-LD in "<![CDATA[ ... ]]>" failed to parse, so its datePublished (the first publication)
    was lost and article:published_time (the last re-publication, two months later) was the date."""
    json_ld = (
        '{"@context":"http://schema.org","@type":"NewsArticle","datePublished":"2015-10-15T02:19:15.607Z",'
        '"author":{"@type":"Person","name":"John C. Welch"}}'
    )
    page = (
        '<html><head><meta property="article:published_time" content="2015-12-11T14:28:34.438Z">'
        f'<script type="application/ld+json">{wrapped.replace("{json}", json_ld)}</script></head>'
        "<body><p>Text.</p></body></html>"
    )
    claims = html_metadata(page).evidence.date_claims
    assert ("jsonld", "2015-10-15T02:19:15.607Z") in claims


def test_json_ld_whose_values_end_in_brackets_is_read_as_it_is() -> None:
    """Left alone: a script that is JSON, whose last characters are closing brackets, keeps them."""
    page = (
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01",'
        '"keywords":[["a","b"]]}</script></head><body><p>Text.</p></body></html>'
    )
    assert ("jsonld", "2024-03-01") in html_metadata(page).evidence.date_claims


# An article whose page names no person (its JSON-LD credits the outlet), and teasers of other stories after it.
_CARD_PAGE = """<html lang="de"><head><link rel="canonical" href="https://www.kurier-ost.example/wirtschaft/notenbank-a-5f1c">
<meta name="author" content="Kurier Ost">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Notenbank räumt Versäumnisse ein",
"author":{{"@type":"Organization","name":"Kurier Ost"}}}}</script></head><body><main><article>
<h1>Notenbank räumt Versäumnisse ein</h1><p>Die Aufsicht habe die Risiken der Bank zu spät erkannt, heißt es in dem
Bericht, den die Notenbank am Freitag vorgelegt hat.</p></article>
<div class="brick most-read">{cards}</div></main></body></html>"""


def test_a_byline_in_a_teaser_printed_as_one_link_is_another_storys() -> None:
    """spiegel.de: "<a href=other story>Headline ... Von Ines Zöttl, Washington</a>" under an article whose page
    names no person; the teaser's writer was taken for the article's (fundus, half a)."""
    card = """<a href="https://www.kurier-ost.example/wirtschaft/bankeinlagen-a-77d2"><span>Mögliche Garantie für
    Bankeinlagen: Rettet die Reichen</span> <span class="byline">Von Ines Berger, Washington</span></a>"""
    ev = html_metadata(_CARD_PAGE.format(cards=card)).evidence
    assert not any("Berger" in byline for byline in ev.bylines)
    # left alone: the byline linking to its writer's page, and a teaser of the page itself
    for href in ("/autor/ines-berger", "https://www.kurier-ost.example/wirtschaft/notenbank-a-5f1c"):
        own = card.replace("https://www.kurier-ost.example/wirtschaft/bankeinlagen-a-77d2", href)
        assert any("Ines Berger" in byline for byline in html_metadata(_CARD_PAGE.format(cards=own)).evidence.bylines)


def test_a_byline_beside_a_linked_teaser_headline_is_another_storys() -> None:
    """stuttgarter-zeitung.de: a "most read" card prints its story's writer beside the linked headline ("<div
    class=item><a href=...><h3>...</h3></a><div class=appetizer-author>Von Christoph R.</div></div>"); the article
    itself was dpa's, and the teaser's writer became its author (fundus, half a)."""
    card = """<div class="item"><a class="data" href="/inhalt.russisches-geld-fuer-die-ukraine.1c9e.html">
    <h3>Russisches Geld in der EU für die Ukraine?</h3></a>
    <div class="appetizer-bottom"><div class="appetizer-author">Von Carl Reiter</div></div></div>"""
    ev = html_metadata(_CARD_PAGE.format(cards=card)).evidence
    assert not any("Reiter" in byline for byline in ev.bylines)


@pytest.mark.parametrize(
    "canonical", ['<link rel="canonical" href="https://wanderblog.example/2024/07/rennsteig/">', ""]
)
def test_a_blog_posts_own_linked_title_keeps_the_byline_beside_it(canonical: str) -> None:
    """Left alone: a blog theme prints the post's own title as a link to its permalink, its byline beside it (a
    page that gives no address of its own cannot tell its permalink from another story's: no card is assumed)."""
    page = f"""<html><head>{canonical}</head><body><div class="post"><h2 class="entry-title">
    <a href="/2024/07/rennsteig/">Drei Tage auf dem Rennsteig im Juli</a></h2>
    <div class="entry-meta"><span class="author">Von Carl Reiter</span></div>
    <p>Der Rennsteig ist der älteste Fernwanderweg Deutschlands und führt über den Kamm des Thüringer Waldes.</p>
    </div></body></html>"""
    assert any("Carl Reiter" in byline for byline in html_metadata(page).evidence.bylines)
