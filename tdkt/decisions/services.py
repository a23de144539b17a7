"""Use cases of the archive: recording decisions and their awards."""

import re
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.catalogue.models import money_for
from tdkt.core.errors import DomainError
from tdkt.decisions.documents import CODE as DECISION_TEMPLATE
from tdkt.decisions.models import Award, Decision
from tdkt.documents.templates_store import current_version

# Số, ký hiệu (NĐ 30/2020): "123/QĐ-UBND", "45/QĐ-TTg", "7/QĐ-CTN". The case of the symbol is kept
# as written ("TTg" is lower case in the original).
DECISION_NUMBER = re.compile(r"^\d{1,6}/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-Za-zĐđ0-9]+)+$")


def validate_decision_number(number: str, *, issuer, issued_on: date) -> str:
    number = "".join((number or "").split())
    if not DECISION_NUMBER.match(number):
        raise DomainError(_("The decision number “%(number)s” is not valid; write it like 123/QĐ-UBND.")
                          % {"number": number}, field="number")
    if Decision.objects.filter(issuer=issuer, number__iexact=number,
                               issued_on__year=issued_on.year).exists():
        raise DomainError(_("Decision %(number)s of %(year)d already exists for this issuing body.")
                          % {"number": number, "year": issued_on.year}, field="number")
    return number


@transaction.atomic
def record_decision(*, number: str, issued_on: date, authority: str, issuer, signer_name: str,
                    signer_title: str = "", signer=None, summary: str = "",
                    source: str = Decision.Source.SYSTEM) -> Decision:
    if not signer_name.strip():
        raise DomainError(_("Enter who signed the decision."), field="signer_name")
    number = validate_decision_number(number, issuer=issuer, issued_on=issued_on)
    # A decision keeps the Quyết định template version current when it is made (issue 4); an
    # upload afterwards never changes how it prints. Older rows are pinned on first render.
    return Decision.objects.create(number=number, issued_on=issued_on, authority=authority, issuer=issuer,
                                   signer_name=signer_name.strip(), signer_title=signer_title.strip(),
                                   signer=signer, summary=summary, source=source,
                                   template_version=current_version(DECISION_TEMPLATE))


def next_certificate_number(decision: Decision) -> int:
    last = decision.awards.order_by("-certificate_number").values_list("certificate_number", flat=True).first()
    return (last or 0) + 1


def grant_award(decision: Decision, *, entry, subject, recipient_name: str, unit, year: int,
                position_text: str = "", period_from_year=None, period_to_year=None,
                achievement_kind: str = "annual") -> Award:
    """Add one awardee to a decision, with its số sổ vàng and money on the decision date."""
    award = Award(decision=decision, entry=entry, recipient_name=recipient_name, unit=unit, year=year,
                  position_text=position_text, period_from_year=period_from_year or year,
                  period_to_year=period_to_year or year, achievement_kind=achievement_kind,
                  certificate_number=next_certificate_number(decision))
    award.set_subject(subject)
    award.money_coefficient = entry.coefficient_for(award.subject_kind)
    award.money_amount = money_for(award.money_coefficient, decision.issued_on)
    award.save()
    return award


def settle_same_period_money(decision: Decision) -> int:
    """One subject, several titles for the same achievement period in one decision: only the
    highest is paid (NĐ 152/2025 Đ49, V; earlier decrees had the same principle, M).
    Titles for different periods are each paid. Returns how many awards were set to 0."""
    best: dict[tuple, Award] = {}
    zeroed = 0
    awards = decision.awards.order_by("-money_coefficient", "certificate_number")
    for award in awards:
        key = (award.person_id, award.collective_id, award.household_id,
               award.period_from_year, award.period_to_year)
        if key in best and award.money_amount:
            award.money_amount = 0
            award.save(update_fields=["money_amount", "updated_at"])
            zeroed += 1
        best.setdefault(key, award)
    return zeroed
