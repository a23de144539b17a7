"""Two people apply the same transition at the same moment: exactly one wins (PostgreSQL row locks).

SQLite serialises writers on the whole database, so this only means something on
PostgreSQL; it is skipped elsewhere (scripts/test runs the suite on both).
"""

import threading

import pytest
from django.db import connection

from tdkt.core.errors import DomainError
from tdkt.nominations import services, workflow
from tdkt.nominations.models import Dossier, Status, TimelineEvent
from tdkt.nominations.tests.states import fast_passwords, states  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.usefixtures("fast_passwords"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking is tested on PostgreSQL"),
]


def _race(count, action):
    """Run ``action(i)`` in ``count`` threads released together; return what each returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = ("ok", action(i))
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[i] = ("error", error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck (deadlock?)"
    return results


@pytest.fixture
def slow_step(monkeypatch):
    """Widen the window between the status check and the write, so an unlocked read would race."""
    import time

    real = workflow._due_on

    def slow(status, start):
        time.sleep(0.3)
        return real(status, start)

    monkeypatch.setattr(workflow, "_due_on", slow)


@pytest.mark.django_db(transaction=True)
def test_two_officers_receive_the_same_dossier_at_once(states, people, slow_step):
    dossier = states.reach(Status.SUBMITTED)
    officer = people["officer"]

    def receive(_i):
        copy = Dossier.objects.get(pk=dossier.pk)  # each one loaded it while it was submitted
        assert copy.status == Status.SUBMITTED
        return services.receive_dossier(copy, actor=officer).status

    results = _race(2, receive)
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, DomainError) and error.code == "wrong_state", repr(error)
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED
    assert TimelineEvent.objects.filter(dossier=dossier, event_type="dossier.received").count() == 1


@pytest.mark.django_db(transaction=True)
def test_receive_and_return_race_leaves_one_consistent_outcome(states, people, slow_step):
    """Different transitions from the same status: the second sees the first's result."""
    dossier = states.reach(Status.SUBMITTED)
    officer = people["officer"]

    def act(i):
        copy = Dossier.objects.get(pk=dossier.pk)
        if i == 0:
            return services.receive_dossier(copy, actor=officer).status
        return services.return_for_supplement(copy, actor=officer, reason="Thiếu biên bản").status

    results = _race(2, act)
    winners = [value for kind, value in results if kind == "ok"]
    losers = [value for kind, value in results if kind == "error"]
    final = Dossier.objects.get(pk=dossier.pk).status
    moves = TimelineEvent.objects.filter(dossier=dossier, from_status=Status.SUBMITTED)
    if len(winners) == 2:
        # Legal only in sequence: received, then returned from received.
        assert final == Status.RETURNED
        assert list(moves.values_list("to_status", flat=True)) == [Status.RECEIVED]
    else:
        assert len(winners) == 1 and winners[0] == final
        assert isinstance(losers[0], DomainError) and losers[0].code == "wrong_state"
        assert moves.count() == 1
