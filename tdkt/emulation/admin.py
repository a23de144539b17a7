from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.emulation.models import (
    Conference, ConferenceHonouree, EmulationGroup, Exemplar, GroupMembership, Movement, MovementCriterion,
    RegistrationPeriod, ScoreCriterion,
)

# Ballots (Ballot, BallotChoice, BallotVoter) are deliberately not in the admin: the secret ballot
# is only ever shown as totals.


class MovementCriterionInline(admin.TabularInline):
    model = MovementCriterion
    extra = 0


@admin.register(Movement)
class MovementAdmin(AuditedAdmin):
    list_display = ["name", "kind", "status", "launched_by", "starts_on", "ends_on"]
    list_filter = ["kind", "status"]
    search_fields = ["name"]
    inlines = [MovementCriterionInline]


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["unit"]


class ScoreCriterionInline(admin.TabularInline):
    model = ScoreCriterion
    extra = 0


@admin.register(EmulationGroup)
class EmulationGroupAdmin(AuditedAdmin):
    list_display = ["name", "kind", "year", "organiser", "is_regional", "announcement_document"]
    list_filter = ["kind", "year", "is_regional"]
    inlines = [GroupMembershipInline, ScoreCriterionInline]


@admin.register(RegistrationPeriod)
class RegistrationPeriodAdmin(AuditedAdmin):
    list_display = ["year", "deadline_on"]


@admin.register(Exemplar)
class ExemplarAdmin(AuditedAdmin):
    list_display = ["name", "kind", "stage", "unit"]
    list_filter = ["kind", "stage"]
    search_fields = ["name"]


class HonoureeInline(admin.TabularInline):
    model = ConferenceHonouree
    extra = 0
    raw_id_fields = ["exemplar", "unit"]


@admin.register(Conference)
class ConferenceAdmin(AuditedAdmin):
    list_display = ["name", "kind", "held_on", "organiser"]
    list_filter = ["kind"]
    inlines = [HonoureeInline]
