"""Where a SPARQL 1.1 server is and how to log in: from a ``sparql+http://`` URL
or a TOML endpoint file.

``sparql+http://[USER:PASSWORD@]HOST:PORT/PATH[?auth=digest]`` queries and
updates at ``http://HOST:PORT/PATH``; a PATH ending in ``/query`` (Oxigraph,
Fuseki) sends updates to the sibling ``/update``. An endpoint file says it all::

    [endpoint]
    query = "http://127.0.0.1:8890/sparql"
    update = "http://127.0.0.1:8890/sparql-auth"
    user = "dba"
    password_env = "VNFA_SPARQL_PASSWORD"   # or password = "..."
    auth = "digest"                          # or "basic" (the default)
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from ..errors import StoreError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

AUTH_KINDS = ("basic", "digest")
GRAPH_PREFIX = "https://w3id.org/vnfa/id/"  # vnfa's graphs on a shared server: the others are left alone


@dataclass(frozen=True)
class Endpoint:
    query: str
    update: str
    user: str | None = None
    password: str | None = None
    auth: str = "basic"
    graphs: str = GRAPH_PREFIX

    def credentials(self):
        """The requests auth object, or None."""
        if self.user is None:
            return None
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        kind = HTTPDigestAuth if self.auth == "digest" else HTTPBasicAuth
        return kind(self.user, self.password or "")


def parse_endpoint(target: str) -> Endpoint:
    """An Endpoint from a sparql+http(s) URL or a .toml endpoint file."""
    if target.startswith("sparql+"):
        return _from_url(target)
    return _from_file(Path(target))


def _from_url(target: str) -> Endpoint:
    parts = urlsplit(target[len("sparql+"):])
    if not parts.hostname:
        raise StoreError(f"--store {target}: no host; write sparql+http://HOST:PORT/PATH")
    auth = parse_qs(parts.query).get("auth", ["basic"])[0]
    _check_auth(auth, target)
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    query = urlunsplit((parts.scheme, netloc, parts.path or "/", "", ""))
    update = query[: -len("/query")] + "/update" if query.endswith("/query") else query
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else os.environ.get("VNFA_SPARQL_PASSWORD")
    return Endpoint(query, update, user, password, auth)


def _from_file(path: Path) -> Endpoint:
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(f"{path}: cannot read the endpoint file ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise StoreError(f"{path}: not TOML ({error}); see 'vnfa ingest --help' for the endpoint file") from None
    section = config.get("endpoint")
    if not isinstance(section, dict) or "query" not in section:
        raise StoreError(f"{path}: needs an [endpoint] table with at least query = \"http://...\"")
    auth = str(section.get("auth", "basic"))
    _check_auth(auth, str(path))
    password = section.get("password")
    if password is None and section.get("password_env"):
        password = os.environ.get(str(section["password_env"]))
        if password is None:
            raise StoreError(f"{path}: password_env names ${section['password_env']}, which is not set")
    return Endpoint(str(section["query"]), str(section.get("update", section["query"])),
                    section.get("user"), password, auth, str(section.get("graphs", GRAPH_PREFIX)))


def _check_auth(auth: str, where: str) -> None:
    if auth not in AUTH_KINDS:
        raise StoreError(f"{where}: auth '{auth}' unknown; choose one of {', '.join(AUTH_KINDS)}")
