"""Header shapes of twelve languages through the per-file pipeline: title, byline and date lines as pages print them.

The dev sets hold a few hundred pages of a few sites; their misses were read to exhaustion.  This bench writes the
shapes a header takes on other sites, in English, German, French, Spanish, Italian, Dutch, Portuguese, Polish,
Swedish, Turkish, Russian and Czech (report text in the first three): a byline with one, two or three names or a
bare name, in each language's by-word; a date line in printed forms of the language, alone, beside the byline ("By
X | date"), or of an updated and a published time; for each input kind:

* page text: a menu, the headline, the byline and date lines in either order or on one line, the text, a footer;
* HTML: the same under an <h1> with no structured data, as separate <p>s, one <p>, or two <span>s of one element;
* wire copy: a headline, a byline, a dateline with its agency ("MADRID, 4 de marzo (EFE) -"), a sign-off;
* report text (PDF): a title on one or two lines, perhaps under an institute's masthead, author and date lines.

Each file goes through `prepare_file` (decode, sniff, read, normalise: what the CLI runs per file; cross-page
chrome learning and the near-duplicate index are left out, since the generated pages share their text), and the
stored title, authors, `published` and body are checked.  Prints the wrong count per kind and the first --show
wrong cases.  No labelled data: a probe for regressions and for new shapes, not a figure of quality.  At 952d54f
(session 22's end) 283 of the 924 page-text shapes, 780 of 1,232 HTML, 60 of 126 wire and 168 of 288 report shapes
were stored wrongly; after session 23, 15, 7, 0 and 0.

    .venv/bin/python bench/header_shapes.py [--kinds text,html,wire,pdf] [--show 10]
"""

from __future__ import annotations

import argparse
import html
import itertools
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file

PUBLISHED = "2026-03-04"  # every date line below prints 4 March 2026 (and an update, where it has one, the 5th)

