from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "tdkt.decisions"
    label = "decisions"
    verbose_name = "Quyết định, khen thưởng (sổ vàng)"
