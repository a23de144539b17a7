from django.contrib import admin
from django.forms.models import model_to_dict

from tdkt.core.models import AuditEntry, Holiday, TaskRecord


def _jsonable(values: dict) -> dict:
    return {key: (value if isinstance(value, (int, float, bool, type(None))) else str(value))
            for key, value in values.items()}


class AuditedAdmin(admin.ModelAdmin):
    """Admin for reference data: every create, change and delete is audited with values."""

    def save_model(self, request, obj, form, change):
        before = _jsonable(model_to_dict(type(obj).objects.get(pk=obj.pk))) if change else {}
        super().save_model(request, obj, form, change)
        after = _jsonable(model_to_dict(obj))
        diff = {field: [before.get(field), value] for field, value in after.items()
                if before.get(field) != value}
        record_audit(request.user, "changed" if change else "created", obj, diff)

    def delete_model(self, request, obj):
        record_audit(request.user, "deleted", obj, _jsonable(model_to_dict(obj)))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_audit(request.user, "deleted", obj, _jsonable(model_to_dict(obj)))
        super().delete_queryset(request, queryset)


def record_audit(actor, action: str, obj, changes: dict) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        model=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes,
    )


@admin.register(Holiday)
class HolidayAdmin(AuditedAdmin):
    list_display = ["on", "name", "is_working_day"]
    list_filter = ["is_working_day"]
    date_hierarchy = "on"


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "model", "object_repr"]
    list_filter = ["action", "model"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TaskRecord)
class TaskRecordAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "status", "progress", "finished_at"]
    list_filter = ["status", "name"]