# Three paragraphs of a news story in each language (written for this bench), and the story's headline.
PROSE = {
    "en": [
        (
            "The city council voted on Tuesday to expand the harbour ferry service, adding two evening "
            "crossings that commuters have requested for years. Officials said the new timetable would "
            "start in the spring once crews are hired."
        ),
        (
            "Residents who spoke at the meeting welcomed the decision but asked for lower fares for "
            "students and pensioners. The transport committee promised to publish a review of ticket "
            "prices before the summer."
        ),
        (
            "The operator expects the extra crossings to carry about nine hundred passengers a day, "
            "according to figures presented to the council. Two older vessels will be refitted to serve "
            "the route."
        ),
    ],
    "de": [
        (
            "Der Stadtrat hat am Dienstag beschlossen, den Fährverkehr im Hafen auszubauen und zwei "
            "zusätzliche Abendfahrten anzubieten, die Pendler seit Jahren fordern. Der neue Fahrplan soll"
            " im Frühjahr starten, sobald die Besatzungen eingestellt sind."
        ),
        (
            "Anwohner, die in der Sitzung sprachen, begrüßten die Entscheidung, forderten aber günstigere"
            " Fahrpreise für Schüler und Rentner. Der Verkehrsausschuss versprach, vor dem Sommer eine "
            "Überprüfung der Ticketpreise vorzulegen."
        ),
        (
            "Der Betreiber rechnet nach den im Rat vorgestellten Zahlen mit rund neunhundert Fahrgästen "
            "am Tag. Zwei ältere Schiffe sollen für die Strecke umgebaut werden."
        ),
    ],
    "fr": [
        (
            "Le conseil municipal a voté mardi l'extension du service de bac dans le port, avec deux "
            "traversées supplémentaires en soirée que les navetteurs réclamaient depuis des années. Le "
            "nouvel horaire entrera en vigueur au printemps, une fois les équipages recrutés."
        ),
        (
            "Les habitants qui se sont exprimés lors de la séance ont salué la décision, tout en "
            "demandant des tarifs réduits pour les étudiants et les retraités. La commission des "
            "transports a promis de publier un examen des prix avant l'été."
        ),
        (
            "L'exploitant prévoit environ neuf cents passagers par jour sur ces traversées, selon les "
            "chiffres présentés au conseil. Deux navires plus anciens seront rénovés pour desservir la "
            "ligne."
        ),
    ],
    "es": [
        (
            "El ayuntamiento aprobó el martes ampliar el servicio de transbordador del puerto con dos "
            "travesías nocturnas adicionales que los usuarios reclamaban desde hace años. El nuevo "
            "horario comenzará en primavera, cuando se haya contratado a las tripulaciones."
        ),
        (
            "Los vecinos que intervinieron en el pleno celebraron la decisión, aunque pidieron tarifas "
            "más bajas para estudiantes y jubilados. La comisión de transportes prometió publicar una "
            "revisión de los precios antes del verano."
        ),
        (
            "El operador calcula que las nuevas travesías transportarán unos novecientos pasajeros al "
            "día, según las cifras presentadas al pleno. Dos buques más antiguos serán reformados para "
            "cubrir la ruta."
        ),
    ],
    "it": [
        (
            "Il consiglio comunale ha approvato martedì l'ampliamento del servizio di traghetti nel "
            "porto, con due corse serali in più che i pendolari chiedevano da anni. Il nuovo orario "
            "partirà in primavera, una volta assunti gli equipaggi."
        ),
        (
            "I residenti intervenuti alla seduta hanno accolto con favore la decisione, chiedendo però "
            "tariffe ridotte per studenti e pensionati. La commissione trasporti ha promesso di "
            "pubblicare una revisione dei prezzi prima dell'estate."
        ),
        (
            "Secondo i dati presentati al consiglio, il gestore prevede circa novecento passeggeri al "
            "giorno sulle nuove corse. Due navi più vecchie saranno ristrutturate per servire la linea."
        ),
    ],
    "nl": [
        (
            "De gemeenteraad heeft dinsdag besloten de veerdienst in de haven uit te breiden met twee "
            "extra avondoversteken waar forenzen al jaren om vragen. De nieuwe dienstregeling gaat in het"
            " voorjaar in, zodra de bemanningen zijn aangenomen."
        ),
        (
            "Bewoners die tijdens de vergadering spraken, waren blij met het besluit, maar vroegen om "
            "lagere tarieven voor studenten en gepensioneerden. De vervoerscommissie beloofde voor de "
            "zomer een herziening van de ticketprijzen te publiceren."
        ),
        (
            "De exploitant verwacht volgens de cijfers die aan de raad zijn gepresenteerd ongeveer "
            "negenhonderd passagiers per dag. Twee oudere schepen worden verbouwd om de route te "
            "bedienen."
        ),
    ],
    "pt": [
        (
            "A câmara municipal aprovou na terça-feira a ampliação do serviço de balsas no porto, com "
            "duas travessias noturnas adicionais que os passageiros pediam há anos. O novo horário "
            "começará na primavera, depois de contratadas as tripulações."
        ),
        (
            "Os moradores que falaram na sessão elogiaram a decisão, mas pediram tarifas mais baixas para"
            " estudantes e aposentados. A comissão de transportes prometeu publicar uma revisão dos "
            "preços antes do verão."
        ),
        (
            "A operadora prevê cerca de novecentos passageiros por dia nas novas travessias, segundo os "
            "números apresentados à câmara. Dois navios mais antigos serão reformados para atender a "
            "rota."
        ),
    ],
    "pl": [
        (
            "Rada miasta zdecydowała we wtorek o rozszerzeniu przeprawy promowej w porcie o dwa dodatkowe"
            " kursy wieczorne, o które pasażerowie dojeżdżający do pracy zabiegali od lat. Nowy rozkład "
            "wejdzie w życie wiosną, gdy zostaną zatrudnione załogi."
        ),
        (
            "Mieszkańcy, którzy zabrali głos na sesji, przyjęli decyzję z zadowoleniem, ale poprosili o "
            "niższe ceny biletów dla uczniów i emerytów. Komisja transportu obiecała przedstawić przegląd"
            " cen przed latem."
        ),
        (
            "Według danych przedstawionych radzie przewoźnik spodziewa się około dziewięciuset pasażerów "
            "dziennie. Dwa starsze statki zostaną przebudowane, aby obsługiwać tę trasę."
        ),
    ],
    "sv": [
        (
            "Kommunfullmäktige beslutade på tisdagen att bygga ut färjetrafiken i hamnen med två extra "
            "kvällsturer som pendlare har efterfrågat i flera år. Den nya tidtabellen börjar gälla i vår "
            "när besättningarna har anställts."
        ),
        (
            "Invånare som talade på mötet välkomnade beslutet men bad om lägre priser för studenter och "
            "pensionärer. Trafiknämnden lovade att presentera en översyn av biljettpriserna före "
            "sommaren."
        ),
        (
            "Enligt siffror som presenterades för fullmäktige räknar operatören med omkring niohundra "
            "resenärer per dag. Två äldre fartyg ska byggas om för att trafikera linjen."
        ),
    ],
    "tr": [
        (
            "Belediye meclisi salı günü limandaki feribot hizmetini, yolcuların yıllardır talep ettiği "
            "iki ek akşam seferiyle genişletme kararı aldı. Yeni tarife, mürettebat işe alındıktan sonra "
            "ilkbaharda yürürlüğe girecek."
        ),
        (
            "Toplantıda söz alan mahalle sakinleri kararı memnuniyetle karşıladı, ancak öğrenciler ve "
            "emekliler için daha düşük ücret talep etti. Ulaşım komisyonu yazdan önce bilet fiyatlarını "
            "gözden geçireceğini açıkladı."
        ),
        (
            "Meclise sunulan rakamlara göre işletme, yeni seferlerde günde yaklaşık dokuz yüz yolcu "
            "bekliyor. İki eski gemi hatta hizmet vermek üzere yenilenecek."
        ),
    ],
    "ru": [
        (
            "Городской совет во вторник решил расширить паромное сообщение в порту и добавить два "
            "вечерних рейса, которых пассажиры добивались много лет. Новое расписание начнёт действовать "
            "весной, когда будут наняты экипажи."
        ),
        (
            "Жители, выступившие на заседании, поддержали решение, но попросили снизить цены на билеты "
            "для студентов и пенсионеров. Транспортная комиссия пообещала представить пересмотр тарифов "
            "до лета."
        ),
        (
            "По данным, представленным совету, перевозчик ожидает около девятисот пассажиров в день. Два "
            "старых судна переоборудуют для работы на этом маршруте."
        ),
    ],
    "cs": [
        (
            "Zastupitelstvo města v úterý rozhodlo rozšířit přívozní dopravu v přístavu o dva večerní "
            "spoje, o které cestující žádali už několik let. Nový jízdní řád začne platit na jaře, až "
            "budou přijaty posádky."
        ),
        (
            "Obyvatelé, kteří na zasedání vystoupili, rozhodnutí přivítali, ale požádali o nižší jízdné "
            "pro studenty a důchodce. Dopravní výbor slíbil předložit přezkum cen jízdenek do léta."
        ),
        (
            "Podle údajů předložených zastupitelstvu dopravce očekává zhruba devět set cestujících denně."
            " Dvě starší lodě budou přestavěny, aby mohly trasu obsluhovat."
        ),
    ],
}
# The headline, the writers and the by-word and joining word of each language.
TITLES = {
    "en": "Council expands harbour ferry service with two evening crossings",
    "de": "Stadtrat baut Fährverkehr im Hafen mit zwei Abendfahrten aus",
    "fr": "Le conseil municipal étend le service de bac avec deux traversées du soir",
    "es": "El ayuntamiento amplía el transbordador del puerto con dos travesías nocturnas",
    "it": "Il comune amplia il servizio di traghetti con due corse serali",
    "nl": "Gemeenteraad breidt veerdienst in de haven uit met twee avondoversteken",
    "pt": "Câmara amplia serviço de balsas no porto com duas travessias noturnas",
    "pl": "Rada miasta rozszerza przeprawę promową o dwa kursy wieczorne",
    "sv": "Kommunen bygger ut färjetrafiken med två kvällsturer",
    "tr": "Belediye feribot hizmetini iki akşam seferiyle genişletiyor",
    "ru": "Городской совет расширяет паромное сообщение двумя вечерними рейсами",
    "cs": "Město rozšiřuje přívozní dopravu o dva večerní spoje",
}
NAMES = {
    "en": ["Sarah Mitchell", "David Okafor", "Emily Chen"],
    "de": ["Katharina Müller", "Jonas Becker", "Lea Hoffmann"],
    "fr": ["Claire Dubois", "Julien Moreau", "Camille Lefèvre"],
    "es": ["Lucía Fernández", "Javier Romero", "Marta Gil"],
    "it": ["Giulia Rossi", "Marco Bianchi", "Francesca Conti"],
    "nl": ["Sanne de Vries", "Daan Jansen", "Fleur Bakker"],
    "pt": ["Ana Ferreira", "João Costa", "Beatriz Santos"],
    "pl": ["Anna Nowak", "Piotr Kowalski", "Katarzyna Wiśniewska"],
    "sv": ["Anna Svensson", "Erik Lindqvist", "Maja Holm"],
    "tr": ["Ayşe Yılmaz", "Mehmet Demir", "Elif Kaya"],
    "ru": ["Анна Иванова", "Дмитрий Смирнов", "Ольга Кузнецова"],
    "cs": ["Jana Nováková", "Petr Svoboda", "Lucie Dvořáková"],
}
BY = {
    "en": ("By", "and"),
    "de": ("Von", "und"),
    "fr": ("Par", "et"),
    "es": ("Por", "y"),
    "it": ("Di", "e"),
    "nl": ("Door", "en"),
    "pt": ("Por", "e"),
    "pl": ("Autor:", "i"),
    "sv": ("Av", "och"),
    "tr": ("Yazar:", "ve"),
    "ru": ("Автор:", "и"),
    "cs": ("Autor:", "a"),
}
# Date lines as pages print them: 4 March 2026, alone, labelled, with a time, or with the update of the 5th.
DATES = {
    "en": [
        "March 4, 2026",
        "4 March 2026",
        "Mar 4, 2026 2:10 PM ET",
        "Published March 4, 2026",
        "Wed 4 Mar 2026 14.10 GMT",
        "2026-03-04",
        "Updated: March 5, 2026 | Published: March 4, 2026",
        "Published 4 March 2026, updated 5 March 2026",
        "Wednesday, March 4, 2026",
        "Posted on March 4, 2026",
        "March 4, 2026 at 2:10 pm",
        "04 Mar 2026",
    ],
    "de": [
        "4. März 2026",
        "04.03.2026, 14:10 Uhr",
        "Veröffentlicht am 4. März 2026",
        "Mittwoch, 04.03.2026",
        "04.03.2026",
        "Aktualisiert am 05.03.2026, veröffentlicht am 04.03.2026",
        "4. März 2026, 14:10 Uhr",
        "Erstellt: 04.03.2026",
    ],
    "fr": [
        "4 mars 2026",
        "Publié le 4 mars 2026 à 14h10",
        "Le 04/03/2026 à 14:10",
        "mercredi 4 mars 2026",
        "Publié le 04 mars 2026 à 14h10, mis à jour le 05 mars 2026 à 09h00",
        "04/03/2026",
        "Mis à jour le 05/03/2026 | Publié le 04/03/2026",
    ],
    "es": [
        "4 de marzo de 2026",
        "04/03/2026 14:10",
        "Publicado el 4 de marzo de 2026",
        "Miércoles, 4 de marzo de 2026",
        "04/03/2026",
        "Actualizado 05/03/2026 14:10 | Publicado 04/03/2026 10:00",
        "4 mar 2026 - 14:10 CET",
    ],
    "it": [
        "4 marzo 2026",
        "04/03/2026 ore 14:10",
        "Pubblicato il 4 marzo 2026",
        "mercoledì 4 marzo 2026",
        "04/03/2026",
        "Aggiornato il 05/03/2026 - Pubblicato il 04/03/2026",
    ],
    "nl": [
        "4 maart 2026",
        "04-03-26, 14:10",
        "Gepubliceerd op 4 maart 2026",
        "woensdag 4 maart 2026",
        "04-03-2026",
        "Bijgewerkt op 5 maart 2026, gepubliceerd op 4 maart 2026",
    ],
    "pt": [
        "4 de março de 2026",
        "04/03/2026 14h10",
        "Publicado em 4 de março de 2026",
        "quarta-feira, 4 de março de 2026",
        "04/03/2026",
        "Atualizado em 05/03/2026 às 09h00 | Publicado em 04/03/2026 às 14h10",
    ],
    "pl": [
        "4 marca 2026",
        "04.03.2026, 14:10",
        "Opublikowano: 4 marca 2026",
        "środa, 4 marca 2026",
        "Aktualizacja: 05.03.2026 | Publikacja: 04.03.2026",
    ],
    "sv": [
        "4 mars 2026",
        "Publicerad 4 mars 2026 kl. 14.10",
        "onsdag 4 mars 2026",
        "2026-03-04 14:10",
        "Uppdaterad 2026-03-05 | Publicerad 2026-03-04",
    ],
    "tr": [
        "4 Mart 2026",
        "04.03.2026 14:10",
        "Yayınlanma: 04.03.2026",
        "4 Mart 2026 Çarşamba",
        "Güncelleme: 05.03.2026 | Yayınlanma: 04.03.2026",
    ],
    "ru": [
        "4 марта 2026",
        "04.03.2026, 14:10",
        "Опубликовано: 4 марта 2026",
        "среда, 4 марта 2026 г.",
        "Обновлено: 05.03.2026 | Опубликовано: 04.03.2026",
    ],
    "cs": [
        "4. března 2026",
        "04. 03. 2026 14:10",
        "Publikováno: 4. března 2026",
        "středa 4. března 2026",
        "Aktualizováno: 5. 3. 2026 | Publikováno: 4. 3. 2026",
    ],
}
MENU = {
    "en": "Home | News | Sport | Business | Culture",
    "de": "Startseite | Nachrichten | Sport | Wirtschaft | Kultur",
    "fr": "Accueil | Actualités | Sport | Économie | Culture",
    "es": "Inicio | Noticias | Deportes | Economía | Cultura",
    "it": "Home | Notizie | Sport | Economia | Cultura",
    "nl": "Home | Nieuws | Sport | Economie | Cultuur",
    "pt": "Início | Notícias | Desporto | Economia | Cultura",
    "pl": "Strona główna | Wiadomości | Sport | Biznes | Kultura",
    "sv": "Hem | Nyheter | Sport | Ekonomi | Kultur",
    "tr": "Ana Sayfa | Haberler | Spor | Ekonomi | Kültür",
    "ru": "Главная | Новости | Спорт | Экономика | Культура",
    "cs": "Domů | Zprávy | Sport | Ekonomika | Kultura",
}


