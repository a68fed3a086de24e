"""The needs / responses grid (« grille besoins / réponses »): pure logic.

Each line is a record of kind ``need``: besoin social, public concerné, source / évidence,
réponse existante, porteur, écart, activité ESS possible, modèle économique (marché,
subvention, mixte — a list in ``data/diagnostic.toml``) and partenaires.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.core.model import Record
from companion.core.text import clean_text
from companion.diagnosis.afom import pick
from companion.store import Store
from companion.texts import diagnosis as td

if TYPE_CHECKING:
    import pandas as pd

NEED = "need"
FIELDS = tuple(td.NEEDS_FIELDS)
"""Data keys, in the order of the grid: besoin, public, evidence, … partenaires."""
MAX_FIELD = 500


def clean_need(fields: Mapping[str, Any],
               content: DiagnosticContent | None = None) -> dict[str, str]:
    """Return the validated data of a line; only « besoin » is required."""
    content = content or diagnostic_content()
    data = {}
    for key in FIELDS:
        label = td.NEEDS_FIELDS[key]
        if key == "modele":
            data[key] = pick(fields.get(key), content.models, label, required=False)
        else:
            data[key] = clean_text(str(fields.get(key) or ""), limit=MAX_FIELD,
                                   required=key == "besoin", field=label)
    return data


def add_need(store: Store, session: str, *, group: str | None = None, author: str = "",
             **fields: Any) -> Record:
    """Validate and store a line of the grid."""
    return store.add_record(session, NEED, clean_need(fields), group=group, author=author)


def needs(store: Store, session: str) -> list[Record]:
    """Return the visible lines of a session, in the order they were added."""
    return [r for r in store.list_records(session, NEED) if not r.hidden and not r.merged_into]


def need_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Return one dict per line, the rows of :func:`needs_frame` (plain data, no pandas)."""
    return [{**{k: r.get(k, "") for k in FIELDS}, "sous_groupe": r.group or "", "uid": r.uid}
            for r in records]


def needs_frame(records: Iterable[Record]) -> pd.DataFrame:
    """Return one row per line, columns in grid order plus ``sous_groupe`` and ``uid``."""
    import pandas as pd

    return pd.DataFrame(need_rows(records), columns=[*FIELDS, "sous_groupe", "uid"])


def gaps(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the lines with no existing response or with a stated gap (where ESS may act)."""
    if frame.empty:
        return frame
    no_answer = frame["reponse_existante"].str.strip() == ""
    stated = frame["ecart"].str.strip() != ""
    return frame[no_answer | stated].reset_index(drop=True)


def by_model(frame: pd.DataFrame) -> dict[str, int]:
    """Return how many lines plan each economic model ("" = not said)."""
    return {str(k): int(v) for k, v in frame["modele"].value_counts().items()} if len(frame) else {}
