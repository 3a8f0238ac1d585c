"""What to draw, as one request: a view or a SPARQL query, narrowed by the
filters and the focus; and the title and caption that say what was drawn."""
from __future__ import annotations

import io
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Dataset

from ..draw.styles import FIGURE_FORMATS, OUTPUT_FORMATS, VIEW_TITLES, label_of
from ..errors import GraphError
from .ego import ego_network
from .filters import filter_countries, filter_dates, filter_relations, focus
from .views import VIEWS


@dataclass(frozen=True)
class DrawRequest:
    """Everything `vnfa draw` is asked for, before the picture."""

    view: str = "actors"
    query: str | None = None  # SPARQL text (CONSTRUCT or two-column SELECT)
    query_name: str = ""  # where the query came from, for the caption
    rows: int | None = None  # a query draws at most this many rows (SELECT) or edges (CONSTRUCT); None: all
    since: str | None = None
    until: str | None = None
    relations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    focus: str | None = None
    hops: int = 1
    lang: str = "vi"
    title: str | None = None
    # how to draw it
    fmt: str | None = None  # a key of OUTPUT_FORMATS; None: from the file's extension
    layout: str = "auto"
    seed: int = 7
    labels: int | None = None  # how many of the most central nodes to try to label
    max_nodes: int = 300  # a figure shows at most this many nodes, the most connected
    size: tuple[float, float] = (12.0, 9.0)  # inches
    dpi: int = 150


def read_query(path: str) -> str:
    """The text of a .rq file, or an error that says what is wrong with it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GraphError(f"{path}: not UTF-8 text; save the query as UTF-8") from None
    except OSError as error:
        raise GraphError(f"{path}: cannot read the query ({error.strerror})") from None


def make_network(dataset: Dataset, request: DrawRequest) -> nx.MultiGraph:
    """The NetworkX graph the request describes."""
    if request.query is not None:
        from .from_query import query_network

        graph = filter_dates(query_network(dataset, request.query, request.rows), request.since, request.until)
    elif request.view not in VIEWS:
        raise GraphError(f"no view '{request.view}'; choose one of: {', '.join(VIEWS)}")
    elif request.focus:  # asked of the store ring by ring: the work follows the ego network
        graph = ego_network(dataset, request.view, request.focus, request.hops, request.since, request.until)
    else:  # dates filtered by the store, which aggregates the edges
        graph = VIEWS[request.view](dataset, request.since, request.until)
    graph = filter_countries(filter_relations(graph, request.relations), request.countries)
    if request.focus and request.query is not None:
        graph = focus(graph, request.focus, request.hops)
    graph.graph["store_articles"] = store_articles(dataset)
    return graph


def store_articles(dataset: Dataset) -> int:
    from ..query.named import STATS_QUERIES, run_query

    return int(next(iter(run_query(dataset, STATS_QUERIES["articles"])))[0])


CAPTION_WORDS = {
    "vi": {"since": "từ {}", "until": "đến {}", "relation": "quan hệ {}", "country": "quốc gia {}",
           "focus": "mạng quanh {} trong {} bước", "filters": "lọc", "undated": "bỏ qua {} dữ kiện không có ngày",
           "layout": "Bố cục {} (hạt giống {}).",
           "counts": "{n} nút, {m} cạnh, lấy từ {a} trong số {t} bài báo của kho",
           "trimmed": "{n} nút có nhiều liên kết nhất trong số {all_n} và {m} trong số {all_m} cạnh, lấy từ {a} "
                      "trong số {t} bài báo của kho (tệp .graphml/.gexf/.json có đủ)",
           "query": "{n} nút, {m} cạnh: kết quả truy vấn {q} trên kho gồm {t} bài báo"},
    "en": {"since": "since {}", "until": "until {}", "relation": "relation {}", "country": "country {}",
           "focus": "ego network of {} within {} hops", "filters": "filters", "undated": "{} undated facts left out",
           "layout": "Layout {} (seed {}).",
           "counts": "{n} nodes, {m} edges, from {a} of the {t} articles in the store",
           "trimmed": "the {n} most connected of {all_n} nodes and {m} of {all_m} edges, from {a} of the {t} "
                      "articles in the store (.graphml/.gexf/.json files hold them all)",
           "query": "{n} nodes, {m} edges: result of the query {q} over a store of {t} articles"},
}


def title_of(request: DrawRequest) -> str:
    if request.title:
        return request.title
    vi, en = VIEW_TITLES["query" if request.query is not None else request.view]
    return vi if request.lang == "vi" else en


def caption_of(graph: nx.MultiGraph, request: DrawRequest, layout: str, seed: int) -> str:
    """What was drawn, from how many articles, with which filters and layout."""
    words = CAPTION_WORDS[request.lang]
    all_n, all_m = graph.graph.get("whole", (graph.number_of_nodes(), graph.number_of_edges()))
    counts = {"n": graph.number_of_nodes(), "m": graph.number_of_edges(), "a": graph.graph.get("articles", 0),
              "t": graph.graph.get("store_articles", 0), "q": request.query_name or "SPARQL",
              "all_n": all_n, "all_m": all_m}
    kind = "query" if request.query is not None else "trimmed" if all_n > counts["n"] else "counts"
    text = words[kind].format(**counts)
    filters = [words[key].format(value) for key, value in (("since", request.since), ("until", request.until))
               if value]
    filters += [words["relation"].format(", ".join(request.relations))] if request.relations else []
    filters += [words["country"].format(", ".join(c.upper() for c in request.countries))] if request.countries else []
    if request.focus:
        focused = label_of(graph.nodes[graph.graph["focus"]], request.lang) if "focus" in graph.graph \
            else request.focus
        filters.append(words["focus"].format(focused, request.hops))
    filters += [words["undated"].format(graph.graph["undated"])] if graph.graph.get("undated") else []
    if filters:
        text += f"; {words['filters']}: " + ", ".join(filters)
    return text + ". " + words["layout"].format(layout, seed)


def output_format(request: DrawRequest, output: str) -> str:
    """The format asked for, else the one the file's extension names."""
    fmt = (request.fmt or Path(output).suffix.lstrip(".") or "png").lower()
    if fmt not in OUTPUT_FORMATS:
        raise GraphError(f"cannot write '{output}': give a file ending in .{', .'.join(OUTPUT_FORMATS)} or --format")
    return fmt


