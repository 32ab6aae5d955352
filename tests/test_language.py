"""Language: detector on enough text, declared hint on little text."""

from __future__ import annotations

from axis_ingest.normalise.language import choose_language, hint_code

GERMAN = (
    "Die Landesregierung hat am Dienstag beschlossen, die Förderung für den öffentlichen Nahverkehr "
    "im kommenden Jahr deutlich zu erhöhen, nachdem die Fahrgastzahlen stark gestiegen sind."
) * 2


def test_hint_codes() -> None:
    assert [hint_code(h) for h in ("en-US", "de_DE", "FR", "english", None)] == ["en", "de", "fr", None, None]


def test_detector_overrides_a_template_default_on_long_text() -> None:
    assert choose_language(GERMAN, ["en-US"]) == "de"


def test_hint_decides_short_text() -> None:
    assert choose_language("Breaking: vote delayed", ["es"]) == "es"


def _page(body: str, lang: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body><nav><a href="/">Home</a></nav>'
        f"<article><h1>Titel</h1>{body}</article><footer>© 2024</footer></body></html>"
    )


def test_html_reader_counts_the_danda_and_sentences_inside_a_paragraph() -> None:
    from axis_ingest.readers.html import read_html

    hindi = (
        "<p>नगर निगम ने बुधवार को शहर के सभी पार्कों में नई रोशनी लगाने का काम शुरू किया। "
        "अधिकारियों के अनुसार यह काम अगले महीने तक पूरा हो जाएगा।</p>"
    )
    assert read_html(_page(hindi, "hi"))[0].paragraphs[0].endswith("जाएगा।")
    credit = (
        "<p>Die Gemeinde hat am Montag die neue Brücke über den Fluss eröffnet. "
        "Rund zweihundert Menschen kamen zur Feier (Foto: Stadtarchiv)</p>"
    )
    assert read_html(_page(credit, "de"))[0].paragraphs[0].startswith("Die Gemeinde")


def test_html_reader_still_rejects_an_error_page_with_a_short_sentence() -> None:
    import pytest

    from axis_ingest.document import RejectedInput
    from axis_ingest.readers.html import read_html

    error = "<p>Request unsuccessful. Incident reference 7730012 at edge node fra-04 for this request id</p>"
    with pytest.raises(RejectedInput, match="no article text"):
        read_html(_page(error, "en"))
