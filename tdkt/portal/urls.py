from django.urls import path  # noqa: F401

from tdkt.portal import verification

app_name = "portal"

urlpatterns: list = [
    path("xac-minh/", verification.verify, name="verify"),
    path("xac-minh/<str:code>/", verification.verify_code, name="verify_code"),
]
