"""Precision and recall of the foreign-affairs gate (graph/extract/relevance.py).

On the project's own labelled articles (tests/data/relevance/) and, when the
shared evaluation folder exists (default /work/shared/eval, or the path given),
on its dev + raw articles (all foreign affairs) and its topic articles (none
is; those marked ``doubtful`` are reported with and without them). Every miss
and every false positive is printed with the reason (the gate's evidence).

    python bench/relevance.py [EVAL_FOLDER] [-v]
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from vnfa.extract.article import extract
from vnfa.extract.relevance import evidence_lines, judge
from vnfa.read.files import read_paths
from vnfa.records import Article

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "data" / "relevance"


TIMES = {"extraction": 0.0, "judgement": 0.0, "articles": 0}


def judged(paths: list[Path]) -> dict[str, tuple[bool, list[str], str]]:
    """doc id -> (relevant, evidence lines, headline) for every article under ``paths``."""
    out = {}
    for article in read_paths(paths):
        if isinstance(article, Article):
            started = time.perf_counter()
            extraction = extract(article)
            middle = time.perf_counter()
            verdict = judge(extraction)
            TIMES["extraction"] += middle - started
            TIMES["judgement"] += time.perf_counter() - middle
            TIMES["articles"] += 1
            out[article.doc_id] = (verdict.relevant, evidence_lines(verdict, article.text),
                                   (article.title or article.text[:70]).replace("\n", " ")[:70])
    return out


def labels(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["doc"]: row for row in rows}


def score(name: str, gold: dict[str, bool], found: dict[str, tuple[bool, list[str], str]], verbose: bool,
          listing: bool = True) -> None:
    """One line of figures, then every miss and false positive with the gate's evidence."""
    counts = Counter((truth, found[doc][0]) for doc, truth in gold.items())
    tp, fp, fn, tn = counts[True, True], counts[False, True], counts[True, False], counts[False, False]
    figures = [f"precision {tp / (tp + fp):.3f}" if tp else "", f"recall {tp / (tp + fn):.3f}" if tp + fn else "",
               f"false positives {fp}/{fp + tn} ({fp / (fp + tn):.1%})" if fp + tn else ""]
    print(f"{name:<32} {len(gold):>4} articles ({tp + fn} relevant)  " + "  ".join(f for f in figures if f)
          + f"  [tp {tp}, fp {fp}, fn {fn}, tn {tn}]")
    for doc, truth in gold.items():
        relevant, evidence, headline = found[doc]
        if relevant != truth and listing:
            print(f"    {'missed' if truth else 'false positive'}: {doc}: {headline}")
            for line in evidence[:3]:
                print(f"        {line}")
        elif verbose and relevant:
            print(f"    ok: {doc}: {evidence[0]}")


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    started = time.perf_counter()
    own = labels(OWN / "labels.jsonl")
    score("own labelled set", {d: r["foreign_affairs"] for d, r in own.items()},
          judged(sorted(OWN.glob("*.txt"))), verbose)
    shared = Path(args[0]) if args else Path("/work/shared/eval")
    if shared.is_dir():
        dev = judged([shared / "dev" / "texts", shared / "raw"])
        score("shared dev + raw (all relevant)", dict.fromkeys(dev, True), dev, verbose)
        topic_labels = labels(shared / "topic" / "labels.jsonl")
        topic = judged([shared / "topic" / "texts"])
        score("shared topic (none relevant)", dict.fromkeys(topic, False), topic, verbose)
        sure = {d: False for d in topic if not topic_labels.get(d, {}).get("doubtful")}
        score("shared topic without doubtful", sure, topic, False, listing=False)
        both = {**dict.fromkeys(dev, True), **dict.fromkeys(topic, False)}
        score("shared dev + raw + topic", both, {**dev, **topic}, False, listing=False)
        sure_both = {**dict.fromkeys(dev, True), **sure}
        score("shared, without doubtful", sure_both, {**dev, **topic}, False, listing=False)
    count, extraction, judgement = TIMES["articles"], TIMES["extraction"], TIMES["judgement"]
    print(f"{count} articles in {time.perf_counter() - started:.1f} s: extraction {extraction / count * 1000:.1f} ms "
          f"an article, judgement {judgement / count * 1000:.1f} ms ({judgement / extraction:.0%} of extraction)")


if __name__ == "__main__":
    main(sys.argv[1:])
