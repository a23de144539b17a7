from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tdkt.plans"
    label = "plans"
    verbose_name = "Kế hoạch, kiểm tra, hội nghị"
