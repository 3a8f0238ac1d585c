"""The draw command's tables: the views, how each kind of node and relation
looks and what it is called in Vietnamese and English, the layouts and the
output formats. Shared by the views, the figure, the HTML page and the
command line's choices (so this module imports nothing heavy)."""
from __future__ import annotations

from typing import NamedTuple


class NodeStyle(NamedTuple):
    colour: str
    marker: str  # matplotlib marker
    vi: str
    en: str


class EdgeStyle(NamedTuple):
    line: str  # matplotlib line style
    colour: str
    vi: str
    en: str


# node type -> style (Okabe-Ito colours: readable in colour-blind vision and in print)
NODE_TYPES = {
    "person": NodeStyle("#0072B2", "o", "Người", "Person"),
    "group": NodeStyle("#56B4E9", "h", "Đoàn, nhóm", "Delegation or group"),
    "organisation": NodeStyle("#009E73", "s", "Tổ chức, cơ quan", "Organisation"),
    "country": NodeStyle("#D55E00", "D", "Quốc gia", "Country"),
    "intl": NodeStyle("#CC79A7", "p", "Tổ chức quốc tế", "International organisation"),
    "event": NodeStyle("#E69F00", "^", "Sự kiện", "Event"),
    "other": NodeStyle("#999999", "o", "Khác", "Other"),
}

# relation -> style; the partner levels come last, strongest first
RELATIONS = {
    "holds-post-in": EdgeStyle("solid", "#009E73", "giữ chức vụ tại", "holds a post in"),
    "post-of": EdgeStyle("dotted", "#D55E00", "giữ chức vụ của", "holds a post of"),
    "in-country": EdgeStyle((0, (1, 3)), "#888888", "thuộc quốc gia", "belongs to"),
    "met": EdgeStyle("solid", "#0072B2", "gặp", "met"),
    "visited": EdgeStyle("dashdot", "#D55E00", "thăm", "visited"),
    "spoke-at": EdgeStyle("dashed", "#E69F00", "phát biểu tại", "spoke at"),
    "attended": EdgeStyle("dotted", "#E69F00", "tham dự", "attended"),
    "organised": EdgeStyle("solid", "#009E73", "tổ chức", "organised"),
    "special": EdgeStyle("solid", "#4B0082", "quan hệ đặc biệt", "special relationship"),
    "comprehensive-strategic": EdgeStyle("solid", "#7B3294", "đối tác chiến lược toàn diện",
                                         "comprehensive strategic partner"),
    "strategic": EdgeStyle("dashed", "#9970AB", "đối tác chiến lược", "strategic partner"),
    "comprehensive": EdgeStyle("dashdot", "#C2A5CF", "đối tác toàn diện", "comprehensive partner"),
    "member": EdgeStyle("dotted", "#5AAE61", "thành viên", "member"),
    "partner": EdgeStyle((0, (1, 3)), "#A6A6A6", "đối tác (chưa rõ cấp độ)", "partner (level not stated)"),
    "linked": EdgeStyle("solid", "#666666", "liên kết", "linked"),
}

UNDIRECTED = ("met",)  # symmetric relations; the others go from the node that acts to the other

# the words of the figure itself, by language
WORDS = {
    "vi": {"nodes": "nút", "edges": "cạnh", "empty": "(đồ thị rỗng: không có dữ kiện nào khớp)",
           "types": "Loại nút", "relations": "Quan hệ", "search": "Tìm tên…",
           "label_note": "Ghi tên {shown} trên {nodes} nút, ưu tiên nút nhiều liên kết nhất.",
           "sizes": "Cỡ nút: số liên kết.\nĐộ dày cạnh: số dữ kiện."},
    "en": {"nodes": "nodes", "edges": "edges", "empty": "(empty graph: no fact matches)",
           "types": "Node types", "relations": "Relations", "search": "Find a name…",
           "label_note": "Labels on {shown} of {nodes} nodes, the most connected first.",
           "sizes": "Node size: number of links.\nLine width: number of facts."},
}
LANGUAGES = tuple(WORDS)

# view -> title (vi, en); "query" titles a drawn SPARQL result
VIEW_TITLES = {
    "actors": ("Các chủ thể đối ngoại Việt Nam: chức vụ, cuộc gặp, chuyến thăm",
               "Actors of Vietnam's foreign affairs: posts, meetings, visits"),
    "meetings": ("Ai gặp ai", "Who met whom"),
    "partners": ("Đối tác của Việt Nam theo cấp độ quan hệ", "Vietnam's partners by partnership level"),
    "events": ("Người và các sự kiện họ phát biểu hoặc tham dự", "People and the events they spoke at or attended"),
    "query": ("Kết quả truy vấn SPARQL", "SPARQL query result"),
}
VIEW_NAMES = tuple(name for name in VIEW_TITLES if name != "query")

# layout -> what it is good for (layout.LAYOUTS has the functions)
LAYOUT_NOTES = {
    "auto": "shell for a star such as Vietnam and its partners, else force",
    "force": "vnfa's seeded force-directed layout, seconds even at 10,000 nodes",
    "spring": "networkx's spring layout (slow past 1,000 nodes)",
    "kamada-kawai": "networkx's Kamada-Kawai (small connected graphs only)",
    "spectral": "networkx's spectral layout",
    "circular": "all nodes on a circle",
    "shell": "the best-connected node in the middle, the rest around it",
}
FIGURE_FORMATS = ("png", "svg", "pdf")
NETWORK_FORMATS = ("graphml", "gexf", "json", "html")
OUTPUT_FORMATS = FIGURE_FORMATS + NETWORK_FORMATS


def node_style(kind: str) -> NodeStyle:
    return NODE_TYPES.get(kind, NODE_TYPES["other"])


def edge_style(relation: str) -> EdgeStyle:
    return RELATIONS.get(relation, RELATIONS["linked"])


def label_of(data: dict, lang: str, key: str = "label") -> str:
    """A node's or edge's label in ``lang``, falling back to Vietnamese."""
    return str(data.get(f"{key}_{lang}") or data.get(key) or "")
