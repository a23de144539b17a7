"""`manage.py check_eligibility CASE.json` and `-` (stdin)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tdkt.rules.tests.helpers import person

ROOT = Path(__file__).resolve().parents[3]


def test_reads_a_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(person()), encoding="utf-8")
    out = io.StringIO()
    call_command("check_eligibility", str(path), "--no-db", stdout=out)
    result = json.loads(out.getvalue())
    assert result["verdict"] == "eligible" and result["money"]["amount_vnd"] == 710000


def test_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(person(subject={"ratings": {"2024": "completed"}}))))
    out = io.StringIO()
    call_command("check_eligibility", "-", "--no-db", stdout=out)
    assert json.loads(out.getvalue())["verdict"] == "not_eligible"


def test_bad_case_names_the_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(person(subject={"ratings": {"2024": "great"}})), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("check_eligibility", str(path), "--no-db")
    assert "subject.ratings.2024" in str(error.value)


def test_exit_status_is_non_zero_for_a_bad_case():
    bad = json.dumps({"award": "LDTT", "achievement": {"kind": "annual"}, "subject": {"kind": "person"}})
    proc = subprocess.run([sys.executable, "manage.py", "check_eligibility", "-", "--no-db"], input=bad,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode != 0
    assert "decision_date" in proc.stderr
