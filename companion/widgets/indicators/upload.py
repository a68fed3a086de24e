"""Loading one's own tables into the dashboard: a FileUpload, a size limit, French messages.

Files stay in the kernel's memory (nothing is written, so nothing is served). Reading and
recognising a file is :func:`companion.indicators.overview.read_own_file`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import pandas as pd
import traitlets

from companion.core.errors import CompanionError, DataError
from companion.core.safety import escape
from companion.indicators.overview import UPLOAD_MAX_BYTES, read_own_file
from companion.texts import indicators as ti
from companion.widgets.base import Notice, guarded


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


class OwnDataUpload(w.VBox):
    """Upload CSV or XLSX files; ``tables`` (table name → DataFrame) is replaced on success.

    ``loads`` counts the successful uploads (observe it: the same file loaded again is a change
    too).
    """

    loads = traitlets.Int(0, help="Number of uploads that brought at least one table.")

    def __init__(self, max_bytes: int = UPLOAD_MAX_BYTES, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_bytes = max_bytes
        self.files: dict[str, str] = {}  # table name -> file name
        self.tables: dict[str, pd.DataFrame] = {}
        self._upload = w.FileUpload(accept=".csv,.xlsx,.txt", multiple=True,
                                    description=ti.UPLOAD)
        self._upload.add_class("cp-ind-upload")
        self._upload.observe(self._on_upload, names="value")
        self._notice = Notice()
        limit = _megabytes(max_bytes).removesuffix(",0")
        self.add_class("cp-own-data")
        self.children = (w.HTML(f"<p>{escape(ti.UPLOAD_HELP.format(limit=limit))}</p>"),
                         self._upload, self._notice)

    @property
    def notice(self) -> Notice:
        """The upload's message area."""
        return self._notice

    @property
    def upload(self) -> w.FileUpload:
        """The FileUpload widget (tests set its ``value``)."""
        return self._upload

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = tuple(change["new"] or ())
        if files:
            self.load(files)
            self._upload.value = ()  # the same file can be chosen again

    @guarded()
    def load(self, files: tuple[Mapping[str, Any], ...]) -> None:
        """Read uploaded files (dicts with name, size, content as ipywidgets 8 gives them)."""
        read, messages, failed = {}, [], False
        for item in files:
            name = str(item.get("name") or ti.UPLOAD_UNNAMED)
            try:
                size = int(item.get("size") or len(item.get("content") or b""))
                if size > self.max_bytes:
                    raise DataError(ti.UPLOAD_TOO_BIG.format(
                        name=name, size=_megabytes(size),
                        limit=_megabytes(self.max_bytes).removesuffix(",0")))
                table, frame = read_own_file(bytes(item["content"]), name, self.max_bytes)
            except CompanionError as error:
                messages.append(str(error))
                failed = True
                continue
            read[table] = frame
            self.files[table] = name
            messages.append(ti.UPLOAD_LOADED.format(name=name, table=table, rows=len(frame)))
        self._notice.show(" ".join(messages), "erreur" if failed else "succes")
        if read:
            self.tables = {**self.tables, **read}
            self.loads += 1
