from django.urls import path

from tdkt.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.unit_tree, name="units"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("ca-nhan/", views.people_list, name="people"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person"),
]
