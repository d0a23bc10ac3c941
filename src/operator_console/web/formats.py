"""GeoReport v2 documents as JSON or XML, with the element names the spec gives lists."""

from __future__ import annotations

import json
from collections.abc import Mapping
from xml.etree import ElementTree

from starlette.responses import Response

ITEM_OF_LIST = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "errors": "error",
    "service_request_updates": "request_update",
}
"""A list's element -> the element of each of its items."""
FORMATS = ("json", "xml")


def render(document: object, root: str, fmt: str, status: int = 200) -> Response:
    """`document` as a response in `fmt`; `root` names the XML root (the list's name when the
    document is a list)."""
    if fmt == "xml":
        element = _element(root, document)
        body = ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)
        return Response(body, status, media_type="text/xml; charset=utf-8")
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return Response(text.encode("utf-8"), status, media_type="application/json; charset=utf-8")


def _element(name: str, value: object) -> ElementTree.Element:
    element = ElementTree.Element(name)
    if isinstance(value, Mapping):
        for key, item in value.items():
            element.append(_element(str(key), item))
    elif isinstance(value, list | tuple):
        item_name = ITEM_OF_LIST.get(name, "item")
        for item in value:
            element.append(_element(item_name, item))
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)
    return element
