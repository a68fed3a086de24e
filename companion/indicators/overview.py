"""What the indicators dashboard shows, computed from a structure's tables (pure functions).

The tables are those of the sample Régie (:func:`~companion.owndata.sample.load_sample`) or a
trainee's own files, recognised by their columns (:func:`read_own_file`). Values come from
the indicator modules of :mod:`companion.indicators`; a value that cannot be computed (missing
table, zero denominator) is None, shown « — », never 0.

**Radar of the four dimensions** (:data:`RADAR`): each dimension's score, from 0 to 100, is the
mean of its indicators, each rapporté to a *repère pédagogique* (``100 × value / repère``,
capped at 100; for client concentration the diversification ``1 − Herfindahl`` is used). The
repères are teaching benchmarks to discuss, not official norms; pass ``references`` to change
them. An indicator without value is left out; a dimension with none is None (« non calculable »).

- *sociale* (insertion outcomes): taux de sorties dynamiques (repère 60 %), durables (25 %);
- *participative*: part des habitants au CA (50 %, la majorité voulue par la charte), collèges
  représentés (3 sur 3);
- *développement économique*: taux d'autofinancement (50 %), diversification des clients
  (1 − Herfindahl, repère 0,85, soit un indice de 0,15 « diversifié »);
- *inclusion*: part des résidents QPV parmi les entrants (50 %), part des habitants du
  quartier parmi les salariés (30 %).

Targets set by a trainee are records of kind ``indicator_target`` (``data``: ``indicator``,
``value``), one visible record per indicator and group, updated in place, hidden when removed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import Any

import pandas as pd

from companion.core.config import content_dir
from companion.core.errors import CompanionError, DataError, InputError
from companion.core.model import Record
from companion.indicators import economics as eco
from companion.indicators.catalogue import load_catalogue
from companion.indicators.insertion import etp, exit_rates, percent, share_yes
from companion.indicators.objectives import compare_to_targets
from companion.owndata.loading import fold, read_table
from companion.owndata.sample import load_sample
from companion.store import Store
from companion.texts import indicators as ti

SAMPLE = "exemple_regie"
OWN_FOLDER = "mes_donnees"
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
TARGET_KIND = "indicator_target"
YEAR = "annee"

#: Columns that tell which table a file is (first match wins), after normalising the headers.
SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sorties", ("type_sortie",)),
    ("salaries_insertion", ("salarie", "heures_travaillees")),
    ("ventes", ("type_client", "montant")),
    ("financements", ("nature", "montant")),
    ("masse_salariale", ("categorie", "etp", "montant")),
    ("charges", ("poste", "montant")),
    ("gouvernance", ("college", "sieges")),
    ("benevoles", ("mission", "benevoles")),
    ("activites", ("activite", "nombre_chantiers")),
    ("partenaires", ("pouvoir", "interet")),
)
#: Tables each indicator needs (to say which file is missing).
NEEDS: dict[str, tuple[str, ...]] = {
    "sortants": ("sorties",), "taux_sorties_dynamiques": ("sorties",),
    "taux_sorties_durables": ("sorties",), "taux_sorties_transition": ("sorties",),
    "taux_sorties_positives": ("sorties",), "etp_insertion": ("salaries_insertion",),
    "part_residents_qpv_entrants": ("salaries_insertion",),
    "part_habitants_quartier": ("salaries_insertion",),
    "heures_formation": ("salaries_insertion",), "chiffre_affaires": ("ventes",),
    "taux_autofinancement": ("ventes", "financements"),
    "part_masse_salariale": ("masse_salariale", "charges"),
    "part_recettes_commerciales_aci": ("ventes", "masse_salariale", "charges"),
    "aide_au_poste_recue": ("financements",),
    "dependance_financements_publics": ("ventes", "financements"),
    "concentration_clients": ("ventes",),
    "marge_nette": ("ventes", "financements", "masse_salariale", "charges"),
    "cout_par_parcours": ("financements", "salaries_insertion"),
    "cout_par_sortie_dynamique": ("financements", "sorties"),
    "part_habitants_ca": ("gouvernance",), "colleges_representes": ("gouvernance",),
    "benevoles": ("benevoles",), "heures_benevolat": ("benevoles",),
}
TREND_INDICATORS = ("taux_sorties_dynamiques", "chiffre_affaires", "taux_autofinancement",
                    "dependance_financements_publics", "etp_insertion", "part_habitants_ca")
RADAR: dict[str, tuple[tuple[str, float], ...]] = {
    "sociale": (("taux_sorties_dynamiques", 60.0), ("taux_sorties_durables", 25.0)),
    "participative": (("part_habitants_ca", 50.0), ("colleges_representes", 3.0)),
    "développement économique": (("taux_autofinancement", 50.0),
                                 ("concentration_clients", 0.85)),
    "inclusion": (("part_residents_qpv_entrants", 50.0), ("part_habitants_quartier", 30.0)),
}
COLLEGES = ("habitants", "collectivites", "bailleurs")
#: Columns each table must have besides « annee » (others, such as « duree_mois », are optional).
REQUIRED: dict[str, tuple[str, ...]] = {
    "sorties": ("type_sortie",), "salaries_insertion": (),
    "ventes": ("type_client", "client", "montant"), "financements": ("nature", "montant"),
    "masse_salariale": ("montant",), "charges": ("montant",),
    "gouvernance": ("college", "sieges"), "benevoles": ("benevoles", "heures"),
}
TABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
TERRITORY_SAMPLE = "territoire_exemple"


@dataclass(frozen=True)
class YearView:
    """Everything the dashboard shows for one structure and one year."""

    year: int
    values: dict[str, float | None]
    exits: dict[str, int] = field(default_factory=dict)
    sales: pd.DataFrame | None = None
    income: pd.DataFrame | None = None
    missing: tuple[str, ...] = ()


def _key(column: object) -> str:
    return "_".join(fold(str(column)).replace("'", " ").split())


def normalise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the table with its headers folded (no case, accents nor spaces).

    « Année » → « annee », « Type sortie » → « type_sortie ».
    """
    renamed = frame.rename(columns=_key)
    renamed.attrs = dict(frame.attrs)
    return renamed


