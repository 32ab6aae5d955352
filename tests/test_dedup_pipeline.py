"""Near-duplicates through the CLI: files -> `axis-ingest ingest` -> SQLite, read back as a user would.

The story and its reprints are written for these tests: a cut reprint, a re-headlined wire copy with
a dateline, and a different story that shares only the lead paragraphs (a council round-up that
opens with the same two paragraphs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

STORY = [
    "Train drivers on the Northern Dales line will strike for 48 hours from Friday after talks over new "
    "weekend rotas broke down late on Tuesday, the drivers' union said, leaving about 60,000 daily "
    "passengers without a service between Harrowgate and Kettleby.",
    "The operator, Dales Rail, said it had offered a 4.5% pay rise alongside the rota changes, which would "
    "require drivers to work two extra Sundays a quarter, but union representatives rejected the package "
    "after a ballot in which 81% of members voted to take action.",
    "“Our members are not against Sundays. They are against being told about them a week in advance,” said "
    "branch secretary Colm Reddy, who has driven on the line for 23 years. “Give people a rota they can plan "
    "a family around and this goes away.”",
    "Dales Rail's operations director, Helen Marsh, said the company needed the new rotas to run the "
    "extra Sunday trains promised in its franchise agreement, and that the offer was the most generous "
    "made to any group of staff since the line was privatised.",
    "The company said it would run a replacement bus every hour between the two main stations, but warned "
    "that journeys would take about twice as long and that smaller stops such as Upper Wensley and Carr "
    "Bridge would not be served at all.",
    "Schools along the route said pupils who rely on the early train would be marked as authorised absent "
    "if they could not get in, and the county council asked employers to be flexible about working from "
    "home on both days.",
    "Business groups in Kettleby estimated that a two-day stoppage would cost town-centre shops and cafes "
    "about 300,000 pounds, coming only a month after flooding closed the line for a week in January.",
    "Both sides said they were willing to return to talks at the conciliation service, but no date had been "
    "set by Wednesday evening. A second 48-hour strike has been called for the following weekend if no "
    "agreement is reached.",
    "Passengers with season tickets will be able to claim compensation for the strike days through the "
    "operator's website, Dales Rail said, and tickets bought for Friday or Saturday will be accepted on "
    "Sunday or Monday instead.",
]

# A different story that opens with the strike story's two lead paragraphs, then reports other business.
ROUNDUP = [
    *STORY[:2],
    "In other news from the county, the library in Upper Wensley will reopen on Monday after a six-month "
    "refurbishment that added a children's reading room, a community kitchen and a lift to the first floor.",
    "Volunteers at the Carr Bridge food bank say demand has doubled since the autumn, and they are asking "
    "for tinned fish, rice and toiletries rather than pasta, of which they now have more than they can store.",
]


# A short piece that opens with the same two paragraphs and adds one of its own: most of its text is the
# story's lead, but it goes on after it, so it is not a copy.
NOTICE = [
    *STORY[:2],
    "Readers in the Dales can send their questions about the strike to our transport desk, and we will put "
    "the most common ones to both the union and the operator in next week's edition of the paper.",
]


IngestTexts = Callable[[dict[str, str]], Path]


def _canonical(conn: sqlite3.Connection, name: str) -> int:
    """The canonical article of the article read from the file `name` (following duplicate_of)."""
    (article_id,) = conn.execute(
        "SELECT s.article_id FROM article_sources s JOIN raw_documents d ON d.id = s.raw_document_id "
        "WHERE d.path LIKE ?",
        (f"%/{name}",),
    ).fetchone()
    while True:
        (parent,) = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if parent is None:
            return article_id
        article_id = parent


def test_cut_and_reheadlined_reprints_join_the_story_and_a_shared_lede_story_does_not(
    ingest_texts: IngestTexts,
) -> None:
    files = {
        "a-dales-courier.txt": "\n\n".join(STORY) + "\n",
        # Cut to its first paragraphs: 40% of the story, held whole by the full text.
        "b-valley-post.txt": "\n\n".join(STORY[:4]) + "\n",
        "c-evening-star.txt": "\n\n".join(STORY[:3]) + "\n",
        # A wire copy: a new headline and a dateline in front of the same text, the end cut.
        "d-wire.txt": "\n\n".join(
            ["Dales line drivers to strike over weekend rotas", "LEEDS, England (Reuters) — " + STORY[0], *STORY[1:7]]
        )
        + "\n",
        # A copy cut to its lead, with a credit line the full story does not print.
        "e-dales-weekly.txt": "\n\n".join(
            [*STORY[:2], "Additional reporting by Sam Ellis and Priya Nair in Kettleby and Harrowgate."]
        )
        + "\n",
        "f-county-roundup.txt": "\n\n".join(ROUNDUP) + "\n",
        "g-dales-notice.txt": "\n\n".join(NOTICE) + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    story = _canonical(conn, "a-dales-courier.txt")
    for name in ("b-valley-post.txt", "c-evening-star.txt", "d-wire.txt", "e-dales-weekly.txt"):
        assert _canonical(conn, name) == story, name
    for name in ("f-county-roundup.txt", "g-dales-notice.txt"):
        other = _canonical(conn, name)
        assert other != story, name
        assert conn.execute("SELECT count(*) FROM articles WHERE duplicate_of = ?", (other,)).fetchone()[0] == 0


def test_a_shared_lede_story_read_first_takes_no_copies_of_the_story(ingest_texts: IngestTexts) -> None:
    """The round-up arrives before the story: the story and its cut copies are not its duplicates."""
    files = {
        "a-county-roundup.txt": "\n\n".join(ROUNDUP) + "\n",
        "b-dales-courier.txt": "\n\n".join(STORY) + "\n",
        "c-valley-post.txt": "\n\n".join(STORY[:4]) + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    roundup = _canonical(conn, "a-county-roundup.txt")
    story = _canonical(conn, "b-dales-courier.txt")
    assert story != roundup
    assert _canonical(conn, "c-valley-post.txt") == story


def test_a_reheadlined_copy_cut_to_the_lead_finds_the_full_story(ingest_texts: IngestTexts) -> None:
    """A brief of the first paragraph (Jaccard about 0.1 with the story): found through the lead bands."""
    files = {
        "a-dales-courier.txt": "\n\n".join(STORY) + "\n",
        "b-wire-short.txt": "\n\n".join(["Rail strike called on Dales line", "HARROWGATE, England (AP) — " + STORY[0]])
        + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    assert _canonical(conn, "b-wire-short.txt") == _canonical(conn, "a-dales-courier.txt")


# A Chinese story (written for this test): no spaces between words, so a "word" of the shingles is a clause.
# Its reprints must still join it, and a story that shares only its lead must not.
STORY_ZH = [
    "城市轨道交通新线路下月开通 沿线居民出行时间将缩短一半",
    (
        "本报讯 记者从市轨道交通集团获悉，经过为期三个月的空载试运行和安全评估，地铁十四号线一期工程将于下月"
        "二十八日正式开通运营。这条线路全长三十二公里，共设车站二十一座，其中换乘站六座，连接城市东部的新区与"
        "老城中心。"
    ),
    (
        "据介绍，十四号线采用六节编组的A型列车，最高运行速度每小时八十公里。开通初期，工作日早晚高峰的最小行"
        "车间隔为三分三十秒，平峰时段为六分钟。集团负责人表示，随着客流逐步增长，今年年底前将把高峰间隔压缩到"
        "三分钟以内。"
    ),
    (
        "沿线不少居民对新线路充满期待。家住东湖新区的王女士告诉记者，她每天开车到老城区上班，单程要一个多小时"
        "，遇到下雨天更是堵得厉害。“地铁通了以后，我算了一下，坐到单位只要三十五分钟，而且不用再为停车发愁。"
        "”"
    ),
    (
        "交通专家认为，十四号线的开通将明显改善城市东西方向的交通压力。市交通研究中心的一位研究员说，过去几年"
        "东部新区人口增长很快，但公共交通配套相对滞后，大量通勤者只能依靠私家车和公交车。新线路投入运营后，预"
        "计每天可分担约二十万人次的客流。"
    ),
    (
        "为了做好开通准备，轨道交通集团近期组织了多轮应急演练，内容包括列车故障救援、车站大客流疏导和火灾疏散"
        "等。各车站还将配备志愿者，帮助老年乘客和初次乘坐地铁的市民熟悉购票和进出站流程。"
    ),
    (
        "不过，也有市民提出了担忧。部分车站距离居民区较远，步行需要十五分钟以上，接驳公交线路尚未完全确定。对"
        "此，市公共交通管理部门表示，将在开通前调整十二条公交线路，并新增三条社区微循环线路，方便市民换乘。"
    ),
    (
        "此外，十四号线二期工程目前已完成百分之六十的土建施工，计划于后年底建成通车。届时，线路将向北延伸至高"
        "铁站，进一步完善城市综合交通枢纽的功能。"
    ),
]
ROUNDUP_ZH = [
    *STORY_ZH[:2],
    (
        "与此同时，市政府昨天召开新闻发布会，通报了今年上半年全市经济运行情况。数据显示，上半年全市地区生产总"
        "值同比增长百分之五点八，高于全国平均水平，其中服务业增加值增长最快。"
    ),
    (
        "在消费方面，社会消费品零售总额比去年同期增长百分之七，餐饮和旅游消费明显回暖。发布会上，统计局负责人"
        "表示，暑期到来后，文旅市场有望继续保持较快增长。"
    ),
    (
        "在就业方面，上半年城镇新增就业岗位超过十五万个，调查失业率保持在较低水平。市人社局表示，将继续开展高"
        "校毕业生就业服务专项行动，帮助更多年轻人找到合适的工作。"
    ),
    (
        "对于下半年的工作，市政府提出将继续扩大有效投资，推进一批重大项目建设，同时加大对中小企业的扶持力度，"
        "稳定市场预期。"
    ),
]


def test_chinese_reprints_join_the_story_and_a_shared_lede_story_does_not(ingest_texts: IngestTexts) -> None:
    """Text without spaces is shingled by clauses (`\\w+` runs between punctuation): a cut copy, a copy with a
    paragraph dropped or replaced by a stray word, and a wire copy with an English dateline still join."""
    dropped = [*STORY_ZH[:3], "said", *STORY_ZH[4:]]
    files = {
        "a-story.txt": "\n\n".join(STORY_ZH) + "\n",
        "b-cut-40.txt": "\n\n".join(STORY_ZH[:3]) + "\n",
        "c-edited.txt": "\n\n".join(dropped) + "\n",
        "d-wire.txt": "BEIJING (AP) — " + "\n\n".join(STORY_ZH[1:]) + "\n",
        "e-roundup.txt": "\n\n".join(ROUNDUP_ZH) + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    story = _canonical(conn, "a-story.txt")
    for name in ("b-cut-40.txt", "c-edited.txt", "d-wire.txt"):
        assert _canonical(conn, name) == story, name
    assert _canonical(conn, "e-roundup.txt") != story
