from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "tdkt.decisions"
    label = "decisions"
    verbose_name = "Quyết định, khen thưởng (sổ vàng)"

    def ready(self):
        from tdkt.decisions import panels  # noqa: F401  registers the unit/person page sections
        from tdkt.decisions import certificates  # noqa: F401  registers the certificate batch task
