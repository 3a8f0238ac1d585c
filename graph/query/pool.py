"""Query worker processes, each with its own read-only view of the store (vnfa.query.results runs the
query there): a query that overruns its time or memory limit has its worker killed and replaced.
And the gate that lets many queries, or one update, through at a time."""
from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import asynccontextmanager

from pebble import ProcessExpired

from .limits import DEFAULT_MEMORY, DEFAULT_TIMEOUT, QueryMemoryError, QueryTimeoutError
from .results import open_store


class QueryPool:
    """Worker processes, each with its own read-only view of the store; a query
    that overruns the time limit has its worker killed and replaced."""

    def __init__(self, store: str, *, workers: int = 2, timeout: float = DEFAULT_TIMEOUT,
                 memory: int | None = DEFAULT_MEMORY):
        self.store, self.workers, self.timeout, self.memory = store, workers, timeout, memory
        self._pool = self._start()

    def _start(self):
        from pebble import ProcessPool

        return ProcessPool(max_workers=self.workers, initializer=open_store, initargs=(self.store, self.memory),
                           context=multiprocessing.get_context("spawn"))

    def submit(self, function: Callable, *args):
        """Schedule ``function(*args)`` on a worker; a concurrent Future."""
        return self._pool.schedule(function, args=args, timeout=self.timeout)

    def call(self, function: Callable, *args):
        """Run ``function(*args)`` on a worker and wait (for the command line)."""
        try:
            return self.submit(function, *args).result()
        except (FutureTimeout, TimeoutError):
            raise self._timeout_error() from None
        except ProcessExpired:
            raise self._memory_error() from None

    async def run(self, function: Callable, *args):
        """Run ``function(*args)`` on a worker without blocking the event loop."""
        future = self.submit(function, *args)
        try:
            return await asyncio.wrap_future(future)
        except (FutureTimeout, TimeoutError):
            raise self._timeout_error() from None
        except ProcessExpired:
            raise self._memory_error() from None

    def _timeout_error(self) -> QueryTimeoutError:
        return QueryTimeoutError(f"query stopped after the {self.timeout:g} s time limit; narrow it "
                                 "(more specific patterns, LIMIT) or raise --timeout")

    def _memory_error(self) -> QueryMemoryError:
        limit = f" (the limit is {self.memory / 1e6:,.0f} MB)" if self.memory else ""
        return QueryMemoryError(f"query stopped: it needed more memory than a query may use{limit}; narrow it "
                                "(fewer joins, LIMIT, no ORDER BY over everything)")

    def restart(self) -> None:
        """New workers, so that they see what was written since they opened the store."""
        old, self._pool = self._pool, self._start()
        old.close()
        old.join()

    def close(self) -> None:
        """Let running queries end (briefly), then stop the workers."""
        self._pool.close()
        try:
            self._pool.join(timeout=2)
        except TimeoutError:
            self._pool.stop()
            self._pool.join()


class Gate:
    """Many queries at once, or one update with no query running."""

    def __init__(self) -> None:
        self._cond = asyncio.Condition()
        self._readers, self._writing = 0, False

    @asynccontextmanager
    async def reading(self):
        async with self._cond:
            await self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            async with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @asynccontextmanager
    async def writing(self):
        async with self._cond:
            await self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            await self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            async with self._cond:
                self._writing = False
                self._cond.notify_all()
