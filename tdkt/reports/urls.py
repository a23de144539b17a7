from django.urls import path

from tdkt.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("thong-ke/", views.statistics_page, name="statistics"),
    path("bieu-mau/<str:slug>/", views.national_form, name="national_form"),
    path("so-ket-tong-ket/", views.summary_report, name="summary"),
]
