from django.urls import path

from tdkt.nominations.views.dossiers import placeholder

urlpatterns = [
    path("hoi-dong/", placeholder, name="council_sessions"),
]
