"""Generators of hostile and broken raw inputs, good inputs to run beside them, and large corpora.

Used by the robustness tests (bad inputs, limits, crash safety, concurrency).
Every text here is written for these tests: fictitious outlets, people and
events in several languages, in the formats axis-ingest reads.  Each bad-input
`Case` says what must happen to it: rejected with a reason naming the problem,
or loaded with its words intact.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dbread import Reader
from pdfs import image_only_pdf
from pdfs import password_protected_pdf as _password_protected_pdf

# -- expectations ---------------------------------------------------------------------------------

REJECTED = "rejected"
LOADED = "loaded"
EITHER = "loaded or rejected"  # both are acceptable; what is checked is that nothing breaks


@dataclass(frozen=True)
class Case:
    """One input placed in the test folder and what must become of it."""

    name: str  # path relative to the input folder
    kind: str  # what it is, as listed in docs/robustness.md
    expect: str  # REJECTED, LOADED or EITHER
    reason_has: tuple[str, ...] = ()  # when rejected, the reason contains one of these (case-insensitive)
    body_has: tuple[str, ...] = ()  # when loaded, some article body contains each of these
    max_body_chars: int = 200_000  # no article made from it may be longer (entity bombs)
    known_bug: str | None = None  # a reported bug in a module this suite does not own: the test is xfail


# -- realistic article texts (fictitious) ----------------------------------------------------------

EN_PARAGRAPHS = [
    "The regional water authority approved a plan on Tuesday to replace more than forty kilometres of "
    "ageing pipes beneath the old town, ending a dispute that had delayed the work for almost three years.",
    "Engineers said the cast-iron mains, some laid in the 1920s, lose roughly a fifth of the treated water "
    "before it reaches homes, and that repairs after each burst now cost more than the replacement itself.",
    "Shopkeepers on the market square had opposed the project because the street would be closed for two "
    "summers, but the council agreed to pay for temporary walkways and to stop work during the August fair.",
    "The first excavations are expected in March, and the authority said residents would receive letters "
    "with the dates for their street at least six weeks before any digging starts.",
]

RU_TEXT = (
    "Городской совет утвердил план ремонта набережной\n\n"
    "Городской совет в среду утвердил план ремонта набережной, который обсуждался почти два года. "
    "Работы начнутся весной и продлятся до конца осени.\n\n"
    "По словам главного архитектора, старое покрытие будет заменено, а вдоль реки появятся новые "
    "скамейки, фонари и велосипедная дорожка.\n\n"
    "Жители прибрежных улиц получат уведомления о сроках работ не позднее чем за месяц до их начала.\n"
)

FR_TEXT = (
    "La bibliothèque municipale rouvre après deux ans de travaux\n\n"
    "La bibliothèque municipale a rouvert ses portes samedi après deux années de rénovation, "
    "avec une salle d'étude agrandie et un espace réservé aux élèves du quartier.\n\n"
    "Les travaux, financés en partie par la région, ont coûté près de quatre millions d'euros. "
    "Le maire a salué « un lieu où chacun pourra apprendre à son rythme ».\n\n"
    "L'été prochain, des ateliers d'écriture seront proposés gratuitement aux lycéens le mercredi après-midi.\n"
)

JA_TEXT = (
    "市立図書館が改装を終えて再開\n\n"
    "市立図書館は二年間の改装工事を終え、土曜日に再開した。新しい閲覧室と子ども向けの読書スペースが設けられた。\n\n"
    "工事費はおよそ四億円で、その一部は県の補助金でまかなわれた。市長は式典で、誰もが自分のペースで学べる場所になると述べた。\n\n"
    "夏休みには、中学生と高校生を対象にした無料の文章講座が毎週水曜日の午後に開かれる予定だ。\n"
)

DE_PARAGRAPHS = [
    "Die Stadtwerke haben am Montag angekündigt, die Fernwärmeleitungen im Nordviertel bis zum Herbst "
    "vollständig zu erneuern, nachdem es im vergangenen Winter mehrfach zu Ausfällen gekommen war.",
    "Nach Angaben des Unternehmens werden rund zwölf Kilometer Leitungen ausgetauscht; die Kosten liegen "
    "bei etwa neun Millionen Euro und sollen nicht auf die Preise umgelegt werden.",
    "Anwohner können sich bei einer Informationsveranstaltung im Bürgerhaus über die Bauabschnitte und "
    "die geplanten Umleitungen für den Busverkehr informieren.",
]


def scraped_page(
    title: str, paragraphs: list[str], site: str = "Lakeside Courier", date: str = "12 May 2025 09:40"
) -> str:
    """Text copied from a browser: menu, title, date, body, share buttons and footer."""
    menu = ["Home", "News", "Sport", "Business", "Opinion", "Subscribe", "Search"]
    footer = ["Share on Facebook", "Share on X", "Copy link", f"© 2025 {site}. All rights reserved.", "Privacy policy"]
    return "\n".join([*menu, "", title, "", date, "", *[p + "\n" for p in paragraphs], *footer]) + "\n"


def html_page(
    title: str, paragraphs: list[str], lang: str = "en", extra_head: str = "", doctype: str = "<!DOCTYPE html>"
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'{doctype}\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{extra_head}</head>\n'
        '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
        f'<article><h1>{title}</h1>\n<p class="byline">By Marta Keller</p>\n{body}\n</article>\n'
        "<footer>© 2025 Example Regional News</footer></body></html>\n"
    )


def wordpress_post(post_id: int, title: object, content: object, **extra: object) -> dict[str, object]:
    post: dict[str, object] = {
        "id": post_id,
        "date": "2025-06-14T10:15:00",
        "date_gmt": "2025-06-14T08:15:00",
        "slug": f"post-{post_id}",
        "status": "publish",
        "type": "post",
        "link": f"https://harbourvoice.example/{post_id}/",
        "title": title,
        "content": content,
        "excerpt": {"rendered": "<p>A short summary.</p>"},
        "author": 4,
    }
    post.update(extra)
    return post


def _rendered(paragraphs: list[str]) -> dict[str, object]:
    return {"rendered": "".join(f"<p>{p}</p>\n" for p in paragraphs), "protected": False}


WIRE_TEXT = (
    "LISBON, June 3 (AFP) - Portugal's parliament on Tuesday approved a law that lets tenants of "
    "state-owned flats buy their homes at a discount after ten years of residence, the first such "
    "scheme in the country.\n\n"
    "The measure passed with the votes of the governing coalition and two opposition parties, while "
    "the left-wing bloc voted against, arguing it would shrink the public housing stock.\n\n"
    "Around 120,000 households live in flats owned by the state or by municipalities, according to "
    "figures published by the housing institute last year.\n\n"
    "-- AFP\n"
)

PDF_TEXT = (
    "Annual report on river water quality\n\n"
    "The monitoring network sampled forty-two stations along the upper river between January and\n"
    "December, and the share of samples meeting the bathing-water standard rose for the third\n"
    "year in a row, mainly because two treatment plants were upgraded in the spring.\n\n"
    "Nitrate levels remained above the target at six stations downstream of the farming\n"
    "districts, where fertiliser run-off after heavy rain continues to be the main source of\n"
    "pollution, the report says.\n\n"
    "3\n\f"
    "The agency recommends that the buffer strips along the tributaries be widened and that\n"
    "farmers receive support for winter cover crops, which hold nitrogen in the soil during\n"
    "the wettest months of the year.\n"
)


# -- good inputs ---------------------------------------------------------------------------------


GOOD_EN = [
    "The county hospital will open a second emergency entrance in the autumn, its board said on Thursday, "
    "after waiting times in the evening doubled over the last two winters.",
    "The new entrance, on the side facing the bus station, will be used for patients who arrive on foot, "
    "while ambulances will continue to use the existing bay behind the main building.",
    "Nurses' representatives welcomed the plan but said that more staff, not more doors, would shorten the "
    "queues, and asked the board to publish its recruitment figures every quarter.",
]

GOOD_DE = [
    "Der Kreistag hat am Dienstag beschlossen, die Buslinie zwischen Altdorf und dem Bahnhof ab Dezember "
    "im Halbstundentakt fahren zu lassen, auch am Wochenende.",
    "Pendler hatten seit Jahren über lange Wartezeiten am Abend geklagt; der letzte Bus fährt künftig erst "
    "kurz vor Mitternacht vom Bahnhofsvorplatz ab.",
    "Die Mehrkosten von rund 400.000 Euro im Jahr übernimmt zum größten Teil das Land, teilte die Verwaltung mit.",
]


def write_good_inputs(folder: Path) -> list[Case]:
    """One good input of each format; they must load whatever else is in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = [
        Case("good/scraped.txt", "good scraped page", LOADED, body_has=("second emergency entrance",)),
        Case("good/page.html", "good HTML page (German)", LOADED, body_has=("Halbstundentakt",)),
        Case("good/wire.txt", "good wire copy", LOADED, body_has=("state-owned flats",)),
        Case("good/post.json", "good WordPress post", LOADED, body_has=("ferry timetable",)),
        Case("good/report.txt", "good PDF text (hard wraps)", LOADED, body_has=("buffer strips",)),
    ]
    (folder / "good").mkdir(exist_ok=True)
    (folder / "good/scraped.txt").write_text(
        scraped_page("Hospital to open second emergency entrance", GOOD_EN), encoding="utf-8"
    )
    (folder / "good/page.html").write_text(
        html_page("Bus nach Altdorf fährt bald alle 30 Minuten", GOOD_DE, lang="de"), encoding="utf-8"
    )
    (folder / "good/wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    ferry = [
        "The island council has published a new ferry timetable that adds two evening crossings on Fridays "
        "and Saturdays from the first weekend of July until the end of September.",
        "Commuters had asked for a later boat for years, and the operator said the extra crossings would be "
        "paid for by the regional transport fund rather than by higher fares.",
    ]
    post = wordpress_post(501, {"rendered": "Evening ferries added for the summer"}, _rendered(ferry))
    (folder / "good/post.json").write_text(json.dumps(post), encoding="utf-8")
    (folder / "good/report.txt").write_text(PDF_TEXT, encoding="utf-8")
    return cases


