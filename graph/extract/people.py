"""Who is who in one article: full names, and the short forms that point
back to them ("Bộ trưởng Niên", "ông Putin", "D.Hastert", "Phạm Binh Minh").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.normalise import fold, strip_accents


@dataclass
class Person:
    name: str
    start: int  # offset of the first mention
    end: int
    style: str = "vn"  # vn, latin, cap, short
    aliases: set[str] = field(default_factory=set)


def skeleton(name: str) -> str:
    """Accents, case and doubled letters erased: "Mahn Winn Khaing Thann" = "Mahn Win Khaing Than"."""
    return re.sub(r"(\w)\1+", r"\1", fold(strip_accents(name)))


def alias_keys(name: str, style: str) -> set[str]:
    """The short forms a later mention of this person may take."""
    words = name.replace(".", ". ").split()
    keys = {fold(name), fold(strip_accents(name)), skeleton(name), fold(re.sub(r"\.\s+", ".", name))}
    if len(words) < 2:
        return keys
    last = words[-1]
    keys.add(fold(last))
    if style == "vn":
        keys.add(fold(" ".join(words[-2:])))
    else:
        initials = words[0][0] + "." + last
        keys |= {fold(initials), fold(words[0][0] + ". " + last), fold(words[0])}
        keys |= {fold(word) for word in words[1:] if len(word) > 2}  # "Gabriel Boric Font": "Boric"
        plain = [w for w in words if not re.fullmatch(r"[A-ZĐ]\.", w)]
        keys.add(fold(" ".join(plain)))  # "George Bush" for "George W. Bush"
        keys.add(fold(" ".join(words[-2:])))  # "Xanana Gusmao" for "Kay Rala Xanana Gusmao"
    if "-" in words[-1]:
        keys.add(fold(" ".join(words[:-1] + [words[-1].split("-")[0]])))  # "Park Won" for "Park Won-soon"
    if len(words) >= 3:
        keys.add(fold(" ".join(words[:2])))  # "Syed Hamid" for "Syed Hamid Albar", "Phạm Bình" for "Phạm Bình Minh"
    return keys


class People:
    """The persons of one article, in order of first mention."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self._by_alias: dict[str, list[Person]] = {}

    def add(self, name: str, start: int, end: int, style: str) -> Person:
        """Register a full name (two or more words), or return who it already is."""
        known = self.find(name) or self._misspelt(name)
        if known is not None and (len(known.name.split()) >= len(name.split()) or style == "short"):
            return known
        if known is not None:  # a fuller form of someone met before under a short name
            self._index(known, name, style)
            known.name, known.style = name, style
            return known
        person = Person(name, start, end, style)
        self.persons.append(person)
        self._index(person, name, style)
        return person

    def _index(self, person: Person, name: str, style: str) -> None:
        for key in alias_keys(name, style):
            bucket = self._by_alias.setdefault(key, [])
            if person not in bucket:
                bucket.append(person)
            person.aliases.add(key)

    def find(self, name: str) -> Person | None:
        """The one person a name or short form refers to, if unambiguous."""
        for key in (fold(name), fold(strip_accents(name)), skeleton(name)):
            found = self._by_alias.get(key, [])
            if len(found) == 1:
                return found[0]
            exact = [p for p in found if fold(p.name) == key]
            if len(exact) == 1:
                return exact[0]
        return None

    def _misspelt(self, name: str) -> Person | None:
        """'Donald Trum' for 'Donald Trump', 'Mwangui Kamau' for '… Mwangi Kamau': a foreign name
        one typo away from a form already known (Vietnamese names differ by one letter on purpose)."""
        if VIETNAMESE.search(name) or len(name.split()) < 2:
            return None
        found = {p.name: p for key, bucket in self._by_alias.items() if len(bucket) == 1 and _one_typo(key, fold(name))
                 for p in bucket if p.style != "vn"}
        return next(iter(found.values())) if len(found) == 1 else None


VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯà-ỹÀ-Ỹ]")


def _one_typo(known: str, name: str) -> bool:
    """Same words but one, and that one a letter added, dropped or changed in a word of 4+ letters."""
    a, b = known.split(), name.split()
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) != len(b) or len(differ) != 1:
        return False
    x, y = differ[0]
    return min(len(x), len(y)) >= 4 and _edit_distance_one(x, y)


def _edit_distance_one(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
