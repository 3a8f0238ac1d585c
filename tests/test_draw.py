"""vnfa draw: the views' NetworkX graphs, the filters and ego networks,
SPARQL results as networks, the layouts, and every output format read back."""
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from vnfa.cli import main
from vnfa.draw import layout as layout_module
from vnfa.draw.styles import LAYOUT_NOTES, OUTPUT_FORMATS, edge_style, node_style
from vnfa.errors import GraphError, QueryError
from vnfa.network.ego import ego_network
from vnfa.network.filters import filter_countries, filter_dates, filter_relations, find_nodes, focus
from vnfa.network.request import DrawRequest, caption_of, make_network, readable, render
from vnfa.network.views import VIEWS
from vnfa.store.open import opened

ID = "https://w3id.org/vnfa/id/"
PMC, KISHIDA, IWAYA = ID + "person/pham-minh-chinh", ID + "person/kishida-fumio", ID + "person/iwaya-takeshi"
SON, HUNG_BA = ID + "person/bui-thanh-son", ID + "person/hung-ba"
HOA, KHAMPHAO, HANG = ID + "person/nguyen-van-hoa", ID + "person/khamphao-ernthavanh", ID + "person/nguyen-thi-hang"
VN, JP, CN, LA = (ID + f"country/{c}" for c in ("VN", "JP", "CN", "LA"))
APEC = ID + "intl/APEC"