# A report (PDF text): its title (wrapped over one or two lines), its date line and what it stores, its issuer.
REPORT_TITLE = {
    "en": "Evening ferry crossings in the harbour: costs, benefits and the case for expansion",
    "de": "Abendfahrten der Hafenfähre: Kosten, Nutzen und die Gründe für einen Ausbau",
    "fr": "Les traversées du soir dans le port : coûts, avantages et arguments pour une extension",
}
REPORT_DATES = {
    "en": [("March 2026", "2026-03"), ("4 March 2026", "2026-03-04"), ("March 4, 2026", "2026-03-04")],
    "de": [("März 2026", "2026-03"), ("4. März 2026", "2026-03-04"), ("04.03.2026", "2026-03-04")],
    "fr": [("Mars 2026", "2026-03"), ("4 mars 2026", "2026-03-04"), ("04/03/2026", "2026-03-04")],
}
MASTHEAD = {
    "en": "Harbour Institute for Transport Policy",
    "de": "Institut für Verkehrspolitik Hamburg",
    "fr": "Institut des politiques de transport",
}


# Wire datelines: the opening, the place stored as the dateline, the agency.
DATELINES = {
    "en": [
        ("BRUSSELS, March 4 (Reuters) - ", "Brussels", "Reuters"),
        ("WASHINGTON (AP) — ", "Washington", "AP"),
        ("LONDON, March 4 (AFP) - ", "London", "AFP"),
    ],
    "de": [
        ("BERLIN, 4. März (dpa) - ", "Berlin", "dpa"),
        ("Hamburg (dpa) - ", "Hamburg", "dpa"),
        ("WIEN, 4. März (APA) - ", "Wien", "APA"),
    ],
    "fr": [("PARIS, 4 mars (AFP) - ", "Paris", "AFP"), ("BRUXELLES, 4 mars (Reuters) - ", "Bruxelles", "Reuters")],
    "es": [("MADRID, 4 de marzo (EFE) - ", "Madrid", "EFE"), ("BOGOTÁ, 4 mar (Reuters) - ", "Bogotá", "Reuters")],
    "it": [("ROMA, 4 marzo (ANSA) - ", "Roma", "ANSA"), ("MILANO, 4 mar (Reuters) - ", "Milano", "Reuters")],
    "nl": [("DEN HAAG (ANP) - ", "Den Haag", "ANP"), ("AMSTERDAM, 4 maart (Reuters) - ", "Amsterdam", "Reuters")],
    "pt": [
        ("LISBOA, 4 de março (Lusa) - ", "Lisboa", "Lusa"),
        ("SÃO PAULO, 4 de março (Reuters) - ", "São Paulo", "Reuters"),
    ],
    "pl": [("WARSZAWA, 4 marca (PAP) - ", "Warszawa", "PAP")],
    "sv": [("STOCKHOLM (TT) - ", "Stockholm", "TT")],
    "tr": [("ANKARA (AA) - ", "Ankara", "AA")],
    "ru": [("МОСКВА, 4 марта (ТАСС) - ", "Москва", "ТАСС")],
    "cs": [("PRAHA (ČTK) - ", "Praha", "ČTK")],
}


