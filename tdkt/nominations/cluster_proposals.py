"""Suy tôn proposals of an emulation cluster or block become nominations in a dossier of the
cluster head's unit (LAW.md §4.2: only the current head submits the cluster's proposals).

Emulation cannot import nominations (it is below it), so this module registers itself as the
``make_proposal_dossier`` provider of ``tdkt.emulation.hooks``; the ballot page calls it.
"""

from django.db import transaction
from django.utils import timezone
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation import groups
from tdkt.emulation.hooks import provide
from tdkt.emulation.models import BallotRound
from tdkt.nominations import services
from tdkt.nominations.models import DossierKind, Nomination
from tdkt.organizations.models import Collective

FLAG_CODE = "CO_TINH"    # Cờ thi đua của UBND tỉnh: the leader of a province cluster or block
MERIT_CODE = "BK_TINH"   # Bằng khen của Chủ tịch UBND tỉnh


def collective_for(unit) -> Collective:
    """The collective that is the unit itself (created once if the unit has none yet)."""
    collective = Collective.objects.filter(represents_unit=unit).order_by("pk").first()
    return collective or Collective.objects.create(name=unit.name, unit=unit, represents_unit=unit)


def _entry(code: str) -> CatalogueEntry:
    entry = CatalogueEntry.objects.in_force(timezone.localdate()).filter(code=code).first()
    if entry is None:
        raise DomainError(_("%(code)s is not in the award catalogue in force.") % {"code": code}, code="catalogue")
    return entry


@provide("make_proposal_dossier")
@transaction.atomic
def make_proposal_dossier(round_: BallotRound, *, actor) -> str:
    round_ = BallotRound.objects.select_for_update().select_related("group").get(pk=round_.pk)
    group = round_.group
    if actor.role != Role.UNIT_CLERK or not groups.is_head_unit_user(actor, group):
        raise PermissionDenied(_("Only the TĐKT clerk of the cluster head's unit submits the cluster's proposals."))
    if round_.status != BallotRound.Status.CLOSED:
        raise DomainError(_("Count the ballot before making the proposals."), code="wrong_state")
    if round_.dossier_code:
        raise DomainError(_("The proposals are already in dossier %(code)s.") % {"code": round_.dossier_code},
                          code="exists")
    with translation.override(settings.LANGUAGE_CODE):   # dossier texts are stored in Vietnamese
        return _make(round_, group, actor)


def _make(round_, group, actor) -> str:
    result = groups.proposals(round_)
    ranks = {r.unit_id: r for r in group.results.all()}
    dossier = services.create_dossier(
        actor=actor, unit=actor.unit, kind=DossierKind.ANNUAL, year=group.year,
        title=_("Proposals of %(group)s for %(year)d (suy tôn)") % {"group": group.name, "year": group.year})
    votes = {row["unit"].pk: row for row in groups.tally(round_)}
    for code, units in ((FLAG_CODE, result["flag"]), (MERIT_CODE, result["merit"])):
        entry = _entry(code)
        for unit in units:
            collective = collective_for(unit)
            services._check_entry(entry, collective, dossier)
            rank = ranks.get(unit.pk)
            summary = _("Proposed by %(group)s's secret ballot on %(date)s: %(flag)d flag and %(merit)d merit votes "
                        "of %(ballots)d ballots.") % {
                "group": group.name, "date": round_.held_on.strftime("%d/%m/%Y"), "flag": votes[unit.pk]["flag"],
                "merit": votes[unit.pk]["merit"], "ballots": result["ballots"]}
            if rank:
                summary += " " + _("Final score %(total)s, rank %(rank)d.") % {"total": rank.total, "rank": rank.rank}
            nomination = Nomination(dossier=dossier, entry=entry, achievement_summary=summary,
                                    position_text=unit.name, period_from_year=group.year, period_to_year=group.year)
            nomination.set_subject(collective)
            nomination.save()
            services._log(dossier, "nomination.added", actor, f"{collective} – {entry.name}")
    groups.link_proposal_dossier(round_, dossier.code)
    return dossier.code
