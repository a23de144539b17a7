"""The Vietnamese catalogue is complete: every message id in the code has a translation.

Re-extracts messages into a temporary copy of the catalogue with Django's makemessages
(GNU gettext), so a string added without its translation fails here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def extracted(tmp_path):
    """makemessages merges into locale/vi; work on a backup and restore it afterwards."""
    backup = tmp_path / "django.po"
    shutil.copy(CATALOGUE, backup)
    try:
        subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete",
                        "--ignore=.venv/*", "--ignore=node_modules/*", "--ignore=tests/*", "-v0"],
                       cwd=ROOT, check=True)
        yield polib.pofile(str(CATALOGUE))
    finally:
        shutil.copy(backup, CATALOGUE)


def test_every_message_has_a_vietnamese_translation(extracted):
    missing = [entry.msgid for entry in extracted.untranslated_entries()]
    fuzzy = [entry.msgid for entry in extracted.fuzzy_entries()]
    assert not missing, f"{len(missing)} message(s) without Vietnamese translation, e.g. {missing[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy translation(s) to review, e.g. {fuzzy[:10]}"


def test_vietnamese_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
