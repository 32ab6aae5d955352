"""The marks that end a sentence in every script, for the tests that ask whether a text ends one.

The readers decide "is this prose?" and "does this line end a paragraph?" by a sentence's last mark.
Written as `[.!?]` (plus a few CJK marks and the Devanagari danda), those tests passed English and
Chinese but not Urdu (`۔`), Armenian (`։`), Amharic (`።`), Burmese (`။`) or Khmer (`។`): a real Urdu news
page was rejected as "no article text found", its every paragraph ending in `۔`.  The table is Unicode's
Sentence_Terminal property (UAX #29), not a list of our own.
"""

from __future__ import annotations

import unicodedata

# Unicode 16.0's Sentence_Terminal characters in the Basic Multilingual Plane (those of the supplementary
# planes belong to historic scripts: Brahmi, Kharoshthi, Sogdian, ...).  tests/test_punctuation.py checks
# every entry against the property as the `regex` package knows it.
_TERMINAL_RANGES: tuple[tuple[int, int], ...] = (
    (0x0021, 0x0021),  # ! EXCLAMATION MARK
    (0x002E, 0x002E),  # . FULL STOP
    (0x003F, 0x003F),  # ? QUESTION MARK
    (0x0589, 0x0589),  # ARMENIAN FULL STOP
    (0x061D, 0x061F),  # ARABIC END OF TEXT MARK .. ARABIC QUESTION MARK
    (0x06D4, 0x06D4),  # ARABIC FULL STOP (Urdu)
    (0x0700, 0x0702),  # SYRIAC END OF PARAGRAPH .. SYRIAC SUBLINEAR FULL STOP
    (0x07F9, 0x07F9),  # NKO EXCLAMATION MARK
    (0x0837, 0x0837),  # SAMARITAN PUNCTUATION MELODIC QITSA
    (0x0839, 0x0839),  # SAMARITAN PUNCTUATION QITSA
    (0x083D, 0x083E),  # SAMARITAN PUNCTUATION SOF MASHFAAT .. ANNAAU
    (0x0964, 0x0965),  # DEVANAGARI DANDA .. DOUBLE DANDA (Hindi, Bengali, Nepali, ...)
    (0x104A, 0x104B),  # MYANMAR SIGN LITTLE SECTION .. SECTION
    (0x1362, 0x1362),  # ETHIOPIC FULL STOP (Amharic, Tigrinya)
    (0x1367, 0x1368),  # ETHIOPIC QUESTION MARK .. PARAGRAPH SEPARATOR
    (0x166E, 0x166E),  # CANADIAN SYLLABICS FULL STOP
    (0x1735, 0x1736),  # PHILIPPINE SINGLE .. DOUBLE PUNCTUATION
    (0x17D4, 0x17D5),  # KHMER SIGN KHAN .. BARIYOOSAN
    (0x1803, 0x1803),  # MONGOLIAN FULL STOP
    (0x1809, 0x1809),  # MONGOLIAN MANCHU FULL STOP
    (0x1944, 0x1945),  # LIMBU EXCLAMATION MARK .. QUESTION MARK
    (0x1AA8, 0x1AAB),  # TAI THAM SIGN KAAN .. SATKAANKUU
    (0x1B4E, 0x1B4F),  # BALINESE INVERTED CARIK SIKI .. PAREREN
    (0x1B5A, 0x1B5B),  # BALINESE PANTI .. PAMADA
    (0x1B5E, 0x1B5F),  # BALINESE CARIK SIKI .. PAREREN
    (0x1B7D, 0x1B7F),  # BALINESE PANTI LANTANG .. PANTI BAWAK
    (0x1C3B, 0x1C3C),  # LEPCHA PUNCTUATION TA-ROL .. NYET THYOOM TA-ROL
    (0x1C7E, 0x1C7F),  # OL CHIKI PUNCTUATION MUCAAD .. DOUBLE MUCAAD
    (0x2024, 0x2024),  # ONE DOT LEADER
    (0x203C, 0x203D),  # DOUBLE EXCLAMATION MARK .. INTERROBANG
    (0x2047, 0x2049),  # DOUBLE QUESTION MARK .. EXCLAMATION QUESTION MARK
    (0x2CF9, 0x2CFB),  # COPTIC OLD NUBIAN FULL STOP .. INDIRECT QUESTION MARK
    (0x2E2E, 0x2E2E),  # REVERSED QUESTION MARK
    (0x2E3C, 0x2E3C),  # STENOGRAPHIC FULL STOP
    (0x2E53, 0x2E54),  # MEDIEVAL EXCLAMATION MARK .. QUESTION MARK
    (0x2E60, 0x2E61),  # (Unicode 16)
    (0x3002, 0x3002),  # IDEOGRAPHIC FULL STOP
    (0xA4FF, 0xA4FF),  # LISU PUNCTUATION FULL STOP
    (0xA60E, 0xA60F),  # VAI FULL STOP .. QUESTION MARK
    (0xA6F3, 0xA6F3),  # BAMUM FULL STOP
    (0xA6F7, 0xA6F7),  # BAMUM QUESTION MARK
    (0xA876, 0xA877),  # PHAGS-PA MARK SHAD .. DOUBLE SHAD
    (0xA8CE, 0xA8CF),  # SAURASHTRA DANDA .. DOUBLE DANDA
    (0xA92F, 0xA92F),  # KAYAH LI SIGN SHYA
    (0xA9C8, 0xA9C9),  # JAVANESE PADA LINGSA .. LUNGSI
    (0xAA5D, 0xAA5F),  # CHAM PUNCTUATION DANDA .. TRIPLE DANDA
    (0xAAF0, 0xAAF1),  # MEETEI MAYEK CHEIKHAN .. AHANG KHUDAM
    (0xABEB, 0xABEB),  # MEETEI MAYEK CHEIKHEI
    (0xFE12, 0xFE12),  # PRESENTATION FORM FOR VERTICAL IDEOGRAPHIC FULL STOP
    (0xFE15, 0xFE16),  # PRESENTATION FORM FOR VERTICAL EXCLAMATION MARK .. QUESTION MARK
    (0xFE52, 0xFE52),  # SMALL FULL STOP
    (0xFE56, 0xFE57),  # SMALL QUESTION MARK .. EXCLAMATION MARK
    (0xFF01, 0xFF01),  # FULLWIDTH EXCLAMATION MARK
    (0xFF0E, 0xFF0E),  # FULLWIDTH FULL STOP
    (0xFF1F, 0xFF1F),  # FULLWIDTH QUESTION MARK
    (0xFF61, 0xFF61),  # HALFWIDTH IDEOGRAPHIC FULL STOP
)
# Written inside regular expressions' character classes: the table holds none of ] \ ^ -, so it needs no escaping.
SENTENCE_TERMINALS = "".join(chr(code) for first, last in _TERMINAL_RANGES for code in range(first, last + 1))
# The ones written with no space after them: Chinese and Japanese text runs on, so a sentence ends at the mark.
UNSPACED_TERMINALS = "。．｡！？︒︕︖﹒﹖﹗"
# The others: a sentence ends at one of them when a space or the end of the text follows.
SPACED_TERMINALS = "".join(mark for mark in SENTENCE_TERMINALS if mark not in UNSPACED_TERMINALS)
# The full stops among them (not the question and exclamation marks a headline may end in): `.`, `۔`, `։`, `।`,
# `။`, `።`, `។`, `。` ... by their Unicode names.
FULL_STOPS = "".join(
    mark
    for mark in SENTENCE_TERMINALS
    if not any(word in unicodedata.name(mark, "") for word in ("QUESTION", "EXCLAMATION", "INTERROBANG"))
)
# What may close a sentence after its full stop: quotation marks and brackets ('... he said."', "(... 2019.)"): a
# line that ends in a full stop inside them is a sentence, not a headline.
CLOSING_MARKS = "\"'”’»)]」』"
