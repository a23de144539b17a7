"""`manage.py check_eligibility CASE.json` (or `-` for stdin): the eligibility engine from the command line.

Validates the case against docs/eligibility-case.schema.json (errors name the field, exit status 2),
then prints the result JSON of ``tdkt.rules.check`` (exit status 0 whatever the verdict). Holidays
come from core.Holiday and base salaries from catalogue.BaseSalary when the database has them, so the
answer matches the product's; ``--no-db`` uses the engine's defaults.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from tdkt.rules import CaseError, check
from tdkt.rules.schema import validate


class Command(BaseCommand):
    help = "Check one eligibility case (JSON file, or - for stdin) and print the verdict with its reasons."

    def add_arguments(self, parser):
        parser.add_argument("case", help="Path to the case JSON, or - to read standard input.")
        parser.add_argument("--no-db", action="store_true",
                            help="Do not read holidays and base salaries from the database.")
        parser.add_argument("--compact", action="store_true", help="Print the result on one line.")

    def handle(self, *args, **options):
        path = options["case"]
        try:
            text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {path}: {error.strerror}") from error
        try:
            case = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"JSON không hợp lệ (dòng {error.lineno}, cột {error.colno}): {error.msg}") from error
        errors = validate(case)
        if errors:
            lines = [f"{field}: {vi} ({en})" for field, vi, en in errors]
            raise CommandError("Hồ sơ không hợp lệ / invalid case:\n" + "\n".join(lines), returncode=2)
        holidays, salaries = (None, None) if options["no_db"] else _reference_data()
        try:
            result = check(case, holidays=holidays, base_salaries=salaries)
        except CaseError as error:
            raise CommandError(f"{error.field}: {error.message} ({error.message_en})", returncode=2) from error
        indent = None if options["compact"] else 2
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=indent))


def _reference_data():
    """Holidays and base salaries as plain data (the rules never touch the ORM themselves)."""
    from django.db import DatabaseError

    from tdkt.catalogue.models import BaseSalary
    from tdkt.core.models import Holiday

    try:
        holidays = dict(Holiday.objects.values_list("on", "is_working_day"))
        salaries = list(BaseSalary.objects.values_list("valid_from", "amount"))
    except DatabaseError:
        return None, None
    return holidays or None, salaries or None
