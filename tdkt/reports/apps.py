from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReportsConfig(AppConfig):
    name = "tdkt.reports"
    label = "reports"
    verbose_name = "Báo cáo, thống kê"

    def ready(self):
        from tdkt.reports.tally import ensure_installed

        # A later migration that rebuilds decisions_award on SQLite drops its triggers: put them back.
        post_migrate.connect(ensure_installed, sender=self, dispatch_uid="reports.tally.ensure_installed")
