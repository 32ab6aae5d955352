"""E-mail files (.eml): detected by their header block, read with the standard library (issue 13)."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from axis_ingest.config import Settings
from axis_ingest.decode import decode_bytes
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import RejectedInput
from axis_ingest.prepare import prepare_file
from axis_ingest.readers import read_text
from axis_ingest.readers.email_file import read_email
from axis_ingest.sniff import sniff

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

RELEASE = """\
The Harbour Authority of Valletta Bay has awarded the contract for the new
northern breakwater to Malta Marine Works, after a tender that drew five bids
from three countries.

Work starts in April and is due to finish before the winter storms of next
year. The breakwater will protect the ferry berths, which were closed on
eleven days last winter.

"The berths have been the weak point of the harbour for thirty years," said
the authority's chairman, Joseph Camilleri.
"""
SIGNATURE_DELIMITER = "-- "  # RFC 3676: two dashes and a space
PLAIN_EMAIL = f"""\
Return-Path: <press@harbour-valletta.example>
Received: from mail.harbour-valletta.example (mail.harbour-valletta.example [192.0.2.10])
\tby mx.example.org with ESMTPS id 4Xk2; Wed, 04 Mar 2026 09:12:07 +0100
From: Maria Borg <press@harbour-valletta.example>
To: newsdesk@example.org
Subject: Contract awarded for the northern breakwater
Date: Wed, 04 Mar 2026 09:12:00 +0100
Message-ID: <20260304091200.1234@harbour-valletta.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{RELEASE}
> On Mon, 3 Mar 2026, newsdesk wrote:
> Could you send us the release when it is out?

{SIGNATURE_DELIMITER}
Maria Borg | Press Office | Harbour Authority of Valletta Bay
+356 2122 0000
"""


def _message(sender: str, subject: str, date: str, to: str | None) -> EmailMessage:
    """A message with its envelope's headers (From, To when given, Subject, Date), for the tests to fill."""
    message = EmailMessage()
    message["From"] = sender
    if to is not None:
        message["To"] = to
    message["Subject"] = subject
    message["Date"] = date
    return message


def html_only_email() -> str:
    message = _message(
        '"Regional Courier Newsletter" <news@courier.example>',
        "Council approves the water plant",
        "Thu, 05 Mar 2026 07:30:00 +0000",
        to="reader@example.org",
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in RELEASE.replace("\n\n", "\x00").replace("\n", " ").split("\x00"))
    message.set_content(
        f"<html><body><table><tr><td><h1>Council approves the water plant</h1>{paragraphs}"
        '<p><a href="https://courier.example/unsubscribe">Unsubscribe</a></p></td></tr></table></body></html>',
        subtype="html",
    )
    return message.as_string()


def test_plain_email_is_detected_and_read():
    assert sniff(PLAIN_EMAIL).source_format == "email"
    [doc] = read_email(PLAIN_EMAIL)
    assert doc.source_format == "email"
    assert doc.title == "Contract awarded for the northern breakwater"
    assert doc.evidence.published == ["Wed, 04 Mar 2026 09:12:00 +0100"]
    assert doc.evidence.bylines == ["Maria Borg"]
    assert doc.paragraphs[0].startswith(
        "The Harbour Authority of Valletta Bay has awarded the contract for the new northern"
    )
    assert len(doc.paragraphs) == 3
    # the quoted reply, the signature and the MIME headers are not the message's text
    assert "newsdesk wrote" not in doc.body and "+356" not in doc.body
    # as bytes (the pipeline) and as text alone (`read_text`, tools: the reader once read an empty message there)
    assert [d.paragraphs for d in read_text(PLAIN_EMAIL)] == [doc.paragraphs]
    assert [d.paragraphs for d in read_email(PLAIN_EMAIL.encode())] == [doc.paragraphs]
    assert "Content-Type" not in doc.body and "Received" not in doc.body


def test_email_loads_through_the_pipeline_with_its_date():
    result = prepare_file("release.eml", PLAIN_EMAIL.encode(), Settings(), MinHashParams())
    assert result.reason is None and result.source_format == "email"
    [prepared] = result.documents
    assert prepared.doc.published is not None and prepared.doc.published.startswith("2026-03-04")
    assert prepared.doc.title == "Contract awarded for the northern breakwater"


