"""Public certificate verification: only what the certificate prints, revocation, unknown codes."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from tdkt.decisions import certificates
from tdkt.decisions.models import Award
from tdkt.organizations.models import Person
from tdkt.decisions.tests.test_certificates import make_decision


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def award(units, catalogue, nominee):
    decision = make_decision(units, catalogue, nominee, extra=0)
    award = decision.awards.get(certificate_number=1)
    certificates.issue_verification_codes([award])
    return award


def test_the_page_shows_only_what_the_certificate_prints(client, award, nominee):
    response = client.get(reverse("portal:verify_code", args=[award.verification_code]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Thị Đào" in html and "Chiến sĩ thi đua cơ sở" in html
    assert "123/QĐ-UBND" in html and "05/01/2026" in html
    # Nothing else about the person: no birth date, unit, position, money, reason fields.
    assert nominee.birth_date.strftime("%d/%m/%Y") not in html and "1980" not in html
    for private in ("Trường THPT Việt Bắc", "Giáo viên", "Hồ Tiến Thiệu", "đồng"):
        assert private not in html, private
    assert response.context["revoked"] is False
    # The template gets plain values, never the award or person objects (nothing more can leak).
    values = [value for layer in response.context for d in layer.dicts for value in d.values()]
    assert not any(isinstance(value, (Award, Person)) for value in values)
    assert response.context["recipient_name"] == "Nguyễn Thị Đào"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_a_revoked_award_says_so_without_the_reason(client, award):
    # No revocation service exists yet (the revocation process is its own issue): set the state.
    Award.objects.filter(pk=award.pk).update(status=Award.Status.REVOKED,
                                             revoked_reason="Kê khai thành tích không trung thực")
    response = client.get(reverse("portal:verify_code", args=[award.verification_code]))
    html = response.content.decode()
    assert response.status_code == 200 and response.context["revoked"] is True
    assert "revoked" in html or "thu hồi" in html
    assert "Kê khai" not in html


def test_unknown_and_malformed_codes_are_404(client, award):
    for code in ("ZZZZZZZZZZ", "abc", "<script>"):
        response = client.get(reverse("portal:verify_code", args=[code]))
        assert response.status_code == 404
        assert "Nguyễn Thị Đào" not in response.content.decode()
    assert "&lt;script&gt;" in client.get(reverse("portal:verify_code", args=["<script>"])).content.decode()


def test_the_form_accepts_what_people_type_and_redirects(client, award):
    code = award.verification_code
    typed = f" {code[:5].lower()}-{code[5:].lower()} "
    response = client.get(reverse("portal:verify"), {"code": typed})
    assert response.status_code == 302 and response.url == reverse("portal:verify_code", args=[code])
    response = client.get(reverse("portal:verify_code", args=[f"{code[:5]}-{code[5:]}"]))
    assert response.status_code == 302
    response = client.get(reverse("portal:verify"), {"code": "12"})
    assert response.status_code == 200 and response.context["form"].errors


def test_works_logged_out_and_lookups_are_throttled(client, award, settings):
    assert client.get(reverse("portal:verify")).status_code == 200
    url = reverse("portal:verify_code", args=["ZZZZZZZZZZ"])
    from tdkt.portal import verification

    statuses = [client.get(url).status_code for _ in range(verification.LOOKUPS_PER_WINDOW)]
    assert set(statuses) == {404}
    response = client.get(reverse("portal:verify_code", args=[award.verification_code]))
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Nguyễn Thị Đào" not in response.content.decode()


def test_the_qr_url_of_a_certificate_opens_the_page(client, award):
    data = certificates.certificate_data(award, base_url="http://testserver")
    assert data.verification_url.startswith("http://testserver/cong-khai/xac-minh/")
    assert client.get(data.verification_url).status_code == 200
    assert date(2026, 1, 5) == data.decision_date
