from django.urls import path

from tdkt.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.unit_tree, name="units"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("ca-nhan/", views.people_list, name="people"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person"),
    path("ca-nhan/<int:pk>/xem-xet-ky-luat/", views.discipline_review, name="person_discipline_review"),
    path("tap-the/<int:pk>/", views.collective_detail, name="collective"),
]

# Hồ sơ thành tích: add, edit and delete the facts of a person or a collective.
for _kind, _prefix in (("person", "ca-nhan"), ("collective", "tap-the")):
    urlpatterns += [
        path(f"{_prefix}/<int:pk>/ho-so/<slug:slug>/them/", views.fact_form, {"subject_kind": _kind},
             name=f"{_kind}_fact_add"),
        path(f"{_prefix}/<int:pk>/ho-so/<slug:slug>/<int:fact_pk>/sua/", views.fact_form, {"subject_kind": _kind},
             name=f"{_kind}_fact_edit"),
        path(f"{_prefix}/<int:pk>/ho-so/<slug:slug>/<int:fact_pk>/xoa/", views.fact_delete,
             {"subject_kind": _kind}, name=f"{_kind}_fact_delete"),
    ]
