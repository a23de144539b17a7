from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from tdkt.core import views as core_views

admin.site.site_header = "TĐKT – Quản trị hệ thống"
admin.site.site_title = "TĐKT"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/", include("tdkt.accounts.urls")),
    path("ho-so/", include("tdkt.nominations.urls")),
    path("luu-tru/", include("tdkt.decisions.urls")),
    path("don-vi/", include("tdkt.organizations.urls")),
    path("thi-dua/", include("tdkt.emulation.urls")),
    path("van-ban/", include("tdkt.documents.urls")),
    path("ke-hoach/", include("tdkt.plans.urls")),
    path("bao-cao/", include("tdkt.reports.urls")),
    path("cong-khai/", include("tdkt.portal.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", include("tdkt.api.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
