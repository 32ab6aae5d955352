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


SCRAPED_PAGE = (
    "Home | World | Business | Sport\n\n"
    "Harbour workers vote to strike over pay\n\n"
    "Dock workers at the northern harbour voted on Tuesday to strike for three days next month over pay.\n\n"
    "The union said the offer made by the port authority fell far short of the rise in living costs this year.\n\n"
    "© 2026 Northern Courier. All rights reserved.\n"
)


def test_languages_detected_ahead_give_the_same_answers_and_are_forgotten_after() -> None:
    from axis_ingest import detectors

    samples = [GERMAN[:1000], SCRAPED_PAGE, "12345 !!!"]
    expected = [detectors.detect_language(s) for s in samples]
    with detectors.languages_detected_ahead(samples):
        assert [detectors.detect_language(s) for s in samples] == expected
        assert set(detectors._ahead()) == set(samples)
    assert detectors._ahead() == {}


def test_two_threads_detecting_the_same_samples_ahead_do_not_end_each_others_blocks() -> None:
    """Two flow runs in one process (threads) prepare the same files: each thread keeps its own answers."""
    import threading

    from axis_ingest import detectors

    sample = GERMAN[:1000]
    expected = detectors.detect_language(sample)
    first_in, first_out = threading.Event(), threading.Event()
    seen: list[object] = []

    def first() -> None:
        with detectors.languages_detected_ahead([sample]):
            first_in.set()
            first_out.wait(10)

    def second() -> None:
        first_in.wait(10)
        with detectors.languages_detected_ahead([sample]):
            first_out.set()
            thread_a.join(10)  # the first block has ended; this one still holds its answer
            seen.append(sample in detectors._ahead())
            seen.append(detectors.detect_language(sample))
        seen.append(detectors._ahead())

    thread_a, thread_b = threading.Thread(target=first), threading.Thread(target=second)
    thread_a.start()
    thread_b.start()
    thread_b.join(20)
    assert seen == [True, expected, {}]


def test_a_batch_asks_the_detector_once_per_sample(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """prepare_batch detects the page and body samples back to back, once each; the outcome is as asked one by one."""
    from axis_ingest import detectors
    from axis_ingest.config import load_settings
    from axis_ingest.dedup.minhash import MinHashParams
    from axis_ingest.document import InputRecord, RawInput, ReadContext
    from axis_ingest.normalise import normalise_document
    from axis_ingest.prepare import prepare_batch, sha256_of
    from axis_ingest.readers.scraped import read_scraped

    asked: list[str] = []
    detect = detectors._detect
    monkeypatch.setattr(detectors, "_detect", lambda text: asked.append(text) or detect(text))
    data = SCRAPED_PAGE.encode()
    record = InputRecord(RawInput(path="page.txt", sha256=sha256_of(data), size_bytes=len(data)), data)
    (result,) = prepare_batch([record], ReadContext(load_settings(), MinHashParams()))
    assert len(asked) == len(set(asked)) == 2  # the page's sentence lines, then the article's text
    assert detectors._ahead() == {}
    (doc,) = read_scraped(SCRAPED_PAGE)
    assert result.documents[0].doc.language == normalise_document(doc, load_settings()).language == "en"


def test_letters_are_counted_as_the_letter_pattern_counts_them() -> None:
    from axis_ingest.detectors import LETTER, SAMPLE_CHARS
    from axis_ingest.normalise.language import _letters

    for text in (GERMAN, "½²³ abc_def 123 Ünïcödé ١٢٣ 漢字 l'été", "x" * 3000, "a_b " * 400, "", "2026-03-04"):
        assert _letters(text) == len(LETTER.findall(text, 0, SAMPLE_CHARS))


ZULU = (
    "Uhlalele ovalweni umndeni wesaguga saseMbali Unit 14, okuthiwa sibhokodwe ngommese emzini waso eMbali "
    "Unit 14, eMgungundlovu yilungu lomndeni ngoLwesine olwedlule. Indodakazi yakhe engathandanga ukudalulwa ithe "
    "bewumndeni kusenzima ukwamukela isihluku ekubulawe ngaso unina. Uthe emuva kwesigameko, umsolwa wahamba waya "
    "eMbali Unit 15 wabuya esehamba namaphoyisa beze endaweni yesigameko."
)


def test_a_language_the_model_does_not_know_is_unknown_not_english() -> None:
    """fastText's lid.176 has no Zulu and answered "en" at 0.09 for fundus's South African pages; stored as English,
    and the page-text reader judged every line by English stopwords and dropped the article."""
    assert choose_language(ZULU, []) is None
    assert choose_language(GERMAN, []) == "de"  # left alone: a language it knows


def test_a_zulu_article_copied_from_its_page_keeps_its_text() -> None:
    from axis_ingest.readers.scraped import read_scraped

    promotion = "Durban University of Technology: Your gateway to a brighter future"
    page = "\n\n".join(["Echo Eyethu", "* Izindaba", "* Ezemidlalo", promotion, "Facebook", "X", "LinkedIn",
                        "Ubulawe ngummese yilungu lomndeni", ZULU,
                        "Echo Eyethu is a free weekly newspaper that is delivered to homes in the area.",
                        "© 2025 Echo Eyethu"])  # fmt: skip
    assert ZULU in read_scraped(page)[0].paragraphs


def test_a_language_selector_does_not_hide_the_page_language() -> None:
    """CNN's pages as text open with a language selector of sixty countries and languages: the model was unsure
    of it (0.19), and the page's sentences decide."""
    from axis_ingest.clean.lines import detect_language

    selector = " ".join(f"{country} ({language})" for country, language in [
        ("Afrique francophone", "français"), ("América Latina", "español"), ("Australia", "English"),
        ("België", "Nederlands"), ("Brasil", "português"), ("Česká republika", "čeština"), ("Danmark", "Dansk"),
        ("Deutschland", "Deutsch"), ("France", "français"), ("India", "हिंदी"), ("Italia", "italiano"),
        ("Magyarország", "magyar"), ("Norge", "norsk, bokmål"), ("Polska", "polski"), ("Suomi", "suomi"),
        ("Sverige", "svenska"), ("Türkiye", "Türkçe"), ("Россия", "Pусский"), ("日本", "日本語"), ("한국", "한국어"),
    ] * 2)  # fmt: skip
    story = (
        "Eating a diet rich in fruit and vegetables lowers the risk of heart disease, a study of 40,000 adults "
        "published on Monday found, and the effect grew with every extra portion a day."
    )
    assert detect_language("\n\n".join(["CNN", f"Change language & content: {selector}", story, story])) == "en"
