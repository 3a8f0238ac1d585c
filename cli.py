"""vnfa's command line: parse, call one library function, print.

Every command that reads or writes the graph takes --store (or $VNFA_STORE);
every command that writes a file takes -o FILE, '-' meaning standard output.
"""
from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .console import is_terminal
from .draw.styles import LANGUAGES, LAYOUT_NOTES, OUTPUT_FORMATS, RELATIONS, VIEW_NAMES
from .errors import GraphError
from .export.registry import FORMATS as EXPORT_FORMATS
from .query.formats import FORMATTERS
from .query.named import named_queries
from .store.location import store_target

STORE_HELP = ("Store folder (default ./vnfa-data, or $VNFA_STORE), or a SPARQL server: "
              "sparql+http://HOST:PORT/PATH or an endpoint file FILE.toml.")


def store_option(help: str = STORE_HELP, metavar: str = "DIR|URL") -> Callable:
    """--store, resolved once: the given value, else $VNFA_STORE, else ./vnfa-data."""
    return click.option("--store", envvar="VNFA_STORE", default=None, metavar=metavar, help=help,
                        callback=lambda context, param, value: store_target(value))


STORE = store_option()
QUIET = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
ALL_TOPICS = click.option("--all-topics", is_flag=True,
                          help="Keep articles not about foreign affairs too (stored, judged false).")


