from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.organizations.models import Collective, Household, Person, SubjectCategory, Unit, UnitLineage


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
    list_filter = ["gender", "categories"]
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