@dataclass
class Case:
    """One generated file and what it should store."""

    kind: str
    label: str
    name: str
    data: str
    title: str | None
    authors: list[str]
    published: str | None = PUBLISHED
    dateline: str | None = None
    header: list[str] = field(default_factory=list)  # lines that must not stay in the body


def bylines(lang: str) -> Iterator[tuple[str, list[str]]]:
    """A byline with one, two and three names in the language's by-word, and a bare name."""
    by, joiner = BY[lang]
    names = NAMES[lang]
    yield f"{by} {names[0]}", names[:1]
    yield f"{by} {names[0]} {joiner} {names[1]}", names[:2]
    yield f"{by} {names[0]}, {names[1]} {joiner} {names[2]}", names[:3]
    yield names[0], names[:1]


def page_text_cases() -> Iterator[Case]:
    for lang in PROSE:
        for (byline, names), date in itertools.product(bylines(lang), DATES[lang]):
            for layout in ("byline, date", "date, byline", "one line"):
                head = {"byline, date": [byline, date], "date, byline": [date, byline]}.get(
                    layout, [f"{byline} | {date}"]
                )
                lines = [MENU[lang], "", TITLES[lang], "", *head, "", *"\n\n".join(PROSE[lang]).split("\n"), "",
                         "Share this article", "© 2026 Harbour Post"]  # fmt: skip
                label = f"[{lang}] {layout}: {byline!r} {date!r}"
                yield Case(
                    "text", label, "page.txt", "\n".join(lines) + "\n", TITLES[lang], names, header=[byline, date]
                )


