"""The one module that knows where the bundled data files are."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """A path under data/ (gazetteers, lexicon, queries, ontology, shapes, articles)."""
    local = Path(__file__).resolve().parent.parent / "data"
    root = local if local.is_dir() else Path(str(files("vnfa.data")))
    return root.joinpath(*parts)


def read_table(*parts: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file under data/ (see read_tsv)."""
    return read_tsv(data_path(*parts))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; '#' lines are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t") if lines else []
    return [dict(zip(header, (cell.strip() for cell in line.split("\t")))) for line in lines[1:]]


def read_list(*parts: str) -> list[str]:
    """Lines of a one-item-a-line data file, without comments and blanks."""
    text = data_path(*parts).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