def readable(graph: nx.MultiGraph, max_nodes: int) -> nx.MultiGraph:
    """A figure of thousands of nodes is a hairball: the ``max_nodes`` most connected (by articles; the
    focus always), with the whole graph's size kept for the caption."""
    if graph.number_of_nodes() <= max_nodes:
        return graph
    strength = dict(graph.degree(weight="weight"))
    first = [graph.graph["focus"]] if graph.graph.get("focus") in graph else []
    keep = first + sorted((n for n in graph if n not in first), key=lambda n: (-strength[n], n))
    shown = graph.subgraph(keep[:max_nodes]).copy()
    shown.graph.update(graph.graph, whole=(graph.number_of_nodes(), graph.number_of_edges()))
    return shown


def render(graph: nx.MultiGraph, request: DrawRequest, output: str, *, progress: bool = False) -> str:
    """Write the figure or the network file to ``output`` ('-': stdout); returns the format."""
    fmt = output_format(request, output)
    graph = readable(graph, request.max_nodes) if fmt in FIGURE_FORMATS else graph
    with _target(output) as path:
        if fmt in FIGURE_FORMATS:
            from ..draw.figure import save_figure

            save_figure(figure_of(graph, request, progress=progress), path, fmt)
        else:
            from ..draw.layout import layout_positions
            from ..draw.netfiles import WRITERS

            pos, layout = layout_positions(graph, request.layout, request.seed, progress=progress)
            WRITERS[fmt](graph, path, pos=pos, lang=request.lang, title=title_of(request),
                         caption=caption_of(graph, request, layout, request.seed))
    return fmt


def figure_of(graph: nx.MultiGraph, request: DrawRequest, *, progress: bool = False):
    """The matplotlib Figure of ``graph``, with the request's title, caption, layout and size."""
    from ..draw.figure import draw_graph
    from ..draw.layout import layout_positions

    pos, layout = layout_positions(graph, request.layout, request.seed, progress=progress)
    return draw_graph(graph, title=title_of(request), caption=caption_of(graph, request, layout, request.seed),
                      lang=request.lang, pos=pos, max_labels=request.labels, size=request.size, dpi=request.dpi)


def query_svg(text: str, rows: int, lang: str = "vi") -> bytes:
    """The page's network view, run in a query worker (vnfa.query.limits.QueryPool): the query drawn as
    `vnfa draw --query Q -o x.svg` draws it, its words kept as text and each node a link to its IRI."""
    from ..draw.figure import save_figure

    request = DrawRequest(query=text, rows=rows, lang=lang)
    buffer = io.BytesIO()
    save_figure(figure_of(readable(make_network(worker_dataset(), request), request.max_nodes), request), buffer,
                "svg", text=True)
    return buffer.getvalue()


def worker_dataset() -> Dataset:
    """A query worker's read-only view of the store (vnfa.query.results.store) as an rdflib Dataset."""
    from oxrdflib import OxigraphStore

    from ..query.results import store

    return Dataset(store=OxigraphStore(store=store()), default_union=True)


@contextmanager
def _target(output: str):
    """A path to write to: the output itself, or a temporary file copied to stdout for '-'."""
    if output != "-":
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        try:
            yield output
        except OSError as error:
            raise GraphError(f"cannot write {output}: {error.strerror or error}") from None
        return
    with tempfile.TemporaryDirectory(prefix="vnfa-draw-") as folder:
        path = str(Path(folder) / "out")
        yield path
        sys.stdout.buffer.write(Path(path).read_bytes())
        sys.stdout.buffer.flush()
