"""Dossier.status changes only through tdkt.nominations.workflow.

(a) At run time, the model and its queryset refuse every other way of writing it.
(b) Statically, no module under tdkt/ (outside migrations, tests and workflow.py)
    assigns ``<dossier>.status`` or passes ``status=`` to a write on Dossier.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from tdkt.nominations import services
from tdkt.nominations.models import Dossier, Status, StatusWriteRefused, TimelineEvent
from tdkt.nominations.tests.states import fast_passwords, states  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_passwords")

TDKT_DIR = Path(settings.BASE_DIR) / "tdkt"
ALLOWED_WRITER = TDKT_DIR / "nominations" / "workflow.py"


# --- (a) run time -----------------------------------------------------------------

def test_assigning_status_and_saving_is_refused(make_dossier):
    dossier = make_dossier()
    dossier.status = Status.SUBMITTED
    with pytest.raises(StatusWriteRefused):
        dossier.save()
    with pytest.raises(StatusWriteRefused):
        dossier.save(update_fields=["status"])
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_reloaded_copy_is_refused_too(make_dossier):
    dossier = Dossier.objects.get(pk=make_dossier().pk)
    dossier.status = Status.DECIDED
    with pytest.raises(StatusWriteRefused):
        dossier.save()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_queryset_update_of_status_is_refused(make_dossier):
    dossier = make_dossier()
    with pytest.raises(StatusWriteRefused):
        Dossier.objects.filter(pk=dossier.pk).update(status=Status.DECIDED)
    with pytest.raises(StatusWriteRefused):
        Dossier.objects.all().update(status=Status.SUBMITTED, title="x")
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_other_bulk_paths_are_refused(make_dossier, people):
    dossier = make_dossier()
    dossier.status = Status.DECIDED
    with pytest.raises(StatusWriteRefused), transaction.atomic():
        Dossier.objects.bulk_update([dossier], ["status"])
    with pytest.raises(StatusWriteRefused), transaction.atomic():
        Dossier.objects.update_or_create(pk=dossier.pk, defaults={"status": Status.DECIDED})
    clerk = people["clerk"]
    with pytest.raises(StatusWriteRefused), transaction.atomic():
        Dossier.objects.create(code="HS-X-1", title="x", unit=clerk.unit, year=2025, created_by=clerk,
                               status=Status.DECIDED)
    with pytest.raises(StatusWriteRefused), transaction.atomic():
        Dossier.objects.bulk_create([Dossier(code="HS-X-2", title="x", unit=clerk.unit, year=2025,
                                             created_by=clerk, status=Status.DECIDED)])
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT
    assert not Dossier.objects.filter(code__startswith="HS-X-").exists()


def test_ordinary_edits_still_save(make_dossier):
    dossier = make_dossier()
    dossier.title = "Khen thưởng tổng kết năm học"
    dossier.save()
    Dossier.objects.filter(pk=dossier.pk).update(planned_council_on="2025-12-01")
    dossier.refresh_from_db()
    assert dossier.title == "Khen thưởng tổng kết năm học"
    assert str(dossier.planned_council_on) == "2025-12-01"


def test_stale_copy_saved_after_a_transition_keeps_the_new_status(states, people):
    """A copy loaded before someone moved the dossier must not put the old status back."""
    dossier = states.reach(Status.SUBMITTED)
    stale = Dossier.objects.get(pk=dossier.pk)
    services.receive_dossier(dossier, actor=people["officer"])
    stale.title = "Sửa tiêu đề"
    stale.save()
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.RECEIVED
    assert fresh.title == "Sửa tiêu đề"


def test_refreshed_copy_can_be_saved(states, people):
    dossier = states.reach(Status.SUBMITTED)
    copy = Dossier.objects.get(pk=dossier.pk)
    services.receive_dossier(dossier, actor=people["officer"])
    copy.refresh_from_db()
    copy.title = "Sau khi tiếp nhận"
    copy.save()  # not mistaken for a status change
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED


def test_the_workflow_does_write_it(states, people):
    dossier = states.reach(Status.SUBMITTED)
    services.receive_dossier(dossier, actor=people["officer"])
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED
    assert TimelineEvent.objects.filter(dossier=dossier, to_status=Status.RECEIVED).count() == 1


# --- (b) static scan ----------------------------------------------------------------

WRITE_METHODS = {"update", "create", "update_or_create", "get_or_create", "bulk_update"}
# Queryset/manager steps between ``Dossier`` and the write, e.g. Dossier.objects.filter(...).update(...)
CHAIN_METHODS = {"objects", "_default_manager", "filter", "exclude", "all", "select_related",
                 "prefetch_related", "select_for_update", "order_by", "only", "defer", "using",
                 "annotate", "distinct", "none", "alias"}
RAW_SQL = re.compile(r"update\s+\W?nominations_dossier\W?\s+set\b[^;]*\bstatus\b", re.IGNORECASE | re.DOTALL)


def _terminal_name(node) -> str:
    """The identifier an expression ends with: ``self.dossier`` -> dossier, ``items[0]`` -> items."""
    while True:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            return node.attr
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return ""


def _is_dossier_name(name: str) -> bool:
    return name == "Dossier" or "dossier" in name.lower()


def _receiver(node):
    """Strip manager and queryset steps: Dossier.objects.filter(x).select_related() -> Dossier."""
    while True:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHAIN_METHODS:
            node = node.func.value
        elif isinstance(node, ast.Attribute) and node.attr in CHAIN_METHODS:
            node = node.value
        else:
            return node


def _dossier_valued(value, known: set[str]) -> bool:
    """Does this expression produce a Dossier (or a queryset of them)?"""
    receiver = _receiver(value)
    if isinstance(receiver, ast.Call):
        func = receiver.func
        # Dossier(...), Dossier.objects.get(...), get_dossier_for_user(...), _locked_dossier(...)
        if isinstance(func, ast.Attribute) and func.attr in {"get", "first", "last", "latest", "earliest",
                                                             "get_or_create", "create"}:
            return _dossier_valued(func.value, known)
        return _is_dossier_name(_terminal_name(func))
    name = _terminal_name(receiver)
    return _is_dossier_name(name) or (isinstance(receiver, ast.Name) and receiver.id in known)


def _keyword_writes_status(call: ast.Call) -> bool:
    for keyword in call.keywords:
        if keyword.arg == "status":
            return True
        if keyword.arg is None and isinstance(keyword.value, ast.Dict):  # **{"status": ...}
            if any(isinstance(k, ast.Constant) and k.value == "status" for k in keyword.value.keys):
                return True
        if keyword.arg in {"defaults", "create_defaults"} and isinstance(keyword.value, ast.Dict):
            if any(isinstance(k, ast.Constant) and k.value == "status" for k in keyword.value.keys):
                return True
        if keyword.arg == "fields" and isinstance(keyword.value, (ast.List, ast.Tuple)):
            if any(isinstance(e, ast.Constant) and e.value == "status" for e in keyword.value.elts):
                return True
    # bulk_update(objs, ["status", ...]) passes the fields positionally
    for arg in call.args[1:]:
        if isinstance(arg, (ast.List, ast.Tuple)) and any(
                isinstance(e, ast.Constant) and e.value == "status" for e in arg.elts):
            return True
    return False


class StatusWriteFinder(ast.NodeVisitor):
    """Collects (line, description) of Dossier.status writes in one module."""

    def __init__(self):
        self.found: list[tuple[int, str]] = []
        self.scopes: list[set[str]] = [set()]  # names bound to dossiers, per function

    @property
    def known(self) -> set[str]:
        return set().union(*self.scopes)

    def _function(self, node):
        self.scopes.append(set())
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _bind(self, targets, value):
        if value is not None and _dossier_valued(value, self.known):
            for target in targets:
                if isinstance(target, ast.Name):
                    self.scopes[-1].add(target.id)

    def _check_target(self, target, lineno):
        if isinstance(target, ast.Attribute) and target.attr == "status":
            obj = target.value
            if _is_dossier_name(_terminal_name(obj)) or (isinstance(obj, ast.Name) and obj.id in self.known):
                self.found.append((lineno, f"assignment to {ast.unparse(target)}"))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._check_target(element, lineno)

    def visit_Assign(self, node):
        self._bind(node.targets, node.value)
        for target in node.targets:
            self._check_target(target, node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self._bind([node.target], node.value)
        self._check_target(node.target, node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._check_target(node.target, node.lineno)
        self.generic_visit(node)

    def visit_NamedExpr(self, node):
        self._bind([node.target], node.value)
        self.generic_visit(node)

    def visit_For(self, node):
        self._bind([node.target], node.iter)  # for dossier in Dossier.objects.filter(...)
        self.generic_visit(node)

    def visit_With(self, node):
        for item in node.items:
            if item.optional_vars is not None:
                self._bind([item.optional_vars], item.context_expr)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in WRITE_METHODS and _keyword_writes_status(node):
            receiver = _receiver(func.value)
            if _is_dossier_name(_terminal_name(receiver)) or (
                    isinstance(receiver, ast.Name) and receiver.id in self.known):
                self.found.append((node.lineno, f"{ast.unparse(func)}(status=...)"))
        elif isinstance(func, ast.Name) and func.id == "Dossier" and _keyword_writes_status(node):
            self.found.append((node.lineno, "Dossier(status=...)"))
        elif isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2:
            obj, attr = node.args[0], node.args[1]
            if isinstance(attr, ast.Constant) and attr.value == "status" and (
                    _is_dossier_name(_terminal_name(obj)) or (isinstance(obj, ast.Name) and obj.id in self.known)):
                self.found.append((node.lineno, f"setattr({ast.unparse(obj)}, 'status', ...)"))
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str) and RAW_SQL.search(node.value):
            self.found.append((node.lineno, "raw SQL updating nominations_dossier.status"))


def find_status_writes(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    finder = StatusWriteFinder()
    finder.visit(ast.parse(source, filename=filename))
    return finder.found


def _scanned_files():
    for path in sorted(TDKT_DIR.rglob("*.py")):
        relative = path.relative_to(TDKT_DIR)
        if "migrations" in relative.parts or "tests" in relative.parts:
            continue
        if path.name == "conftest.py" or path.name.startswith("test_") or path == ALLOWED_WRITER:
            continue
        yield path


def test_no_module_writes_dossier_status_outside_the_workflow():
    files = list(_scanned_files())
    assert len(files) > 20, "the scan found suspiciously few modules"
    offences = []
    for path in files:
        for lineno, what in find_status_writes(path.read_text(encoding="utf-8"), str(path)):
            offences.append(f"{path.relative_to(settings.BASE_DIR)}:{lineno}: {what}")
    assert not offences, (
        "Dossier.status is written outside tdkt/nominations/workflow.py; use a workflow transition "
        "(workflow.apply_transition through a service) instead:\n" + "\n".join(offences))


# The scanner itself: it must catch these and leave the rest alone.
CAUGHT = '''
def a(dossier):
    dossier.status = "submitted"
def b(self):
    self.dossier.status = "decided"
def c():
    Dossier.objects.filter(pk=1).update(status="decided")
def d(qs_of_dossiers):
    qs_of_dossiers.update(status="x")
def e(pk):
    locked = Dossier.objects.select_for_update().get(pk=pk)
    locked.status = "received"
def f(unit):
    unit.dossiers.create(title="x", status="decided")
def g():
    Dossier.objects.update_or_create(code="x", defaults={"status": "decided"})
def h(request, pk):
    obj = get_dossier_for_user(request.user, pk)
    setattr(obj, "status", "decided")
def i(objs):
    Dossier.objects.bulk_update(objs, ["title", "status"])
def j():
    for item in Dossier.objects.filter(year=2025):
        item.status = "withdrawn"
def k(dossiers):
    dossiers[0].status = "x"
def l(cursor):
    cursor.execute("UPDATE nominations_dossier SET status = 'decided' WHERE id = 1")
def m():
    Dossier.objects.filter(pk=1).update(**{"status": "decided"})
'''

NOT_CAUGHT = '''
def a(award, dossier, session):
    award.status = "revoked"
    Award.objects.filter(pk=1).update(status="revoked")
    dossier.award.status = "revoked"
    session.state = "closed"
    dossier.nominations.filter(council_result="passed").update(outcome="forwarded")
    Dossier.objects.filter(pk=dossier.pk).update(decision=None)
    status = dossier.status
    dossier.title = "x"
    CouncilSession.objects.create(status="open")
    comment = ConsultationComment.objects.get(pk=1)
    comment.status = "accepted"
def b(award):
    for row in Award.objects.all():
        row.status = "valid"
'''


def test_scanner_catches_every_known_way_of_writing_the_status():
    lines = {lineno for lineno, _ in find_status_writes(CAUGHT)}
    expected = {n for n, text in enumerate(CAUGHT.splitlines(), start=1)
                if "status" in text and not text.lstrip().startswith("def ")}
    assert lines == expected, f"missed lines {sorted(expected - lines)}, wrongly flagged {sorted(lines - expected)}"


def test_scanner_leaves_other_models_alone():
    assert find_status_writes(NOT_CAUGHT) == []
