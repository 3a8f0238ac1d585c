"""vnfa's command line: parse, call one library function, print.

Every command that reads or writes the graph takes --store (or $VNFA_STORE);
every command that writes a file takes -o FILE, '-' meaning standard output.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from graph.errors import GraphError

STORE = click.option("--store", envvar="VNFA_STORE", default=None, metavar="DIR",
                     help="Store folder (default ./vnfa-data, or $VNFA_STORE).")
QUIET = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
FORMAT_NAMES = ("turtle", "nt", "nquads", "trig", "jsonld", "xml")


def reports_errors(command):
    """Turn vnfa's own errors into one clear line on stderr and exit status 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
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


def _print_report(report, quiet: bool) -> None:
    for line in report.warnings + report.failed:
        click.echo(f"vnfa: {line}", err=True)
    if not quiet or report.failed:
        click.echo(report.summary(), err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@STORE
@QUIET
@reports_errors
def ingest(paths: tuple[str, ...], store: str | None, quiet: bool) -> None:
    """Read articles (.txt, .html, .jsonl, folders) into the store.

    Example: vnfa ingest data/articles/ --store vnfa-data
    """
    from graph.pipeline import ingest as run
    from graph.store import opened

    with opened(store) as dataset:
        report = run(paths, dataset, progress=not quiet)
    _print_report(report, quiet)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@STORE
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@QUIET
@reports_errors
def facts(paths: tuple[str, ...], store: str | None, output: str, quiet: bool) -> None:
    """Write the SPEC facts view (JSON Lines, one article a line).

    With PATHs, they are ingested into a temporary store first.
    Example: vnfa facts data/articles/seed.txt -o seed.jsonl
    """
    from graph.commands import facts_lines, open_output, store_for

    with store_for(paths, store, quiet=quiet) as (dataset, report):
        lines = facts_lines(dataset, report.ingested if report else None)
    if report and report.failed:
        _print_report(report, quiet)
    out = open_output(output)
    out.write("".join(line + "\n" for line in lines))
    if out is not sys.stdout:
        out.close()
    if report and report.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold facts (JSONL).")
@STORE
@QUIET
@reports_errors
def evaluate(paths: tuple[str, ...], gold: str, store: str | None, quiet: bool) -> None:
    """Score the facts of PATHs (or of the store) against gold facts.

    Example: vnfa evaluate --gold gold.jsonl articles/
    """
    from graph.commands import read_gold, store_for
    from graph.evaluate import format_scores, score
    from graph.facts import all_facts

    gold_docs = read_gold(gold)
    with store_for(paths, store, quiet=quiet) as (dataset, report):
        system = {f["doc"]: f for f in all_facts(dataset)}
    click.echo(format_scores(score(gold_docs, system)))


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a file.")
@click.option("--name", help="Run a named query from data/queries/ (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@click.option("--param", multiple=True, metavar="NAME=VALUE", help="Bind a variable (names as @vi text).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@STORE
@reports_errors
def query(sparql, file, name, list_, param, fmt, output, store) -> None:
    """Run a SPARQL query on the store.

    Example: vnfa query --name who-holds-what --format csv
    """
    from graph.commands import open_output
    from graph.query import format_result, named_queries, query_description, run_query
    from graph.store import opened

    queries = named_queries()
    if list_:
        for key, text in queries.items():
            click.echo(f"{key:<22} {query_description(text)}")
        return
    if sum(x is not None for x in (sparql, file, name)) != 1:
        raise click.UsageError("give exactly one of SPARQL, -f FILE or --name NAME")
    if name is not None and name not in queries:
        raise click.UsageError(f"no named query '{name}'; choose one of: {', '.join(queries)}")
    text = queries[name] if name else Path(file).read_text(encoding="utf-8") if file else sparql
    bindings = _bindings(param)
    with opened(store, create=False) as dataset:
        rendered = format_result(run_query(dataset, text, bindings), fmt)
    out = open_output(output)
    out.write(rendered + "\n")


def _bindings(params: tuple[str, ...]) -> dict:
    from rdflib import Literal, URIRef

    out = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, not '{item}'")
        out[key.lstrip("?")] = URIRef(value) if value.startswith(("http://", "https://")) else Literal(value, lang="vi")
    return out


@main.command()
@click.option("-o", "--output", default="vnfa-out/network.png", help="Image file: .png, .svg or .pdf.")
@STORE
@reports_errors
def draw(output: str, store: str | None) -> None:
    """Draw the network of people, posts, organisations, countries and meetings.

    Example: vnfa draw -o network.svg
    """
    from graph.commands import draw_network
    from graph.store import opened

    with opened(store, create=False) as dataset:
        nodes, edges = draw_network(dataset, output)
    click.echo(f"wrote {output} ({nodes} nodes, {edges} edges)", err=True)


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_NAMES), default="turtle")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.option("--graph", "article", default=None, metavar="ARTICLE", help="Only this article's graph (its id).")
@STORE
@reports_errors
def export(fmt: str, output: str, article: str | None, store: str | None) -> None:
    """Export the graph as RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).

    Example: vnfa export -f trig -o graph.trig
    """
    from graph.commands import open_output
    from graph.export import export as run
    from graph.model import article_iri
    from graph.store import opened

    with opened(store, create=False) as dataset:
        out = open_output(output, binary=True)
        run(dataset, fmt, out, article_iri(article) if article else None)
        if output != "-":
            out.close()


@main.command()
@STORE
@reports_errors
def stats(store: str | None) -> None:
    """Counts by class and relation.

    Example: vnfa stats --store vnfa-data
    """
    from graph.query import stats as count
    from graph.store import opened

    with opened(store, create=False) as dataset:
        for name, value in count(dataset).items():
            click.echo(f"{name:<14}{value:>8}")


@main.command()
@STORE
@click.option("--out", "out_dir", default="vnfa-out", help="Folder for network.png and graph.ttl.")
@QUIET
@reports_errors
def build(store: str | None, out_dir: str, quiet: bool) -> None:
    """Ingest the bundled articles, print stats, write network.png and graph.ttl.

    Example: vnfa build
    """
    from graph.commands import build as run

    report, counts, written = run(store, out_dir, progress=not quiet)
    _print_report(report, quiet)
    for name, value in counts.items():
        click.echo(f"{name:<14}{value:>8}")
    for path in written:
        click.echo(f"wrote {path}")
    if report.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
