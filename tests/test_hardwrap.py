"""Hard-wrap repair: every rule with an input it fixes and one it must leave alone."""

from __future__ import annotations

from axis_ingest.clean.hardwrap import is_list_line, numbered_to_dash, remove_page_furniture, unwrap

WRAPPED = (
    "The committee met on Tuesday to review the budget and agreed that the\n"
    "spending plan for the next two years should be cut by a tenth, citing\n"
    "weaker tax receipts and higher interest payments on the public debt.\n"
    "\n"
    "Members also asked the finance office to publish monthly figures so\n"
    "that the public can follow how the savings are being made across all\n"
    "departments.\n"
)


def test_wrapped_lines_are_rejoined_and_blank_lines_kept_as_breaks() -> None:
    paragraphs = unwrap(WRAPPED)
    assert len(paragraphs) == 2
    assert "agreed that the spending plan" in paragraphs[0]
    assert paragraphs[1].endswith("across all departments.")


def test_short_line_ending_a_paragraph_is_not_joined_to_the_next_heading() -> None:
    text = (
        "Ministers said the new rules would apply to every school in the country from\n"
        "the start of the next academic year, including private schools.\n"
        "Funding\n"
        "The government will provide an extra 40 million euros to cover the costs.\n"
    )
    paragraphs = unwrap(text)
    assert paragraphs[1] == "Funding"
    assert paragraphs[0].endswith("including private schools.")


def test_line_ending_with_function_word_continues_before_a_capital() -> None:
    text = "Ms Keller spoke about the talks she held last week with\nPresident Macron in Paris.\n"
    assert unwrap(text) == ["Ms Keller spoke about the talks she held last week with President Macron in Paris."]


def test_separate_short_sentences_stay_separate() -> None:
    text = "Opening hours have changed.\nThe library now closes at 6pm.\n"
    assert unwrap(text) == ["Opening hours have changed.", "The library now closes at 6pm."]


def test_split_word_is_dehyphenated() -> None:
    text = "After months of talks the coalition govern-\nment finally agreed on a plan for the region.\n"
    assert "coalition government finally" in unwrap(text)[0]


def test_real_compound_keeps_its_hyphen() -> None:
    text = "The report was written by a well-\nknown economist from the central bank in Vienna.\n"
    assert "a well-known economist" in unwrap(text)[0]
    capital = "Relations between the two states remain tense after the Israeli-\nIranian clashes last year.\n"
    assert "Israeli-Iranian clashes" in unwrap(capital)[0]


def test_document_spelling_decides_the_hyphen() -> None:
    # The document writes "cooperation" elsewhere, so "co-\noperation" is a split word.
    text = "Regional cooperation is growing.\n\nThe plan calls for closer co-\noperation between the two ports.\n"
    assert "closer cooperation between" in unwrap(text)[1]
    # The document writes "e-mail" elsewhere, so the hyphen at the line end is kept.
    text2 = "Send an e-mail to the office.\n\nReaders can also send an e-\nmail with their questions.\n"
    assert "an e-mail with" in unwrap(text2)[1]


def test_page_numbers_and_running_header_are_removed_and_page_break_joined() -> None:
    text = (
        "Harbour Report 2025\nThe port handled more containers than in any year since\n"
        "Page 1 of 2\n\fHarbour Report 2025\n2019, helped by new shipping routes to Asia.\nPage 2 of 2\n"
    )
    paragraphs = unwrap(remove_page_furniture(text))
    assert paragraphs == [
        "The port handled more containers than in any year since 2019, helped by new shipping routes to Asia."
    ]


def test_numbers_and_repeated_lines_in_the_text_are_kept() -> None:
    text = "Results\nThe vote was 12 to 3.\n\nResults\nA second vote followed.\n"
    cleaned = remove_page_furniture(text)
    assert cleaned.count("Results") == 2  # repeated twice, but no page marks: not a running header
    assert "The vote was 12 to 3." in cleaned
    assert remove_page_furniture("Figures\n- 4 -\nmore text") == "Figures\nmore text"


def test_chinese_lines_wrapped_mid_sentence_are_joined_without_a_space():
    text = (
        "记者从水利部获悉，今年六月以来，长江中下游地区降雨量较常年同\n"
        "期偏少三成以上，部分支流出现断流，沿江城市的供水压力明显增大\n"
        "。\n\n"
        "水利部有关负责人表示，已经启动抗旱四级应急响应，并协调上游水\n"
        "库加大下泄流量，优先保障城乡居民生活用水。\n"
    )
    assert unwrap(text) == [
        "记者从水利部获悉，今年六月以来，长江中下游地区降雨量较常年同期偏少三成以上，部分支流出现断流，沿江城市的供水压力明显增大。",
        "水利部有关负责人表示，已经启动抗旱四级应急响应，并协调上游水库加大下泄流量，优先保障城乡居民生活用水。",
    ]


