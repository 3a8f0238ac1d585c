"""Does the knowledge graph hold a real crawl? Ingest N generated articles of
all topics (vnfa.synthetic) as a user would (`vnfa ingest --workers 2
--bulk`), then time every draw view in every output kind, `--focus` at 1 and
2 hops, and every named query, each `vnfa` command in a fresh process with its
peak memory (summed over the process tree, psutil, every 0.05 s). A command
over --cap-mb or --timeout is killed and shown as such. Goal (issue 12): each
≤ 10 s and ≤ 2,048 MB at 50,000 articles; focus time tracks the ego network.

    python bench/kg.py --articles 10000 50000
    python bench/kg.py --articles 50000 --work /tmp/kg --formats png,graphml   # keeps corpus and store
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from vnfa.draw.styles import OUTPUT_FORMATS, VIEW_NAMES  # noqa: E402
from vnfa.query.named import named_queries  # noqa: E402
from vnfa.synthetic import Generator, write_jsonl  # noqa: E402

VNFA = [sys.executable, "-c", "from vnfa.cli import main; main()"]
GOAL_S, GOAL_MB = 10.0, 2048.0


def run(command: list[str], cap_mb: float, timeout: float) -> dict:
    """Wall time, CPU time (its process tree), peak summed RSS and stderr of a command; killed past the
    cap or the timeout. CPU time tells the work apart from the wait on a busy machine."""
    start, peak, status = time.perf_counter(), 0, "ok"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]))
        status = "over-memory" if peak > cap_mb * 2**20 else "timeout" if time.perf_counter() - start > timeout \
            else status
        if status != "ok":
            for member in [*process.children(recursive=True), process]:
                member.kill()
            break
        time.sleep(0.05)
    process.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    errors = process.stderr.read().decode("utf-8", "replace").strip()
    if status == "ok" and process.returncode != 0:
        status = f"exit {process.returncode}: {errors.splitlines()[-1][:80] if errors else ''}"
    return {"s": time.perf_counter() - start, "cpu": cpu, "mb": peak / 2**20, "status": status, "stderr": errors}


def ingest(articles: int, work: Path, seed: int, cap_mb: float) -> tuple[Path, dict | None]:
    """The store of ``articles`` generated articles (made once; kept in ``work``)."""
    corpus, store = work / f"corpus-{articles}", work / f"store-{articles}"
    if store.is_dir():
        return store, None
    write_jsonl(articles, corpus, seed)
    result = run([*VNFA, "ingest", "-q", str(corpus), "--store", str(store), "--workers", "2", "--bulk"],
                 cap_mb * 4, 3600)
    return store, result


def draw_commands(store: Path, out: Path, formats: list[str], focus: dict[str, str]) -> list[tuple[str, list]]:
    """(label, command) for every view in every format, then each view focused at 1 and 2 hops."""
    base = [*VNFA, "draw", "--store", str(store), "-q"]
    commands = [(f"draw {view} .{fmt}", [*base, "--view", view, "-o", str(out / f"{view}.{fmt}")])
                for view in VIEW_NAMES for fmt in formats]
    commands += [(f"draw {view} --focus {focus[view]} --hops {hops}",
                  [*base, "--view", view, "--focus", focus[view], "--hops", str(hops),
                   "-o", str(out / f"{view}-focus{hops}.png")]) for view in VIEW_NAMES for hops in (1, 2)]
    return commands


def query_commands(store: Path, out: Path, person: str) -> list[tuple[str, list]]:
    params = {"meetings-of": ["--param", f"person={person}"]}
    return [(f"query {name}", [*VNFA, "query", "--name", name, "--store", str(store), "--format", "tsv",
                                "--limit", "10000000", "--timeout", "600", "-o", str(out / f"{name}.tsv"),
                                *params.get(name, [])]) for name in named_queries()]


def rows_of(label: str, result: dict, out: Path) -> str:
    """What came out: nodes and edges of a drawing, rows of a query."""
    if label.startswith("draw"):
        found = re.search(r"\((\d+) nodes, (\d+) edges\)", result["stderr"])
        return f"{found[1]} n / {found[2]} e" if found else "-"
    path = out / f"{label.split()[1]}.tsv"
    return f"{max(0, len(path.read_text(encoding='utf-8').splitlines()) - 1)} rows" if path.exists() else "-"


def bench(articles: int, args: argparse.Namespace) -> None:
    store, ingested = ingest(articles, args.work, args.seed, args.cap_mb)
    print(f"\n{articles:,} articles: store {store}")
    if ingested:
        print(f"ingest --workers 2 --bulk: {ingested['s']:.1f} s ({ingested['cpu']:.1f} s CPU), "
              f"peak {ingested['mb']:.0f} MB, {ingested['status']}")
    top = Generator(args.seed).words
    person, country = top.vn_leaders.items[0].name, top.countries.items[0]
    focus = {view: country if view == "partners" else person for view in VIEW_NAMES}
    out = args.work / f"out-{articles}"
    out.mkdir(exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'command':<58}{'s':>8}{'CPU s':>8}{'peak MB':>9}  {'output':<22}status")
    for label, command in draw_commands(store, out, args.formats, focus) + query_commands(store, out, person):
        result = run(command, args.cap_mb, args.timeout)
        over = "" if result["s"] <= GOAL_S and result["mb"] <= GOAL_MB else " OVER GOAL"
        print(f"{label:<58}{result['s']:8.2f}{result['cpu']:8.2f}{result['mb']:9.0f}  {rows_of(label, result, out):<22}"
              f"{result['status']}{over}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and stores (kept)")
    parser.add_argument("--formats", type=lambda s: s.split(","), default=list(OUTPUT_FORMATS),
                        help="output kinds to draw, comma-separated (default: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cap-mb", type=float, default=6144, help="kill a command past this peak memory")
    parser.add_argument("--timeout", type=float, default=300, help="kill a command past this many seconds")
    args = parser.parse_args()
    args.work = args.work or Path(tempfile.mkdtemp(prefix="vnfa-kg-"))
    args.work.mkdir(parents=True, exist_ok=True)
    for articles in args.articles:
        bench(articles, args)


if __name__ == "__main__":
    main()
