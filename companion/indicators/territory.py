"""Territory indicators of a QPV from the INSEE / SIG Ville files (DEMO, REVN, IPRO…).

Every figure carries its value, unit, millésime and source. Rates, medians and indices are
never summed: :func:`weighted_mean` gives a population-weighted mean and says that it is only an
approximation; :func:`total` refuses them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from companion.core.errors import DataError
from companion.indicators.catalogue import load_catalogue
from companion.owndata.loading import fold
from companion.texts import indicators as ti

SOURCE = "Insee, ANCT (SIG Ville)"
APPROXIMATION = (
    ti.TERRITORY_APPROXIMATION
)
CODE_COLUMNS = ("CODGEO", "CODE_QP", "CODE_QUARTIER", "QP")
NAME_COLUMNS = ("LIBGEO", "NOM_QP", "LIB_QP", "LIBELLE_QP", "NOM_QUARTIER")
COMMUNE_COLUMNS = ("LIB_COM", "NOM_COMMUNE", "LIBCOM")
_NOT_SUMMABLE = re.compile(
    r"^(?:TX_|PART_|DISP_|DECUC_|EVOL_|TP60|IND_JEUNE|(?:PMIMP|BREV|PACT|PPEN|PPSOC|PIMPOT|PPAT)$)"
)
_CODE = re.compile(r"^Q[PN]\d", re.I)
#: INSEE's Filosofi files suffix each column with its year: « DISP_MED_A19 » is 2019's.
_YEAR_SUFFIX = re.compile(r"^(.+)_A(\d\d)$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
UNKNOWN_VINTAGE = ti.TERRITORY_UNSPECIFIED
#: Vintage of the extracts shipped in ``data/territoire_exemple`` (SIG Ville 2022, see README).
SAMPLE_MILLESIME = "2022"


@dataclass(frozen=True)
class _Spec:
    indicator: str
    columns: tuple[str, ...]
    requires_any: tuple[str, ...] = ()  # sibling columns telling which file it is


#: Key figures of a QPV: catalogue id, source columns (first found wins), file signature.
KEY_FIGURES = (
    _Spec("population_qpv", ("POP_MUN",)),
    _Spec("poids_qpv_commune", ("POP_MUN", "POP_COM")),
    _Spec("indice_jeunesse", ("IND_JEUNE",)),
    _Spec("taux_pauvrete", ("TP60", "DISP_TP60")),
    _Spec("revenu_median", ("DISP_Q2", "DISP_MED")),
    _Spec("taux_emploi", ("TX_TOT_EMPL",)),
    _Spec("demandeurs_emploi_abcde", ("ABCDE",)),
    _Spec("demandeurs_emploi_abc", ("ABC",)),
    _Spec("demandeurs_emploi_abc_rsa", ("ABC_RSA",)),
    # « A » is CAF recipients in the CAF files, but job-seekers of category A in IPRO.
    _Spec("allocataires_caf", ("A",), ("PERCOU", "ARSAS", "AAAH", "APPA")),
    _Spec("allocataires_rsa", ("ARSAS",)),
    _Spec("allocataires_aah", ("AAAH",)),
)


@dataclass(frozen=True)
class KeyFigure:
    """One figure of a territory, with what is needed to quote it."""

    indicator: str
    label: str
    value: float | None
    unit: str
    millesime: str
    source: str
    commune: float | None = None
    note: str = ""


@dataclass(frozen=True)
class WeightedMean:
    """A population-weighted mean of a rate, with the rows used and the approximation note."""

    value: float | None
    used: int
    excluded: int
    note: str


def _named(tables: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame]
           ) -> list[tuple[str, pd.DataFrame]]:
    if isinstance(tables, Mapping):
        return [(str(k), v) for k, v in tables.items()]
    return [(str(t.attrs.get("source", f"tableau {i}")), t) for i, t in enumerate(tables, 1)]


def _column(table: pd.DataFrame, wanted: Sequence[str]) -> str | None:
    upper = {str(c).strip().upper(): c for c in table.columns}
    for column in list(upper):  # « DISP_MED_A19 » answers to « DISP_MED »
        suffixed = _YEAR_SUFFIX.match(column)
        if suffixed:
            upper.setdefault(suffixed.group(1), upper[column])
    for name in wanted:
        if name in upper:
            return str(upper[name])
    return None


def vintage_of(table: pd.DataFrame, column: str | None = None) -> str:
    """Return the millésime a table states itself, never its file name (which users rename).

    From the year suffix INSEE puts in its column names (``DISP_MED_A19`` → 2019; ``column``
    when given, else the most frequent suffix), else from the file's own title
    (``attrs["titre"]``, the lines above the header), else « non précisé ».
    """
    names = [str(column)] if column is not None else [str(c) for c in table.columns]
    years = [m.group(2) for m in map(_YEAR_SUFFIX.match, (n.strip().upper() for n in names))
             if m]
    if years:
        return f"20{max(set(years), key=years.count)}"
    found = _YEAR.findall(str(table.attrs.get("titre", "")))
    return found[-1] if found else UNKNOWN_VINTAGE


def find_qpv(tables: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame], code_or_name: str
             ) -> tuple[str, str, str]:
    """Find a QPV by code (« QP093005 ») or name (any case, accents optional).

    Returns
    -------
    tuple of str
        Code, name and commune(s) (empty strings when the files do not give them).
    """
    wanted = str(code_or_name).strip()
    found: dict[str, tuple[str, str]] = {}
    exact: set[str] = set()
    for _, table in _named(tables):
        code_col = _column(table, CODE_COLUMNS)
        if code_col is None:
            continue
        name_col, town_col = _column(table, NAME_COLUMNS), _column(table, COMMUNE_COLUMNS)
        codes = table[code_col].astype(str).str.strip().str.upper()
        if _CODE.match(wanted):
            hits = codes == wanted.upper()
        elif name_col is not None:
            folded = table[name_col].map(lambda v: fold(str(v)) if isinstance(v, str) else "")
            hits = folded.str.contains(fold(wanted), regex=False)
            exact |= set(codes[folded == fold(wanted)])
        else:
            continue
        for position in hits[hits].index:
            name = table.at[position, name_col] if name_col else ""
            town = table.at[position, town_col] if town_col else ""
            code = codes[position]
            previous = found.get(code, ("", ""))
            found[code] = (previous[0] or _text(name), previous[1] or _text(town))
    if exact and len(found) > 1:
        found = {code: found[code] for code in exact}
    if not found:
        raise DataError(ti.TERRITORY_NO_MATCH.format(wanted=wanted))
    if len(found) > 1:
        listed = " ; ".join(
            (ti.TERRITORY_CANDIDATE_TOWN if town else ti.TERRITORY_CANDIDATE).format(
                code=code, name=name, town=town)
            for code, (name, town) in sorted(found.items())[:10])
        raise DataError(ti.TERRITORY_MANY_MATCHES.format(wanted=wanted, listed=listed))
    code, (name, town) = next(iter(found.items()))
    return code, name, town


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def key_figures(tables: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame], code: str,
                millesime: str | None = None) -> list[KeyFigure]:
    """Return the key figures of a QPV found in the tables, each with unit, millésime, source.

    Parameters
    ----------
    tables : mapping of file name to DataFrame, or sequence of DataFrames
        INSEE / SIG Ville tables as read by :func:`~companion.owndata.loading.read_table`.
    code : str
        Code of the QPV.
    millesime : str, optional
        Vintage of the files that do not state it (no ``_A19`` suffix, no title): ask the
        user, never guess it from a file name. « non précisé » when not given.
    """
    catalogue = load_catalogue()
    figures = []
    for spec in KEY_FIGURES:
        for name, table in _named(tables):
            row = _row(table, code)
            columns = [_column(table, (c,)) for c in spec.columns]
            if row is None or all(c is None for c in columns):
                continue
            if spec.requires_any and _column(table, spec.requires_any) is None:
                continue
            if spec.indicator == "poids_qpv_commune":
                if columns[0] is None or columns[1] is None:
                    continue
                value = _ratio(row[columns[0]], row[columns[1]])
                commune = None
            else:
                column = next(c for c in columns if c is not None)
                value = _number(row[column])
                town_col = _column(table, (f"{column.upper()}_COM",))
                commune = _number(row[town_col]) if town_col else None
                if spec.indicator == "population_qpv":
                    town_col = _column(table, ("POP_COM",))
                    commune = _number(row[town_col]) if town_col else None
            entry = catalogue[spec.indicator]
            used = next(c for c in columns if c is not None)
            vintage = vintage_of(table, used if _YEAR_SUFFIX.match(used.strip().upper())
                                 else None)
            if vintage == UNKNOWN_VINTAGE and millesime:
                vintage = str(millesime)
            figures.append(KeyFigure(
                entry.id, entry.label, value, entry.unit, vintage,
                f"{SOURCE} — fichier {name}", commune, _note(row, columns, value),
            ))
            break
    return figures


def _note(row: pd.Series, columns: Sequence[str | None], value: float | None) -> str:
    """Say why a value is absent: a blank or secret marker, or a cell that is not a number."""
    if value is not None:
        return ""
    for column in columns:
        raw = row[column] if column is not None else None
        if isinstance(raw, str) and raw.strip():
            return ti.TERRITORY_UNREADABLE.format(value=raw.strip(), column=column)
    return ti.TERRITORY_MASKED


def _brings_something(table: pd.DataFrame) -> bool:
    return _column(table, CODE_COLUMNS) is not None and any(
        _column(table, spec.columns) is not None for spec in KEY_FIGURES)


def _row(table: pd.DataFrame, code: str) -> pd.Series | None:
    code_col = _column(table, CODE_COLUMNS)
    if code_col is None:
        return None
    hits = table[table[code_col].astype(str).str.strip().str.upper() == code.upper()]
    return None if hits.empty else hits.iloc[0]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _ratio(part: object, whole: object) -> float | None:
    top, bottom = _number(part), _number(whole)
    if top is None or not bottom:
        return None
    return 100.0 * top / bottom


def qpv_profile(tables: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame],
                code_or_name: str, millesime: str | None = None) -> pd.DataFrame:
    """Return the tidy profile of a QPV found by code or name.

    ``millesime`` is the vintage of the files that do not state it themselves (see
    :func:`vintage_of`); the file names are never read for it.

    Returns
    -------
    pandas.DataFrame
        Columns « indicateur », « libellé », « valeur », « unité », « millésime », « source »,
        « valeur commune » (NaN when the file does not give it), « note »; ``attrs`` holds
        the QPV's code, name and commune(s), and « avertissements » (French sentences: a file
        that brings no known indicator).

    Raises
    ------
    DataError
        No file brings any known indicator (French message naming them).
    """
    named = _named(tables)
    useless = [n for n, t in named if not _brings_something(t)]
    if len(useless) == len(named):
        names = ", ".join(ti.QUOTED.format(name=n) for n in useless)
        raise DataError(ti.TERRITORY_NOTHING.format(names=names))
    code, name, town = find_qpv(tables, code_or_name)
    figures = key_figures(tables, code, millesime)
    frame = pd.DataFrame({
        "indicateur": [f.indicator for f in figures],
        "libellé": [f.label for f in figures],
        "valeur": pd.Series([f.value for f in figures], dtype="float64"),
        "unité": [f.unit for f in figures],
        "millésime": [f.millesime for f in figures],
        "source": [f.source for f in figures],
        "valeur commune": pd.Series([f.commune for f in figures], dtype="float64"),
        "note": [f.note for f in figures],
    })
    warnings = [ti.TERRITORY_USELESS_FILE.format(
        name=n, columns=", ".join(map(str, t.columns[:8]))) for n, t in named if n in useless]
    frame.attrs.update(code=code, nom=name, commune=town, avertissements=warnings)
    return frame


def weighted_mean(table: pd.DataFrame, value_col: str, weight_col: str = "POP_MUN"
                  ) -> WeightedMean:
    """Return the population-weighted mean of a rate over several QPV (an approximation).

    Rows without a value (statistical secret) or without a weight are left out and counted.
    """
    for column in (value_col, weight_col):
        if column not in table.columns:
            raise DataError(ti.TERRITORY_NO_COLUMN.format(
                source=table.attrs.get("source", ti.TABLE), column=column))
    values = pd.to_numeric(table[value_col], errors="coerce")
    weights = pd.to_numeric(table[weight_col], errors="coerce")
    usable = values.notna() & weights.notna() & (weights > 0)
    excluded = int((~usable).sum())
    note = APPROXIMATION + (ti.TERRITORY_EXCLUDED.format(excluded=excluded) if excluded else "")
    total_weight = float(weights[usable].sum())
    if not total_weight:
        return WeightedMean(None, 0, excluded, note)
    mean = float((values[usable] * weights[usable]).sum() / total_weight)
    return WeightedMean(mean, int(usable.sum()), excluded, note)


def total(table: pd.DataFrame, column: str) -> float:
    """Return the sum of a count column (population, job-seekers…); refuse rates and medians."""
    if _NOT_SUMMABLE.match(str(column).strip().upper()):
        raise DataError(ti.TERRITORY_NOT_ADDITIVE.format(column=column))
    if column not in table.columns:
        raise DataError(ti.TERRITORY_NO_COLUMN.format(
            source=table.attrs.get("source", ti.TABLE), column=column))
    return float(pd.to_numeric(table[column], errors="coerce").sum())