def identify_table(frame: pd.DataFrame) -> str | None:
    """Return the sample table a frame looks like (« sorties », « ventes »…), or None."""
    columns = {_key(c) for c in frame.columns}
    for name, needed in SIGNATURES:
        if set(needed) <= columns:
            return name
    return None


def read_own_file(content: bytes, name: str, max_bytes: int = UPLOAD_MAX_BYTES
                  ) -> tuple[str, pd.DataFrame]:
    """Read an uploaded file and recognise its table.

    Returns
    -------
    tuple
        The table's name (« sorties »…) and the table, headers normalised.

    Raises
    ------
    DataError
        Too big, unreadable (the message of :func:`read_table`, naming file, line, column),
        unrecognised columns or no year column.
    """
    if len(content) > max_bytes:
        mo = [f"{n / 1024 / 1024:.1f}".replace(".", ",") for n in (len(content), max_bytes)]
        raise DataError(ti.UPLOAD_TOO_BIG.format(name=name, size=mo[0], limit=mo[1]))
    frame = normalise_columns(read_table(content, name=name, max_bytes=max_bytes))
    table = identify_table(frame)
    if table is None:
        expected = " ; ".join(", ".join(cols) for _, cols in SIGNATURES[:4])
        raise DataError(ti.UPLOAD_UNKNOWN.format(
            name=name, columns=", ".join(map(str, frame.columns)), expected=expected))
    if table != "partenaires" and YEAR not in frame.columns:
        raise DataError(ti.UPLOAD_NO_YEAR.format(name=name))
    for year in years({table: frame}):  # every cell checked now: file, line and column named
        year_view({table: frame}, year)
    return table, frame


def _table_files(folder: str | Path) -> list[Path]:
    path = Path(folder)
    if not path.is_dir():
        return []
    return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
                  and p.suffix.lower() in TABLE_SUFFIXES)


