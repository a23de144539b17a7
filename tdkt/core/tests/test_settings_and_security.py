import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


def _import_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items()
             if not key.startswith("DJANGO_") and key != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-c", "import config.settings"], cwd=ROOT,
                          env={**clean, **env}, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key():
    result = _import_settings({"DJANGO_ENV": "production", "DJANGO_ALLOWED_HOSTS": "tdkt.example.vn"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _import_settings({"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both():
    result = _import_settings({"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "x" * 60,
                               "DJANGO_ALLOWED_HOSTS": "tdkt.example.vn"})
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("accounts:login"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_login_is_throttled_after_repeated_failures(client, people, settings):
    settings.TDKT_LOGIN_MAX_FAILURES = 3
    url = reverse("accounts:login")
    for _ in range(3):
        client.post(url, {"username": "clerk", "password": "wrong"})
    # Even the right password is refused while locked.
    from tdkt.conftest import PASSWORD

    response = client.post(url, {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert response.context["form"].errors["__all__"][0]


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_pages_are_vietnamese_even_for_an_english_browser(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.django_db
def test_the_language_switch_shows_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert response.headers["Content-Language"] == "en"
    assert "Sign in" in response.content.decode()
