"""Scoring facts against gold facts, as SPEC.md defines it: one-to-one
matching per article, then precision, recall and F1 summed over articles."""
from __future__ import annotations

import re

from ..text.normalise import fold

KINDS = ("persons", "roles", "events", "speakers", "meetings", "visits", "partners")
_DATE = re.compile(r"^(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?$")


def _code(value) -> str | None:
    return value.strip().upper() if isinstance(value, str) else None


def _accepted(item: dict, name: str, aliases: dict) -> set[str]:
    values = [item.get(name)] + list(item.get("alts", {}).get(name, []))
    found = {fold(v) for v in values if v is not None}
    return found | aliases.get(fold(item.get(name)), set()) if name in ("person", "name") else found


def _dates_match(gold: str | None, system: str | None) -> bool:
    if not gold:
        return True
    g = _DATE.match(gold.strip())
    s = _DATE.match(str(system).strip()) if system else None
    if g is None or s is None:
        return gold == system
    return all(a is None or a == b for a, b in zip(g.groups(), s.groups()))


def _match(kind: str, g: dict, s: dict, aliases: dict) -> bool:
    if kind == "persons":
        return fold(s["name"]) in _accepted(g, "name", aliases)
    if kind in ("roles", "speakers", "visits") and fold(s.get("person")) not in _accepted(g, "person", aliases):
        return False
    if kind == "roles":
        title = fold(s.get("title"))
        return title in _accepted(g, "title", aliases) or bool(
            g.get("org") and title == fold(f"{g['title']} {g['org']}"))
    if kind == "events":
        types = {t.lower() for t in [g.get("type")] + g.get("alts", {}).get("type", [])}
        return (s.get("type") or "").lower() in types and _dates_match(g.get("date"), s.get("date"))
    if kind == "visits":
        return _code(s.get("country")) == _code(g.get("country"))
    if kind == "meetings":
        return _meeting_match(g, s, aliases)
    if kind == "partners":
        return _code(s.get("partner")) in {_code(g.get("partner"))} | {_code(a) for a in g.get("alts", {}).get("partner", [])}
    return True  # speakers: the person matched


def _meeting_match(g: dict, s: dict, aliases: dict) -> bool:
    gp, sp = g.get("participants", []), s.get("participants", [])
    if len(gp) != 2 or len(sp) != 2:
        return False
    alts = g.get("alts", {})
    sides = [{fold(gp[i])} | {fold(a) for a in alts.get(f"participant{i}", [])} | aliases.get(fold(gp[i]), set())
             for i in (0, 1)]
    a, b = fold(sp[0]), fold(sp[1])
    return (a in sides[0] and b in sides[1]) or (a in sides[1] and b in sides[0])


def _identity(kind: str, item: dict):
    """Two items of a kind that say the same thing count once."""
    if kind == "persons":
        return fold(item["name"])
    if kind == "roles":
        return fold(item.get("person")), fold(item.get("title"))
    if kind == "speakers":
        return fold(item.get("person"))
    if kind == "meetings":
        return frozenset(fold(p) for p in item.get("participants", []))
    if kind == "visits":
        return fold(item.get("person")), _code(item.get("country"))
    if kind == "partners":
        return _code(item.get("partner"))
    return id(item)


def _items(kind: str, doc: dict) -> list[dict]:
    if kind == "persons":
        items = [{"name": n} for n in doc.get("persons", [])]
    elif kind == "events":
        items = [e for e in doc.get("events", []) if e.get("type") != "other"]
    else:
        items = list(doc.get(kind, []))
    unique = {}
    for item in items:
        unique.setdefault(_identity(kind, item), item)
    return list(unique.values())


def _align(kind: str, gold: list, system: list, aliases: dict) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and _match(kind, g, s, aliases):
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_sys else 0.0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "system": n_sys, "gold": n_gold}