def own_or_sample(name: str, folder: str | Path = OWN_FOLDER, sample: str = SAMPLE) -> Path:
    """Return the trainee's file ``folder/name``, or the sample's when the folder has no table.

    Raises
    ------
    DataError
        The folder holds the trainee's tables but not this one: own figures are never
        completed silently with the sample's (use :func:`load_tables`, which recognises files
        by their columns whatever their names).
    """
    own = Path(folder) / name
    if own.is_file():
        return own
    present = _table_files(folder)
    if present:
        raise DataError(ti.OWN_FILE_ABSENT.format(
            name=name, folder=folder, files=", ".join(p.name for p in present)))
    return content_dir() / sample / name


@dataclass(frozen=True)
class LoadedTables:
    """The tables of one structure, and where they come from (never a silent mix)."""

    tables: dict[str, pd.DataFrame]
    files: dict[str, str]
    origin: str
    errors: dict[str, str] = field(default_factory=dict)
    territory: dict[str, pd.DataFrame] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        """Return one table (« sorties »…); a French DataError when the files lack it."""
        if name not in self.tables:
            raise DataError(ti.TABLE_ABSENT.format(table=name, origin=self.origin))
        return self.tables[name]

    @property
    def source(self) -> str:
        """The source to quote beside every figure computed from these tables."""
        if self.origin == ti.ORIGIN_SAMPLE:
            return ti.SAMPLE_SOURCE
        return ti.OWN_SOURCE.format(names=", ".join(self.files.values()))

    def __repr__(self) -> str:
        lines = [ti.LOADED_ORIGIN.format(origin=self.origin)]
        lines += [ti.LOADED_TABLE.format(table=t, name=self.files[t], rows=len(f))
                  for t, f in self.tables.items()]
        lines += [ti.LOADED_TERRITORY.format(name=n, rows=len(f))
                  for n, f in self.territory.items()]
        lines += [ti.LOADED_ERROR.format(message=m) for m in self.errors.values()]
        return "\n".join(lines)


def load_tables(folder: str | Path = OWN_FOLDER, sample: str = SAMPLE) -> LoadedTables:
    """Read every table file of ``folder``, recognised by its columns (not by its name).

    When the folder holds no table file, the sample's tables are returned with ``origin``
    « exemple ». Otherwise only the trainee's files are used (« mes données »): a table that
    is absent stays absent (its indicators are « donnée absente »), a file that fails is kept
    in ``errors`` (file name → French message naming line and column), never replaced by the
    sample. Files of INSEE / SIG Ville (a QPV code column) go to ``territory``.
    """
    paths = _table_files(folder)
    if not paths:
        sample_tables = load_sample(sample)
        territory_dir = content_dir() / TERRITORY_SAMPLE
        return LoadedTables({k: normalise_columns(v) for k, v in sample_tables.items()},
                            {k: f"{k}.csv" for k in sample_tables}, ti.ORIGIN_SAMPLE,
                            territory={p.name: read_table(p)
                                       for p in _table_files(territory_dir)})
    tables: dict[str, pd.DataFrame] = {}
    territory: dict[str, pd.DataFrame] = {}
    files: dict[str, str] = {}
    errors: dict[str, str] = {}
    for path in paths:
        try:
            content = path.read_bytes()
            frame = read_table(content, name=path.name, max_bytes=UPLOAD_MAX_BYTES)
            if identify_table(frame) is None and _is_territory(frame):
                territory[path.name] = frame
                continue
            table, frame = read_own_file(content, path.name)
        except CompanionError as error:
            errors[path.name] = str(error)
            continue
        if table in tables:
            errors[path.name] = ti.OWN_TABLE_TWICE.format(name=path.name, table=table,
                                                          first=files[table])
            continue
        tables[table], files[table] = frame, path.name
    return LoadedTables(tables, files, ti.ORIGIN_OWN, errors, territory)


def _is_territory(frame: pd.DataFrame) -> bool:
    from companion.indicators.territory import CODE_COLUMNS

    return any(str(c).strip().upper() in CODE_COLUMNS for c in frame.columns)