# -- bad inputs ----------------------------------------------------------------------------------

BILLION_LAUGHS_ENTITIES = (
    '<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">'
)

HUGE_LINE_BYTES = 50 * 1024 * 1024
HUGE_CASE = Case("huge_single_line.txt", "50 MB single-line text", REJECTED, ("limit",))


def _huge_line(path: Path, size: int) -> None:
    """`size` bytes of prose on one line, written in chunks (never held whole in memory twice)."""
    sentence = (EN_PARAGRAPHS[0] + " ").encode()
    chunk = sentence * (1_048_576 // len(sentence) + 1)
    with path.open("wb") as handle:
        left = size
        while left > 0:
            part = chunk[: min(left, len(chunk))]
            handle.write(part)
            left -= len(part)


def bad_cases(huge: bool = True) -> list[Case]:
    """The cases `write_bad_inputs` writes, without writing anything (for test parametrisation)."""
    return write_bad_inputs(None, None, huge)


def write_bad_inputs(folder: Path | None, outside: Path | None, huge: bool = True) -> list[Case]:
    """Write every kind of bad input under `folder`; `outside` is a folder beyond it for symlink targets.

    With `folder` None nothing is written and only the cases are returned.
    """
    cases: list[Case] = []
    if folder is None or outside is None:
        return _bad_cases_only(huge)
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)

    def put(case: Case, data: bytes | str) -> None:
        path = folder / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(case)

    english = "Old town pipes to be replaced\n\n" + "\n\n".join(EN_PARAGRAPHS) + "\n"

    # empty, whitespace, binary
    put(Case("empty.txt", "empty file", REJECTED, ("empty",)), b"")
    put(Case("whitespace.txt", "whitespace-only file", REJECTED, ("whitespace", "empty")), b"  \n\t \r\n\n   \n")
    rng = random.Random(7)
    put(
        Case("random.bin", "binary file (random bytes)", REJECTED, ("binary",)),
        bytes(rng.randrange(256) for _ in range(8192)),
    )
    put(
        Case("image.png", "PNG image", REJECTED, ("png",)),
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)),
    )
    put(
        Case("scan.txt", "damaged PDF file named .txt", REJECTED, ("pdf",)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    )
    put(Case("scanned.pdf", "scanned PDF (images, no text)", REJECTED, ("text layer",)), image_only_pdf())
    put(
        Case("locked.pdf", "PDF that needs a password to open", REJECTED, ("password",)),
        _password_protected_pdf(" ".join(EN_PARAGRAPHS)),
    )
    put(
        Case("nul_bytes.txt", "text with NUL bytes", REJECTED, ("nul", "binary")),
        english.encode().replace(b" the ", b" the\x00\x00 "),
    )

    # encodings
    bad_utf8 = english.encode().replace(b"roughly", b"rough\xffly").replace(b"summers", b"summ\xc3\x28ers")
    put(
        Case(
            "invalid_utf8.txt",
            "invalid UTF-8 bytes in a UTF-8 text",
            LOADED,
            body_has=("treated water", "residents would receive letters"),
        ),
        bad_utf8,
    )
    put(
        Case("cp1251_ru.txt", "Russian text in cp1251", LOADED, body_has=("набережной", "велосипедная дорожка")),
        RU_TEXT.encode("cp1251"),
    )
    put(
        Case("latin1_fr.txt", "French text in latin-1", LOADED, body_has=("été", "élèves du quartier")),
        FR_TEXT.encode("latin-1"),
    )
    put(
        Case("shiftjis_ja.txt", "Japanese text in Shift-JIS", LOADED, body_has=("市立図書館",)),
        JA_TEXT.encode("shift_jis"),
    )
    put(
        Case("utf16le_bom.txt", "UTF-16 LE with BOM", LOADED, body_has=("treated water",)),
        b"\xff\xfe" + english.encode("utf-16-le"),
    )
    put(
        Case("utf16be_bom.txt", "UTF-16 BE with BOM", LOADED, body_has=("école",)),
        b"\xfe\xff" + FR_TEXT.replace("élèves", "élèves de l'école").encode("utf-16-be"),
    )
    put(
        Case("utf8_bom.html", "UTF-8 with BOM (HTML)", LOADED, body_has=("Bürgerhaus",)),
        b"\xef\xbb\xbf" + html_page("Fernwärme: Bauabschnitte stehen fest", DE_PARAGRAPHS, "de").encode(),
    )

    # JSON
    whole = json.dumps(wordpress_post(601, {"rendered": "Harbour wall repaired"}, _rendered(EN_PARAGRAPHS)))
    put(Case("truncated.json", "truncated JSON", REJECTED, ("invalid json", "truncated")), whole[: len(whole) // 2])
    put(
        Case("invalid.json", "invalid JSON (single quotes)", REJECTED, ("invalid json",)),
        "{'title': 'Harbour wall', 'content': 'repaired'}",
    )
    put(
        Case("unknown_shape.json", "JSON of an unknown shape", REJECTED, ("unknown shape",)),
        json.dumps({"data": [{"value": 3}], "meta": {"page": 1}}),
    )
    put(Case("numbers.json", "JSON list of numbers", REJECTED, ("unknown shape",)), "[1, 2, 3]")
    put(Case("empty_list.json", "empty JSON list", REJECTED, ("empty", "no posts")), "[]")
    put(
        Case("deep.json", "JSON nested 100,000 deep", REJECTED, ("nested", "deep", "invalid json", "unknown shape")),
        "[" * 100_000 + "]" * 100_000,
    )

    # WordPress posts with missing or null fields
    ferry = [
        "The port authority said on Friday that the northern quay will close for resurfacing from the "
        "second week of October, and that fishing boats will moor at the eastern pier instead.",
        "Skippers were told in a letter that the move would last about six weeks and that the fuel "
        "station on the quay would stay open for the whole period.",
    ]
    put(
        Case("wp_null_title.json", "WordPress post, title null", LOADED, body_has=("northern quay",)),
        json.dumps(wordpress_post(602, None, _rendered(ferry))),
    )
    put(
        Case("wp_title_rendered_null.json", "WordPress post, title.rendered null", LOADED, body_has=("eastern pier",)),
        json.dumps(
            wordpress_post(
                603,
                {"rendered": None},
                _rendered(
                    [*ferry, "A public meeting is planned at the harbour office next month to discuss the works."]
                ),
            )
        ),
    )
    put(
        Case("wp_null_content.json", "WordPress post, content null", REJECTED, ("content", "no article")),
        json.dumps(wordpress_post(604, {"rendered": "Quay closes"}, None)),
    )
    put(
        Case(
            "wp_content_no_rendered.json",
            "WordPress post, content without rendered",
            REJECTED,
            ("content", "rendered", "no article"),
        ),
        json.dumps(wordpress_post(605, {"rendered": "Quay closes"}, {"protected": False})),
    )
    no_link = wordpress_post(
        606, {"rendered": "Fuel station stays open"}, _rendered([p.replace("six weeks", "five weeks") for p in ferry])
    )
    del no_link["link"]
    put(
        Case("wp_missing_link.json", "WordPress post, link missing", LOADED, body_has=("five weeks",)),
        json.dumps(no_link),
    )
    put(
        Case(
            "wp_list_one_broken.json",
            "WordPress list, one post with null content",
            LOADED,
            body_has=("winter timetable",),
        ),
        json.dumps(
            [
                wordpress_post(
                    607,
                    {"rendered": "Winter timetable"},
                    _rendered(
                        [
                            "The operator published its winter timetable on Monday, with fewer crossings on "
                            "weekdays but an extra late boat on Saturdays."
                        ]
                    ),
                ),
                wordpress_post(608, {"rendered": "Broken"}, None),
            ]
        ),
    )
    put(
        Case(
            "wp_lone_surrogate.json",
            "WordPress post with lone surrogate and NUL escapes",
            LOADED,
            body_has=("lighthouse keepers",),
        ),
        '{"id": 609, "slug": "keepers", "link": "https://harbourvoice.example/609/",'
        ' "title": {"rendered": "Keepers\\ud800 return\\u0000"},'
        ' "content": {"rendered": "<p>The last two lighthouse keepers\\udc00 on the coast will retire'
        " this winter after thirty years, the maritime agency said on Thursday.\\u0000</p>"
        '<p>Their station will be run remotely from the port office.</p>"}}',
    )

    # markup: nesting, entity bombs
    deep = (
        "<html><body>" + "<div>" * 100_000 + "<p>Deeply nested paragraph.</p>" + "</div>" * 100_000 + "</body></html>"
    )
    put(
        Case(
            "deep.html",
            "HTML nested 100,000 deep",
            EITHER,
            ("nested", "no article", "too deep", "limit", "took longer"),
        ),
        deep,
    )
    put(
        Case("billion_laughs.xml", "XML entity-expansion bomb (billion laughs)", REJECTED, ("xml",)),
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{BILLION_LAUGHS_ENTITIES}]>\n<lolz>&lol9;</lolz>\n',
    )
    bomb_html = html_page(
        "Harbour wall repaired", [*EN_PARAGRAPHS[:2], "&lol9;"], doctype=f"<!DOCTYPE html [{BILLION_LAUGHS_ENTITIES}]>"
    )
    put(
        Case(
            "billion_laughs.html",
            "HTML with entity-expansion DOCTYPE",
            EITHER,
            ("entit", "no article"),
            body_has=("treated water",),
            max_body_chars=20_000,
        ),
        bomb_html,
    )
    put(
        Case(
            "external_entity.html",
            "HTML with external entity (XXE)",
            EITHER,
            ("entit", "no article"),
            body_has=("treated water",),
            max_body_chars=20_000,
        ),
        html_page(
            "Harbour wall repaired",
            [*EN_PARAGRAPHS[1:3], "&xxe;"],
            doctype='<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        ),
    )

    # compressed inputs are rejected, never decompressed
    put(Case("article.txt.gz", "gzip-compressed text", REJECTED, ("gzip",)), gzip.compress(english.encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", english)
    put(Case("articles.zip", "zip archive", REJECTED, ("zip",)), buffer.getvalue())

    # names that try to leave clean/
    traversal = [
        "The harbour master confirmed on Wednesday that the breakwater damaged in the January storm has "
        "been repaired, two weeks ahead of the schedule agreed with the contractor.",
        "Divers inspected the foundations last week and found no further cracks, the harbour office said.",
    ]
    put(
        Case(
            "wp_traversal_title.json",
            "WordPress title and slug `../../etc/passwd`",
            LOADED,
            body_has=("breakwater damaged",),
        ),
        json.dumps(
            wordpress_post(610, {"rendered": "../../etc/passwd"}, _rendered(traversal), slug="../../etc/passwd")
        ),
    )
    put(
        Case(
            "traversal_title.html",
            "HTML <title> `../../../tmp/evil` and absolute path",
            LOADED,
            body_has=("Divers inspected",),
        ),
        html_page(
            "../../../tmp/evil",
            [
                traversal[1],
                "The contractor will return in the spring to repaint the beacon at the end of the breakwater, "
                "weather permitting.",
            ],
        ).replace("<h1>../../../tmp/evil</h1>", "<h1>/etc/passwd\\..\\..\\windows</h1>"),
    )

    # a 50 MB single line
    if huge:
        _huge_line(folder / HUGE_CASE.name, HUGE_LINE_BYTES)
        cases.append(HUGE_CASE)

    # symlinks and special files
    secret = outside / "secret.txt"
    secret.write_text("Outside article\n\n" + "\n\n".join(DE_PARAGRAPHS) + "\n", encoding="utf-8")
    (folder / "links").mkdir(exist_ok=True)
    os.symlink(secret.resolve(), folder / "links/outside.txt")
    cases.append(Case("links/outside.txt", "symlink to a file outside the input folder", REJECTED, ("outside",)))
    os.symlink("/etc/passwd", folder / "links/passwd")
    cases.append(Case("links/passwd", "symlink to /etc/passwd", REJECTED, ("outside",)))
    os.symlink(folder.resolve() / "links/does-not-exist.txt", folder / "links/broken.txt")
    cases.append(Case("links/broken.txt", "broken symlink", REJECTED, ("broken",)))
    os.symlink(outside.resolve(), folder / "links/outside_dir")
    cases.append(
        Case("links/outside_dir", "symlink to a folder outside the input folder", REJECTED, ("folder", "outside"))
    )
    os.mkfifo(folder / "pipe.txt")
    cases.append(Case("pipe.txt", "named pipe (FIFO)", REJECTED, ("not a regular file",)))
    return cases


UNDECODABLE_NAME_CASE = Case(
    os.fsdecode(b"caf\xe9-latin1-name.txt"),
    "file name that is not valid UTF-8",
    LOADED,
    body_has=("August fair",),
)


def write_undecodable_name(folder: Path) -> Case:
    """A file whose name is Latin-1 bytes (not UTF-8), as copied from an old FTP server or zip."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.fsencode(folder) + b"/caf\xe9-latin1-name.txt", "wb") as handle:
        handle.write(("Lakeside cafe reopens\n\n" + "\n\n".join(EN_PARAGRAPHS[2:]) + "\n").encode())
    return UNDECODABLE_NAME_CASE


def _bad_cases_only(huge: bool) -> list[Case]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return write_bad_inputs(Path(tmp) / "in", Path(tmp) / "outside", huge=False) + ([HUGE_CASE] if huge else [])


# -- large varied corpora (crash safety, concurrency) ---------------------------------------------

_PLACES = ["Riverton", "Kestrel Bay", "Northfield", "Port Alma", "Greywater", "Elmsbury", "Saltmarsh", "Highcombe"]
_BODIES = ["city council", "water board", "school district", "port authority", "health trust", "transport agency"]
_ACTIONS = [
    "approved a budget for",
    "postponed a decision on",
    "opened a consultation about",
    "signed a contract for",
    "published a report on",
    "announced new funding for",
    "rejected a proposal for",
    "started work on",
]
_OBJECTS = [
    "a new footbridge",
    "the repair of flood barriers",
    "electric buses",
    "a second primary school",
    "longer library hours",
    "the harbour dredging",
    "street lighting",
    "a recycling depot",
    "cycle lanes",
    "the old cinema",
    "a youth centre",
    "winter road gritting",
]
_DETAILS = [
    "Officials said the cost would be shared with the regional government over the next {n} years.",
    "Residents who spoke at the meeting asked for more information about noise and traffic during the works.",
    "The opposition group said the plan had been rushed and called for an independent review of the figures.",
    "A spokesperson said that about {n} jobs would be created while the project is under way.",
    "Local businesses welcomed the decision but warned that parking near the centre was already scarce.",
    "The final vote is expected in {month}, after a public exhibition of the drawings at the town hall.",
    "Critics noted that a similar scheme was abandoned {n} years ago when costs rose beyond the estimate.",
    "The chair of the committee said the figures would be published online before the end of the week.",
]
_MONTHS = ["January", "March", "April", "June", "September", "October", "November"]


def _story(rng: random.Random, number: int) -> tuple[str, list[str]]:
    place, body = rng.choice(_PLACES), rng.choice(_BODIES)
    action, thing = rng.choice(_ACTIONS), rng.choice(_OBJECTS)
    title = f"{place} {body} {action} {thing}"
    lead = (
        f"The {body} in {place} {action} {thing} on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])}, "
        f"in a meeting that lasted {rng.randint(2, 6)} hours and was attended by {rng.randint(20, 400)} people "
        f"(reference {number})."
    )
    # Each story's sentences are its own (a file tag in letters: line fingerprints ignore digits).
    # Sentences shared word for word by different stories are what cross-document chrome
    # learning removes, and what it learns depends on the files seen before, so a corpus
    # sharing them would not give a resumed run the same rows as an uninterrupted one.
    tag = "".join(chr(ord("a") + int(d)) for d in str(number))
    details = [d.format(n=rng.randint(2, 40), month=rng.choice(_MONTHS)) for d in rng.sample(_DETAILS, 3)]
    paragraphs = [lead] + [f"{d[:-1]} (file {tag})." for d in details]
    return title, paragraphs


def write_corpus(folder: Path, count: int, seed: int = 1, start: int = 0) -> list[Path]:
    """`count` small varied files (every format, some exact and near copies, some broken)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    previous: list[tuple[str, list[str]]] = []
    for i in range(start, start + count):
        sub = folder / f"batch{i // 250:02d}"
        sub.mkdir(exist_ok=True)
        roll = rng.random()
        if previous and roll < 0.05:  # an exact copy of an earlier story
            title, paragraphs = rng.choice(previous)
        elif previous and roll < 0.10:  # a near copy: one sentence changed
            title, paragraphs = rng.choice(previous)
            tag = "".join(chr(ord("a") + int(d)) for d in str(i))
            paragraphs = [*paragraphs[:-1], f"The council's press office declined to comment further (file {tag})."]
        else:
            title, paragraphs = _story(rng, i)
            previous.append((title, paragraphs))
        kind = i % 7
        if kind in (0, 1):
            path, data = sub / f"{i:05d}.txt", scraped_page(title, paragraphs, site=f"{rng.choice(_PLACES)} Post")
        elif kind == 2:
            path, data = sub / f"{i:05d}.html", html_page(title, paragraphs)
        elif kind == 3:
            path = sub / f"{i:05d}.json"
            data = json.dumps(wordpress_post(10_000 + i, {"rendered": title}, _rendered(paragraphs)))
        elif kind == 4:
            place = rng.choice(_PLACES).upper()
            path, data = (
                sub / f"{i:05d}.txt",
                f"{place}, May {rng.randint(1, 28)} (Reuters) - " + "\n\n".join(paragraphs) + "\n",
            )
        elif kind == 5:
            path, data = sub / f"{i:05d}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        else:  # every 7th: a broken input of some kind
            path = sub / f"{i:05d}.dat"
            data = rng.choice(["", '{"truncated": ', "   \n", json.dumps({"unknown": i})])
        path.write_text(data, encoding="utf-8")
        written.append(path)
    return written


# -- reading a run's database (what a downstream tool sees; SQLite paths or database URLs) ----------


def connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def statuses(db: Path | str) -> dict[str, list[tuple[str, str | None]]]:
    """Each recorded path -> [(status, reason)] of the content it holds now (current_paths: one per path)."""
    with Reader(db) as reader:
        rows = reader.tuples(
            "SELECT p.path, r.status, r.reason FROM current_paths p JOIN raw_documents r ON r.id = p.raw_document_id"
        )
    out: dict[str, list[tuple[str, str | None]]] = {}
    for path, status, reason in rows:
        out.setdefault(path, []).append((status, reason))
    return out


def bodies_by_path(db: Path | str) -> dict[str, list[str]]:
    """Each recorded path -> the bodies of the articles read from it."""
    with Reader(db) as reader:
        rows = reader.tuples(
            "SELECT p.path, a.body FROM raw_paths p JOIN article_sources s ON s.raw_document_id = p.raw_document_id"
            " JOIN articles a ON a.id = s.article_id"
        )
    out: dict[str, list[str]] = {}
    for path, body in rows:
        out.setdefault(path, []).append(body)
    return out


def integrity_problems(db: Path | str) -> list[str]:
    """Orphan rows (and on SQLite PRAGMA integrity_check and foreign_key_check): what a crash must never leave."""
    orphans = {
        "article_sources without article": "SELECT COUNT(*) FROM article_sources s"
        " LEFT JOIN articles a ON a.id = s.article_id WHERE a.id IS NULL",
        "article_sources without raw document": "SELECT COUNT(*) FROM article_sources s"
        " LEFT JOIN raw_documents r ON r.id = s.raw_document_id WHERE r.id IS NULL",
        "article_authors without article": "SELECT COUNT(*) FROM article_authors x"
        " LEFT JOIN articles a ON a.id = x.article_id WHERE a.id IS NULL",
        "article_authors without author": "SELECT COUNT(*) FROM article_authors x"
        " LEFT JOIN authors u ON u.id = x.author_id WHERE u.id IS NULL",
        "minhash_signatures without article": "SELECT COUNT(*) FROM minhash_signatures m"
        " LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
        "minhash_buckets without article": "SELECT COUNT(*) FROM minhash_buckets m"
        " LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
        "minhash_buckets_hot without article": "SELECT COUNT(*) FROM minhash_buckets_hot m"
        " LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
        "articles without source": "SELECT COUNT(*) FROM articles a"
        " WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)",
        "articles without signature": "SELECT COUNT(*) FROM articles a"
        " WHERE NOT EXISTS (SELECT 1 FROM minhash_signatures m WHERE m.article_id = a.id)",
        "duplicate_of pointing nowhere": "SELECT COUNT(*) FROM articles a WHERE a.duplicate_of IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)",
        "raw_paths without raw document": "SELECT COUNT(*) FROM raw_paths p"
        " LEFT JOIN raw_documents r ON r.id = p.raw_document_id WHERE r.id IS NULL",
        "loaded raw documents without articles": "SELECT COUNT(*) FROM raw_documents r WHERE r.status != 'rejected'"
        " AND NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.raw_document_id = r.id)",
        "rejected raw documents without reason": "SELECT COUNT(*) FROM raw_documents"
        " WHERE status = 'rejected' AND (reason IS NULL OR reason = '')",
        "raw paths without a current status": "SELECT COUNT(*) FROM raw_paths p"
        " WHERE NOT EXISTS (SELECT 1 FROM current_paths c WHERE c.path = p.path)",
        "current paths not in raw_paths": "SELECT COUNT(*) FROM current_paths c WHERE NOT EXISTS"
        " (SELECT 1 FROM raw_paths p WHERE p.path = c.path AND p.raw_document_id = c.raw_document_id)",
    }
    problems: list[str] = []
    with Reader(db) as reader:
        tables = reader.tables()
        if reader.dialect == "sqlite":  # PostgreSQL checks its pages and enforces foreign keys itself
            result = reader.tuples("PRAGMA integrity_check")
            if result != [("ok",)]:
                problems.append(f"integrity_check: {result[:5]}")
            if fk := reader.tuples("PRAGMA foreign_key_check"):
                problems.append(f"foreign_key_check: {fk[:5]}")
        for label, sql in orphans.items():
            if any(
                t in sql and t not in tables for t in ("minhash_signatures", "minhash_buckets", "minhash_buckets_hot")
            ):
                continue
            if n := reader.scalar(sql):
                problems.append(f"{n} {label}")
    return problems


def db_facts(db: Path | str) -> dict[str, object]:
    """What two runs over the same inputs must agree on, whatever the order or interruptions."""
    with Reader(db) as reader:
        raw = set(reader.tuples("SELECT sha256, status FROM raw_documents WHERE sha256 NOT LIKE 'unread:%'"))
        refused = set(reader.tuples("SELECT path, status FROM raw_documents WHERE sha256 LIKE 'unread:%'"))
        hashes = set(reader.tuples("SELECT content_hash FROM articles"))
        sources = set(
            reader.tuples(
                "SELECT r.sha256, s.item, a.content_hash FROM article_sources s"
                " JOIN raw_documents r ON r.id = s.raw_document_id JOIN articles a ON a.id = s.article_id"
            )
        )
        paths = set(
            reader.tuples("SELECT p.path, r.sha256 FROM raw_paths p JOIN raw_documents r ON r.id = p.raw_document_id")
        )
    return {
        "raw_documents": raw,
        "refused": refused,
        "articles": hashes,
        "article_sources": sources,
        "raw_paths": paths,
    }


def input_files(folder: Path) -> list[str]:
    """Every non-hidden entry a run must give a status: files, links and special files (not folders)."""
    out: list[str] = []
    for root, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        links = [d for d in dirnames if os.path.islink(os.path.join(root, d))]
        out += [os.path.join(root, n) for n in [*filenames, *links] if not n.startswith(".")]
    return sorted(out)


def contract_snapshot(db: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """The contract tables by content: row ids and times differ between runs (and databases), nothing else may."""
    with Reader(db) as reader:
        articles = [
            (*row[:-1], None if row[-1] is None else round(row[-1], 6))
            for row in reader.tuples(
                "SELECT a.content_hash, a.title, a.body, a.published, a.publisher, a.language, a.word_count,"
                " c.content_hash, a.similarity FROM articles a LEFT JOIN articles c ON c.id = a.duplicate_of"
            )
        ]
        return {
            "raw_documents": sorted(
                reader.tuples("SELECT sha256, path, source_format, size_bytes, status, reason FROM raw_documents"),
                key=repr,
            ),
            "articles": sorted(articles, key=repr),
            "article_sources": sorted(
                reader.tuples(
                    "SELECT r.sha256, s.item, a.content_hash FROM article_sources s"
                    " JOIN raw_documents r ON r.id = s.raw_document_id JOIN articles a ON a.id = s.article_id"
                )
            ),
            "article_counts": reader.tuples("SELECT count(*), count(DISTINCT content_hash) FROM articles"),
        }
