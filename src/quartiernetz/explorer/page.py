"""The explorer page: one self-contained HTML file, safe JSON and a strict CSP.

The page holds the vendored network library, the explorer's script and style, and
the data as JSON in a ``<script type="application/json">`` element. Nothing is
loaded from elsewhere, and the page's Content-Security-Policy forbids it: scripts
run only when their SHA-256 hash is listed (so no injected script or inline event
handler can run), and every fetch, image, font, frame or form target outside the
page is blocked.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["safe_json", "render_page", "content_security_policy", "VENDOR_VERSIONS"]

_PACKAGE = "quartiernetz.explorer"

# characters that may end or confuse a <script> element or a JavaScript string
_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def safe_json(value: Any) -> str:
    """``value`` as JSON that can sit inside a ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes and
    every other non-ASCII or control character as well (``ensure_ascii``), so no
    name can close the element (``</script>``), open a comment (``<!--``) or
    break a line in older JavaScript parsers. ``JSON.parse`` gives back the
    original text.

    Examples
    --------
    >>> safe_json({"name": "</script><!-- Café\\u2028"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003c!-- Caf\\\\u00e9\\\\u2028"}'
    >>> json.loads(safe_json(["a&b"])) == ["a&b"]
    True
    """
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _UNSAFE[m.group(0)], text)


def _read(*parts: str) -> str:
    return resources.files(_PACKAGE).joinpath(*parts).read_text(encoding="utf-8")


@cache
def _assets() -> tuple[str, str, str, str]:
    """The vendored library, the explorer's script and style, and the page template."""
    vendor = _read("vendor", "vis-network.min.js")
    # a script element ends at the first "</script" whatever the JavaScript around it
    vendor = re.sub(r"</(script)", r"<\\/\1", vendor, flags=re.IGNORECASE)
    return (
        vendor,
        _read("static", "explorer.js"),
        _read("static", "explorer.css"),
        _read("static", "explorer.html"),
    )


#: The vendored JavaScript libraries: name -> version, file, licence, source.
VENDOR_VERSIONS: dict[str, dict[str, Any]] = json.loads(_read("vendor", "VERSIONS.json"))


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: list[str]) -> str:
    """The page's Content-Security-Policy: only these inline scripts, nothing from outside.

    Examples
    --------
    >>> csp = content_security_policy(["1 + 1"])
    >>> "default-src 'none'" in csp and "connect-src 'none'" in csp
    True
    """
    hashes = " ".join(_hash(s) for s in scripts)
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {hashes}",
            # vis-network adds its style sheet as a <style> element
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src 'none'",
            "connect-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def render_page(data: dict[str, Any], *, lang: str, title: str) -> str:
    """The explorer page for ``data`` (see :func:`quartiernetz.explorer.data.explorer_data`).

    Parameters
    ----------
    data : dict
        The explorer's data with ``words`` (both languages) added.
    lang : {"de", "en"}
        The language the page opens in.
    title : str
        The page title (escaped here).

    Returns
    -------
    str
        The HTML page.
    """
    vendor, app, css, template = _assets()
    payload = safe_json(data)
    csp = content_security_policy([vendor, app])
    values = {
        "LANG": lang,
        "TITLE": html.escape(title, quote=True),
        "CSP": html.escape(csp, quote=True),
        "CSS": css,
        "DATA": payload,
        "VENDOR": vendor,
        "APP": app,
    }
    # one pass, so no inserted text is ever searched for a further placeholder
    return re.sub(r"@@([A-Z]+)@@", lambda m: values[m.group(1)], template)