def prepare_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Return the tables with headers matched without case or accents (« Année » → annee).

    Each table is first checked to have the columns its indicators need.

    Raises
    ------
    DataError
        A column is missing: the French message names the table's file and the column.
    """
    prepared = {}
    for name, table in tables.items():
        frame = normalise_columns(table)
        if name in REQUIRED:
            for column in (YEAR, *REQUIRED[name]):
                if column not in frame.columns:
                    raise DataError(ti.MISSING_COLUMN.format(
                        source=table.attrs.get("source", name), table=name, column=column,
                        columns=", ".join(map(str, table.columns))))
        prepared[name] = frame
    return prepared


def years(tables: Mapping[str, pd.DataFrame]) -> list[int]:
    """Return every year found in the tables' « annee » column, in order."""
    found: set[int] = set()
    for table in tables.values():
        table = normalise_columns(table)
        if YEAR in table.columns:
            found.update(int(y) for y in pd.to_numeric(table[YEAR], errors="coerce").dropna())
    return sorted(found)


def _of_year(table: pd.DataFrame, year: int) -> pd.DataFrame:
    return table[pd.to_numeric(table[YEAR], errors="coerce") == year]


def _has(tables: Mapping[str, pd.DataFrame], *names: str) -> bool:
    return all(n in tables and YEAR in tables[n].columns for n in names)


def year_view(tables: Mapping[str, pd.DataFrame], year: int) -> YearView:
    """Compute the values, exits, sales and income of one year from the available tables.

    Headers are matched without case or accents; a missing column is a French
    :class:`DataError` naming it (see :func:`prepare_tables`).
    """
    tables = prepare_tables(tables)
    values: dict[str, float | None] = {}
    exits: dict[str, int] = {}
    if _has(tables, "sorties"):
        rates = exit_rates(_of_year(tables["sorties"], year))
        values.update(sortants=rates["sortants"], taux_sorties_dynamiques=rates["taux_dynamiques"],
                      taux_sorties_durables=rates["taux_durables"],
                      taux_sorties_transition=rates["taux_transition"],
                      taux_sorties_positives=rates["taux_positives"])
        exits = {k: int(rates[k]) for k in ("durables", "transition", "positives")}
        exits["autres"] = int(rates["sortants"] - rates["dynamiques"])
    if _has(tables, "salaries_insertion"):
        values.update(_employees(_of_year(tables["salaries_insertion"], year)))
    sales = income = None
    if _has(tables, "ventes"):
        ventes = tables["ventes"]
        values["chiffre_affaires"] = eco.turnover(ventes, year)
        values["concentration_clients"] = eco.client_concentration(ventes, year)
        sales = eco.sales_by_client_type(ventes, year)
    if _has(tables, "financements"):
        funding = tables["financements"]
        rows = _of_year(funding, year)
        aid = rows["nature"].map(lambda v: fold(str(v)) == "aide au poste")
        values["aide_au_poste_recue"] = float(rows.loc[aid, "montant"].sum())
        if _has(tables, "ventes"):
            values["taux_autofinancement"] = eco.self_financing_rate(tables["ventes"], funding,
                                                                     year)
            values["dependance_financements_publics"] = eco.public_funding_dependence(
                tables["ventes"], funding, year)
            income = income_frame(tables["ventes"], funding, year)
        if _has(tables, "salaries_insertion"):
            values["cout_par_parcours"] = eco.cost_per_pathway(
                funding, tables["salaries_insertion"], year)
        if _has(tables, "sorties"):
            values["cout_par_sortie_dynamique"] = eco.cost_per_dynamic_exit(
                funding, tables["sorties"], year)
    if _has(tables, "masse_salariale", "charges"):
        values["part_masse_salariale"] = eco.payroll_share(tables["masse_salariale"],
                                                           tables["charges"], year)
        if _has(tables, "ventes"):
            values["part_recettes_commerciales_aci"] = eco.aci_commercial_share(
                tables["ventes"], tables["masse_salariale"], tables["charges"], year)
        if _has(tables, "ventes", "financements"):
            values["marge_nette"] = eco.net_margin(tables["ventes"], tables["financements"],
                                                   tables["masse_salariale"], tables["charges"],
                                                   year)
    if _has(tables, "gouvernance"):
        values.update(_board(_of_year(tables["gouvernance"], year)))
    if _has(tables, "benevoles"):
        rows = _of_year(tables["benevoles"], year)
        values["benevoles"] = float(rows["benevoles"].sum())
        values["heures_benevolat"] = float(rows["heures"].sum())
    missing = sorted({t for ident, needs in NEEDS.items() if ident not in values
                      for t in needs if t not in tables})
    return YearView(year, values, exits, sales, income, tuple(missing))


