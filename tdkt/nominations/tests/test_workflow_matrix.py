"""Every (status, action, role) combination against the transition table.

For each status the dossier is brought there through the real services, then
``workflow.check_transition`` is asked, for a user of each role who has the
dossier in scope, about every action:

- allowed by the table (status in sources, role in roles): it passes, or a
  guard refuses with ``DomainError(code=<guard name>)``, never PermissionDenied
  or ``wrong_state``; which guard refuses is pinned for the fixture dossiers;
- otherwise: PermissionDenied when the role may never do it, ``wrong_state``
  when the role may, but not from this status.

Parametrized by (status, role) with every action checked inside, so each test
builds one dossier (the full 12 × 14 × 8 grid as separate tests would build
1,344 of them).
"""

import pytest

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.nominations import services, workflow
from tdkt.nominations.models import Status, TimelineEvent
from tdkt.nominations.tests.states import ANNUAL, PATHS, STATE_LEVEL, fast_passwords, states  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_passwords")

# A user of each role with the dossier (of the education department) in scope.
PERSONA = {
    Role.UNIT_CLERK: "clerk",
    Role.UNIT_HEAD: "head",
    Role.BOARD_OFFICER: "officer",
    Role.BOARD_HEAD: "board_head",
    Role.COUNCIL_MEMBER: "member",
    Role.COUNCIL_SECRETARY: "secretary",
    Role.SIGNER: "signer",
    Role.ADMIN: "admin",
}

# Allowed combinations where a guard refuses on the dossiers PATHS builds.
GUARD_REFUSES = {
    (Status.RECEIVED, "complete_appraisal"): "all_appraised",  # received, nobody appraised yet
    (Status.APPRAISED, "open_consultation"): "needs_consultation",  # BK_TINH needs no posting
    (Status.AT_COUNCIL, "record_council_result"): "council_results_recorded",  # no meeting yet
    (Status.COUNCIL_DONE, "forward_to_central"): "has_state_level_nominee",  # BK_TINH is provincial
}


def test_every_role_and_status_is_covered():
    assert set(PERSONA) == set(Role.values)
    assert set(PATHS) == set(Status.values)


def _outcome(dossier, name, user):
    try:
        workflow.check_transition(dossier, name, actor=user, note="Lý do kiểm thử")
    except PermissionDenied:
        return "permission_denied"
    except DomainError as error:
        return error.code or f"field:{error.field}"
    return "ok"


@pytest.mark.parametrize("role", list(Role.values))
@pytest.mark.parametrize("status", list(Status.values))
def test_check_transition_matches_the_table(states, people, status, role):
    dossier = states.reach(status)
    user = people[PERSONA[role]]
    events_before = TimelineEvent.objects.filter(dossier=dossier).count()
    wrong = []
    for name, transition in workflow.TRANSITIONS.items():
        got = _outcome(dossier, name, user)
        if role not in transition.roles:
            expected = "permission_denied"
        elif status not in transition.sources:
            expected = "wrong_state"
        else:
            expected = GUARD_REFUSES.get((status, name), "ok")
        if got != expected:
            wrong.append(f"{name}: expected {expected}, got {got}")
    assert not wrong, f"{role} on a {status} dossier:\n  " + "\n  ".join(wrong)
    # Checking never moves the dossier nor writes the timeline.
    dossier.refresh_from_db()
    assert dossier.status == status
    assert TimelineEvent.objects.filter(dossier=dossier).count() == events_before


def test_guard_refusals_are_real_guards():
    for (status, name), guard in GUARD_REFUSES.items():
        transition = workflow.TRANSITIONS[name]
        assert status in transition.sources
        assert guard in {g.__name__ for g in transition.guards}


@pytest.mark.parametrize("role", [Role.UNIT_CLERK, Role.UNIT_HEAD])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.AWAITING_HEAD, Status.RETURNED])
def test_unit_roles_of_another_unit_are_refused(states, people, status, role):
    """Right role, right status, wrong unit: PermissionDenied, never a state or guard error."""
    dossier = states.reach(status)
    outsider = people["outsider" if role == Role.UNIT_CLERK else "outsider_head"]
    for transition in workflow.transitions_from(status):
        if role in transition.roles:
            assert _outcome(dossier, transition.name, outsider) == "permission_denied", transition.name


# --- Applying every edge ---------------------------------------------------------------

# (action, source) -> (shape, steps from a draft) when PATHS[source] is not the right start.
_APPRAISED = ["request_approval", "submit", "receive", "appraise_all", "complete_appraisal"]
EDGE_SETUP = {
    ("complete_appraisal", Status.RECEIVED): (ANNUAL, ["request_approval", "submit", "receive", "appraise_all"]),
    ("open_consultation", Status.APPRAISED): (STATE_LEVEL, _APPRAISED),
    ("forward_to_central", Status.COUNCIL_DONE): (
        STATE_LEVEL, [*_APPRAISED, "open_consultation", "send_to_council", "council_votes_yes"]),
}
EDGES = sorted((name, source) for name, t in workflow.TRANSITIONS.items() for source in t.sources)


@pytest.mark.parametrize(("name", "source"), EDGES, ids=[f"{n}-from-{s}" for n, s in EDGES])
def test_applying_each_edge_moves_the_dossier_and_logs_it(states, people, name, source):
    transition = workflow.TRANSITIONS[name]
    shape, steps = EDGE_SETUP.get((name, source), (None, None))
    dossier = states.reach(source, shape=shape, steps=steps)
    actor = people[PERSONA[sorted(transition.roles)[0]]]
    if name == "record_council_result":
        # Its guard needs the council's results, which only closing the meeting computes.
        states.walk(dossier, ["council_votes_yes"])
    else:
        workflow.apply_transition(dossier, name, actor=actor, note="  Lý do: kiểm thử  ")
        assert dossier.status == transition.target  # the caller's copy follows
    dossier.refresh_from_db()
    assert dossier.status == transition.target
    assert dossier.step_started_on is not None
    event = TimelineEvent.objects.filter(dossier=dossier).order_by("-id").first()
    assert (event.event_type, event.from_status, event.to_status) == (transition.event, source, transition.target)
    if name != "record_council_result":
        assert event.actor == actor
        assert event.note == "Lý do: kiểm thử"
    else:
        assert event.actor == people["secretary"]


def test_wrong_state_refusal_changes_nothing(states, people):
    dossier = states.reach(Status.DRAFT)
    events_before = TimelineEvent.objects.filter(dossier=dossier).count()
    with pytest.raises(DomainError) as refused:
        services.receive_dossier(dossier, actor=people["officer"])
    assert refused.value.code == "wrong_state"
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    assert TimelineEvent.objects.filter(dossier=dossier).count() == events_before
