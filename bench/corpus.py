"""A synthetic, deterministic corpus of raw news inputs for performance runs (bench/perf.py).

Every kind axis-ingest reads, at realistic sizes: text copied from web pages
(menus, cookie banners, share links and footers of ~24 invented outlets, so the
chrome learner sees recurring lines), wire copy with datelines and sign-offs,
WordPress REST posts and post lists, text pulled out of PDFs (hard wraps,
hyphenation, page furniture) and full HTML pages.  A share of documents are
syndicated near-copies of an earlier story (reworded words, cut tails, a new
outlet's wrapper, sometimes another kind) and a few are exact reprints, so the
dedup stage does real work.

The prose is built from phrase tables, not copied from anywhere; a sentence
pool is drawn once per seed and documents pick from it, which keeps 100k
documents fast to generate while two unrelated stories share almost no
4-word shingles.  Same seed and count, same bytes.

    python bench/corpus.py OUT_DIR --docs 10000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

# Share of each kind among documents (files): calibrated to a mixed newsroom
# inbox; WordPress lists hold LIST_POSTS posts each, so they carry more articles.
KIND_WEIGHTS = {
    "scraped": 0.30,
    "wire": 0.18,
    "wp_post": 0.14,
    "wp_list": 0.04,
    "pdf": 0.16,
    "html": 0.18,
}
LIST_POSTS = (3, 8)
# Share of documents that are syndicated near-copies / exact reprints of an earlier story.
NEAR_COPY_SHARE = 0.15
EXACT_COPY_SHARE = 0.03
# Article length in paragraphs and sentences per paragraph (news stories of ~250-1,100 words).
PARAGRAPHS = (6, 22)
SENTENCES = (1, 4)
SENTENCE_POOL = 150_000
FILES_PER_FOLDER = 1000

SUBJECTS = [
    "The city council",
    "Port officials",
    "The regional government",
    "Union leaders",
    "Local residents",
    "The central bank",
    "Hospital managers",
    "Farmers in the valley",
    "The transport ministry",
    "A group of shop owners",
    "Teachers at the school",
    "The energy regulator",
    "Police in the district",
    "The opposition party",
    "Researchers at the university",
    "The football club",
    "Fishermen on the coast",
    "The mayor's office",
    "Environmental campaigners",
    "The rail operator",
    "Airport staff",
    "The health authority",
    "Small businesses",
    "Tenants in the estate",
    "The water company",
    "Court officials",
    "The festival organisers",
    "Bus drivers",
    "The chamber of commerce",
    "Nurses",
    "The finance minister",
    "A spokesperson for the company",
    "Engineers on the project",
    "Volunteers",
]
VERBS = [
    "said",
    "warned",
    "announced",
    "confirmed",
    "argued",
    "estimated",
    "reported",
    "insisted",
    "denied",
    "acknowledged",
    "predicted",
    "agreed",
    "complained",
    "suggested",
    "revealed",
    "claimed",
]
CLAUSES = [
    "the new plan would cost more than expected",
    "work on the bridge had fallen behind schedule",
    "prices had risen sharply since the spring",
    "the talks would resume after the holiday",
    "the number of visitors had doubled",
    "the decision would be reviewed by an independent panel",
    "the budget left little room for new spending",
    "the tunnel could open two years late",
    "water levels in the reservoir were unusually low",
    "several families had been moved to temporary housing",
    "the strike would continue until an agreement was reached",
    "the harvest was smaller than last year",
    "more buses would run on weekday evenings",
    "the factory would hire several hundred workers",
    "rents in the centre had climbed for a third year",
    "the storm had damaged roofs across the old town",
    "the ferry service would be suspended for repairs",
    "the vote had been postponed by a week",
    "the clinic could no longer take new patients",
    "exports to neighbouring countries had slowed",
    "the museum would reopen with a new wing",
    "the road would stay closed during the works",
    "the contract had been awarded without a tender",
    "the school needed urgent repairs",
    "the market had recovered faster than forecast",
    "wages had not kept pace with inflation",
    "the inquiry would publish its findings in autumn",
    "the wind farm would power thousands of homes",
    "fewer young people were staying in the region",
    "the airline would add routes next summer",
]
TAILS = [
    "on Tuesday",
    "in a statement",
    "at a meeting on Monday",
    "according to figures released this week",
    "despite months of negotiations",
    "after a long debate",
    "in an interview",
    "late on Wednesday",
    "citing internal documents",
    "before the end of the year",
    "in a letter to members",
    "on Friday morning",
    "at a press conference",
    "in its annual report",
    "during a visit to the site",
    "over the weekend",
]
QUOTES = [
    "We have waited long enough",
    "Nobody wants to see the service cut",
    "This is only the first step",
    "The figures speak for themselves",
    "We will keep talking to everyone involved",
    "It is a difficult time for many families",
    "We expect the situation to improve by summer",
    "There is no quick fix",
    "People deserve clear answers",
    "We did not see this coming",
]
FIRST = [
    "Anna",
    "Marek",
    "Sofia",
    "Jonas",
    "Elena",
    "Tomasz",
    "Ines",
    "Pieter",
    "Lena",
    "Dario",
    "Katarzyna",
    "Miguel",
    "Aisha",
    "Henrik",
    "Nadia",
    "Luca",
    "Zofia",
    "Oren",
    "Maya",
    "Viktor",
    "Chloe",
    "Rafael",
]
LAST = [
    "Kowalski",
    "Novak",
    "Lindqvist",
    "Moreau",
    "Rossi",
    "Petrov",
    "Jansen",
    "Ferreira",
    "Horvat",
    "Schmidt",
    "Dimitrou",
    "Okafor",
    "Bauer",
    "Nieminen",
    "Costa",
    "Walsh",
    "Kaminski",
    "Haddad",
]
CITIES = [
    "GDANSK",
    "LISBON",
    "VIENNA",
    "TALLINN",
    "ZAGREB",
    "PORTO",
    "ROTTERDAM",
    "BRNO",
    "GHENT",
    "TURKU",
    "BOLOGNA",
    "SEVILLE",
    "KRAKOW",
    "RIGA",
    "MALMO",
    "THESSALONIKI",
    "CORK",
    "LYON",
    "BERGEN",
    "PLOVDIV",
]
AGENCIES = ["Reuters", "AP", "AFP", "PTI", "ANSA", "dpa", "EFE", "PAP", "BTA", "CTK"]
SECTIONS = ["News", "Business", "Politics", "Sport", "Culture", "Opinion", "World", "Local", "Science"]
OUTLET_WORDS = [
    "Baltic",
    "Harbour",
    "Valley",
    "Northern",
    "Coastal",
    "Metro",
    "Riverside",
    "Highland",
    "Capital",
    "Eastern",
    "Lakeside",
    "Central",
]
OUTLET_KINDS = ["Courier", "Herald", "Gazette", "Observer", "Chronicle", "Post", "Tribune", "Journal"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class Outlet:
    name: str
    domain: str
    menu: list[str]
    banner: str
    footer: list[str]


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    author: str
    when: datetime
    city: str


def _outlets(rng: random.Random, count: int = 24) -> list[Outlet]:
    outlets = []
    for i in range(count):
        name = f"{OUTLET_WORDS[i % len(OUTLET_WORDS)]} {OUTLET_KINDS[(i * 5 + 3) % len(OUTLET_KINDS)]}"
        if i >= len(OUTLET_WORDS):
            name = f"The {name}"
        domain = name.lower().replace("the ", "").replace(" ", "") + rng.choice([".com", ".eu", ".co.uk", ".net"])
        menu = [name, *rng.sample(SECTIONS, 6), "Search", "Subscribe", "Log in"]
        banner = (
            f"We use cookies to improve your experience on {domain}. By continuing to browse you agree "
            f"to our use of cookies. Accept all   Manage settings"
        )
        footer = [
            "About us",
            "Contact",
            "Advertise with us",
            "Privacy policy",
            "Terms of use",
            f"© {2020 + i % 6} {name}. All rights reserved.",
        ]
        outlets.append(Outlet(name, domain, menu, banner, footer))
    return outlets


ADJECTIVES = [
    "new",
    "old",
    "local",
    "regional",
    "national",
    "small",
    "large",
    "public",
    "private",
    "early",
    "late",
    "rising",
    "falling",
    "higher",
    "lower",
    "major",
    "minor",
    "final",
    "first",
    "second",
    "annual",
    "monthly",
    "weekly",
    "rural",
    "urban",
    "coastal",
    "northern",
    "southern",
    "eastern",
    "western",
    "former",
    "current",
    "senior",
    "junior",
    "independent",
    "municipal",
    "industrial",
    "digital",
    "cheaper",
    "costlier",
    "emergency",
    "temporary",
    "permanent",
    "seasonal",
    "disputed",
    "delayed",
    "planned",
    "expanded",
    "reduced",
    "proposed",
    "controversial",
    "popular",
    "unpopular",
]
NOUNS = [
    "council",
    "port",
    "union",
    "bank",
    "hospital",
    "farm",
    "school",
    "market",
    "tunnel",
    "bridge",
    "ferry",
    "airport",
    "clinic",
    "museum",
    "factory",
    "budget",
    "contract",
    "strike",
    "vote",
    "harvest",
    "storm",
    "reservoir",
    "railway",
    "station",
    "tram",
    "bus",
    "road",
    "housing",
    "rent",
    "wage",
    "price",
    "tax",
    "tariff",
    "subsidy",
    "pension",
    "loan",
    "mortgage",
    "grant",
    "fund",
    "project",
    "plan",
    "report",
    "inquiry",
    "court",
    "ruling",
    "appeal",
    "law",
    "reform",
    "election",
    "campaign",
    "festival",
    "team",
    "club",
    "stadium",
    "theatre",
    "library",
    "park",
    "river",
    "coast",
    "forest",
    "mine",
    "plant",
    "pipeline",
    "grid",
    "turbine",
    "reactor",
    "network",
    "platform",
    "company",
    "startup",
    "retailer",
    "supplier",
    "exporter",
    "importer",
    "landlord",
    "tenant",
    "farmer",
    "teacher",
    "nurse",
    "doctor",
    "driver",
    "pilot",
    "engineer",
    "volunteer",
    "resident",
    "official",
    "minister",
]
VERB_PHRASES = [
    "approved",
    "rejected",
    "delayed",
    "expanded",
    "cut",
    "raised",
    "lowered",
    "reviewed",
    "criticised",
    "defended",
    "announced",
    "cancelled",
    "extended",
    "blocked",
    "funded",
    "opened",
    "closed",
    "sold",
    "bought",
    "replaced",
    "repaired",
    "questioned",
    "welcomed",
    "postponed",
    "challenged",
    "confirmed",
    "doubled",
    "halved",
]
PREPOSITIONS = ["in", "near", "across", "outside", "around", "beyond", "along"]
PLACES = [
    "Gdansk",
    "Lisbon",
    "Vienna",
    "Tallinn",
    "Zagreb",
    "Porto",
    "Rotterdam",
    "Brno",
    "Ghent",
    "Turku",
    "Bologna",
    "Seville",
    "Krakow",
    "Riga",
    "Malmo",
    "Thessaloniki",
    "Cork",
    "Lyon",
    "Bergen",
    "Plovdiv",
    "Kaunas",
    "Debrecen",
    "Aarhus",
    "Nantes",
    "Graz",
    "Split",
    "Ostrava",
    "Tartu",
    "Coimbra",
    "Bilbao",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last month",
    "this week",
    "since January",
    "by the summer",
    "before the election",
    "after the holiday",
    "earlier this year",
    "late last night",
]


def _sentence_pool(rng: random.Random) -> list[str]:
    """Sentences from word-level slots, so unrelated stories share few 4-word shingles (as real news does)."""
    pool = []
    c = rng.choice
    for _ in range(SENTENCE_POOL):
        shape = rng.random()
        if shape < 0.12:
            pool.append(
                f"\u201cThe {c(ADJECTIVES)} {c(NOUNS)} has {c(VERB_PHRASES)} the {c(NOUNS)} {c(TIMES)},\u201d "
                f"said {c(FIRST)} {c(LAST)}, a {c(ADJECTIVES)} {c(NOUNS)} {c(PREPOSITIONS)} {c(PLACES)}."
            )
        elif shape < 0.55:
            pool.append(
                f"The {c(ADJECTIVES)} {c(NOUNS)} {c(PREPOSITIONS)} {c(PLACES)} {c(VERB_PHRASES)} the {c(ADJECTIVES)} "
                f"{c(NOUNS)} {c(TIMES)}, {c(VERBS)} {c(FIRST)} {c(LAST)}."
            )
        else:
            pool.append(
                f"{c(SUBJECTS)} {c(VERBS)} {c(TAILS)} that the {c(NOUNS)} {c(VERB_PHRASES)} {rng.randint(2, 980)} "
                f"{c(ADJECTIVES)} {c(NOUNS)}s and {c(VERB_PHRASES)} a {c(ADJECTIVES)} {c(NOUNS)} {c(PREPOSITIONS)} "
                f"{c(PLACES)}."
            )
    return pool


def _story(rng: random.Random, pool: list[str], n: int) -> Story:
    paragraphs = [" ".join(rng.choices(pool, k=rng.randint(*SENTENCES))) for _ in range(rng.randint(*PARAGRAPHS))]
    clause = rng.choice(CLAUSES)
    title = f"{rng.choice(SUBJECTS)} say {clause} ({n})"
    when = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 500_000))
    return Story(title, paragraphs, f"{rng.choice(FIRST)} {rng.choice(LAST)}", when, rng.choice(CITIES))


def _near_copy(rng: random.Random, story: Story, pool: list[str]) -> Story:
    """A syndicated reprint: a few words changed, sometimes a tail cut or an editor's note added."""
    paragraphs = list(story.paragraphs)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(paragraphs))
        words = paragraphs[i].split()
        j = rng.randrange(len(words))
        words[j] = rng.choice(["reportedly", "officially", "again", "finally", "now"]) + " " + words[j]
        paragraphs[i] = " ".join(words)
    if rng.random() < 0.3 and len(paragraphs) > 6:
        paragraphs = paragraphs[: max(4, int(len(paragraphs) * rng.uniform(0.7, 0.9)))]
    if rng.random() < 0.2:
        paragraphs.append("This article was first published by a partner outlet and is republished with permission.")
    title = story.title if rng.random() < 0.5 else f"{story.title.split(' (')[0]}, officials say"
    return Story(title, paragraphs, story.author, story.when + timedelta(hours=rng.randint(1, 30)), story.city)