def test_html_only_email_goes_through_the_html_body_cleaner():
    text = html_only_email()
    assert sniff(text).source_format == "email"
    [doc] = read_email(text)
    assert doc.title == "Council approves the water plant"
    assert doc.evidence.bylines == ["Regional Courier Newsletter"]
    assert any(p.startswith("Work starts in April") for p in doc.paragraphs)
    assert "<p>" not in doc.body and "Content-Transfer-Encoding" not in doc.body


def test_email_with_only_an_attachment_is_rejected_with_a_reason():
    message = _message(
        "Maria Borg <press@harbour-valletta.example>",
        "Release attached",
        "Wed, 04 Mar 2026 09:12:00 +0100",
        to="newsdesk@example.org",
    )
    message.add_attachment(b"%PDF-1.7 ...", maintype="application", subtype="pdf", filename="release.pdf")
    text = message.as_string()
    assert sniff(text).source_format == "email"
    with pytest.raises(RejectedInput, match="attachment"):
        read_email(text)


def _release_by_mail(note: str) -> str:
    """A press office's message: a covering note and the release as an attached PDF."""
    from pdfs import report_pdf

    message = _message(
        "Maria Borg <press@harbour-valletta.example>",
        "Press release: northern breakwater",
        "Wed, 04 Mar 2026 09:12:00 +0100",
        to="newsdesk@example.org",
    )
    message.set_content(note)
    paragraphs = [" ".join(paragraph.split()) for paragraph in RELEASE.split("\n\n")]
    pdf = report_pdf("Contract awarded for the northern breakwater", paragraphs)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="breakwater-release.pdf")
    return message.as_string()


def test_a_release_attached_as_a_pdf_under_a_covering_note_is_the_article() -> None:
    """Press offices send the release as a PDF under "Please find attached ...": the note was the article (or,
    with no note, the message was rejected); the attached document is read, the message's date after its own."""
    [doc] = read_email(_release_by_mail("Dear colleagues,\n\nplease find attached our press release.\n\nMaria"))
    assert (doc.source_format, doc.title) == ("email", "Contract awarded for the northern breakwater")
    assert doc.paragraphs == [" ".join(paragraph.split()) for paragraph in RELEASE.split("\n\n")]
    assert doc.evidence.published == ["Wed, 04 Mar 2026 09:12:00 +0100"]
    assert doc.metadata["attachment"] == "breakwater-release.pdf"
    # left alone: a message with a text of its own is that text, whatever it carries
    [own] = read_email(_release_by_mail(RELEASE))
    assert own.title == "Press release: northern breakwater"
    assert own.paragraphs[0].startswith("The Harbour Authority of Valletta Bay has awarded")


def test_a_release_inside_a_nested_multipart_attachment_is_read() -> None:
    """A message whose attachment is itself a multipart/mixed (a mail client's forward of a message's parts;
    three of mikel/mail's test messages) stopped the run's file with an internal error (KeyError
    'multipart/mixed': `get_content` reads no multipart); the PDF inside it is the article.  Left alone: with no
    document in the nested part, the message is its own text."""
    from pdfs import report_pdf

    paragraphs = [" ".join(paragraph.split()) for paragraph in RELEASE.split("\n\n")]
    for attached, expected in (
        (report_pdf("Contract awarded for the northern breakwater", paragraphs), "document"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "own text"),
    ):
        inner = EmailMessage()
        inner.set_content("Files of the release")
        inner.add_attachment(attached, maintype="application", subtype="octet-stream", filename="release-files")
        message = _message(
            "Maria Borg <press@harbour-valletta.example>", "Fwd: release", "Wed, 04 Mar 2026 09:12:00 +0100", None
        )
        message.set_content("See attached.")
        message.make_mixed()
        message.attach(inner)
        if expected == "document":
            [doc] = read_email(message.as_string())
            assert (doc.title, doc.paragraphs) == ("Contract awarded for the northern breakwater", paragraphs)
        else:
            [doc] = read_email(message.as_string())
            assert (doc.title, doc.paragraphs) == ("release", ["See attached."])


