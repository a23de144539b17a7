from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tdkt.core"
    label = "core"
    verbose_name = "Dùng chung"
