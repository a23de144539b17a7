"""docs/workflow.md is generated from the transition table and must not go stale."""

from django.core.management import call_command
from django.core.management.base import CommandError
import pytest

from tdkt.nominations import workflow
from tdkt.nominations.management.commands.workflow_doc import DOC_PATH, render


def test_workflow_doc_is_up_to_date():
    assert DOC_PATH.exists(), "docs/workflow.md is missing: run `manage.py workflow_doc`."
    assert DOC_PATH.read_text(encoding="utf-8") == render(), (
        "docs/workflow.md is stale (the transition table or its labels changed): "
        "run `manage.py workflow_doc` and commit docs/workflow.md.")


def test_doc_lists_every_transition_and_edge():
    text = render()
    for transition in workflow.TRANSITIONS.values():
        assert f"| `{transition.name}` |" in text
        for source in transition.sources:
            assert f"    {source} --> {transition.target} : {transition.name}" in text
        for guard in transition.guards:
            assert f"`{guard.__name__}`" in text


def test_check_option_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "workflow.md"
    stale.write_text("old\n", encoding="utf-8")
    with pytest.raises(CommandError, match="workflow_doc"):
        call_command("workflow_doc", "--check", output=str(stale))
    call_command("workflow_doc", output=str(stale))
    assert stale.read_text(encoding="utf-8") == render()
    call_command("workflow_doc", "--check", output=str(stale))