@pytest.mark.parametrize(
    "text",
    [
        # a scraped page whose text opens with a "From:" credit line
        "From: our correspondent in Valletta\nThe harbour authority awarded the contract on Tuesday.\n\n" + RELEASE,
        # wire copy with a header-like first line
        "Date: 2026-03-04\nBrussels, March 4 (IANS) The European Commission proposed new rules on Tuesday.\n",
        # a header block with no sender
        "Subject: Minutes\nDate: 4 March 2026\nMessage-ID: <1@x>\n\n" + RELEASE,
    ],
)
def test_text_that_only_starts_like_a_header_is_not_email(text):
    assert sniff(text).source_format != "email"


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Fwd: Contract awarded for the northern breakwater", "Contract awarded for the northern breakwater"),
        ("AW: WG: Contract awarded for the northern breakwater", "Contract awarded for the northern breakwater"),
        ("Re[2]: Contract awarded", "Contract awarded"),
        ("Breakwater: contract awarded to Malta Marine Works", "Breakwater: contract awarded to Malta Marine Works"),
        ("Reuters: contract awarded", "Reuters: contract awarded"),  # left alone: no prefix, a word
    ],
)
def test_a_forwarded_or_replied_subjects_prefixes_are_not_the_title(subject: str, title: str) -> None:
    """A press release forwarded to the newsdesk had "Fwd:" in its title (German clients write "WG:")."""
    [doc] = read_email(
        PLAIN_EMAIL.replace("Subject: Contract awarded for the northern breakwater", f"Subject: {subject}")
    )
    assert doc.title == title


def _forwarded_as_attachment(note: str) -> str:
    inner = _message(
        "Maria Borg <press@harbour-valletta.example>",
        "Contract awarded for the northern breakwater",
        "Wed, 04 Mar 2026 09:12:00 +0100",
        to=None,
    )
    inner.set_content(RELEASE)
    outer = _message(
        "Desk <desk@example.org>", "FW: release", "Thu, 05 Mar 2026 08:00:00 +0100", to="archive@example.org"
    )
    outer.set_content(note)
    outer.add_attachment(inner)
    return outer.as_string()


def test_a_message_forwarded_as_an_attachment_is_read_from_the_attachment() -> None:
    """ "Forward as attachment" puts the release in a message/rfc822 part under a one-line note: only the note
    was read ("See the attached release."), the release itself was lost."""
    [doc] = read_email(_forwarded_as_attachment("See the attached release."))
    assert doc.title == "Contract awarded for the northern breakwater"
    assert doc.evidence.published == ["Wed, 04 Mar 2026 09:12:00 +0100"]
    assert doc.paragraphs[0].startswith("The Harbour Authority of Valletta Bay")


def test_a_message_with_its_own_text_and_an_attached_message_keeps_its_own() -> None:
    """Left alone: a message that says something itself (here a long note) is the message, its attachment aside."""
    note = " ".join(["The desk's own summary of the release runs to several sentences here."] * 6)
    [doc] = read_email(_forwarded_as_attachment(note))
    assert doc.title == "release" and doc.paragraphs[0].startswith("The desk's own summary")


def test_an_html_newsletters_unsubscribe_link_is_not_body_text() -> None:
    [doc] = read_email(html_only_email())
    assert "Unsubscribe" not in doc.body and doc.paragraphs[-1].endswith("Joseph Camilleri.")


def _forwarded_inline(note: str, separator: str, headers: list[str]) -> str:
    outer = _message(
        "Desk <desk@example.org>", "Fwd: release", "Thu, 05 Mar 2026 08:00:00 +0100", to="archive@example.org"
    )
    outer.set_content(f"{note}\n\n{separator}\n" + "\n".join(headers) + "\n\n" + RELEASE)
    return outer.as_string()


