from django.urls import path

from tdkt.documents import views

app_name = "documents"

urlpatterns = [
    path("mau/", views.template_list, name="templates"),
    path("mau/<slug:code>/", views.template_detail, name="template"),
    path("mau/<slug:code>/tai-len/", views.template_upload, name="template_upload"),
    path("mau/<slug:code>/phien-ban/<int:number>/tai-ve.docx", views.version_download, name="version_download"),
    path("mau/<slug:code>/phien-ban/<int:number>/dung/", views.version_make_current, name="version_make_current"),
    path("mau/<slug:code>/phien-ban/<int:number>/mau-thu.<str:fmt>", views.version_sample, name="version_sample"),
]
