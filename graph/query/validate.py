"""Check the graph against vnfa's SHACL shapes (data/shapes/*.ttl) with
pyshacl, and report each violation on one line naming the node, the
article it comes from and the rule it breaks."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, SH

from ..errors import GraphError
from ..export.formats import export
from ..model.vocab import PREFIXES
from ..resources import data_path


@dataclass(frozen=True, order=True)
class Violation:
    node: str  # the failing node, prefixed (id:membership/...)
    rule: str  # the shape's message
    path: str = ""  # the property checked, prefixed
    value: str = ""  # the offending value, if any
    article: str = ""  # where the node comes from

    def line(self) -> str:
        where = f" (from {self.article})" if self.article else ""
        what = f" [{self.path}" + (f" = {self.value}" if self.value else "") + "]" if self.path else ""
        return f"{self.node}{where}: {self.rule}{what}"


@dataclass
class Report:
    triples: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self) -> str:
        if self.conforms:
            return f"valid: {self.triples} triples conform to the shapes in data/shapes/"
        lines = [v.line() for v in self.violations]
        plural = "" if len(lines) == 1 else "s"
        return "\n".join(lines + [f"{len(lines)} violation{plural} in {self.triples} triples"])


def load_shapes() -> Graph:
    """Every data/shapes/*.ttl in one graph."""
    shapes = Graph()
    for path in sorted(data_path("shapes").glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


def union_of(dataset: Dataset) -> Graph:
    """All graphs of the store merged into one in-memory graph."""
    buffer = io.BytesIO()
    export(dataset, "nt", buffer, with_text=True)
    return Graph().parse(data=buffer.getvalue(), format="nt")


def validate_graph(data: Graph, shapes: Graph | None = None) -> Report:
    """Run the shapes on one graph."""
    from pyshacl import validate

    try:
        conforms, results, _ = validate(data, shacl_graph=shapes or load_shapes(), inference="none",
                                        advanced=True, allow_warnings=True)  # advanced: SPARQL targets
    except Exception as error:  # pyshacl raises its own ReportableRuntimeError and friends
        raise GraphError(f"could not run the SHACL shapes: {error}; check data/shapes/*.ttl") from None
    report = Report(triples=len(data))
    if not conforms:
        found = results.subjects(RDF.type, SH.ValidationResult)
        report.violations = sorted({_violation(results, result, data) for result in found})
    return report


def validate_dataset(dataset: Dataset) -> Report:
    """Run the shapes on the union of the store's graphs."""
    return validate_graph(union_of(dataset))


def _violation(results: Graph, result, data: Graph) -> Violation:
    node = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage)
    component = results.value(result, SH.sourceConstraintComponent)
    articles = sorted(str(a) for a in data.objects(node, PROV.wasDerivedFrom))
    return Violation(
        node=short(node), rule=str(message) if message else short(component),
        path=short(path) if isinstance(path, URIRef) else "",
        value=short(value) if value is not None and value != node else "",
        article=", ".join(short(URIRef(a)) for a in articles))


def short(term) -> str:
    """A term as a reader writes it: prefixed IRIs, quoted literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if str(term).startswith(namespace):
                return f"{prefix}:{str(term)[len(namespace):]}"
        return f"<{term}>"
    return term.n3(_NAMES.namespace_manager) if hasattr(term, "n3") else str(term)


_NAMES = Graph(bind_namespaces="none")
for _prefix, _namespace in PREFIXES.items():
    _NAMES.bind(_prefix, _namespace)
