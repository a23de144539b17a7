from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path


@login_required
def placeholder(request, *args, **kwargs):
    return HttpResponse("TODO")


urlpatterns = [
    path("viec-can-xu-ly/", placeholder, name="worklist"),
    path("", placeholder, name="list"),
    path("qua-han/", placeholder, name="overdue"),
]
