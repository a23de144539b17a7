"""Pausing Python's cyclic garbage collector around bulk work.

A 20,000-line import builds a few hundred thousand small lists, dicts and row objects that all
stay alive until it ends. Each allocation past the collector's threshold starts a collection that
walks every live object (Django's modules included), so the collector ends up costing more than
the import's own work (measured in benchmarks/import_nominees.py). None of these objects form
cycles that need collecting early, so the collector is paused while the bulk work runs and
resumes afterwards, when it collects whatever cyclic garbage there is as usual.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused():
    """Within the block the cyclic collector does not run; it is restored to its previous state
    when the last (in any thread) of the nested or concurrent blocks ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
