from datetime import date

import pytest
from django.urls import reverse

from tdkt.core.models import AuditEntry, Holiday


@pytest.mark.django_db
def test_admin_edits_of_reference_data_are_audited_with_old_and_new_values(client, people):
    client.force_login(people["admin"])
    holiday = Holiday.objects.create(on=date(2025, 4, 30), name="Giải phóng miền Nam")
    response = client.post(reverse("admin:core_holiday_change", args=[holiday.pk]),
                           {"on": "30/04/2025", "name": "Ngày Giải phóng miền Nam", "is_working_day": ""})
    assert response.status_code == 302, response.content[:500]
    entry = AuditEntry.objects.get(model="core.Holiday", action="changed")
    assert entry.actor == people["admin"]
    assert entry.changes["name"] == ["Giải phóng miền Nam", "Ngày Giải phóng miền Nam"]
