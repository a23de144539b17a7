from django.urls import path

from tdkt.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.search, name="search"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
]