#: Keys of :func:`~companion.indicators.insertion.exit_rates` that are catalogue indicators.
EXIT_RATE_IDS = {"taux_dynamiques": "taux_sorties_dynamiques",
                 "taux_durables": "taux_sorties_durables",
                 "taux_transition": "taux_sorties_transition",
                 "taux_positives": "taux_sorties_positives"}


def figures_table(values: Mapping[str, Any], year: int, source: str) -> pd.DataFrame:
    """Return figures as people read them, in catalogue order.

    Each figure has its French value with its unit (« 62 % », never 61.538…), unit, vintage
    (« exercice 2024 ») and source.

    ``values`` is :attr:`YearView.values` or the dict of
    :func:`~companion.indicators.insertion.exit_rates`; keys outside the catalogue are left out.
    """
    known = {EXIT_RATE_IDS.get(k, k): v for k, v in values.items()}
    rows = [(e.label, e.format(None if known[e.id] is None else float(known[e.id])), e.unit,
             ti.FISCAL_YEAR.format(year=year), source)
            for e in load_catalogue().values() if e.id in known]
    return pd.DataFrame(rows, columns=["indicateur", "valeur", "unité", "millésime", "source"])


def _employees(rows: pd.DataFrame) -> dict[str, float | None]:
    found: dict[str, float | None] = {}
    if "heures_travaillees" in rows.columns:
        found["etp_insertion"] = etp(float(rows["heures_travaillees"].sum()))
    if "heures_formation" in rows.columns:
        found["heures_formation"] = float(rows["heures_formation"].sum())
    if "residant_qpv" in rows.columns and "entree_dans_annee" in rows.columns:
        entrants = rows[rows["entree_dans_annee"].map(lambda v: fold(str(v)) in {"oui", "1"})]
        found["part_residents_qpv_entrants"] = share_yes(entrants, "residant_qpv")
    if "habitant_du_quartier" in rows.columns:
        found["part_habitants_quartier"] = share_yes(rows, "habitant_du_quartier")
    return found


def _board(rows: pd.DataFrame) -> dict[str, float | None]:
    seats = rows.groupby(rows["college"].map(lambda v: fold(str(v))))["sieges"].sum()
    return {"part_habitants_ca": percent(float(seats.get("habitants", 0)), float(seats.sum())),
            "colleges_representes": float(sum(seats.get(c, 0) > 0 for c in COLLEGES))}


