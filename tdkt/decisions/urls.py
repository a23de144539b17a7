from django.urls import path

from tdkt.decisions import certificate_views, document_views, import_views, views

app_name = "decisions"

urlpatterns = [
    path("", views.search, name="search"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path("quyet-dinh/<int:pk>/van-ban.<str:fmt>", document_views.decision_document, name="decision_document"),
    # Certificates (giấy chứng nhận): batches, one award's certificate, layouts for pre-printed blanks.
    path("quyet-dinh/<int:pk>/chung-nhan/", certificate_views.decision_certificates, name="certificates"),
    path("quyet-dinh/<int:pk>/chung-nhan/lo/<str:batch>/", certificate_views.certificate_batch,
         name="certificate_batch"),
    path("quyet-dinh/<int:pk>/chung-nhan/lo/<str:batch>/tai-ve.<str:kind>", certificate_views.batch_download,
         name="certificate_download"),
    path("khen-thuong/<int:pk>/chung-nhan.<str:fmt>", certificate_views.award_certificate, name="award_certificate"),
    path("mau-in-chung-nhan/", certificate_views.layout_list, name="layouts"),
    path("mau-in-chung-nhan/<int:pk>/", certificate_views.layout_edit, name="layout_edit"),
    path("mau-in-chung-nhan/<int:pk>/xem-truoc/", certificate_views.layout_preview, name="layout_preview"),
    path("mau-in-chung-nhan/<int:pk>/xem-truoc.png", certificate_views.layout_preview_png,
         name="layout_preview_png"),
    path("mau-in-chung-nhan/<int:pk>/trang-in-thu.pdf", certificate_views.layout_test_page, name="layout_test_page"),
    path("mau-in-chung-nhan/<int:pk>/xoa/", certificate_views.layout_delete, name="layout_delete"),
    # Historical archive import (decisions.imports).
    path("nhap-lich-su/", import_views.archive_upload, name="archive_import"),
    path("nhap-lich-su/mau.xlsx", import_views.archive_template, name="archive_import_template"),
    path("nhap-lich-su/<str:token>/", import_views.archive_preview, name="archive_import_preview"),
    path("nhap-lich-su/<str:token>/xac-nhan/", import_views.archive_confirm, name="archive_import_confirm"),
    path("nhap-lich-su/<str:token>/huy/", import_views.archive_cancel, name="archive_import_cancel"),
]