@pytest.mark.parametrize(
    ("separator", "headers"),
    [
        (  # Gmail
            "---------- Forwarded message ---------",
            [
                "From: Maria Borg <press@harbour-valletta.example>",
                "Date: Wed, Mar 4, 2026 at 9:12 AM",
                "Subject: Contract awarded for the northern breakwater",
                "To: <newsdesk@example.org>",
            ],
        ),
        (  # Outlook in German
            "-----Ursprüngliche Nachricht-----",
            [
                "Von: Maria Borg <press@harbour-valletta.example>",
                "Gesendet: Mittwoch, 4. März 2026 09:12",
                "An: newsdesk@example.org",
                "Betreff: AW: Contract awarded for the northern breakwater",
            ],
        ),
    ],
)
def test_a_message_forwarded_inline_under_a_short_note_is_read_from_the_forwarded_part(
    separator: str, headers: list[str]
) -> None:
    """Forwarded inline, the release came with the forwarder's subject ("Fwd: release") and date, and the
    forwarded header block ("From: ...", "Subject: ...") as the body's first paragraphs."""
    [doc] = read_email(_forwarded_inline("FYI", separator, headers))
    assert doc.title == "Contract awarded for the northern breakwater"
    assert doc.evidence.published[0].startswith(("Wed, Mar 4, 2026", "Mittwoch, 4. März 2026"))
    assert doc.evidence.bylines == ["Maria Borg"]
    assert doc.paragraphs[0].startswith("The Harbour Authority of Valletta Bay") and "Subject" not in doc.body


def test_a_forward_with_a_note_of_its_own_is_the_notes_message() -> None:
    """Left alone: a forwarder who writes a message of their own is the message's author and title."""
    note = " ".join(["Our reporter's own account of the tender, which the desk wrote up this morning."] * 4)
    headers = ["From: Maria Borg <press@harbour-valletta.example>", "Subject: Contract awarded"]
    [doc] = read_email(_forwarded_inline(note, "---------- Forwarded message ---------", headers))
    assert doc.title == "release" and doc.evidence.bylines == ["Desk"]
    assert doc.paragraphs[0].startswith("Our reporter's own account")


def _message_in(charset: str, transfer: str, subject: str, body: str) -> bytes:
    """A message's bytes as a mail client writes them: headers in ASCII (the subject as an RFC 2047 word), the
    body in `charset` under the given Content-Transfer-Encoding, lines ending in CRLF."""
    from email.header import Header

    head = (
        "From: Keiko Sato <press@harbour.example.jp>\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        "Date: Wed, 04 Mar 2026 09:12:00 +0900\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\n\r\n"
    )
    return head.encode("ascii") + body.replace("\n", "\r\n").encode(charset)


JAPANESE_RELEASE = (
    "横浜港の新しい岸壁の工事は四月に始まり、来年の冬までに完成する予定です。\n\n"
    "港湾局によると、工事には三社が入札し、地元の海洋工事会社が落札しました。\n"
)
GERMAN_RELEASE = (
    "Der Gemeinderat von Zürich hat am Dienstag den Bau der neuen Fähre genehmigt – nach einer Debatte, "
    "die den ganzen Nachmittag dauerte.\n\n„Die Fähre ist überfällig“, sagte die Präsidentin des Rates.\n"
)


@pytest.mark.parametrize(
    ("charset", "transfer", "subject", "body"),
    [
        ("utf-8", "8bit", "Neue Fähre für Zürich", GERMAN_RELEASE),
        ("shift_jis", "8bit", "横浜港の新岸壁", JAPANESE_RELEASE),
        ("iso-2022-jp", "7bit", "横浜港の新岸壁", JAPANESE_RELEASE),
    ],
)
def test_a_message_in_its_own_charset_is_read_in_it(
    ingest_texts: IngestTexts, charset: str, transfer: str, subject: str, body: str
) -> None:
    """The message was parsed as text decoded as a whole: an 8-bit UTF-8 or Shift_JIS body came out as mojibake
    ("Z\ufffdrich", "\\u3042\\u3044"), and an ISO-2022-JP message (Japanese mail's traditional encoding, written in
    seven bits with escape sequences) was rejected as binary.  Each part is decoded in the charset it declares."""
    db = ingest_texts({"release.eml": _message_in(charset, transfer, subject, body)})
    with sqlite3.connect(db) as conn:
        title, stored = conn.execute("SELECT title, body FROM articles").fetchone()
    assert (title, stored.split("\n\n")) == (subject, [p.strip() for p in body.split("\n\n")])


