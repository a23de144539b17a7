"""Regenerate the default .docx templates shipped in tdkt/documents/default_templates/."""

from django.core.management.base import BaseCommand

from tdkt.documents.defaults import build_all


class Command(BaseCommand):
    help = "Write the default document templates (Nghị định 30 layout) into tdkt/documents/default_templates/."

    def handle(self, *args, **options):
        for path in build_all():
            self.stdout.write(str(path))