def _date_words(when: datetime) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year} {when:%H:%M}"


# --- renderers: Story -> (extension, text) ---------------------------------------------------


def render_scraped(rng: random.Random, s: Story, o: Outlet) -> str:
    lines = [
        *o.menu,
        "Facebook",
        "X",
        "LinkedIn",
        "WhatsApp",
        o.banner,
        rng.choice(SECTIONS),
        "",
        s.title,
        "",
        _date_words(s.when),
        "",
        f"By {s.author}",
        "",
    ]
    for p in s.paragraphs:
        lines += [p, ""]
    lines += [
        "Share this article",
        "Facebook",
        "X",
        "Email",
        "",
        "Related stories",
        *[f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}" for _ in range(3)],
        "",
        "Sign up for our morning newsletter",
        *o.footer,
    ]
    return "\n".join(lines) + "\n"


def render_wire(rng: random.Random, s: Story, agency: str) -> str:
    month = MONTHS[s.when.month - 1]
    head = f"{s.title}\n\n{month} {s.when.day}, {s.when.year} {s.when:%I:%M %p} GMT\n\n"
    first = f"{s.city}, {month} {s.when.day} ({agency}) - {s.paragraphs[0]}"
    body = "\n\n".join([first, *s.paragraphs[1:]])
    signoff = f"\n\n(Reporting by {s.author}; Editing by {rng.choice(FIRST)} {rng.choice(LAST)})\n"
    return head + body + signoff


