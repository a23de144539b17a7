"""Which placeholders a .docx template uses, and which of them the registry does not know.

Top-level names come from docxtpl's ``get_undeclared_template_variables`` (what the renderer
will look up in the context). Fields used inside loops (``{{ d.ho_ten }}`` in
``{%tr for d in de_nghi %}``) are not top-level names, so the Jinja syntax tree is walked as
well: a loop variable bound to a registered loop field may use only that loop's fields.
Unknown names are reported as the user wrote them with their loop ("de_nghi.ho_tenn").
"""

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Environment, TemplateSyntaxError, nodes

from tdkt.documents.registry import DocumentSpec, Field

# Names Jinja provides inside templates.
_BUILTINS = {"loop", "range", "true", "false", "none", "True", "False", "None"}


class TemplateProblem(ValueError):
    """The file is not a .docx template docxtpl can read: ``kind`` is "damaged" (not a Word
    document, or a broken one) or "syntax" (a placeholder or loop tag written incorrectly)."""

    def __init__(self, message: str, *, kind: str = "damaged"):
        super().__init__(message)
        self.kind = kind


def _dotted(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "…"


def _template_xml(data: bytes) -> str:
    template = DocxTemplate(io.BytesIO(data))
    document = Document(io.BytesIO(data))
    xml = template.patch_xml(template.xml_to_string(document._element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.target_part.blob:
            xml += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


def _walk(node, scope: dict[str, tuple[str, Field]], spec_fields: dict[str, Field], found: set, unknown: set):
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        # No field starts with "_"; such names only reach Python internals (refused at render too).
        unknown.add(_dotted(node))
        return
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, spec_fields, found, unknown)
        bound = _resolve_list(node.iter, scope, spec_fields)
        inner = dict(scope)
        if isinstance(node.target, nodes.Name) and bound is not None:
            inner[node.target.name] = bound
        elif isinstance(node.target, nodes.Name):
            inner[node.target.name] = ("?", None)
        for child in [*node.body, *node.else_]:
            _walk(child, inner, spec_fields, found, unknown)
        if node.test is not None:
            _walk(node.test, inner, spec_fields, found, unknown)
        return
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name in scope:
        path, field = scope[node.node.name]
        if field is not None and field.fields:
            name = f"{path}.{node.attr}"
            found.add(name)
            if node.attr not in {f.name for f in field.fields}:
                unknown.add(name)
        return
    if isinstance(node, nodes.Name) and node.ctx == "load":
        if node.name not in scope and node.name not in _BUILTINS:
            found.add(node.name)
        return
    for child in node.iter_child_nodes():
        _walk(child, scope, spec_fields, found, unknown)


def _resolve_list(expr, scope, spec_fields) -> tuple[str, Field] | None:
    """The loop field a ``for`` iterates over: a top-level list or a nested list of a loop row."""
    if isinstance(expr, nodes.Name) and expr.name not in scope:
        field = spec_fields.get(expr.name)
        return (expr.name, field) if field is not None and field.is_list else None
    if isinstance(expr, nodes.Getattr) and isinstance(expr.node, nodes.Name) and expr.node.name in scope:
        path, parent = scope[expr.node.name]
        if parent is None:
            return None
        child = {f.name: f for f in parent.fields}.get(expr.attr)
        return (f"{path}.{expr.attr}", child) if child is not None and child.is_list else None
    return None


def inspect_template(data: bytes, spec: DocumentSpec) -> tuple[set[str], set[str]]:
    """(names used, names unknown to the registry) of a template file's bytes."""
    try:
        xml = _template_xml(data)
    except Exception as error:  # a broken zip, not a .docx, a .docx without its document part
        raise TemplateProblem(str(error), kind="damaged") from error
    try:
        tree = Environment().parse(xml)
        top_level = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables()
    except TemplateSyntaxError as error:
        raise TemplateProblem(error.message or str(error), kind="syntax") from error
    except Exception as error:
        raise TemplateProblem(str(error), kind="damaged") from error
    spec_fields = spec.field_map()
    found: set[str] = set(top_level)
    unknown = {name for name in top_level if name not in spec_fields}
    _walk(tree, {}, spec_fields, found, unknown)
    return found, unknown
