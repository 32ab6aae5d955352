"""Bylines -> person names with roles: shared cases (when ../shared exists) plus our own varied ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axis_ingest.normalise import normalise_authors
from axis_ingest.normalise.bylines import parse_byline

CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "authors" / "byline_cases.jsonl"


def _names(text: str) -> list[str]:
    return [a.name for a in parse_byline(text)]


@pytest.mark.skipif(not CASES.is_file(), reason="../shared/bench is absent")
def test_every_shared_byline_case() -> None:
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        got = _names(case["input"])
        # Upstream keeps all-caps names ("SARA KARL"); we re-case them, so compare case-insensitively.
        assert [n.casefold() for n in got] == [e.casefold() for e in case["expected"]], case["input"]
        assert not any(len(w) > 2 and w.isupper() for n in got for w in n.split()), got


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Priya Raman and Tomás Ortega | March 5, 2026", ["Priya Raman", "Tomás Ortega"]),
        ("Автор: Елена Смирнова", ["Елена Смирнова"]),
        ("Von Katrin Hoffmann und Jonas Weber, Berlin-Korrespondent", ["Katrin Hoffmann", "Jonas Weber"]),
        ("Par Camille Lefèvre et Hugo Martin", ["Camille Lefèvre", "Hugo Martin"]),
        ("By GRACE O'NEILL, Staff Writer", ["Grace O'Neill"]),
        ("By Wendell Pierce Jr. for the Baltimore Sun", ["Wendell Pierce Jr."]),
        ("By Sophie van der Berg in The Hague", ["Sophie van der Berg"]),
    ],
)
def test_varied_bylines(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize("byline", ["By Reuters", "Associated Press", "Staff Reporter", "admin@site.org", "Updated"])
def test_organisations_and_noise_are_not_authors(byline: str) -> None:
    assert _names(byline) == []


def test_wire_credit_roles_in_order() -> None:
    authors = parse_byline(
        "(Reporting by Nadia Karim and Omar Fadel in Cairo; Writing by Lena Brooks; Editing by Kevin Liffey)"
    )
    assert [(a.name, a.role) for a in authors] == [
        ("Nadia Karim", "reporting"), ("Omar Fadel", "reporting"), ("Lena Brooks", "writing"),
        ("Kevin Liffey", "editing"),
    ]


def test_structured_names_win_and_credit_line_adds_roles() -> None:
    authors = normalise_authors(["Nadia Karim"], ["By Someone Else", "(Editing by Kevin Liffey)"])
    assert [(a.name, a.role) for a in authors] == [("Nadia Karim", None), ("Kevin Liffey", "editing")]
