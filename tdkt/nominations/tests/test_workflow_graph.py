"""The transition table is a sound graph: no dead ends, no unreachable statuses, valid codes."""

from collections import deque

import pytest

from tdkt.accounts.models import Role
from tdkt.nominations import workflow
from tdkt.nominations.models import Status

TERMINAL = {Status.DECIDED, Status.WITHDRAWN}


def _reachable_from(start: str) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        status = queue.popleft()
        for transition in workflow.transitions_from(status):
            if transition.target not in seen:
                seen.add(transition.target)
                queue.append(transition.target)
    return seen


def test_every_status_is_reachable_from_draft():
    unreachable = set(Status.values) - _reachable_from(Status.DRAFT)
    assert not unreachable, f"statuses no transition leads to: {sorted(unreachable)}"


def test_every_status_can_still_end():
    """From every status a terminal status is reachable (no cycle without an exit)."""
    stuck = [s for s in Status.values if not (_reachable_from(s) & TERMINAL)]
    assert not stuck, f"statuses from which no dossier can ever be decided or withdrawn: {stuck}"


@pytest.mark.parametrize("status", [s for s in Status.values if s not in TERMINAL])
def test_non_terminal_status_has_an_outgoing_transition(status):
    assert workflow.transitions_from(status), f"{status} is a dead end"


@pytest.mark.parametrize("status", sorted(TERMINAL))
def test_terminal_status_has_no_outgoing_transition(status):
    assert workflow.transitions_from(status) == []
    assert status in workflow.TERMINAL


def test_terminal_set_matches_the_table():
    assert set(workflow.TERMINAL) == TERMINAL


@pytest.mark.parametrize("name", list(workflow.TRANSITIONS))
def test_transition_uses_valid_codes(name):
    transition = workflow.TRANSITIONS[name]
    assert transition.name == name
    assert transition.roles, f"{name} has no role"
    assert transition.sources, f"{name} has no source status"
    assert set(transition.roles) <= set(Role.values), f"{name}: unknown roles {set(transition.roles) - set(Role.values)}"
    assert set(transition.sources) <= set(Status.values), (
        f"{name}: unknown statuses {set(transition.sources) - set(Status.values)}")
    assert transition.target in Status.values
    assert transition.target not in transition.sources, f"{name} loops onto its own source"
    assert transition.event.startswith("dossier."), "event types are object.verb"
    for guard in transition.guards:
        assert callable(guard) and guard.__name__ != "<lambda>", (
            f"{name}: guards must be named functions (their name is the error code)")


def test_event_types_are_unique():
    events = [t.event for t in workflow.TRANSITIONS.values()]
    assert len(events) == len(set(events))


def test_step_owner_covers_every_non_terminal_status():
    expected = set(Status.values) - TERMINAL
    assert set(workflow.STEP_OWNER) == expected
    for status, role in workflow.STEP_OWNER.items():
        assert role in Role.values


@pytest.mark.parametrize("status", [s for s in Status.values if s not in TERMINAL])
def test_step_owner_can_act_in_its_status(status):
    """The owner shown in the worklist can apply at least one transition from that status."""
    owner = workflow.STEP_OWNER[status]
    assert any(owner in t.roles for t in workflow.transitions_from(status)), (
        f"{owner} owns {status} but no transition from {status} is open to {owner}")
