"""One background-task mechanism (DESIGN §3).

``@task`` registers a function under a name; ``enqueue(name, key=..., **kwargs)``
queues it when the surrounding transaction commits. Keyword arguments must be
JSON (ids, not objects). The key makes a task idempotent: queuing the same key
twice runs it once. Backend "inline" (tests, demo) runs it right after commit;
backend "database" stores a TaskRecord for ``manage.py run_worker``.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

_REGISTRY: dict[str, Callable] = {}


def task(name: str):
    def register(func):
        _REGISTRY[name] = func
        return func

    return register


def enqueue(name: str, *, key: str, **kwargs):
    if name not in _REGISTRY:
        raise KeyError(f"Unknown task {name!r}")
    from tdkt.core.models import TaskRecord

    def queue():
        try:
            with transaction.atomic():
                record = TaskRecord.objects.create(key=key, name=name, kwargs=kwargs)
        except IntegrityError:
            return  # already queued or done: idempotent
        if settings.TDKT_TASKS_BACKEND == "inline":
            run_record(record)

    transaction.on_commit(queue)


def run_record(record) -> None:
    record.status = record.Status.RUNNING
    record.save(update_fields=["status"])
    try:
        _REGISTRY[record.name](**record.kwargs)
    except Exception as exc:  # recorded for the operator, then re-raised in tests
        record.status = record.Status.FAILED
        record.error = repr(exc)
        record.finished_at = timezone.now()
        record.save(update_fields=["status", "error", "finished_at"])
        if settings.TDKT_TASKS_BACKEND == "inline":
            raise
        return
    record.status = record.Status.DONE
    record.progress = 100
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "progress", "finished_at"])


def run_pending(limit: int = 100) -> int:
    """Run queued tasks in order; used by the worker command. Returns the count."""
    from tdkt.core.models import TaskRecord

    done = 0
    for record in TaskRecord.objects.filter(status=TaskRecord.Status.QUEUED)[:limit]:
        run_record(record)
        done += 1
    return done
