"""Reading an HTML report page back: the table's data and each document's view, unpacked
as the page's script unpacks them."""

from __future__ import annotations

import json
import re
from typing import Any

from readlint.formats.html import unpack


def page_data(page: str) -> dict[str, Any]:
    """The table's data block."""
    found: dict[str, Any] = json.loads(
        page.split('<script type="application/json" id="data">')[1].split("</script>")[0])
    return found


def page_views(page: str) -> dict[int, dict[str, Any]]:
    """Every document's view by its row number, from the page's packed blocks, checked
    against the page's table of blocks."""
    table = json.loads(page.split('<script type="application/json" id="chunks">')[1]
                       .split("</script>")[0])
    blocks = re.findall(r'<script type="application/octet-stream" id="chunk-(\d+)">([^<]*)'
                        r"</script>", page)
    assert [int(n) for n, _ in blocks] == list(range(len(table)))
    views: dict[int, dict[str, Any]] = {}
    for (first, last), (_, packed) in zip(table, blocks, strict=True):
        items = unpack(packed)
        assert items[0][0] == first and items[-1][0] == last
        views.update((number, view) for number, view in items)
    return views


def view_of(page: str, name: str) -> dict[str, Any]:
    """The view of the document whose path (as the table shows it) is `name`."""
    data = page_data(page)
    at = data["columns"].index("at")
    path = data["columns"].index("path")
    (row,) = [r for r in data["documents"] if r[path] == name]
    return page_views(page)[row[at]]
