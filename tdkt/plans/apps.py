from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tdkt.plans"
    label = "plans"
    verbose_name = "Kế hoạch, kiểm tra, hội nghị"

    def ready(self):
        from tdkt.plans import tasks  # noqa: F401  registers the daily reminder task