ARTICLES = [
    ("a1", "2023-09-10", "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio",
     "Chiều 10/9, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
     "Hai bên nhất trí nâng quan hệ Việt Nam – Nhật Bản lên Đối tác chiến lược toàn diện.\n\n"
     "Thủ tướng Phạm Minh Chính khẳng định Việt Nam coi trọng quan hệ với Nhật Bản."),
    ("a2", "2024-05-20", "Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Trung Quốc",
     "Ngày 20/5, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Trung Quốc tại Việt Nam Hùng Ba. "
     "Bộ trưởng Bùi Thanh Sơn đề nghị hai bên thúc đẩy quan hệ Đối tác hợp tác chiến lược toàn diện "
     "Việt Nam – Trung Quốc.\n\nĐại sứ Hùng Ba cho biết Trung Quốc coi trọng quan hệ với Việt Nam."),
    ("a3", "2025-01-15", "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Nhật Bản",
     "Chiều 15/1, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Ngoại giao Nhật Bản Iwaya Takeshi. "
     "Thủ tướng Phạm Minh Chính đề nghị Nhật Bản tiếp tục hỗ trợ Việt Nam.\n\n"
     "Bộ trưởng Iwaya Takeshi phát biểu tại buổi tiếp rằng Nhật Bản coi Việt Nam là đối tác quan trọng. "
     "Việt Nam và Nhật Bản đều là thành viên của APEC."),
    ("a4", "2024-11-02", "Thứ trưởng Ngoại giao Nguyễn Văn Hoà tiếp Đại sứ Lào",
     "Ngày 2/11, tại Hà Nội, Thứ trưởng Bộ Ngoại giao Nguyễn Văn Hoà đã tiếp Đại sứ Lào tại Việt Nam "
     "Khamphao Ernthavanh. Cùng dự có Vụ trưởng Vụ Đông Nam Á Nguyễn Thị Hằng.\n\n"
     "Thứ trưởng Nguyễn Văn Hoà khẳng định Việt Nam luôn coi trọng quan hệ đặc biệt với Lào."),
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A store holding the four articles above (closed again, so the CLI can open it)."""
    from vnfa.ingest.pipeline import ingest

    folder = tmp_path_factory.mktemp("draw")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "date": d, "title": t, "url": f"https://example.org/{i}",
                                          "text": f"{t}\n\n{x}"}, ensure_ascii=False) + "\n"
                              for i, d, t, x in ARTICLES), encoding="utf-8")
    with opened(folder / "store") as dataset:
        report = ingest([corpus], dataset, progress=False)
    assert not report.failed
    return str(folder / "store")


@pytest.fixture(scope="module")
def views(store_dir):
    with opened(store_dir, create=False) as dataset:
        return {name: build(dataset) for name, build in VIEWS.items()}


@pytest.fixture(autouse=True)
def layout_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VNFA_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "layouts"


def edge(graph, u, v, relation):
    return graph.get_edge_data(u, v)[relation]


def test_actors_view_links_people_to_their_posts_countries_and_meetings(views):
    graph = views["actors"]
    assert graph.nodes[PMC] == {"type": "person", "label": "Phạm Minh Chính", "label_en": "Phạm Minh Chính",
                                "country": ["VN"]}
    assert graph.nodes[ID + "org/chinh-phu--VN"]["label_en"] == "Government"
    post = edge(graph, PMC, ID + "org/chinh-phu--VN", "holds-post-in")
    assert (post["title"], post["title_en"], post["weight"], post["articles"], post["first"], post["last"]) == \
        ("Thủ tướng", "Prime Minister", 2, 2, "2023-09-10", "2025-01-15")
    assert edge(graph, KISHIDA, JP, "post-of")["title_en"] == "Prime Minister"
    assert edge(graph, ID + "org/chinh-phu--VN", VN, "in-country")["weight"] == 2
    met = edge(graph, PMC, KISHIDA, "met")
    assert (met["dates"], met["articles"], met["weight"], met["first"], met["last"]) == \
        (["2023-09-10"], 1, 1, "2023-09-10", "2023-09-10")
    assert graph.graph["articles"] == 4


def test_meetings_view_is_who_met_whom(views):
    graph = views["meetings"]
    assert set(graph) == {PMC, KISHIDA, IWAYA, SON, HUNG_BA, HOA, KHAMPHAO}
    assert sorted(tuple(sorted((graph.nodes[u]["label"], graph.nodes[v]["label"]))) for u, v in graph.edges()) == [
        ("Bùi Thanh Sơn", "Hùng Ba"), ("Iwaya Takeshi", "Phạm Minh Chính"), ("Khamphao Ernthavanh", "Nguyễn Văn Hoà"),
        ("Kishida Fumio", "Phạm Minh Chính")]
    talks = edge(graph, PMC, KISHIDA, "met")
    assert (talks["title"], talks["title_en"], talks["dates"]) == ("Hội đàm", "Talks", ["2023-09-10"])
    assert graph.nodes[HUNG_BA]["country"] == ["CN"]


def test_partners_view_keeps_the_strongest_level_stated(views):
    graph = views["partners"]
    assert set(graph) == {VN, JP, CN, LA, APEC}
    japan = graph.get_edge_data(VN, JP)
    assert list(japan) == ["comprehensive-strategic"]
    strongest = japan["comprehensive-strategic"]
    assert (strongest["articles"], strongest["first"], strongest["last"]) == (2, "2023-09-10", "2025-01-15")
    assert japan["comprehensive-strategic"]["levels"] == ["comprehensive-strategic", "partner"]
    assert list(graph.get_edge_data(VN, LA)) == ["special"]
    assert list(graph.get_edge_data(VN, APEC)) == ["member"]
    assert (graph.nodes[JP]["label"], graph.nodes[JP]["label_en"], graph.nodes[APEC]["type"]) == \
        ("Nhật Bản", "Japan", "intl")


def test_events_view_links_people_to_the_events_they_spoke_at_or_attended(views):
    graph = views["events"]
    talks = next(n for n, d in graph.nodes(data=True) if d["type"] == "event" and d.get("event_type") == "talks")
    assert (graph.nodes[talks]["label"], graph.nodes[talks]["label_en"]) == ("Hội đàm 10/9", "Talks 09-10")
    assert edge(graph, PMC, talks, "spoke-at")["dates"] == ["2023-09-10"]
    assert list(graph.get_edge_data(KISHIDA, talks)) == ["attended"]
    assert sum(1 for _, d in graph.nodes(data=True) if d["type"] == "event") == 4


@pytest.mark.parametrize("since, until, pairs", [
    ("2024", None, {(SON, HUNG_BA), (PMC, IWAYA), (HOA, KHAMPHAO)}),
    (None, "2023", {(PMC, KISHIDA)}),
    ("2024-05", "2024-05-20", {(SON, HUNG_BA)}),
    ("2024-06", "2024-10", set()),
])
def test_date_filters_keep_facts_in_the_period(views, store_dir, since, until, pairs):
    graph = filter_dates(views["meetings"], since, until)
    assert {tuple(sorted((u, v))) for u, v in graph.edges()} == {tuple(sorted(p)) for p in pairs}
    with opened(store_dir, create=False) as dataset:  # and as the store filters them, before aggregating
        stored = VIEWS["meetings"](dataset, since, until)
    assert {tuple(sorted((u, v))) for u, v in stored.edges()} == {tuple(sorted(p)) for p in pairs}
    assert stored.graph["articles"] == len({a for a, d, *_ in ARTICLES if (since or "0") <= d[:len(since or "0")]
                                            and d[:len(until or "9")] <= (until or "9")} & {"a1", "a2", "a3", "a4"})


def test_a_bad_date_says_what_to_give(views):
    with pytest.raises(GraphError, match="--since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not '2024/05'"):
        filter_dates(views["meetings"], "2024/05", None)


def test_relation_filter_keeps_only_those_relations(views):
    graph = filter_relations(views["actors"], ["met"])
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"met"}
    assert graph.number_of_edges() == 4 and ID + "org/chinh-phu--VN" not in graph


def test_country_filter_keeps_edges_touching_that_country(views):
    graph = filter_countries(views["meetings"], ["jp"])
    assert set(graph) == {PMC, KISHIDA, IWAYA}
    with pytest.raises(GraphError, match=r"no node of ZZ left to draw; codes present: CN, JP, LA, VN"):
        filter_countries(views["meetings"], ["ZZ"])


@pytest.mark.parametrize("name", ["pham minh chinh", "PHẠM MINH CHÍNH", "Phạm Minh Chính"])
def test_focus_matches_names_with_or_without_accents(views, name):
    ego = focus(views["meetings"], name, hops=1)
    assert set(ego) == {PMC, KISHIDA, IWAYA}
    assert ego.graph["focus"] == PMC


def test_focus_ignores_where_the_tone_mark_sits(views):
    assert find_nodes(views["meetings"], "Nguyễn Văn Hòa") == [HOA]  # written "Hoà" in the article
    assert set(focus(views["actors"], "nguyen van hoa", hops=0)) == {HOA}


def test_focus_hops_widen_the_ego_network(views):
    one = focus(views["actors"], "Iwaya Takeshi", hops=1)
    two = focus(views["actors"], "Iwaya Takeshi", hops=2)
    assert set(one) == {IWAYA, PMC, ID + "org/bo-ngoai-giao--JP"}  # Japan's ministry, not Vietnam's
    assert {KISHIDA, ID + "org/chinh-phu--VN"} <= set(two) and SON not in two and len(two) > len(one)


@pytest.mark.parametrize("view, name, hops, nodes, articles", [
    ("meetings", "pham minh chinh", 1, {PMC, KISHIDA, IWAYA}, 2),
    ("meetings", "Nguyễn Văn Hòa", 0, {HOA}, 0),
    ("actors", "Iwaya Takeshi", 1, {IWAYA, PMC, ID + "org/bo-ngoai-giao--JP"}, 1),
    ("partners", "Lào", 1, {VN, LA}, 1),
])
def test_focus_is_asked_of_the_store_ring_by_ring(store_dir, view, name, hops, nodes, articles):
    with opened(store_dir, create=False) as dataset:
        ego = ego_network(dataset, view, name, hops)
    assert (set(ego), ego.graph["articles"]) == (nodes, articles)
    assert ego.graph["focus"] in nodes and all("label" in data for _, data in ego.nodes(data=True))


@pytest.mark.parametrize("hops", [1, 2, 3])
def test_focus_on_events_asks_each_node_on_its_side_and_gets_what_asking_both_sides_gets(store_dir, views, hops,
                                                                                           monkeypatch):
    def edges(graph):
        return sorted((*sorted((u, v)), key) for u, v, key in graph.edges(keys=True))

    with opened(store_dir, create=False) as dataset:
        one_side = ego_network(dataset, "events", "pham minh chinh", hops)
        monkeypatch.setattr("vnfa.network.ego.TWO_SIDED", set())
        both_sides = ego_network(dataset, "events", "pham minh chinh", hops)
    assert set(one_side) == set(both_sides) == set(focus(views["events"], "pham minh chinh", hops=hops))
    assert edges(one_side) == edges(both_sides) and len(edges(one_side)) >= hops


def test_focus_in_the_store_widens_with_hops_and_says_what_is_wrong(store_dir, views):
    with opened(store_dir, create=False) as dataset:
        two = ego_network(dataset, "actors", "Iwaya Takeshi", 2)
        assert set(two) == set(focus(views["actors"], "Iwaya Takeshi", hops=2))
        for name, message in (("Nguyễn", "'Nguyễn' matches 2 nodes: Nguyễn Thị Hằng (person); Nguyễn Văn Hoà "
                                          "(person); give the full name"),
                              ("Tô Lâm", "no node named 'Tô Lâm' in this view; check the spelling or try another "
                                         "--view")):
            with pytest.raises(GraphError) as error:
                ego_network(dataset, "actors", name, 1)
            assert str(error.value) == message


def test_an_ambiguous_name_lists_the_candidates(views):
    with pytest.raises(GraphError) as error:
        focus(views["actors"], "Nguyễn")
    assert str(error.value) == ("'Nguyễn' matches 2 nodes: Nguyễn Thị Hằng (person); Nguyễn Văn Hoà (person); "
                                "give the full name")
    with pytest.raises(GraphError, match="no node named 'Tô Lâm' in this view"):
        focus(views["actors"], "Tô Lâm")


def test_construct_query_draws_its_triples(store_dir):
    text = "CONSTRUCT { ?a vnfa:met ?b } WHERE { ?a vnfa:met ?b }"
    with opened(store_dir, create=False) as dataset:
        graph = make_network(dataset, DrawRequest(query=text))
    assert set(graph) == {PMC, KISHIDA, IWAYA, SON, HUNG_BA, HOA, KHAMPHAO}
    assert edge(graph, PMC, KISHIDA, "met")["weight"] == 2  # a met b and b met a
    assert (graph.nodes[HUNG_BA]["label"], graph.nodes[HUNG_BA]["type"]) == ("Hùng Ba", "person")


def test_two_column_select_draws_one_edge_a_row(store_dir):
    text = "SELECT ?person ?org WHERE { ?m a org:Membership ; org:member ?person ; org:organization ?org }"
    with opened(store_dir, create=False) as dataset:
        graph = make_network(dataset, DrawRequest(query=text))
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {"org"}
    assert graph.nodes[ID + "org/vu-dong-nam-a--VN"]["label"] == "Vụ Đông Nam Á"
    assert set(graph[HANG]) == {ID + "org/vu-dong-nam-a--VN"}


def _error(store_dir, request) -> str:
    """The message of the error a request raises (the exception dropped at once: its frames hold the store)."""
    with opened(store_dir, create=False) as dataset:
        try:
            make_network(dataset, request)
        except QueryError as error:
            return str(error)
    return ""


@pytest.mark.parametrize("text, shape", [
    ("SELECT ?a WHERE { ?a ?b ?c } LIMIT 1", "this SELECT has 1 column (?a)"),
    ("ASK { ?a ?b ?c }", "this is an ASK query"),
])
def test_other_queries_are_refused_with_the_reason(store_dir, text, shape):
    assert _error(store_dir, DrawRequest(query=text)) == (
        "a network needs a CONSTRUCT or DESCRIBE query, or a SELECT whose first two columns are the two ends of "
        f"each edge; {shape}")


def test_a_wider_select_draws_its_first_two_columns_up_to_the_rows_asked(store_dir):
    text = ("SELECT ?a ?met ?event WHERE { ?x a vnfa:Encounter ; vnfa:side ?a, ?met ; vnfa:atEvent ?event "
            "FILTER(STR(?a) < STR(?met)) } ORDER BY ?a ?met")
    with opened(store_dir, create=False) as dataset:
        whole = make_network(dataset, DrawRequest(query=text))
        first = make_network(dataset, DrawRequest(query=text, rows=1))
    assert sorted((*sorted((u, v)), k, d["weight"]) for u, v, k, d in whole.edges(keys=True, data=True)) == [
        (SON, HUNG_BA, "met", 1), (IWAYA, PMC, "met", 1), (KHAMPHAO, HOA, "met", 1), (KISHIDA, PMC, "met", 1)]
    assert [(*sorted((u, v)), k) for u, v, k in first.edges(keys=True)] == [(SON, HUNG_BA, "met")]  # the first row


def test_caption_says_what_was_drawn_and_from_how_many_articles(store_dir):
    request = DrawRequest(view="meetings", since="2024", focus="Bui Thanh Son", lang="en")
    with opened(store_dir, create=False) as dataset:
        graph = make_network(dataset, request)
    assert caption_of(graph, request, "force", 7) == (
        "2 nodes, 1 edges, from 1 of the 4 articles in the store; filters: since 2024, ego network of "
        "Bùi Thanh Sơn within 1 hops. Layout force (seed 7).")


def test_layouts_are_seeded_and_cached(views, layout_cache, monkeypatch):
    monkeypatch.setattr(layout_module, "CACHE_MIN", 0)
    graph = views["actors"]
    first, name = layout_module.layout_positions(graph, "force", seed=3)
    cached = list(layout_cache.glob("*.json"))
    assert name == "force" and len(cached) == 1
    assert layout_module.layout_positions(graph, "force", seed=3)[0] == first
    cached[0].write_text("{not json")
    again = layout_module.layout_positions(graph, "force", seed=3)[0]
    assert all(again[n] == pytest.approx(first[n]) for n in graph)
    assert layout_module.force_layout(graph, seed=4) != first
    assert layout_module.choose_layout(views["partners"]) == "shell"
    assert set(layout_module.LAYOUTS) == set(LAYOUT_NOTES)


def test_labels_follow_the_language(views):
    from vnfa.draw.figure import draw_graph

    for lang, name in (("vi", "Nhật Bản"), ("en", "Japan")):
        figure = draw_graph(views["partners"], lang=lang, size=(6, 4), dpi=60)
        assert name in [text.get_text() for text in figure.axes[0].texts]


def _write(store_dir, tmp_path, fmt, **options):
    path = tmp_path / f"out.{fmt}"
    request = DrawRequest(view="actors", lang="en", **options)
    with opened(store_dir, create=False) as dataset:
        graph = make_network(dataset, request)
    assert render(graph, request, str(path)) == fmt
    return path, graph


def test_graphml_reads_back(store_dir, tmp_path):
    path, graph = _write(store_dir, tmp_path, "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back) == set(graph) and back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[PMC]["label"] == "Phạm Minh Chính"
    met = back.get_edge_data(PMC, KISHIDA) or back.get_edge_data(KISHIDA, PMC)
    assert (met["met"]["dates"], met["met"]["direction"]) == ("2023-09-10", "undirected")
    assert_directions(back)


def assert_directions(back):
    """Directed relations go from the node that acts: the member to the post's country, the organisation
    to its country; the reverse edge is not there."""
    def data(u, v, relation):
        found = back.get_edge_data(u, v) or {}
        return found.get(relation) if back.is_multigraph() else found if found.get("relation") == relation else None

    assert back.is_directed()
    assert data(KISHIDA, JP, "post-of")["direction"] == "directed" and data(JP, KISHIDA, "post-of") is None
    org = ID + "org/chinh-phu--VN"
    assert data(org, VN, "in-country")["direction"] == "directed" and data(VN, org, "in-country") is None


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_network_files_carry_articles_and_first_and_last_dates(store_dir, tmp_path, fmt):
    path, _ = _write(store_dir, tmp_path, fmt)
    back = {"graphml": lambda: nx.read_graphml(path, force_multigraph=True), "gexf": lambda: nx.read_gexf(path),
            "json": lambda: nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))}[fmt]()
    data = back.get_edge_data(PMC, ID + "org/chinh-phu--VN")
    post = data.get("holds-post-in", data)  # GEXF reads back as a simple graph
    assert (int(post["articles"]), post["first"], post["last"]) == (2, "2023-09-10", "2025-01-15")


def test_a_large_figure_shows_the_most_connected_and_says_what_was_left_out(views):
    request = DrawRequest(view="actors", lang="en", max_nodes=3)
    graph = views["actors"]
    shown = readable(graph, 3)
    strength = dict(graph.degree(weight="weight"))
    assert len(shown) == 3 and min(strength[n] for n in shown) >= sorted(strength.values())[-3]
    assert caption_of(shown, request, "force", 7).startswith(
        f"the 3 most connected of {len(graph)} nodes and {shown.number_of_edges()} of {graph.number_of_edges()} "
        "edges, from 4 of the 0 articles in the store (.graphml/.gexf/.json files hold them all).")
    assert readable(graph, 1000) is graph


def test_gexf_reads_back_with_dates_as_spells(store_dir, tmp_path):
    path, graph = _write(store_dir, tmp_path, "gexf")
    back = nx.read_gexf(path)
    assert set(back) == set(graph) and back.nodes[KISHIDA]["label"] == "Kishida Fumio"
    assert_directions(back)
    assert back.nodes[KISHIDA]["viz"]["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}  # a person's blue
    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = ET.parse(path).getroot()
    assert root.find("g:graph", ns).get("mode") == "dynamic"
    spells = {(s.get("start"), s.get("end")) for s in root.iter("{http://www.gexf.net/1.2draft}spell")}
    assert ("2023-09-10", "2023-09-10") in spells


def test_json_reads_back(store_dir, tmp_path):
    path, graph = _write(store_dir, tmp_path, "json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))  # NetworkX's defaults
    assert set(back) == set(graph) and back.nodes[JP]["label_en"] == "Japan"
    assert back.number_of_edges() == graph.number_of_edges()
    assert_directions(back)


def test_html_is_one_offline_file(store_dir, tmp_path):
    path, graph = _write(store_dir, tmp_path, "html")
    page = path.read_text(encoding="utf-8")
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    data = json.loads(page.split('id="data">', 1)[1].split("</script>", 1)[0])
    assert len(data["nodes"]) == graph.number_of_nodes() and "Japan" in {n["label"] for n in data["nodes"]}


def test_svg_parses_and_png_pdf_have_their_size(store_dir, tmp_path):
    from PIL import Image

    svg, _ = _write(store_dir, tmp_path, "svg")
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    png, _ = _write(store_dir, tmp_path, "png", size=(4.0, 3.0), dpi=50)
    assert Image.open(png).size == (200, 150)
    pdf, _ = _write(store_dir, tmp_path, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert set(OUTPUT_FORMATS) == {"png", "svg", "pdf", "graphml", "gexf", "json", "html"}


@pytest.mark.parametrize("args, code, message", [
    (["--focus", "Nguyễn"], 1, "'Nguyễn' matches 2 nodes"),
    (["--size", "big"], 2, "'big' is no size; give WIDTHxHEIGHT in inches, such as 12x9"),
    (["--relation", "likes"], 2, "'likes' is not one of"),
    (["-o", "x.txt"], 1, "cannot write 'x.txt': give a file ending in .png"),
])
def test_draw_command_errors(store_dir, args, code, message):
    result = CliRunner().invoke(main, ["draw", "--store", store_dir, *args])
    assert result.exit_code == code
    assert message in result.output


def test_draw_command_writes_the_chosen_format(store_dir, tmp_path):
    out = tmp_path / "meetings.bin"
    result = CliRunner().invoke(main, ["draw", "--store", store_dir, "--view", "meetings", "--format", "graphml",
                                       "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "(7 nodes, 4 edges)" in result.stderr
    assert nx.read_graphml(out).number_of_nodes() == 7
    png = CliRunner().invoke(main, ["draw", "--store", store_dir, "--view", "partners", "--size", "3x2", "--dpi", "40",
                                    "-o", "-", "-q"])
    assert png.stdout_bytes.startswith(b"\x89PNG")


def test_draw_command_reports_a_query_file_it_cannot_read(store_dir, tmp_path):
    query = tmp_path / "latin1.rq"
    query.write_bytes("SELECT ?a ?b WHERE { ?a ?p ?b } # Hà Nội".encode("latin-1", errors="replace") + b"\xff")
    result = CliRunner().invoke(main, ["draw", "--store", store_dir, "--query", str(query)])
    assert result.exit_code == 1
    assert f"{query}: not UTF-8 text; save the query as UTF-8" in result.output


SAME_QUERIES = [  # persons; countries, organisations, events, intl; untyped roles; memberships named by role
    "CONSTRUCT { ?a vnfa:met ?b } WHERE { ?a vnfa:met ?b }",
    "CONSTRUCT { ?a vnfa:country ?c . ?e vnfa:participant ?p . ?s vnfa:partner ?x } WHERE { { ?a vnfa:country ?c } "
    "UNION { ?e vnfa:participant ?p } UNION { ?s vnfa:partner ?x } }",
    "SELECT ?person ?role ?m WHERE { ?m org:member ?person ; org:role ?role } ORDER BY ?person",
    "SELECT ?m ?organization WHERE { ?m org:organization ?organization }",
]


def svg_look(svg: str) -> tuple[dict[str, str], set[str]]:
    """Node IRI -> fill colour (the nodes are links), and the edges' stroke colours."""
    import re

    nodes = dict(re.findall(r'<a xlink:href="([^"]+)"[^>]*>\s*<(?:use|path) [^>]*style="fill: (#\w+)', svg))
    edges = set(re.findall(r'<g id="LineCollection_\d+">\s*<path [^>]*style="fill: none;[^"]*? stroke: (#\w+)', svg))
    return nodes, edges


def network_facts(graph) -> tuple:
    nodes = {n: (d["type"], d["label"], node_style(d["type"]).colour) for n, d in graph.nodes(data=True)}
    edges = sorted((*sorted((u, v)), k, d["weight"], edge_style(k).colour) for u, v, k, d in graph.edges(keys=True, data=True))
    return nodes, edges


def test_the_page_draws_a_query_as_the_command_line_does(store_dir, tmp_path, monkeypatch):
    import httpx
    import pyoxigraph as ox

    from vnfa.network.request import query_svg, worker_dataset
    from vnfa.query import results
    from vnfa.serve.app import ServeSettings, serving

    drawn = []
    for i, text in enumerate(SAME_QUERIES):
        (tmp_path / f"{i}.rq").write_text(text, encoding="utf-8")
        out = tmp_path / f"{i}.svg"
        result = CliRunner().invoke(main, ["draw", "--store", store_dir, "--query", str(tmp_path / f"{i}.rq"),
                                           "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        with opened(store_dir, create=False) as dataset:
            drawn.append((network_facts(make_network(dataset, DrawRequest(query=text))), out.read_text("utf-8")))
    monkeypatch.setattr(results, "_STORE", ox.Store.read_only(store_dir))  # as in a query worker
    for text, (facts, _) in zip(SAME_QUERIES, drawn):
        assert network_facts(make_network(worker_dataset(), DrawRequest(query=text, rows=500))) == facts
    assert query_svg(SAME_QUERIES[0], 500).startswith(b"<?xml")
    with serving(ServeSettings(store=store_dir, workers=1)) as url:
        pages = [httpx.post(f"{url}/api/draw", data={"query": text}, timeout=60).text for text in SAME_QUERIES]
    for ((nodes, edges), cli_svg), page_svg in zip(drawn, pages):
        assert svg_look(page_svg) == svg_look(cli_svg)
        assert svg_look(page_svg)[0] == {n: colour.lower() for n, (_, _, colour) in nodes.items() if n.startswith("http")}
        assert svg_look(page_svg)[1] == {colour.lower() for *_, colour in edges}
    assert ">liên kết<" in pages[2] and ">gặp<" in pages[0]  # the legend names unknown relations as linked
    kinds = {kind for (nodes, _), _ in drawn for kind, _, _ in nodes.values()}
    assert kinds == {"person", "country", "organisation", "intl", "event", "other"}
    roles = drawn[3][0][0]
    assert {label for kind, label, _ in roles.values() if kind == "other"} >= {"Bộ trưởng", "Vụ trưởng"}
