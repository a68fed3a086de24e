"""The project sheet as versioned JSON, and back. Pure.

The file is ``{"format": "companion.fiche_projet", "version": 1, "fiche": {...}}``; reading it
checks every field against the dataclasses of :mod:`companion.project.sheet` and names the
field of a wrong value (``actions[2].end``), so a file from another version or edited by hand
is refused with a French :class:`DataError`, never half read.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import cache
from typing import Any

from companion.core.errors import DataError, InputError
from companion.project.sheet import ProjectSheet
from companion.texts import project as tp

FORMAT = "companion.fiche_projet"
VERSION = 1


def to_data(obj: Any) -> Any:
    """Return a dataclass tree as plain JSON data (dates as « AAAA-MM-JJ »)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_data(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def envelope(sheet: ProjectSheet) -> dict[str, Any]:
    """Return the versioned data of the sheet (what the JSON file and the store hold)."""
    return {"format": FORMAT, "version": VERSION, "fiche": to_data(sheet)}


def to_json(sheet: ProjectSheet) -> str:
    """Return the sheet as versioned JSON text (UTF-8, indented, keys in field order)."""
    return json.dumps(envelope(sheet), ensure_ascii=False, indent=2)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class _Wrong(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path, self.reason = path, reason


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _decode(kind: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        if value is None:
            return None
        return _decode(options[0], value, path)
    if origin is tuple:
        if not isinstance(value, list):
            raise _Wrong(path, tp.JSON_WRONG_TYPE.format(expected=tp.TYPE_LIST,
                                                         value=_short(value)))
        inner = typing.get_args(kind)[0]
        return tuple(_decode(inner, v, f"{path}[{i}]") for i, v in enumerate(value, 1))
    if dataclasses.is_dataclass(kind):
        return _build(typing.cast(type, kind), value, path)
    checks: dict[Any, tuple[tuple[type, ...], str]] = {
        str: ((str,), tp.TYPE_TEXT), int: ((int,), tp.TYPE_INTEGER),
        float: ((int, float), tp.TYPE_NUMBER), date: ((str,), tp.TYPE_DATE)}
    allowed, expected = checks[kind]
    if isinstance(value, bool) or not isinstance(value, allowed):
        raise _Wrong(path, tp.JSON_WRONG_TYPE.format(expected=expected, value=_short(value)))
    if kind is date:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise _Wrong(path, tp.JSON_WRONG_TYPE.format(expected=expected,
                                                         value=_short(value))) from None
    return float(str(value)) if kind is float else value


def _build(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise _Wrong(path, tp.JSON_WRONG_TYPE.format(expected=tp.TYPE_OBJECT,
                                                     value=_short(value)))
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in value:
        if key not in fields:
            raise _Wrong(_join(path, key), tp.JSON_UNKNOWN_FIELD)
    kwargs = {}
    hints = _hints(cls)
    for name, spec in fields.items():
        if name not in value:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                raise _Wrong(_join(path, name), tp.JSON_MISSING)
            continue
        kwargs[name] = _decode(hints[name], value[name], _join(path, name))
    try:
        return cls(**kwargs)
    except InputError as error:
        raise _Wrong(path or "fiche", str(error)) from None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def from_data(data: Any, name: str = "(fiche)") -> ProjectSheet:
    """Return the sheet held in parsed JSON ``data`` (checked: format, version, every field)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(tp.JSON_NOT_A_SHEET.format(name=name))
    if data.get("version") != VERSION:
        raise DataError(tp.JSON_VERSION.format(name=name, found=_short(data.get("version")),
                                               expected=VERSION))
    for key in data:
        if key not in ("format", "version", "fiche"):
            raise DataError(tp.JSON_FIELD.format(name=name, path=key,
                                                 reason=tp.JSON_UNKNOWN_FIELD))
    if "fiche" not in data:
        raise DataError(tp.JSON_FIELD.format(name=name, path="fiche", reason=tp.JSON_MISSING))
    try:
        sheet: ProjectSheet = _build(ProjectSheet, data["fiche"], "")
    except _Wrong as wrong:
        raise DataError(tp.JSON_FIELD.format(name=name, path=wrong.path or "fiche",
                                             reason=wrong.reason)) from None
    return sheet


def from_json(text: str | bytes, name: str = "(fiche)") -> ProjectSheet:
    """Read a sheet exported by :func:`to_json` (a French :class:`DataError` otherwise)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DataError(tp.JSON_UNREADABLE.format(name=name, line=1, column=error.start + 1,
                                                      reason="encodage non UTF-8")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(tp.JSON_UNREADABLE.format(name=name, line=error.lineno,
                                                  column=error.colno, reason=error.msg)) from None
    return from_data(data, name)