def _wp_post(rng: random.Random, s: Story, o: Outlet, post_id: int) -> dict[str, object]:
    slug = "-".join(s.title.lower().replace("(", "").replace(")", "").split()[:10])
    content = "".join(
        f"\n<!-- wp:paragraph -->\n<p>{escape(p).replace('&#x27;', '&#8217;')}</p>\n<!-- /wp:paragraph -->\n"
        for p in s.paragraphs
    )
    local = s.when + timedelta(hours=1)
    return {
        "id": post_id,
        "date": f"{local:%Y-%m-%dT%H:%M:%S}",
        "date_gmt": f"{s.when:%Y-%m-%dT%H:%M:%S}",
        "modified": f"{local:%Y-%m-%dT%H:%M:%S}",
        "modified_gmt": f"{s.when:%Y-%m-%dT%H:%M:%S}",
        "slug": slug,
        "status": "publish",
        "type": "post",
        "link": f"https://{o.domain}/{s.when:%Y/%m/%d}/{slug}/",
        "title": {"rendered": escape(s.title)},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": f"<p>{escape(s.paragraphs[0][:150])}&hellip;</p>\n", "protected": False},
        "author": rng.randint(2, 40),
        "categories": [rng.randint(1, 30)],
        "_embedded": {"author": [{"id": 7, "name": s.author, "slug": s.author.lower().replace(" ", "-")}]},
    }


