from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Văn bản, mẫu và giấy chứng nhận"