def test_a_subject_in_a_legacy_charset_written_as_bytes_is_read() -> None:
    """Old clients wrote a Latin-1 subject as raw bytes ("Formação", mikel/mail's test message): read as bytes
    it was "Forma\ufffd\ufffdo".  Left alone: an RFC 2047 subject."""
    message = _message_in("iso-8859-1", "8bit", "x", "Formação de professores em Lisboa, inscrições abertas.\n")
    message = message.replace(b"Subject: =?utf-8?q?x?=", "Subject: Formação FrenetikPolis".encode("latin-1"))
    [doc] = read_email(message)
    assert doc.title == "Formação FrenetikPolis"
    [doc] = read_email(_message_in("utf-8", "8bit", "Neue Fähre für Zürich", GERMAN_RELEASE))
    assert doc.title == "Neue Fähre für Zürich"


def test_a_message_forwarded_inline_with_crlf_lines_is_read_from_the_forwarded_part() -> None:
    """A message's bytes end its lines in CRLF; the forward separator is known on such lines too."""
    note = "We should not include these files.\n\n---------- Forwarded message ----------\n"
    forwarded = "From: Maria Borg <press@harbour.example>\nDate: May 8, 2025\nSubject: Breakwater\n\n" + RELEASE
    [doc] = read_email(_message_in("utf-8", "8bit", "Fwd: Breakwater", note + forwarded))
    assert (doc.title, doc.paragraphs[0][:37]) == ("Breakwater", "The Harbour Authority of Valletta Bay")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
@pytest.mark.parametrize("content_type", ["", "Content-Type: text/plain; charset=us-ascii\n"])
def test_a_message_without_mime_headers_is_read_as_a_text_file_is(encoding: str, content_type: str) -> None:
    """A message saved with its envelope only (no Content-Type), or one declaring ASCII for bytes that are not:
    the standard library reads its body as ASCII, so every other byte became "\ufffd"; it is decoded as a text
    file is (UTF-8, else what its bytes show)."""
    head = (
        "From: Anna Berger <anna@courier.example>\nSubject: Fähre\nDate: Wed, 04 Mar 2026 09:12:00 +0100\n"
        f"{content_type}\n"
    )
    body = GERMAN_RELEASE.replace("„", '"').replace("“", '"').replace("–", "-")  # in windows-1252 and UTF-8
    [doc] = read_email(head.encode("ascii", "replace") + body.encode(encoding))
    assert doc.paragraphs == [p.strip() for p in body.split("\n\n")]


def test_chinese_messages_read_as_their_bytes_and_labels_allow() -> None:
    """A spam filter's test messages (SpamScope's mail-parser): UTF-8 under a "gb2312" label came out as "浣犲ソ"
    for "你好"; a "gb2312" subject and body holding GBK characters stayed encoded ("=?gb2312?B?...?=") or lost
    them to "\ufffd" (browsers read gb2312 as gb18030).  Left alone: GB 2312 text under its label."""
    text = "你好，港务局周二宣布新码头的建设将于四月开始，预计明年冬天之前完工。\n"
    [doc] = read_email(_message_in("utf-8", "8bit", "新码头", text).replace(b"charset=utf-8", b"charset=gb2312"))
    assert doc.paragraphs == [text.strip()]
    gbk = "港务局说：镕基和堃的名字不在 GB 2312 里，但在 GBK 里。\n"  # 镕 and 堃 are GBK only
    message = _message_in("gb18030", "8bit", "x", gbk).replace(b"charset=gb18030", b"charset=gb2312")
    subject = b"=?gb2312?B?" + base64.b64encode("镕基的码头".encode("gbk")) + b"?="
    [doc] = read_email(message.replace(b"=?utf-8?q?x?=", subject))
    assert (doc.title, doc.paragraphs) == ("镕基的码头", [gbk.strip()])
    [doc] = read_email(_message_in("gb2312", "8bit", "新码头", text))
    assert (doc.title, doc.paragraphs) == ("新码头", [text.strip()])


def test_a_header_whose_value_is_folded_onto_the_next_line_is_still_a_header() -> None:
    """ "Subject:" with its value on the next, indented line (RFC 5322 folding): the header block was not known,
    and the message was read as a web page of its headers."""
    message = _message_in("utf-8", "8bit", "Neue Fähre für Zürich", GERMAN_RELEASE)
    message = message.replace(b"Subject: ", b"Subject:\r\n ")
    assert sniff(decode_bytes(message)[0]).source_format == "email"
    [doc] = read_email(message)
    assert doc.title == "Neue Fähre für Zürich"
