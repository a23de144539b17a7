from django.urls import path

from tdkt.api import views

app_name = "api"
urlpatterns = [
    path("eligibility/check", views.eligibility_check, name="eligibility_check"),
    path("openapi.json", views.openapi_document, name="openapi"),
]
