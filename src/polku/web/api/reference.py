"""``/docs``: the API reference as one accessible HTML page, made from the OpenAPI
document on the server: headings by tag and operation, tables of parameters, responses
and schema fields, links between them. No script: it reads with any browser, screen
reader or keyboard (Swagger UI nests buttons and fails WCAG contrast and language).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")
STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:72rem;
padding:1rem 2rem;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}a:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}.method{font-weight:700;text-transform:uppercase}
section.op{border-top:2px solid #767676;margin-top:1.5rem}
"""


def _ref(schema: dict[str, Any]) -> str:
    name = str(schema["$ref"]).rsplit("/", 1)[-1]
    return f'<a href="#schema-{escape(name)}">{escape(name)}</a>'


def describe(schema: dict[str, Any] | None) -> str:
    """A schema as short HTML: its type, format, allowed values and bounds."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return _ref(schema)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            parts = [describe(s) for s in schema[key]]
            return (" or " if key != "allOf" else " and ").join(parts)
    kind = str(schema.get("type", "object"))
    if kind == "array":
        text = f"array of {describe(schema.get('items'))}"
    elif kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        text = f"object of {describe(schema['additionalProperties'])}"
    else:
        text = escape(kind)
    notes = []
    if "format" in schema:
        notes.append(escape(str(schema["format"])))
    if "enum" in schema:
        notes.append(
            "one of " + ", ".join(f"<code>{escape(str(v))}</code>" for v in schema["enum"])
        )
    for key, word in (
        ("minimum", "≥"),
        ("maximum", "≤"),
        ("minLength", "length ≥"),
        ("maxLength", "length ≤"),
        ("maxItems", "items ≤"),
    ):
        if key in schema:
            notes.append(f"{word} {escape(str(schema[key]))}")
    if "pattern" in schema:
        notes.append(f"pattern <code>{escape(str(schema['pattern']))}</code>")
    return text + (f" ({'; '.join(notes)})" if notes else "")


def _table(caption: str, head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    if not rows:
        return ""
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    heads = "".join(f'<th scope="col">{h}</th>' for h in head)
    return f"<table><caption>{caption}</caption><tr>{heads}</tr>{cells}</table>"


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    anchor = escape(str(op.get("operationId", f"{method}-{path}")))
    title = f'<span class="method">{method}</span> <code>{escape(path)}</code>'
    out = [f'<section class="op" id="{anchor}"><h3>{title}</h3>']
    text = op.get("description") or op.get("summary") or ""
    out += [f"<p>{escape(line)}</p>" for line in str(text).split("\n\n") if line.strip()]
    params = [
        (
            f"<code>{escape(p['name'])}</code>",
            escape(p["in"]),
            "yes" if p.get("required") else "no",
            describe(p.get("schema")),
            escape(str(p.get("description", ""))),
        )
        for p in op.get("parameters", [])
    ]
    out.append(_table("Parameters", ("Name", "In", "Required", "Type", "About"), params))
    body = op.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        out.append(
            f"<p>Request body (<code>{escape(media)}</code>): {describe(content.get('schema'))}</p>"
        )
    responses = [
        (
            escape(status),
            escape(str(r.get("description", ""))),
            "; ".join(
                f"<code>{escape(m)}</code>: {describe(c.get('schema'))}"
                for m, c in r.get("content", {}).items()
            )
            or "no body",
        )
        for status, r in sorted(op.get("responses", {}).items())
    ]
    out.append(_table("Responses", ("Status", "Meaning", "Body"), responses))
    return "".join(out) + "</section>"


def _schema(name: str, schema: dict[str, Any]) -> str:
    required = set(schema.get("required", []))
    rows = [
        (
            f"<code>{escape(key)}</code>",
            "yes" if key in required else "no",
            describe(prop),
            escape(str(prop.get("description", ""))),
        )
        for key, prop in schema.get("properties", {}).items()
    ]
    about = escape(str(schema.get("description", "")))
    extra = "" if schema.get("additionalProperties") is not False else " No other fields."
    head = f'<section id="schema-{escape(name)}"><h3>{escape(name)}</h3>'
    table = _table("Fields", ("Field", "Required", "Type", "About"), rows)
    return head + f"<p>{about}{extra}</p>" + (table or f"<p>{describe(schema)}</p>") + "</section>"


def reference_page(spec: dict[str, Any]) -> str:
    """The whole reference page of the OpenAPI document ``spec``."""
    info = spec.get("info", {})
    by_tag: dict[str, list[str]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                tag = (item[method].get("tags") or ["other"])[0]
                by_tag.setdefault(tag, []).append(_operation(path, method, item[method]))
    nav = "".join(f'<li><a href="#tag-{escape(t)}">{escape(t)}</a></li>' for t in by_tag)
    nav += '<li><a href="#schemas">schemas</a></li>'
    tags = "".join(
        f'<section id="tag-{escape(t)}"><h2>{escape(t)}</h2>{"".join(ops)}</section>'
        for t, ops in by_tag.items()
    )
    schemas = "".join(
        _schema(n, s) for n, s in spec.get("components", {}).get("schemas", {}).items()
    )
    title = escape(f"{info.get('title', 'API')} {info.get('version', '')}")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{title}</h1><p>{escape(str(info.get('description', '')))}</p>"
        f'<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a>.</p>'
        f'<nav aria-label="API sections"><ul>{nav}</ul></nav></header>'
        f'<main>{tags}<section id="schemas"><h2>schemas</h2>{schemas}</section></main>'
        "</body></html>"
    )


__all__ = ["describe", "reference_page"]
