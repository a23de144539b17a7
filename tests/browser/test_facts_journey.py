"""A clerk enters a person's achievement records (hồ sơ thành tích) and deletes one after confirming."""

from django.urls import reverse

from tdkt.organizations.models import YearlyRating
from tests.browser.conftest import screenshot


def test_clerk_records_ratings_and_deletes_one(open_page, people, nominee):
    page = open_page("clerk")
    person_url = reverse("organizations:person", args=[nominee.pk])
    page.goto(person_url)
    page.locator(f'a[href="{reverse("organizations:person_fact_add", args=[nominee.pk, "xep-loai"])}"]').click()
    page.fill("#id_year", "2024")
    page.select_option("#id_rating", "excellent")
    page.fill("#id_source", "QĐ 45/QĐ-SGDĐT ngày 20/12/2024")
    page.locator("form.facts-form button[type=submit]").click()
    page.wait_for_url(f"**{person_url}#ho-so-thanh-tich")
    assert page.locator(".msg-success").count() == 1

    # A second rating for the same year is refused, naming the field.
    page.goto(reverse("organizations:person_fact_add", args=[nominee.pk, "xep-loai"]))
    page.fill("#id_year", "2024")
    page.select_option("#id_rating", "good")
    page.locator("form.facts-form button[type=submit]").click()
    assert page.locator(".has-error #id_year").count() == 1
    screenshot(page, "facts-rating-form-error")

    page.goto(reverse("organizations:person_fact_add", args=[nominee.pk, "ky-luat"]))
    page.select_option("#id_level", "khien_trach")
    page.fill("#id_decided_on", "01/05/2019")
    page.fill("#id_until", "01/05/2020")
    page.locator("form.facts-form button[type=submit]").click()
    page.wait_for_url(f"**{person_url}#ho-so-thanh-tich")
    screenshot(page, "facts-person-page")

    rating = YearlyRating.objects.get(person=nominee)
    delete_url = reverse("organizations:person_fact_delete", args=[nominee.pk, "xep-loai", rating.pk])
    page.locator(f'form[action="{delete_url}"] button[data-confirm]').click()  # the dialog is accepted
    page.wait_for_load_state()
    assert not YearlyRating.objects.filter(pk=rating.pk).exists()