def reports_errors(command: Callable) -> Callable:
    """Turn vnfa's own errors into one clear line on stderr and exit status 1."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GraphError as error:
            raise click.ClickException(str(error)) from None
    return wrapper


@click.group()
@click.version_option(package_name="vnfa")
def main() -> None:
    """vnfa: a knowledge graph of Vietnam's foreign affairs from Vietnamese news.

    Example: vnfa build
    """


def _print_report(report: Any, quiet: bool) -> None:
    skipped = getattr(report, "skipped", [])
    for kind, lines in (("note", report.warnings), ("skipped", skipped), ("failed", report.failed)):
        for line in lines:
            click.echo(f"vnfa: {kind}: {line}", err=True)
    if not quiet or report.failed or skipped:
        click.echo(report.summary(), err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@STORE
@QUIET
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Skip files larger than N bytes (default 20,000,000).")
@click.option("--workers", type=click.IntRange(min=1), default=1, metavar="N",
              help="Extract in N worker processes (one process writes).")
@click.option("--bulk", is_flag=True, help="Into a new store only: Oxigraph's bulk loader, about 3x faster, "
              "not transactional (an interrupted load leaves a store that must be deleted).")
@click.option("--cluster", metavar="ADDRESS|local:N", help="Extract on Dask: a scheduler's address, or a new "
              "local cluster of N workers (pip install 'vnfa[cluster]'; see docs/cluster.md).")
@click.option("--shards", metavar="DIR", help="With --cluster: where workers write N-Quads shards (a folder they "
              "and this machine share; default a temporary folder, for local:N only).")
@ALL_TOPICS
@reports_errors
def ingest(paths: tuple[str, ...], store: str, quiet: bool, max_bytes: int | None, workers: int,
           bulk: bool, cluster: str | None, shards: str | None, all_topics: bool) -> None:
    """Read articles (.txt, .html, .jsonl, folders) into the store.

    Articles not about Vietnam's foreign affairs are left out unless --all-topics.
    Ends with a summary (ingested, not foreign affairs, skipped, failed); exits 1 if any failed.
    Example: vnfa ingest data/articles/ --store vnfa-data --workers 2
    """
    from .build import ingest_into

    if cluster is None and shards is not None:
        raise click.UsageError("--shards goes with --cluster")
    if cluster is not None and workers > 1:
        raise click.UsageError("give --cluster or --workers, not both")
    report = ingest_into(store, paths, cluster=cluster, shards=shards, workers=workers, progress=not quiet,
                         max_bytes=max_bytes, bulk=bulk, all_topics=all_topics)
    _print_report(report, quiet)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@STORE
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@QUIET
@ALL_TOPICS
@reports_errors
def facts(paths: tuple[str, ...], store: str, output: str, quiet: bool, all_topics: bool) -> None:
    """Write the SPEC facts view (JSON Lines, one article a line).

    With PATHs, they are ingested into a temporary store first. An article not about
    foreign affairs has its line with empty lists (unless --all-topics).
    Example: vnfa facts data/articles/seed.txt -o seed.jsonl
    """
    from .export.output import write_text
    from .query.facts import facts_of

    lines, report = facts_of(paths, store, progress=not quiet, all_topics=all_topics)
    if report and report.failed:
        _print_report(report, quiet)
    write_text(output, "".join(line + "\n" for line in lines))
    if report and report.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold facts (JSONL).")
@STORE
@QUIET
@reports_errors
def evaluate(paths: tuple[str, ...], gold: str, store: str, quiet: bool) -> None:
    """Score the facts of PATHs (or of the store) against gold facts.

    Example: vnfa evaluate --gold gold.jsonl articles/
    """
    from .query.score import score_against

    click.echo(score_against(gold, paths, store, progress=not quiet))


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a file.")
@click.option("--name", type=click.Choice(list(named_queries())), metavar="NAME",
              help="Run a named query from data/queries/ (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@click.option("--param", multiple=True, metavar="NAME=VALUE",
              help="Bind a variable: an IRI, or a name (case and accents optional, as --focus).")
@click.option("--format", "fmt", type=click.Choice(list(FORMATTERS)), default="table")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Stop the query after this long.")
@click.option("--limit", type=click.IntRange(min=1), default=10_000, show_default=True, metavar="ROWS",
              help="Stop at this many rows (a notice goes to stderr).")
@STORE
@reports_errors
def query(sparql: str | None, file: str | None, name: str | None, list_: bool, param: tuple[str, ...], fmt: str,
          output: str, timeout: float, limit: int, store: str) -> None:
    """Run a SPARQL query on the store (updates and SERVICE are refused).

    Example: vnfa query --name who-holds-what --format csv
    """
    from .export.output import write_text
    from .query.formats import format_rows, query_list, terminal_table
    from .query.limits import Limits
    from .query.named import query_description, query_store

    if list_:
        click.echo(query_list(named_queries(), query_description))
        return
    if sum(x is not None for x in (sparql, file, name)) != 1:
        raise click.UsageError("give exactly one of SPARQL, -f FILE or --name NAME")
    text = named_queries()[name] if name else Path(file).read_text(encoding="utf-8") if file else sparql
    rows = query_store(store, text, bindings=_bindings(param), limits=Limits(timeout=timeout, rows=limit))
    terminal = fmt == "table" and output == "-" and is_terminal()
    write_text(output, (terminal_table(rows, shutil.get_terminal_size().columns) if terminal
                        else format_rows(rows, fmt)) + "\n")
    if rows.truncated:
        click.echo(f"vnfa: stopped at the {limit}-row limit; raise --limit or narrow the query", err=True)


def _bindings(params: tuple[str, ...]) -> dict[str, str]:
    """NAME=VALUE pairs; the store resolves each VALUE (an IRI, or a name with accents optional)."""
    out = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, not '{item}'")
        out[key] = value
    return out


def _draw_options(command: Callable) -> Callable:
    """The draw command's options, choices built from graph/draw/styles.py's tables."""
    options = [
        click.option("-o", "--output", default="vnfa-out/network.png", show_default=True,
                     help="A figure (.png .svg .pdf) or the network (.graphml .gexf .json .html); '-' for stdout."),
        click.option("--view", type=click.Choice(VIEW_NAMES), default="actors", show_default=True,
                     help="What to draw: actors (posts, meetings, visits), meetings, partners, events."),
        click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE.rq",
                     help="Draw a CONSTRUCT or two-column SELECT query instead of a view."),
        click.option("--focus", metavar="NAME", help="Only NAME's ego network (accents and case optional)."),
        click.option("--hops", type=click.IntRange(0, 10), default=1, show_default=True,
                     help="With --focus: how many edges away from NAME."),
        click.option("--since", metavar="DATE", help="Only facts dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Only facts dated on or before DATE."),
        click.option("--relation", multiple=True, type=click.Choice(list(RELATIONS)), help="Only these relations."),
        click.option("--country", multiple=True, metavar="CODE",
                     help="Only edges touching actors of this country or organisation (CN, US, ASEAN...)."),
        click.option("--lang", type=click.Choice(LANGUAGES), default="vi", show_default=True, help="Labels' language."),
        click.option("--layout", type=click.Choice(list(LAYOUT_NOTES)), default="auto", show_default=True,
                     help="; ".join(f"{k}: {v}" for k, v in LAYOUT_NOTES.items()) + "."),
        click.option("--seed", type=int, default=7, show_default=True, help="Layout seed: same seed, same picture."),
        click.option("--labels", type=click.IntRange(0), default=None, help="Label at most N of the most central nodes."),
        click.option("--size", default="12x9", show_default=True, metavar="WxH", help="Figure size in inches."),
        click.option("--dpi", type=click.IntRange(20, 1200), default=150, show_default=True, help="Dots per inch."),
        click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default=None,
                     help="Output format (default: the output file's extension)."),
        click.option("--title", help="The figure's title (default: the view's)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _figure_size(value: str) -> tuple[float, float]:
    width, sep, height = value.lower().partition("x")
    try:
        size = (float(width), float(height))
    except ValueError:
        size = (0.0, 0.0)
    if not sep or not (1 <= size[0] <= 100 and 1 <= size[1] <= 100):
        raise click.BadParameter(f"'{value}' is no size; give WIDTHxHEIGHT in inches, such as 12x9", param_hint="--size")
    return size


@main.command()
@_draw_options
@STORE
@QUIET
@reports_errors
def draw(output: str, query_file: str | None, size: str, store: str, quiet: bool, **options) -> None:
    """Draw a view of the graph, or a SPARQL result, as a figure or a network file.

    Views: actors (people, organisations, countries: posts, meetings, visits),
    meetings (who met whom), partners (Vietnam's partners by level), events
    (who spoke at or attended what).
    Example: vnfa draw --view meetings --focus "Pham Minh Chinh" --hops 2 --lang en -o pmc.svg
    """
    from .draw.job import draw_request, draw_store

    request = draw_request(query_file, _figure_size(size), **options)
    nodes, edges, undated = draw_store(store, output, request, progress=not quiet)
    if undated:
        click.echo(f"vnfa: warning: {undated} facts without a date were left out by --since/--until "
                   "(the caption says so)", err=True)
    click.echo(f"wrote {output} ({nodes} nodes, {edges} edges)", err=True)


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="turtle")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.option("--graph", "article", default=None, metavar="ARTICLE", help="Only this article's graph (its id).")
@click.option("--named-graphs/--union", default=None,
              help="Keep one graph per article (nquads, trig: their default) or merge them into one.")
@click.option("--ontology", is_flag=True, help="Write vnfa's ontology (classes, properties, SKOS schemes) instead.")
@click.option("--no-description", is_flag=True, help="Leave out the VoID/DCAT description of the dataset.")
@click.option("--with-text", is_flag=True, help="Include each article's full text (schema:text): it belongs to its "
              "publisher, not under vnfa's CC BY 4.0; left out by default (the evidence quotes stay).")
@STORE
@reports_errors
def export(fmt: str, output: str, article: str | None, named_graphs: bool | None, ontology: bool,
           no_description: bool, with_text: bool, store: str) -> None:
    """Export the graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).

    The union of all articles' graphs (each triple once), one article's graph
    (--graph) or every graph kept apart (--named-graphs), streamed to the file,
    with a VoID/DCAT description of what was written. Articles' full texts
    are left out unless --with-text.
    Example: vnfa export -f trig --named-graphs -o graph.trig
    """
    from .export.formats import export_store

    if named_graphs and not EXPORT_FORMATS[fmt].quads:
        raise click.UsageError(f"--named-graphs needs -f nquads or -f trig, not -f {fmt}")
    if (ontology or named_graphs) and article:
        raise click.UsageError("--graph cannot go with --named-graphs or --ontology")
    export_store(store, fmt, output, article, named_graphs=named_graphs, ontology=ontology,
                 description=not no_description, with_text=with_text)


@main.command()
@STORE
@reports_errors
def stats(store: str) -> None:
    """Counts by class and relation.

    Example: vnfa stats --store vnfa-data
    """
    from .console import show_table
    from .query.formats import counts_text
    from .query.named import stats_of

    counts = stats_of(store)
    click.echo(show_table(["", "count"], [[name, f"{value:,}"] for name, value in counts.items()],
                          counts_text(counts)))


@main.command()
@STORE
@click.option("--out", "out_dir", default="vnfa-out", help="Folder for network.png and graph.ttl.")
@QUIET
@ALL_TOPICS
@reports_errors
def build(store: str, out_dir: str, quiet: bool, all_topics: bool) -> None:
    """Ingest the bundled articles, print stats, write network.png and graph.ttl.

    Example: vnfa build
    """
    from .build import build as run
    from .query.formats import counts_text

    report, counts, written = run(store, out_dir, progress=not quiet, all_topics=all_topics)
    _print_report(report, quiet)
    click.echo(counts_text(counts))
    for path in written:
        click.echo(f"wrote {path}")
    if report.failed:
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@store_option("Store folder to serve (default ./vnfa-data, or $VNFA_STORE); a folder, not a SPARQL server.", "DIR")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Stop each query after this long (answered 503).")
@click.option("--limit", type=click.IntRange(min=1), default=10_000, show_default=True, metavar="ROWS",
              help="Stop each result at this many rows (header Vnfa-Truncated: true).")
@click.option("--max-body", type=click.IntRange(min=1), default=1_000_000, show_default=True, metavar="BYTES",
              help="Refuse larger request bodies (413) before reading them.")
@click.option("--max-memory", type=click.IntRange(min=100), default=2000, show_default=True, metavar="MB",
              help="Heap a query worker may use; a query needing more is stopped (503).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Query worker processes.")
@click.option("--cors", metavar="ORIGIN", help="Let pages from ORIGIN call the endpoint (CORS is off by default).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (POST) carrying --token.")
@click.option("--token", envvar="VNFA_TOKEN", metavar="T", help="Bearer token that updates must carry.")
@click.option("-q", "--quiet", is_flag=True, help="No request log.")
@reports_errors
def serve(host: str, port: int, store: str, timeout: float, limit: int, max_body: int, max_memory: int, workers: int,
          cors: str | None, allow_update: bool, token: str | None, quiet: bool) -> None:
    """Serve the store over the SPARQL 1.1 Protocol (/sparql) with an explorer page (/).

    Read-only unless started with --allow-update --token T; SERVICE is refused.
    Example: vnfa serve --port 8000 --store vnfa-data
    """
    from .query.limits import Limits
    from .serve.app import ServeSettings
    from .serve.app import serve as run

    if allow_update and not token:
        raise click.UsageError("--allow-update needs --token T (or $VNFA_TOKEN)")
    limits = Limits(timeout=timeout, rows=limit, body=max_body, memory=max_memory * 1_000_000)
    run(ServeSettings(store=store, limits=limits, workers=workers,
                      cors=cors, allow_update=allow_update, token=token), host=host, port=port, quiet=quiet)


@main.command()
@STORE
@QUIET
@reports_errors
def migrate(store: str, quiet: bool) -> None:
    """Convert a store written in the old layout (entities restated in every article) to the current one.

    Nothing is lost; run it again if it was interrupted.
    Example: vnfa migrate --store vnfa-data
    """
    from .ingest.upkeep import migrate_store

    moved = migrate_store(store, progress=not quiet)
    click.echo(f"migrated {moved} articles to one entities graph", err=quiet)


@main.command()
@STORE
@reports_errors
def gc(store: str) -> None:
    """Remove the entities that no article mentions any more (after articles were removed or replaced).

    'vnfa ingest' does it itself when it wrote into a store that had articles.
    Example: vnfa gc --store vnfa-data
    """
    from .ingest.upkeep import collect_garbage

    removed, links = collect_garbage(store)
    click.echo(f"removed {removed} triples of entities no article mentions; {links} short names linked")


@main.command(name="link")
@STORE
@reports_errors
def link_persons(store: str) -> None:
    """Link short and initialled names ('G.Bush') to the one full name they stand for (owl:sameAs).

    'vnfa ingest' and 'vnfa gc' do it themselves; the links depend on the store, not the ingest order.
    Example: vnfa link --store vnfa-data
    """
    from .ingest.upkeep import link_store

    click.echo(f"{link_store(store)} short names linked to a full name")


@main.command()
@STORE
@reports_errors
def validate(store: str) -> None:
    """Check the graph against vnfa's SHACL shapes (data/shapes/); list each violation.

    One line per violation: the node, its article, the rule it breaks.
    Exit status 1 when there is any.
    Example: vnfa validate --store vnfa-data
    """
    from .ingest.upkeep import validate_store

    report = validate_store(store)
    click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.option("--endpoint", default="https://query.wikidata.org/sparql", show_default=True, metavar="URL",
              help="A SPARQL endpoint holding Wikidata's truthy statements.")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The persons gazetteer to link (default: the bundled data/gazetteers/persons.tsv).")
@click.option("--write", is_flag=True, help="Record the ids that leave no doubt in the gazetteer.")
@click.option("--recheck", is_flag=True, help="Also check the ids the gazetteer has (confirmed or differs).")
@click.option("-o", "--output", default="-", metavar="FILE", help="The report, as TSV ('-': standard output).")
@QUIET
@reports_errors
def wikidata(endpoint: str, gazetteer: Path | None, write: bool, recheck: bool, output: str, quiet: bool) -> None:
    """Find the Wikidata id (owl:sameAs) of each leader of the persons gazetteer that has none.

    An id is linked only when one human by that name has the gazetteer's citizenship (or, of several,
    one held a position); the rest are reported as check, ambiguous or none for a person to decide.
    Example: vnfa wikidata --write
    """
    from .export.output import write_text
    from .ingest.wikidata import gazetteer_file, link_gazetteer, record, summary

    path = gazetteer or gazetteer_file()
    links = link_gazetteer(path, endpoint, recheck=recheck, progress=not quiet)
    header = ("name_vi", "status", "wikidata", "candidates")
    write_text(output, FORMATTERS["tsv"](header, [link.row() for link in links]) + "\n")
    written = record(path, links) if write else 0
    click.echo(f"{summary(links)}; " + (f"{written} ids written to {path}" if write else
                                       "run again with --write to record the linked ids"), err=True)


if __name__ == "__main__":
    main()
