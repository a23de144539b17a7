from datetime import date

from tdkt.conftest import APPRAISAL_NOTE
from tdkt.nominations import services
from tdkt.nominations.models import Nomination, Status


def test_dossier_goes_from_draft_to_decision(submitted_dossier, people, council):
    dossier = submitted_dossier
    services.receive_dossier(dossier, actor=people["officer"])
    nomination = dossier.nominations.get()
    services.appraise_nomination(nomination, actor=people["officer"], verdict="agree", comment=APPRAISAL_NOTE)
    services.complete_appraisal(dossier, actor=people["officer"])
    services.send_to_council(dossier, actor=people["board_head"])
    session = services.open_council_session(council, actor=people["secretary"], held_on=date.today(),
                                            dossiers=[dossier], present_user_ids=[u.pk for u in council.members])
    for member in council.members:
        services.cast_vote(session, nomination, actor=member, choice="yes")
    services.close_council_session(session, actor=people["secretary"])
    dossier = services.issue_decision(dossier, actor=people["signer"], number="123/QĐ-UBND",
                                      issued_on=date(2025, 8, 1))
    nomination.refresh_from_db()
    assert dossier.status == Status.DECIDED
    assert nomination.outcome == Nomination.Outcome.AWARDED
    # 1.5 × 2,340,000 = 3,510,000 đồng (already a multiple of 10,000)
    assert nomination.award.money_amount == 3_510_000
    assert nomination.award.certificate_number == 1
