"""Posts: one role per (person, title) from the title chains, with the
organisation and the state each serves, as SPEC.md's roles rule says."""
from __future__ import annotations

from dataclasses import replace

from ..records import Role
from ..text.lexicon import Lexicon, words
from ..text.normalise import fold, phrase_key, tokenize
from .chains import Link
from .names import Ref


def nationalities(refs: list[Ref], roles: list[Role]) -> dict[str, str]:
    """Person -> the country their posts serve (VN for Vietnamese names with no post)."""
    found = {r.person: r.country for r in roles if r.country}
    for ref in refs:
        if ref.style == "vn" and ref.resolved not in found:
            found[ref.resolved] = "VN"
    return found


def make_roles(refs: list[Ref], lexicon: Lexicon, foreign: str | None = None) -> list[Role]:
    """Posts stated with each person, one role per (person, title); "Chủ tịch" gives way to "Chủ tịch nước"."""
    found: dict[tuple[str, str], Role] = {}
    for ref in refs:
        posts = [link for link in ref.links if link.is_post]
        closing = next((link for link in reversed(posts) if link.org), None)
        named = next((link.country for link in posts if link.country and link.country != "VN"), None)
        for link in posts:
            if link.country is None and named and (link.org_key is None or
                                                    _org_country(link.org_key, lexicon) in ("VN", None)):
                link = replace(link, country=named)  # "Ủy viên Bộ Chính trị, Ngoại trưởng Trung Quốc X"
            role = _role(ref, link, closing, lexicon)
            if role.country is None and foreign and ref.style not in ("vn",) and not _vietnamese_title(role, lexicon):
                role = replace(role, country=foreign)
            found.setdefault((fold(role.person), fold(role.title)), role)
    return [role for role in found.values() if not _shadowed(role, found.values())]


def _vietnamese_title(role: Role, lexicon: Lexicon) -> bool:
    entry = lexicon.titles.get(phrase_key(role.title))
    return entry is not None and entry.get("scope") == "vn"


def _shadowed(role: Role, roles) -> bool:
    """A shorter title of the same post: "Chủ tịch" beside "Chủ tịch nước" for the same person."""
    return any(other.person == role.person and fold(other.title).startswith(fold(role.title) + " ")
               and role.org in (None, other.org) for other in roles)


def _role(ref: Ref, link: Link, closing: Link | None, lexicon: Lexicon) -> Role:
    entry = lexicon.titles.get(phrase_key(link.title.text))
    title = link.title.text
    title = title[0].upper() + title[1:]
    org, org_key, country = link.org, link.org_key, link.country
    default_org = entry.get("default_org") if entry else ""
    scope = entry.get("scope") if entry else ""
    kind = entry.get("kind") if entry else ""
    short = _shorter_title(title, lexicon)
    # "Bộ trưởng Ngoại giao": title "Bộ trưởng", org "Bộ Ngoại giao"
    if short and default_org and fold(title[len(short):]) in fold(default_org):
        title, org = short, org or default_org
    item = ref.sentence.items[ref.index]
    known = lexicon.person_countries.get(item.get("name") or "", "") if ref.style == "known" else ""
    vietnamese = ref.style == "vn" or known == "VN" or scope == "vn" or (
        org_key and _org_country(org_key, lexicon) == "VN")
    if country is None and known and known != "VN":
        country = known
        if org is None and known in lexicon.countries and lexicon.countries[known].kind == "intl":
            org, org_key = lexicon.countries[known].name, known
    if org is None and closing is not None and closing is not link and not default_org \
            and kind not in ("state", "royal") and scope != "foreign":
        org, org_key, country = closing.org, closing.org_key, country or closing.country
    if country is None and org_key:
        country = _org_country(org_key, lexicon)
    if country is None and vietnamese:
        country = "VN"
    if org is None and default_org and country == "VN":
        org = default_org  # "Thủ tướng Chính phủ" is Vietnam's; a foreign prime minister's body is not named
    if org is None and kind == "party" and country in lexicon.ruling_parties:
        org = lexicon.ruling_parties[country]  # "Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình"
    org = _without_country(org, lexicon)
    sentence = ref.sentence
    item = sentence.items[ref.index]
    start = min(item.start, link.title.start)
    end = max(item.end, link.title.end)
    return Role(ref.resolved or ref.name, title, org, country, (start, end),
                "former" if link.former else None, entry.get("title_en") if entry else None, org_key)


STATE_ORGANS = tuple(sorted(organ + " " for organ in words("state_organs")))


def _without_country(org: str | None, lexicon: Lexicon) -> str | None:
    """'Bộ Ngoại giao Mỹ', 'Hạ viện Thái Lan': a state organ is named without its state (the country says it)."""
    if not org or not (phrase_key(org) + " ").startswith(STATE_ORGANS):
        return org
    tokens = tokenize(org)
    for cut in range(1, len(tokens)):
        found = lexicon.phrases.match_at(tokens, cut, frozenset({"country"}))
        if found is not None and found.end == len(tokens):
            return org[:tokens[cut].start].rstrip()
    return org


def _shorter_title(title: str, lexicon: Lexicon) -> str | None:
    words = title.split()
    for n in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:n])
        if phrase_key(candidate) in lexicon.titles:
            return candidate
    return None


def _org_country(org_key: str, lexicon: Lexicon) -> str | None:
    if org_key in lexicon.countries:
        return org_key
    return lexicon.org_countries.get(org_key) or None