def income_frame(sales: pd.DataFrame, funding: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the income of a year by nature: sales, aides au poste, subsidies, other income."""
    rows = _of_year(funding, year)
    by_nature = rows.groupby(rows["nature"].map(lambda v: fold(str(v))))["montant"].sum()
    natures = {"ventes": eco.turnover(sales, year)}
    for nature in ("aide au poste", "subvention", "autre produit"):
        natures[nature] = float(by_nature.get(nature, 0.0))
    for nature, amount in by_nature.items():
        natures.setdefault(str(nature), float(amount))
    total = sum(natures.values())
    return pd.DataFrame({"nature": list(natures), "montant": list(natures.values()),
                         "part": [percent(v, total) for v in natures.values()]}
                        ).astype({"part": "float64"})


def trend_frame(views: Mapping[int, YearView], indicators: tuple[str, ...] = TREND_INDICATORS
                ) -> pd.DataFrame:
    """Return the indicators year by year: columns « année », « indicateur », « valeur »."""
    rows = [(year, ident, views[year].values.get(ident)) for year in sorted(views)
            for ident in indicators]
    return pd.DataFrame(rows, columns=["année", "indicateur", "valeur"]).astype(
        {"valeur": "float64"})


def _defined(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value)


def radar_scores(values: Mapping[str, float | None],
                 references: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Return the score of each of the four dimensions (see the module's docstring).

    Returns
    -------
    pandas.DataFrame
        Columns « dimension », « score » (0–100, NaN when not computable), « indicateurs »
        (how many were used).
    """
    refs = {ident: ref for parts in RADAR.values() for ident, ref in parts} | dict(
        references or {})
    rows = []
    for dimension, parts in RADAR.items():
        scores = []
        for ident, _ in parts:
            value = values.get(ident)
            if value is None or not _defined(value) or not refs[ident] > 0:
                continue
            shown = 1.0 - float(value) if ident == "concentration_clients" else float(value)
            scores.append(min(100.0, max(0.0, 100.0 * shown / refs[ident])))
        rows.append((dimension, sum(scores) / len(scores) if scores else math.nan, len(scores)))
    return pd.DataFrame(rows, columns=["dimension", "score", "indicateurs"])


# --- targets ----------------------------------------------------------------------------------


def _target_records(store: Store, session: str, group: str | None) -> list[Record]:
    return [r for r in store.list_records(session, TARGET_KIND, include_hidden=False)
            if r.group == group]


def load_targets(store: Store, session: str, group: str | None = None) -> dict[str, float]:
    """Return the targets set in a session (by one group, or by the trainee alone)."""
    found: dict[str, float] = {}
    for record in _target_records(store, session, group):
        value = record.get("value")
        if record.get("indicator") and _defined(value):
            found[str(record.get("indicator"))] = float(value)
    return found


def set_target(store: Store, session: str, indicator: str, value: float, *,
               group: str | None = None, author: str = "") -> Record:
    """Set (or change) the target of one indicator; returns the stored record."""
    if indicator not in load_catalogue():
        raise InputError(ti.CATALOGUE_UNKNOWN.format(ident=indicator))
    if not _defined(value):
        raise InputError(ti.TARGET_BAD_VALUE.format(value=value))
    data = {"indicator": indicator, "value": float(value)}
    for record in _target_records(store, session, group):
        if record.get("indicator") == indicator:
            return store.update_record(record.uid, actor=author or "stagiaire", data=data,
                                       expected_version=record.version)
    return store.add_record(session, TARGET_KIND, data, group=group, author=author)


def remove_target(store: Store, session: str, indicator: str, *, group: str | None = None,
                  author: str = "") -> bool:
    """Hide the target of one indicator (nothing is deleted); False when there was none."""
    hidden = False
    for record in _target_records(store, session, group):
        if record.get("indicator") == indicator:
            store.update_record(record.uid, actor=author or "stagiaire", hidden=True,
                                expected_version=record.version)
            hidden = True
    return hidden


def targets_table(values: Mapping[str, float | None], targets: Mapping[str, float]
                  ) -> pd.DataFrame:
    """Return actual vs target for every value (« objectif non paramétré » when none)."""
    catalogue = load_catalogue()
    known = {k: v for k, v in values.items() if k in catalogue}
    return compare_to_targets(known, {k: v for k, v in targets.items() if k in catalogue})


# --- SROI ----------------------------------------------------------------------------------------

SAMPLE_INPUTS = 120_000.0
SAMPLE_OUTCOMES = (
    # outcome, quantity, proxy €, duration, deadweight, displacement, attribution, drop_off
    ("Retour à l'emploi durable", 7, 15_000, 3, 0.25, 0.05, 0.20, 0.30),
    ("Accès à une formation qualifiante", 6, 4_000, 2, 0.20, 0.0, 0.30, 0.50),
    ("Lien social et tranquillité du quartier", 300, 60, 1, 0.30, 0.0, 0.40, 0.0),
)
SROI_COLUMNS = ("outcome", "quantity", "proxy", "duration", "deadweight", "displacement",
                "attribution", "drop_off")


def sample_outcomes() -> pd.DataFrame:
    """Return fictitious SROI assumptions for the sample Régie (to edit, not to quote)."""
    return pd.DataFrame(SAMPLE_OUTCOMES, columns=list(SROI_COLUMNS))
