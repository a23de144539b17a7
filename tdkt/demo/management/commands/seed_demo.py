import time

from django.core.management.base import BaseCommand

from tdkt.demo.build import DemoBuilder, account_rows, demo_exists
from tdkt.demo.reference import load_reference_data

DEMO_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = ("Load the reference data, then build the Lạng Sơn demo once (units, people, award archive "
            "2017–2025, accounts, current dossiers). A second run only prints the accounts.")

    def handle(self, *args, **options):
        started = time.monotonic()
        load_reference_data()
        if demo_exists():
            self.stdout.write("Dữ liệu demo đã có sẵn; không tạo thêm.")
        else:
            counts = DemoBuilder(stdout=self.stdout).build()
            self.stdout.write(self.style.SUCCESS(
                f"Đã tạo dữ liệu demo trong {time.monotonic() - started:.1f} giây:"))
            for label, count in counts.items():
                self.stdout.write(f"  {label}: {count}")
        self.print_accounts()

    def print_accounts(self):
        rows = [("Vai trò", "Tên đăng nhập", "Mật khẩu", "Đơn vị")] + account_rows()
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        line = "+".join("-" * (w + 2) for w in widths)
        self.stdout.write("")
        self.stdout.write(f"+{line}+")
        for index, row in enumerate(rows):
            self.stdout.write("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
            if index == 0:
                self.stdout.write(f"+{line}+")
        self.stdout.write(f"+{line}+")
        self.stdout.write(f"Mở {DEMO_URL} và đăng nhập bằng một tài khoản ở trên.")