def test_a_short_chinese_heading_line_is_not_joined_onto():
    text = (
        "专家观点\n"
        "专家指出，持续高温是造成旱情的主要原因。预计未来十天，流域内仍\n"
        "以晴热天气为主，旱情可能进一步发展。\n"
        "各地正在组织打井、拉水等措施，确保群众饮水安全和农业生产用水\n"
        "需求，相关部门已经派出工作组赴一线指导抗旱救灾工作的开展。\n"
    )
    paragraphs = unwrap(text)
    assert paragraphs[0] == "专家观点"
    # a short line ending in a full stop ends its paragraph
    assert paragraphs[1].endswith("旱情可能进一步发展。") and paragraphs[2].startswith("各地正在组织打井")


def test_document_words_are_read_only_for_a_word_split_at_a_hyphen(monkeypatch) -> None:
    import axis_ingest.clean.hardwrap as hardwrap

    calls: list[str] = []
    real = hardwrap.document_words

    def counted(text: str) -> tuple[set[str], set[str]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(hardwrap, "document_words", counted)
    plain = "The council met on Tuesday and agreed to extend the\nopening hours of the central library."
    assert unwrap(plain) == [plain.replace("\n", " ")]
    assert calls == []
    split = "The coalition govern-\nment finally agreed on the budget after\nmonths of talks with the unions."
    assert "coalition government finally" in unwrap(split)[0]
    assert len(calls) == 1


# Korean and Arabic are written with spaces but without capitals: a wrap is a full line that does not end a
# sentence, followed by a line that starts with a letter (no lower-case start to tell it).
KOREAN_WRAPPED = (
    "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 노후 버스\n"
    "정류장 300곳을 새로 단장한다고 밝혔다. 시는 이번 예산안이 시민\n"
    "생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다. 시 관계자는\n"
    "예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다.\n"
    "\n"
    "시민단체들은 복지 예산이 충분하지 않다며 증액을 요구하고 있다. 특히\n"
    "노인 돌봄과 청년 주거 지원 예산이 지난해보다 줄어든 점을 문제로\n"
    "지적했다.\n"
)
ARABIC_WRAPPED = (
    "أعلنت بلدية المدينة يوم الجمعة عن ميزانية العام المقبل، وقالت إنها ستجمد\n"
    "أسعار النقل العام وتجدد ثلاثمئة موقف للحافلات في الأحياء القديمة خلال\n"
    "الأشهر الستة المقبلة بحسب الخطة التي عرضتها على المجلس البلدي أمس.\n"
)


def test_korean_and_arabic_lines_wrapped_mid_sentence_are_joined_with_a_space() -> None:
    assert unwrap(KOREAN_WRAPPED) == [
        "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 노후 버스 정류장 300곳을 새로 단장한다고 "
        "밝혔다. 시는 이번 예산안이 시민 생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다. 시 관계자는 "
        "예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다.",
        "시민단체들은 복지 예산이 충분하지 않다며 증액을 요구하고 있다. 특히 노인 돌봄과 청년 주거 지원 예산이 "
        "지난해보다 줄어든 점을 문제로 지적했다.",
    ]
    assert len(unwrap(ARABIC_WRAPPED)) == 1


def test_a_short_korean_heading_before_wrapped_text_is_not_joined_onto() -> None:
    paragraphs = unwrap("예산안 주요 내용\n" + KOREAN_WRAPPED)
    assert paragraphs[0] == "예산안 주요 내용" and paragraphs[1].startswith("서울시는 7일")


def test_a_full_urdu_line_ending_in_the_urdu_full_stop_ends_its_paragraph() -> None:
    """Urdu has no capitals to tell a wrap from a new paragraph, so a long line that does not end a sentence is
    joined to the next; one ending in `۔` ends a sentence (it was joined onto the next paragraph)."""
    from axis_ingest.clean.hardwrap import Layout, should_join

    ends = "اسلام آباد میں قومی اسمبلی کے اجلاس میں نئے مالی سال کا بجٹ کثرت رائے سے منظور کر لیا گیا۔"
    wraps = "اسلام آباد میں قومی اسمبلی کے اجلاس میں نئے مالی سال کا بجٹ کثرت رائے سے منظور کر لیا گیا اور"
    nxt = "وزیر خزانہ نے ایوان کو بتایا کہ ترقیاتی منصوبوں کے لیے رقم میں اضافہ کیا گیا ہے۔"
    layout = Layout(float(len(wraps)), float(len(wraps)), dense=False)
    assert should_join(ends, nxt, None, layout) is False
    assert should_join(wraps, nxt, None, layout) is True


def test_korean_text_wrapped_mid_sentence_is_sniffed_as_pdf_text() -> None:
    """A Hangul syllable is as wide as a Chinese character: a 38-syllable line fills the column (it was
    counted as a short line, and the wrapped text was read as a copied web page)."""
    from axis_ingest.sniff import sniff

    assert sniff(KOREAN_WRAPPED).source_format == "plain_text"


def test_teaser_lines_over_their_times_and_categories_are_no_wrapped_text() -> None:
    """fundus's pages of Tages-Anzeiger and El País as page text: teaser headlines over "vor 28 Minuten" and
    adverts over their category ("descuentos") counted as wraps, and the page was read as PDF text (nothing
    removed).  A wrap's continuation fills the line too or ends the sentence."""
    from axis_ingest.sniff import sniff

    teasers = "\n".join(
        f"{headline}\nvor {minutes} Minuten"
        for headline, minutes in [
            ("Bundesrat hebt Schutzstatus S für Ukraine-Flüchtlinge nicht auf", 59),
            ("Rapperswil-Jona: Stadt bewilligt Bootshaus von Roger Federer", 120),
            ("US-Topbeamtin kassierte als China-Spionin Millionen Dollar", 180),
            ("Wie 100-Millionen-Stürmer Osimhen in der Türkei landete", 190),
        ]
    )
    page = f"Zum Hauptinhalt springen\nStartseite\n\nChiesa ruft zum Widerstand auf\n\n{teasers}\n"
    assert sniff(page).source_format == "scraped_text"
    # left alone: text wrapped mid-sentence, its last line ending the sentence
    report = (
        "Der Bericht der Kommission stellt fest, dass die Zahl der Anträge im\n"
        "vergangenen Jahr deutlich gestiegen ist, vor allem in den Grenzregionen des\n"
        "Landes, wo die Behörden inzwischen an ihre Grenzen stoßen.\n"
        "Die Regierung will deshalb zusätzliches Personal einstellen und die Verfahren\n"
        "beschleunigen, wie der Minister am Dienstag in der Hauptstadt erklärte.\n"
        "Kritiker bemängeln, dass die angekündigten Mittel bei weitem nicht ausreichen\n"
        "werden.\n"
    )
    assert sniff(report).source_format == "plain_text"


def test_a_chinese_pages_lists_of_headlines_are_no_wrapped_text() -> None:
    """A Chinese page copied from a browser (GNE's test pages of cjddsb.com and stcn.com as page text): a list of
    other stories' headlines, each over its count of readers ("阅读272"), ends and starts lines with Chinese
    characters, and each counted as a wrap: the page was read as PDF text, its breadcrumb trail stored as the title
    and its menus kept in the body.  A Chinese line wraps where it is as long as the text's typical line and the
    next line is full too or ends the sentence, as in scripts without capitals."""
    from axis_ingest.sniff import sniff

    related = "\n".join(
        f"* {headline}\n阅读{views}"
        for headline, views in [
            ("换个场地继续学 这部红色电影让雁峰区党员", 272),
            ("洞口县2019年小学组体育教师“防溺水”教育", 158),
            ("邵阳市交警支队支队长刘定湘与社区居民恳谈", 560),
            ("鼎城区法院开展离退休干部“我们的节日”活动", 87),
            ("安康最大洪峰过境多个广场被淹 西安围墙坍塌", 1093),
        ]
    )
    page = (
        "* 首页\n* 资讯\n+ 深度\n+ 传媒\n首页 > 要闻 > 头条 > 正文\n\n"
        "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动\n\n"
        "为持续推动金融消费者教育和金融知识普及工作，引导广大金融消费者弘扬金融正能量，提高社会公众防范风险和正确使用金融服务"
        "的意识，9月20日，宣传活动在致远·乐路口广场正式启动。\n\n"
        f"赞 0 赏 分享\n{related}\n"
    )
    assert sniff(page).source_format == "scraped_text"
    # left alone: Chinese text wrapped at its column, each line as long as the others
    report = (
        "记者从水利部获悉，今年六月以来，长江中下游地区降雨量较常年同\n"
        "期偏少三成以上，部分支流出现断流，沿江城市的供水压力明显增大\n"
        "，水利部有关负责人表示，已经启动抗旱四级应急响应，并协调上游水\n"
        "库加大下泄流量，优先保障城乡居民生活用水，各地正在组织打井、拉\n"
        "水等措施，确保群众饮水安全和农业生产用水需求，相关部门已经派出\n"
        "工作组赴一线指导抗旱救灾工作的开展。\n"
    )
    assert sniff(report).source_format == "plain_text"


def test_a_day_with_a_dot_before_its_month_is_no_list_number() -> None:
    """ "2. Juni 2021", "20. 12. 2023": German, Nordic and Central European dates; the day read as a numbered list's
    marker. Left alone: list items, numbered or not, with a month and a year later in them."""
    for date in ("2. Juni 2021", "23. jul. 2018", "20. 12. 2023"):
        assert not is_list_line(date) and numbered_to_dash(date) == date
    item = "2. Die Regierung senkt im Mai 2021 die Steuern."
    assert is_list_line(item) and numbered_to_dash(item) == "- Die Regierung senkt im Mai 2021 die Steuern."
    assert is_list_line("- Juni 2021")


def test_a_date_line_starting_in_lower_case_is_not_joined_onto_a_short_line() -> None:
    """ "Anna Kowalska" / "lundi 19 février 2018": a lower-case start joined the date onto the author's line. Left
    alone: a full line still continues onto a lower-case date, and a short line onto lower-case words."""
    assert unwrap("Anna Kowalska\nlundi 19 février 2018\n") == ["Anna Kowalska", "lundi 19 février 2018"]
    full = "Le conseil municipal a voté le budget de l'année prochaine lors de sa séance du\nlundi 19 février 2018.\n"
    assert unwrap(WRAPPED + "\n" + full)[-1].endswith("séance du lundi 19 février 2018.")
    assert unwrap("Anna Kowalska\nand her team\n") == ["Anna Kowalska and her team"]


def test_a_paragraph_cut_by_a_column_end_is_joined_across_the_blank_line() -> None:
    """A PDF's layout analysis (pdfminer.six, pdftotext) ends a text box where a column ends: the paragraph
    running on at the top of the next column came out as two ("... tonnes of cargo" | "last year, ...")."""
    text = (
        "Shipping companies welcomed the decision.\nThe port handled 2.3 million tonnes\nof cargo\n\n"
        "last year, a record, and several lines had\nwarned that they would move to other ports.\n"
    )
    assert unwrap(text) == [
        "Shipping companies welcomed the decision. The port handled 2.3 million tonnes of cargo last year, a record, "
        "and several lines had warned that they would move to other ports."
    ]


def test_a_blank_line_still_ends_a_sentence_a_heading_or_a_list() -> None:
    """Left alone: after a full stop, a heading or before a list item a blank line ends the paragraph, whatever
    case the next one begins in ("eBay said ...")."""
    text = (
        "Online sales rose by a third in the quarter.\n\neBay said its German sellers gained most.\n\n"
        "Key findings\n\nbelow are the three main results:\n\n- exports rose\n"
    )
    assert unwrap(text) == [
        "Online sales rose by a third in the quarter.",
        "eBay said its German sellers gained most.",
        "Key findings",
        "below are the three main results:",
        "- exports rose",
    ]


# Typewritten wire copy of the 1980s (Reuters-21578's stories): each paragraph's first line set in four spaces,
# lines wrapped at ~65 characters, nothing between paragraphs; every line as long as the column.
INDENTED = (
    "    Harbour Lines Inc said it will sell its two oldest ferries to\n"
    "a Greek operator for about 14 mln dlrs and lease newer ships.\n"
    "    The company said the sale would be completed by the end of\n"
    "April and would not affect its summer timetable to the islands.\n"
    "    Harbour Lines shares rose 1/4 to 18-1/2 in early trading on\n"
    "the news, making it one of the most active issues of the day.\n"
)


def test_an_indented_first_line_opens_a_paragraph() -> None:
    """Each full line ended in a full stop was joined to the next paragraph: one paragraph of three."""
    paragraphs = unwrap(INDENTED)
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("The company said the sale") and paragraphs[1].endswith("to the islands.")


def test_hanging_indents_and_a_lone_indented_line_are_no_paragraph_openings() -> None:
    """Leave alone: a list item's wrapped lines set in under it, and a single quotation set in."""
    hanging = (
        "The council agreed on the following measures for the old town centre:\n"
        "1. Close the market square to through traffic on weekdays, from\n"
        "   April, and on weekends from the start of the summer holidays.\n"
        "2. Build a new car park beside the station, paid for by the\n"
        "   regional transport fund over the next three years.\n"
    )
    assert unwrap(hanging)[1] == (
        "1. Close the market square to through traffic on weekdays, from April, and on weekends from the start"
        " of the summer holidays."
    )
    quoted = (
        "The mayor opened the meeting with a passage from the town's first\n"
        "charter, which the council had framed for the anniversary year:\n"
        "    The town shall keep its market free to all who come in peace.\n"
        "She said the words were as true now as they had been in 1342.\n"
    )
    assert len(unwrap(quoted)) == len(unwrap(quoted.replace("    The town", "The town")))
