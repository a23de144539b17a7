from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "tdkt.portal"
    label = "portal"
    verbose_name = "Trang công khai"