def render_pdf(rng: random.Random, s: Story, o: Outlet) -> str:
    width = rng.choice([72, 78, 84, 90])
    out = [f"{o.name} | Policy Brief | {MONTHS[s.when.month - 1]} {s.when.year}", "", s.title, s.author, ""]
    page, lines_on_page = 1, 0
    for p in s.paragraphs:
        for line in textwrap.wrap(p, width):
            out.append(line)
            lines_on_page += 1
            if lines_on_page >= 46:
                out += ["", f"{o.name} Policy Brief", f"Page {page}", ""]
                page, lines_on_page = page + 1, 0
        out.append("")
    return "\n".join(out) + f"\n{o.name} Policy Brief\nPage {page}\n"


def render_html(rng: random.Random, s: Story, o: Outlet) -> str:
    iso = f"{s.when:%Y-%m-%dT%H:%M:%S}+00:00"
    nav = "".join(f'<li><a href="/{m.lower()}/">{escape(m)}</a></li>' for m in o.menu[1:])
    related = "".join(f"<li><a href='/x/{i}'>{escape(rng.choice(CLAUSES))}</a></li>" for i in range(4))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(s.title)} | {escape(o.name)}</title>
<meta property="og:title" content="{escape(s.title)}"><meta property="og:site_name" content="{escape(o.name)}">
<meta property="article:published_time" content="{iso}"><meta name="author" content="{escape(s.author)}">
<link rel="canonical" href="https://{o.domain}/{s.when:%Y/%m}/{zlib.crc32(s.title.encode())}">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}</script>
<style>body{{font-family:serif}} .nav li{{display:inline}}</style></head>
<body><header><div class="logo">{escape(o.name)}</div><nav><ul class="nav">{nav}</ul></nav></header>
<div id="cookie">{escape(o.banner)}</div>
<main><article><h1>{escape(s.title)}</h1>
<div class="byline">By <span class="author">{escape(s.author)}</span>
<time datetime="{iso}">{_date_words(s.when)}</time></div>
<div class="article-body">
{body}
</div>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
</article>
<aside><h3>Most read</h3><ul>{related}</ul></aside></main>
<footer><ul>{"".join(f"<li>{escape(f)}</li>" for f in o.footer)}</ul></footer></body></html>
"""


def generate(out_dir: Path, docs: int, seed: int = 7) -> list[Path]:
    """Write `docs` files under out_dir (in folders of FILES_PER_FOLDER) and return their paths."""
    rng = random.Random(seed)
    pool = _sentence_pool(rng)
    outlets = _outlets(rng)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    stories: list[Story] = []
    rendered: list[tuple[str, str]] = []  # (kind, text) of earlier files, for exact reprints
    paths: list[Path] = []
    post_id = 1000
    for n in range(docs):
        roll = rng.random()
        if roll < EXACT_COPY_SHARE and rendered:
            kind, text = rendered[rng.randrange(len(rendered))]
        else:
            kind = rng.choices(kinds, weights)[0]
            outlet = rng.choice(outlets)

            def one(n: int = n, roll: float = roll) -> Story:
                if roll < EXACT_COPY_SHARE + NEAR_COPY_SHARE and stories:
                    return _near_copy(rng, stories[rng.randrange(len(stories))], pool)
                story = _story(rng, pool, n)
                stories.append(story)
                return story

            if kind == "scraped":
                text = render_scraped(rng, one(), outlet)
            elif kind == "wire":
                text = render_wire(rng, one(), rng.choice(AGENCIES))
            elif kind == "wp_post":
                post_id += 1
                text = json.dumps(_wp_post(rng, one(), outlet, post_id), ensure_ascii=True)
            elif kind == "wp_list":
                posts = []
                for _ in range(rng.randint(*LIST_POSTS)):
                    post_id += 1
                    posts.append(_wp_post(rng, one(), outlet, post_id))
                text = json.dumps(posts, ensure_ascii=True)
            elif kind == "pdf":
                text = render_pdf(rng, one(), outlet)
            else:
                text = render_html(rng, one(), outlet)
            rendered.append((kind, text))
            if len(rendered) > 5000:  # bound memory at 100k docs; reprints come from recent files
                del rendered[:1000]
        ext = {"wp_post": "json", "wp_list": "json", "html": "html"}.get(kind, "txt")
        folder = out_dir / f"{n // FILES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{n:06d}-{kind}.{ext}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        if len(stories) > 20000:
            del stories[:5000]
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.docs, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, under {args.out_dir}")


if __name__ == "__main__":
    main()