def html_cases() -> Iterator[Case]:
    for lang in PROSE:
        for (byline, names), date in itertools.product(bylines(lang), DATES[lang]):
            b, d = html.escape(byline), html.escape(date)
            layouts = {
                "byline, date": f'<p class="meta">{b}</p><p>{d}</p>',
                "date, byline": f'<p>{d}</p><p class="meta">{b}</p>',
                "one line": f'<p class="meta">{b} | {d}</p>',
                "two spans": f'<div class="meta"><span>{b}</span> <span>{d}</span></div>',
            }
            for layout, head in layouts.items():
                body = "".join(f"<p>{html.escape(p)}</p>" for p in PROSE[lang])
                title = html.escape(TITLES[lang])
                page = (
                    f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Harbour Post'
                    '</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport'
                    f"</a></nav><main><article><h1>{title}</h1>{head}{body}</article></main><footer>© 2026 Harbour"
                    " Post</footer></body></html>"
                )
                label = f"[{lang}] {layout}: {byline!r} {date!r}"
                yield Case("html", label, "page.html", page, TITLES[lang], names, header=[byline, date])


def wire_cases() -> Iterator[Case]:
    for lang in PROSE:
        for (byline, names), (opening, place, agency), titled in itertools.product(
            bylines(lang), DATELINES[lang], (True, False)
        ):
            if byline == NAMES[lang][0]:
                continue  # wire copy prints its by-word
            paragraphs = [opening + PROSE[lang][0], *PROSE[lang][1:]]
            lines = [*([TITLES[lang], ""] if titled else []), byline, "", *"\n\n".join(paragraphs).split("\n"), "",
                     f"-- {agency}"]  # fmt: skip
            label = f"[{lang}] {'headline, ' if titled else ''}{byline!r} {opening!r}"
            title = TITLES[lang] if titled else None
            # a dateline's date has no year: nothing to store as `published`
            yield Case("wire", label, "wire.txt", "\n".join(lines) + "\n", title, names, None, place, [opening.strip()])


