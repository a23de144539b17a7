from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.organizations.models import (Collective, CollectiveYearStats, DisciplineRecord, Household, Initiative,
                                       LeaveRecord, Person, PostHeld, ServicePeriod, SubjectCategory, Unit,
                                       UnitLineage, YearlyRating)


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "kind", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "level", "is_border", "is_remote", "is_especially_difficult", "is_ethnic_minority"]
    search_fields = ["name", "search_name", "code"]
    autocomplete_fields = ["parent"]


@admin.register(UnitLineage)
class UnitLineageAdmin(AuditedAdmin):
    list_display = ["predecessor", "kind", "successor", "on"]
    autocomplete_fields = ["predecessor", "successor"]


@admin.register(SubjectCategory)
class SubjectCategoryAdmin(AuditedAdmin):
    list_display = ["code", "name"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["full_name", "gender", "birth_date", "unit", "position"]
    list_filter = ["gender", "categories", "under_discipline_review"]
    search_fields = ["search_name", "national_id", "civil_servant_code"]
    autocomplete_fields = ["unit"]


@admin.register(Collective)
class CollectiveAdmin(AuditedAdmin):
    list_display = ["name", "unit", "is_small", "member_count"]
    search_fields = ["search_name"]
    autocomplete_fields = ["unit", "represents_unit"]


@admin.register(Household)
class HouseholdAdmin(AuditedAdmin):
    list_display = ["head_name", "address", "unit"]
    search_fields = ["search_name"]
    autocomplete_fields = ["unit"]


# --- Facts the eligibility rules need ---------------------------------------------------

@admin.register(YearlyRating)
class YearlyRatingAdmin(AuditedAdmin):
    list_display = ["__str__", "year", "rating", "source"]
    list_filter = ["rating", "year"]
    search_fields = ["person__search_name", "collective__search_name"]
    autocomplete_fields = ["person", "collective"]


@admin.register(Initiative)
class InitiativeAdmin(AuditedAdmin):
    list_display = ["title", "person", "collective", "year", "kind", "scope", "recognised_on"]
    list_filter = ["kind", "scope", "year"]
    search_fields = ["title", "person__search_name", "collective__search_name", "recognition_document"]
    autocomplete_fields = ["person", "collective"]


@admin.register(DisciplineRecord)
class DisciplineRecordAdmin(AuditedAdmin):
    list_display = ["person", "level", "decided_on", "until", "decision_document"]
    list_filter = ["level"]
    search_fields = ["person__search_name", "decision_document"]
    autocomplete_fields = ["person"]


@admin.register(PostHeld)
class PostHeldAdmin(AuditedAdmin):
    list_display = ["person", "post", "organisation", "started_on", "ended_on"]
    list_filter = ["post"]
    search_fields = ["person__search_name", "organisation"]
    autocomplete_fields = ["person"]


@admin.register(ServicePeriod)
class ServicePeriodAdmin(AuditedAdmin):
    list_display = ["person", "kind", "organisation", "started_on", "ended_on"]
    list_filter = ["kind"]
    search_fields = ["person__search_name", "organisation"]
    autocomplete_fields = ["person"]


@admin.register(LeaveRecord)
class LeaveRecordAdmin(AuditedAdmin):
    list_display = ["person", "kind", "started_on", "ended_on"]
    list_filter = ["kind"]
    search_fields = ["person__search_name"]
    autocomplete_fields = ["person"]


@admin.register(CollectiveYearStats)
class CollectiveYearStatsAdmin(AuditedAdmin):
    list_display = ["collective", "year", "total_members", "completed_tasks", "ldtt", "cstdcs",
                    "disciplined_canh_cao_or_above"]
    list_filter = ["year"]
    search_fields = ["collective__search_name"]
    autocomplete_fields = ["collective"]
