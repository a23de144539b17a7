from django.apps import AppConfig


class NominationsConfig(AppConfig):
    name = "tdkt.nominations"
    label = "nominations"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self):
        from tdkt.nominations import panels  # noqa: F401  registers the unit/person page sections
        from tdkt.nominations import cluster_proposals, movement_results, registration_results  # noqa: F401  emulation.hooks