def report_cases() -> Iterator[Case]:
    for lang in REPORT_TITLE:
        body = [line for paragraph in PROSE[lang] * 2 for line in [*textwrap.wrap(paragraph, 72), ""]]
        by, joiner = BY[lang]
        names = NAMES[lang]
        author_lines = [
            (names[0], names[:1]),
            (f"{names[0]} {joiner} {names[1]}", names[:2]),
            (f"{names[0]}, {names[1]} {joiner} {names[2]}", names[:3]),
            (f"{by} {names[0]}", names[:1]),
        ]
        for (authors, expected), (date, published), lines, order, masthead in itertools.product(
            author_lines, REPORT_DATES[lang], (1, 2), ("authors, date", "date, authors"), (False, True)
        ):
            title = textwrap.wrap(REPORT_TITLE[lang], len(REPORT_TITLE[lang]) // lines + 2)
            front = [authors, date] if order == "authors, date" else [date, authors]
            text = [*([MASTHEAD[lang], ""] if masthead else []), *title, "", *front, "", *body, "Page 1 of 2"]
            label = f"[{lang}] {lines}-line title{', masthead' if masthead else ''}, {order}: {authors!r} {date!r}"
            yield Case("pdf", label, "report.txt", "\n".join(text) + "\n", REPORT_TITLE[lang], expected, published,
                       header=[authors, date])  # fmt: skip


KINDS = {"text": page_text_cases, "html": html_cases, "wire": wire_cases, "pdf": report_cases}


def wrong(case: Case) -> list[str]:
    """What the pipeline stored wrongly for `case` (nothing: right)."""
    result = prepare_file(case.name, case.data.encode(), Settings(), MinHashParams())
    if result.rejected:
        return [f"rejected: {result.reason}"]
    doc = result.documents[0].doc
    problems = []
    if case.title is not None and doc.title != case.title:
        problems.append(f"title {doc.title!r}")
    if [author.name for author in doc.authors] != case.authors:
        problems.append(f"authors {[author.name for author in doc.authors]}")
    if case.published and not (doc.published or "").startswith(case.published):
        problems.append(f"published {doc.published!r}")
    if case.dateline and (doc.dateline or "").casefold() != case.dateline.casefold():
        problems.append(f"dateline {doc.dateline!r}")
    if any(line in paragraph for line in case.header for paragraph in doc.paragraphs):
        problems.append("a header line in the body")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated: " + ", ".join(KINDS))
    ap.add_argument("--show", type=int, default=10, help="print the first N wrong cases of each kind")
    args = ap.parse_args()
    for kind in args.kinds.split(","):
        cases = list(KINDS[kind]())
        misses = [(case, problems) for case in cases if (problems := wrong(case))]
        print(f"{kind}: {len(misses)} of {len(cases)} shapes stored wrongly")
        for case, problems in misses[: args.show]:
            print(f"  {case.label}: {'; '.join(problems)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
