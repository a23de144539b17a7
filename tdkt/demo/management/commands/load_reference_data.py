from django.core.management.base import BaseCommand

from tdkt.demo.reference import load_reference_data

LABELS = {"catalogue": "danh mục danh hiệu, hình thức và mức lương cơ sở (tạo mới hoặc cập nhật)",
          "subject_categories": "nhóm đối tượng ưu tiên (tạo mới)",
          "holidays": "ngày nghỉ lễ, Tết (tạo mới)",
          "step_time_limits": "thời hạn xử lý các bước hồ sơ (tạo mới)",
          "document_templates": "mẫu văn bản mặc định, phiên bản 1 (tạo mới)"}


class Command(BaseCommand):
    help = ("Load the reference data (award catalogue, base salaries, subject categories, holidays, step time "
            "limits). Idempotent; safe on production.")

    def add_arguments(self, parser):
        parser.add_argument("--update-catalogue", action="store_true",
                            help="Overwrite existing catalogue rows and base salaries with the values in the code "
                                 "(administrators' edits to those rows are lost; the audit log keeps them).")

    def handle(self, *args, update_catalogue=False, **options):
        counts = load_reference_data(update_catalogue=update_catalogue)
        for key, count in counts.items():
            self.stdout.write(f"  {LABELS[key]}: {count}")
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu danh mục."))
