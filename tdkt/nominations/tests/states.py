"""Bring a dossier to any status through the real services (never by writing the status).

``PATHS`` is the map of how each status is reached: a dossier kind and the list
of steps from a fresh draft. ``StateDriver(...).reach(status)`` builds a new
dossier and walks it there, so each test gets its own database state.

Two shapes of dossier are used:
- an annual dossier with one ``BK_TINH`` nominee (decided by the province);
- a state-level dossier with one ``HCLD3`` nominee, which must be posted for
  public consultation (≥ 10 working days) and is forwarded to the central level.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from tdkt.conftest import APPRAISAL_NOTE
from tdkt.core.calendar import add_working_days
from tdkt.nominations import services
from tdkt.nominations.models import Dossier, Status

ANNUAL = ("BK_TINH", "annual")
STATE_LEVEL = ("HCLD3", "state_level")

_TO_APPRAISED = ["request_approval", "submit", "receive", "appraise_all", "complete_appraisal"]

# status -> (entry code, dossier kind), steps from a fresh draft
PATHS: dict[str, tuple[tuple[str, str], list[str]]] = {
    Status.DRAFT: (ANNUAL, []),
    Status.AWAITING_HEAD: (ANNUAL, ["request_approval"]),
    Status.SUBMITTED: (ANNUAL, ["request_approval", "submit"]),
    Status.RETURNED: (ANNUAL, ["request_approval", "submit", "return_for_supplement"]),
    Status.RECEIVED: (ANNUAL, ["request_approval", "submit", "receive"]),
    Status.APPRAISED: (ANNUAL, _TO_APPRAISED),
    Status.IN_CONSULTATION: (STATE_LEVEL, [*_TO_APPRAISED, "open_consultation"]),
    Status.AT_COUNCIL: (ANNUAL, [*_TO_APPRAISED, "send_to_council"]),
    Status.COUNCIL_DONE: (ANNUAL, [*_TO_APPRAISED, "send_to_council", "council_votes_yes"]),
    Status.FORWARDED: (STATE_LEVEL, [*_TO_APPRAISED, "open_consultation", "send_to_council",
                                     "council_votes_yes", "forward_to_central"]),
    Status.DECIDED: (ANNUAL, [*_TO_APPRAISED, "send_to_council", "council_votes_yes", "issue_decision"]),
    Status.WITHDRAWN: (ANNUAL, ["withdraw"]),
}


@pytest.fixture
def fast_passwords(settings):
    """Password hashing dominates fixture time (one PBKDF2 per persona); tests don't need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def past_posting():
    """A public posting of 12 working days that ended before today."""
    starts_on = timezone.localdate() - timedelta(days=40)
    return starts_on, add_working_days(starts_on, 12)


@dataclass
class StateDriver:
    people: dict
    make_dossier: object
    council: object

    def new(self, shape=ANNUAL) -> Dossier:
        entry, kind = shape
        return self.make_dossier(entry=entry, kind=kind)

    def reach(self, status: str, *, shape=None, steps=None) -> Dossier:
        """A new dossier walked to ``status`` (by PATHS, or by the given shape and steps)."""
        default_shape, default_steps = PATHS[status]
        dossier = self.new(shape or default_shape)
        self.walk(dossier, default_steps if steps is None else steps)
        dossier.refresh_from_db()
        assert dossier.status == status, f"the path to {status} ended at {dossier.status}"
        return dossier

    def walk(self, dossier: Dossier, steps) -> Dossier:
        for step in steps:
            getattr(self, f"_{step}")(dossier)
        return dossier

    # --- steps ------------------------------------------------------------------
    def _request_approval(self, dossier):
        services.request_approval(dossier, actor=self.people["clerk"])

    def _submit(self, dossier):
        services.submit_dossier(dossier, actor=self.people["head"])

    def _withdraw(self, dossier):
        services.withdraw_dossier(dossier, actor=self.people["clerk"], note="Đơn vị rút hồ sơ")

    def _return_for_supplement(self, dossier):
        services.return_for_supplement(dossier, actor=self.people["officer"], reason="Thiếu biên bản họp")

    def _receive(self, dossier):
        services.receive_dossier(dossier, actor=self.people["officer"])

    def _appraise_all(self, dossier):
        for nomination in dossier.nominations.all():
            services.appraise_nomination(nomination, actor=self.people["officer"], verdict="agree", comment=APPRAISAL_NOTE)

    def _complete_appraisal(self, dossier):
        services.complete_appraisal(dossier, actor=self.people["officer"])

    def _open_consultation(self, dossier):
        starts_on, ends_on = past_posting()
        services.open_consultation(dossier, actor=self.people["board_head"], starts_on=starts_on,
                                   ends_on=ends_on)

    def _send_to_council(self, dossier):
        services.send_to_council(dossier, actor=self.people["board_head"])

    def _council_votes_yes(self, dossier):
        members = self.council.members
        session = services.open_council_session(self.council, actor=self.people["secretary"],
                                                held_on=timezone.localdate(), dossiers=[dossier],
                                                present_user_ids=[m.pk for m in members])
        for nomination in dossier.nominations.filter(appraisal_verdict="agree"):
            for member in members:
                services.cast_vote(session, nomination, actor=member, choice="yes")
        services.close_council_session(session, actor=self.people["secretary"])

    def _issue_decision(self, dossier):
        services.issue_decision(dossier, actor=self.people["signer"], number="1/QĐ-UBND",
                                issued_on=timezone.localdate())

    def _forward_to_central(self, dossier):
        services.forward_to_central(dossier, actor=self.people["officer"])


@pytest.fixture
def states(fast_passwords, people, make_dossier, council):
    return StateDriver(people=people, make_dossier=make_dossier, council=council)
