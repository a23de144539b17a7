from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

app_name = "organizations"


@login_required
def placeholder(request, *args, **kwargs):
    return HttpResponse("TODO")


urlpatterns = [path("", placeholder, name="units")]
