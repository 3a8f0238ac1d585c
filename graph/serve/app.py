"""vnfa serve: the store over the SPARQL 1.1 Protocol, and a page to explore it.

A small Starlette app on uvicorn. Queries go as strings to Oxigraph, in worker
processes (vnfa.query.pool.QueryPool) with read-only views of the store, so a slow
query neither blocks the others nor outlives its time limit. This process holds
the store's write lock (no other process writes while it serves) and refuses
updates unless started with --allow-update and a token.
"""
from __future__ import annotations

import hmac
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import GraphError, QueryError, StoreError
from ..query.limits import (
    Limits,
    QueryMemoryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTimeoutError,
    UpdateRefusedError,
    check_update,
)
from ..query.pool import Gate, QueryPool
from ..query.results import (
    ALL_TYPES,
    FORMATS,
    Answer,
    NotAcceptableError,
    QueryRequest,
    acceptable,
    execute,
    format_types,
    known_format,
)

STATIC = Path(__file__).parent / "static"
FORM, QUERY, UPDATE = "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"
EXPOSED = ["Vnfa-Rows", "Vnfa-Truncated", "Vnfa-Row-Limit"]


class BadRequestError(QueryError):
    """The request does not follow the SPARQL Protocol."""


class BodyTooLargeError(QueryError):
    """The request body is over the size limit; it is not read further."""


class UriTooLongError(QueryError):
    """A query string over the size limit; it is not parsed."""


class UnsupportedMediaError(QueryError):
    """A POST body of a media type the protocol does not define."""


class UnauthorisedError(QueryError):
    """An update without the right token."""


STATUS = {BadRequestError: 400, QuerySyntaxError: 400, UnauthorisedError: 401, QueryRefusedError: 403,
          NotAcceptableError: 406, BodyTooLargeError: 413, UriTooLongError: 414, UnsupportedMediaError: 415,
          QueryTimeoutError: 503, QueryMemoryError: 503, QueryError: 400}


@dataclass(frozen=True)
class ServeSettings:
    store: str | None               # folder; None: $VNFA_STORE or ./vnfa-data
    limits: Limits = field(default_factory=Limits)
    workers: int = 2
    cors: str | None = None          # the one origin allowed to call from a browser, if any
    allow_update: bool = False
    token: str | None = None         # required in "Authorization: Bearer ..." for updates


class Endpoint:
    """The open store (holding its lock), the worker pool and the settings."""

    def __init__(self, settings: ServeSettings):
        from ..store.open import is_remote, open_dataset, store_path

        if is_remote(settings.store):
            raise StoreError("vnfa serve needs a store folder, not a SPARQL server; give --store DIR")
        self.settings = settings
        self.dataset = open_dataset(settings.store, create=False)  # holds the lock: no other writer
        try:
            self.pool = QueryPool(str(store_path(settings.store)), workers=settings.workers,
                                  timeout=settings.limits.timeout, memory=settings.limits.memory)
        except BaseException:
            self.dataset.close()
            raise
        self.gate = Gate()

    async def run(self, function: Callable, *args: Any) -> Any:
        async with self.gate.reading():
            return await self.pool.run(function, *args)

    def update(self, text: str) -> None:
        """Apply an update (no query running), then restart the workers so that they see it."""
        from ..store.open import backend

        backend(self.dataset).run_update(text)
        backend(self.dataset).flush()
        self.pool.restart()

    def close(self) -> None:
        from ..store.open import close

        self.pool.close()
        close(self.dataset)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(f"request body of {declared} bytes is over the {limit}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError(f"request body is over the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequestError("parameters are not valid UTF-8 percent-encoding") from None


async def read_params(request: Request, limit: int) -> dict[str, list[str]]:
    """Protocol parameters from the URL and, for POST, the body (form, query or update)."""
    if len(request.url.query) > limit:
        raise UriTooLongError(f"query string over the {limit}-byte limit; POST long queries")
    params = _form(request.url.query)
    if request.method != "POST":
        return params
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in (FORM, QUERY, UPDATE):
        raise UnsupportedMediaError(f"POST bodies must be {FORM}, {QUERY} or {UPDATE}, not '{kind or 'none'}'")
    try:
        text = (await read_body(request, limit)).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequestError("the request body is not UTF-8") from None
    if kind == FORM:
        for key, values in _form(text).items():
            params.setdefault(key, []).extend(values)
    else:
        params.setdefault("query" if kind == QUERY else "update", []).append(text)
    return params


def one(params: dict[str, list[str]], name: str, *, required: bool = True) -> str | None:
    """The parameter's value; given twice, the values must be the same (clients repeat them)."""
    values = list(dict.fromkeys(params.get(name, [])))
    if len(values) > 1:
        raise BadRequestError(f"give one '{name}' parameter, not {len(values)}")
    if not values and required:
        raise BadRequestError(f"no '{name}' parameter: send ?{name}=... or POST the SPARQL text")
    return values[0] if values else None


def query_request(params: dict[str, list[str]], accept: str | None, rows: int) -> QueryRequest:
    values = params.get("format", [])
    for fmt in values:
        if not known_format(fmt):
            raise BadRequestError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)} or a media type")
    if not values and not acceptable(accept):
        raise NotAcceptableError(f"no SPARQL result media type fits Accept: {accept}; "
                                 f"accept one of {', '.join(ALL_TYPES)}")
    return QueryRequest(one(params, "query"), accept=accept or "*/*", format=format_types(values) if values else None,
                        rows=rows,
                        default_graphs=tuple(params.get("default-graph-uri", [])),
                        named_graphs=tuple(params.get("named-graph-uri", [])))


