"""Threads, processes, executors, coroutines and generators."""

import asyncio
import concurrent.futures
import contextlib
import multiprocessing as mp
import queue
import threading
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor as Pool
from contextlib import asynccontextmanager
from multiprocessing import Queue
from threading import Lock as TLock
from threading import Thread

_LOCK = threading.Lock()  # +threading
_OTHER_LOCK = TLock()  # +threading (alias of threading.Lock)


def start_worker(target):
    """Start a daemon thread."""
    worker = Thread(target=target, daemon=True)  # +threading
    worker.start()  # near-miss: worker is a variable, not the threading module
    return worker


def spawn(target):
    """Start a process with a result queue."""
    results = Queue()  # +multiprocessing
    proc = mp.Process(target=target, args=(results,))  # +multiprocessing
    proc.start()
    return proc, results


def both(target):
    """One line, two modules: one entry under each key."""
    return threading.Event(), mp.Event()  # +threading +multiprocessing


def pool_map(fn, items):
    """Map over a thread pool."""
    with Pool(max_workers=4) as pool:  # +concurrent
        return list(pool.map(fn, items))


def process_map(fn, items):
    """Map over a process pool, spelled through the dotted import."""
    executor = concurrent.futures.ProcessPoolExecutor()  # +concurrent
    try:
        done = [executor.submit(fn, item) for item in items]
        return [f.result() for f in futures.as_completed(done)]  # +concurrent
    finally:
        executor.shutdown()


def local_queue():
    """near-miss: queue.Queue is not multiprocessing.Queue (no finding here)."""
    return queue.Queue()


def with_lock(
    fn,
    lock=_LOCK,  # near-miss: _LOCK is a module variable, not the threading module
):
    """Call ``fn`` holding ``lock``."""
    with lock:
        return fn()


async def fetch(delay):  # +async
    """Sleep, then answer."""
    await asyncio.sleep(delay)
    return delay


async def fetch_all(delays):  # +async
    """Gather several fetches; await/async-for are not async defs."""
    results = await asyncio.gather(*(fetch(d) for d in delays))
    async with _Connection() as conn:
        await conn.ping()
    return results


async def in_thread(fn):  # +async
    """near-miss: asyncio.to_thread is asyncio, not threading."""
    return await asyncio.to_thread(fn)


class _Connection:  # +context-manager (async protocol)
    """An asynchronous context manager."""

    async def __aenter__(self):  # +async
        return self

    async def __aexit__(self, *exc_info):  # +async
        return False

    async def ping(self):  # +async
        return True


class HalfManager:  # near-miss: __enter__ with __aexit__ is neither protocol
    """Mixes the two protocols, so it is not a context manager."""

    def __enter__(self):
        return self

    async def __aexit__(self, *exc_info):  # +async
        return False


@contextlib.contextmanager
def locked(lock):  # +context-manager +generator
    """Hold ``lock`` for the duration of the block."""
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()


@asynccontextmanager
async def session():  # +context-manager +async (an async generator is not a generator)
    """An asynchronous session."""
    conn = _Connection()
    yield conn


def count_up(limit):  # +generator
    """Yield 0 .. limit-1."""
    n = 0
    while n < limit:
        yield n
        n += 1


def chain(*iterables):  # +generator (yield from)
    """Yield from each iterable in turn."""
    for it in iterables:
        yield from it


def make_counter():  # near-miss: only the nested function yields (not generator)
    """Return a generator function."""

    def counter():  # +generator
        yield 1

    counter_gen = counter()
    return counter_gen


def squares(items):  # near-miss: a generator expression is not a yield (not generator)
    """Lazily square the items."""
    return (item * item for item in items)


class Bag:
    """A bag that iterates over its items."""

    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):  # +generator
        yield from self.items
