from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.plans.models import (
    Finding, FollowUpAction, Inspection, LegalDocument, Plan, PlanItem, SentReminder, TrainingCourse,
    UnitPlanDeadline, UnitPlanSubmission,
)


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    fields = ["number", "quarter", "due_on", "content", "lead_unit", "status", "completed_on"]
    autocomplete_fields = ["lead_unit"]


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["title", "year", "document_number", "issued_on", "issuer"]
    list_filter = ["year"]
    inlines = [PlanItemInline]
    autocomplete_fields = ["issuer"]


@admin.register(UnitPlanDeadline)
class UnitPlanDeadlineAdmin(AuditedAdmin):
    list_display = ["year", "due_on", "note"]


@admin.register(UnitPlanSubmission)
class UnitPlanSubmissionAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "document_number", "issued_on", "submitted_on"]
    list_filter = ["year"]
    readonly_fields = ["submitted_by"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "recipient", "kind", "subject", "due_on", "is_late"]
    list_filter = ["sent_on", "kind"]

    def has_add_permission(self, request):
        return False


class FindingInline(admin.StackedInline):
    model = Finding
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(AuditedAdmin):
    list_display = ["subject", "year", "starts_on", "ends_on"]
    inlines = [FindingInline]


@admin.register(FollowUpAction)
class FollowUpActionAdmin(admin.ModelAdmin):
    list_display = ["description", "owner", "due_on", "closed_on"]


@admin.register(TrainingCourse)
class TrainingCourseAdmin(AuditedAdmin):
    list_display = ["title", "starts_on", "ends_on", "place"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(AuditedAdmin):
    list_display = ["number", "issued_on", "issuer", "kind", "valid_from", "valid_to", "replaced_by"]
    list_filter = ["kind"]
    search_fields = ["number", "summary", "search_text"]
