"""Language: detector on enough text, declared hint on little text."""

from __future__ import annotations

from axis_ingest.normalise.language import choose_language, hint_code

GERMAN = ("Die Landesregierung hat am Dienstag beschlossen, die Förderung für den öffentlichen Nahverkehr "
          "im kommenden Jahr deutlich zu erhöhen, nachdem die Fahrgastzahlen stark gestiegen sind.") * 2


def test_hint_codes() -> None:
    assert [hint_code(h) for h in ("en-US", "de_DE", "FR", "english", None)] == ["en", "de", "fr", None, None]


def test_detector_overrides_a_template_default_on_long_text() -> None:
    assert choose_language(GERMAN, ["en-US"]) == "de"


def test_hint_decides_short_text() -> None:
    assert choose_language("Breaking: vote delayed", ["es"]) == "es"