def score(gold_docs: dict[str, dict], system_docs: dict[str, dict]) -> dict:
    """Scores per kind, overall micro F1, and attribute accuracies."""
    totals = {k: [0, 0, 0] for k in KINDS}
    attributes = {"role_org": [0, 0], "role_country": [0, 0], "partner_level": [0, 0]}
    for doc_id, gold_doc in gold_docs.items():
        system_doc = system_docs.get(doc_id, {})
        aliases = {fold(n): {fold(a) for a in alts} for n, alts in gold_doc.get("person_alts", {}).items()}
        for kind in KINDS:
            gold, system = _items(kind, gold_doc), _items(kind, system_doc)
            pairs = _align(kind, gold, system, aliases)
            if kind == "events":
                system = _drop_optional(gold_doc, system, pairs, aliases)
            for slot, value in enumerate((len(pairs), len(system), len(gold))):
                totals[kind][slot] += value
            _attribute_accuracy(kind, pairs, attributes)
    result = {k: _prf(*totals[k]) for k in KINDS}
    result["overall"] = _prf(*(sum(totals[k][i] for k in KINDS) for i in range(3)))
    for name, (ok, of) in attributes.items():
        result[name] = {"accuracy": ok / of if of else None, "correct": ok, "of": of}
    return result


def _drop_optional(gold_doc: dict, system: list, pairs: list, aliases: dict) -> list:
    """A gold `other` event whose alts name a scored type excuses one system event."""
    optional = [e for e in gold_doc.get("events", []) if e.get("type") == "other"
                and any(t != "other" for t in e.get("alts", {}).get("type", []))]
    matched = {id(s) for _, s in pairs}
    rest = [s for s in system if id(s) not in matched]
    excused = {id(s) for _, s in _align("events", optional, rest, aliases)}
    return [s for s in system if id(s) not in excused]


def _attribute_accuracy(kind: str, pairs: list, attributes: dict) -> None:
    for g, s in pairs:
        if kind == "roles" and g.get("org"):
            attributes["role_org"][1] += 1
            attributes["role_org"][0] += fold(s.get("org")) in _accepted(g, "org", {})
        if kind == "roles" and g.get("country"):
            attributes["role_country"][1] += 1
            attributes["role_country"][0] += _code(s.get("country")) == _code(g.get("country"))
        if kind == "partners" and g.get("level"):
            attributes["partner_level"][1] += 1
            attributes["partner_level"][0] += s.get("level") == g.get("level")


def format_scores(result: dict) -> str:
    lines = [f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'sys':>6}{'gold':>6}"]
    for kind in KINDS + ("overall",):
        r = result[kind]
        lines.append(f"{kind:<14}{r['precision']:7.3f}{r['recall']:7.3f}{r['f1']:7.3f}"
                     f"{r['tp']:6d}{r['system']:6d}{r['gold']:6d}")
    for name in ("role_org", "role_country", "partner_level"):
        r = result[name]
        accuracy = "n/a" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        lines.append(f"{name:<14} accuracy {accuracy} ({r['correct']}/{r['of']})")
    return "\n".join(lines)


def read_gold(path: str) -> dict[str, dict]:
    """Gold facts (JSON Lines) by doc id; a line that is not JSON is an error naming it."""
    import json
    from pathlib import Path

    from ..errors import GraphError

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GraphError(f"{path}: cannot read gold file ({error.strerror})") from None
    docs = {}
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GraphError(f"{path}:{number}: not JSON ({error.msg}); fix the line") from None
            docs[str(record.get("doc"))] = record
    return docs


def score_against(gold: str, paths: tuple[str, ...], location: str | None, *, progress: bool = True) -> str:
    """``vnfa evaluate``: the scores of PATHs' facts (or the store's) against the gold file, as text."""
    from ..build import store_for
    from .facts import all_facts

    gold_docs = read_gold(gold)
    with store_for(paths, location, progress=progress) as (dataset, _):
        system = {f["doc"]: f for f in all_facts(dataset)}
    return format_scores(score(gold_docs, system))
