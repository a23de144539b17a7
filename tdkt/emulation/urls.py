from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from tdkt.emulation.views import exemplars, groups, movements, registrations

app_name = "emulation"

urlpatterns = [
    path("", login_required(RedirectView.as_view(pattern_name="emulation:movements")), name="home"),
    *movements.urlpatterns, *registrations.urlpatterns, *groups.urlpatterns, *exemplars.urlpatterns,
]