def answer_response(answer: Answer, limit: int) -> Response:
    headers = {"Vnfa-Rows": str(answer.rows), "Vary": "Accept"}
    if answer.truncated:
        headers.update({"Vnfa-Truncated": "true", "Vnfa-Row-Limit": str(limit)})
    return Response(answer.body, media_type=answer.media_type, headers=headers)


async def sparql(request: Request) -> Response:
    endpoint: Endpoint = request.app.state.endpoint
    settings = endpoint.settings
    params = await read_params(request, settings.limits.body)
    if "update" in params:
        return await apply_update(request, params, endpoint)
    query = query_request(params, request.headers.get("accept"), settings.limits.rows)
    return answer_response(await endpoint.run(execute, query), settings.limits.rows)


async def apply_update(request: Request, params: dict[str, list[str]], endpoint: Endpoint) -> Response:
    settings = endpoint.settings
    if not settings.allow_update:
        raise UpdateRefusedError("SPARQL Update is refused: this endpoint is read-only "
                                 "(start it with --allow-update --token T to accept updates)")
    if request.method != "POST":
        raise BadRequestError("send updates by POST")
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not settings.token or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise UnauthorisedError("updates need the token: send 'Authorization: Bearer TOKEN'")
    text = one(params, "update")
    check_update(text)
    async with endpoint.gate.writing():
        await run_in_threadpool(endpoint.update, text)
    return Response(status_code=204)


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html")


async def examples(request: Request) -> Response:
    from ..query.named import named_queries, query_description

    return JSONResponse([{"name": name, "description": query_description(text), "query": text}
                         for name, text in named_queries().items()])


async def draw(request: Request) -> Response:
    """The query's network as `vnfa draw --query` draws it (SVG), from at most 500 rows or edges."""
    from ..draw.styles import LANGUAGES
    from ..network.request import query_svg

    endpoint: Endpoint = request.app.state.endpoint
    params = await read_params(request, endpoint.settings.limits.body)
    lang = one(params, "lang", required=False) or "vi"
    if lang not in LANGUAGES:
        raise BadRequestError(f"unknown lang '{lang}'; use one of {', '.join(LANGUAGES)}")
    rows = min(endpoint.settings.limits.rows, 500)
    return Response(await endpoint.run(query_svg, one(params, "query"), rows, lang), media_type="image/svg+xml")


async def on_error(request: Request, error: Exception) -> Response:
    status = next((STATUS[c] for c in type(error).__mro__ if c in STATUS), 500)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return PlainTextResponse(f"{error}\n", status_code=status, headers=headers)


def create_app(endpoint: Endpoint) -> Starlette:
    """The ASGI app over an open endpoint."""
    routes = [Route("/", page), Route("/sparql", sparql, methods=["GET", "POST"]),
              Route("/api/queries", examples), Route("/api/draw", draw, methods=["GET", "POST"]),
              Mount("/static", StaticFiles(directory=STATIC), name="static")]
    cors = endpoint.settings.cors
    middleware = [Middleware(CORSMiddleware, allow_origins=[cors], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=EXPOSED)
                  ] if cors else []
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={GraphError: on_error})
    app.state.endpoint = endpoint
    return app


@contextmanager
def serving(settings: ServeSettings, host: str = "127.0.0.1"):
    """Serve on a free port in a background thread (tests, notebooks); yields the base URL."""
    import socket
    import threading
    import time

    import uvicorn

    endpoint = Endpoint(settings)
    listener = socket.socket()
    listener.bind((host, 0))
    server = uvicorn.Server(uvicorn.Config(create_app(endpoint), log_level="warning", lifespan="off", loop="asyncio"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        while not server.started and thread.is_alive():
            time.sleep(0.02)
        yield f"http://{host}:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        endpoint.close()


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False) -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM); the workers stop and the store is released on the way out."""
    import signal

    import uvicorn

    endpoint = Endpoint(settings)
    signal.signal(signal.SIGTERM, _exit_cleanly)  # uvicorn re-raises SIGTERM after its own shutdown
    try:
        uvicorn.run(create_app(endpoint), host=host, port=port, log_level="warning" if quiet else "info",
                    access_log=not quiet)
    finally:
        endpoint.close()


def _exit_cleanly(signum: int, frame: Any) -> None:
    raise SystemExit(0)
