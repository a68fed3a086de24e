"""Icebreaker and expectations (« brise-glace », « recueil des attentes »): pure logic.

Validates what a participant typed, writes it to the store, and summarises it for the
trainer's view. No widget here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.core.model import Participant, Record
from companion.core.text import clean_text
from companion.core.words import word_frequencies
from companion.store import Store
from companion.texts import home as th

if TYPE_CHECKING:  # pandas loads only for the trainer's summaries: participant pages stay light
    import pandas as pd

EXPECTATION = "expectation"
MAX_PSEUDONYM = 60
MAX_FIELD = 120
MAX_EXPECTATION = 1000


def register(
    store: Store,
    session: str,
    *,
    pseudonym: str = "",
    function: str = "",
    territory: str = "",
    group: str | None = None,
) -> Participant:
    """Validate and store a participant's registration."""
    return store.add_participant(
        session,
        pseudonym=clean_text(
            pseudonym, limit=MAX_PSEUDONYM, required=False, field=th.FIELD_PSEUDONYM
        ),
        function=clean_text(function, limit=MAX_FIELD, required=True, field=th.FIELD_FUNCTION),
        territory=clean_text(territory, limit=MAX_FIELD, required=True, field=th.FIELD_TERRITORY),
        group=group,
    )


def add_expectation(
    store: Store, session: str, text: str, *, participant: Participant | None = None
) -> Record:
    """Validate and store one expectation (« attente »)."""
    cleaned = clean_text(text, limit=MAX_EXPECTATION, required=True, field=th.FIELD_EXPECTATION)
    return store.add_record(
        session,
        EXPECTATION,
        {"text": cleaned},
        author=participant.pseudonym if participant else "",
        participant_id=participant.id if participant else None,
    )


def expectations(store: Store, session: str) -> list[Record]:
    """Return the session's visible expectations, oldest first."""
    return [r for r in store.list_records(session, EXPECTATION) if not r.hidden]


def participants_frame(participants: list[Participant]) -> pd.DataFrame:
    """Return one row per participant: pseudonyme, fonction, territoire, inscription."""
    import pandas as pd

    return pd.DataFrame(
        {
            "pseudonyme": [p.display_name for p in participants],
            "fonction": [p.function for p in participants],
            "territoire": [p.territory for p in participants],
            "inscription": [p.created_at for p in participants],
        }
    )


def counts_by(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Return how many rows share each value of ``column`` (``effectif``), largest first.

    Values are grouped without regard to case or surrounding spaces; the first spelling seen
    is shown.
    """
    import pandas as pd

    if frame.empty:
        return pd.DataFrame({column: pd.Series(dtype=str), "effectif": pd.Series(dtype=int)})
    keys = frame[column].str.strip().str.casefold()
    shown = frame[column].str.strip().groupby(keys).first()
    counts = keys.value_counts()
    result = pd.DataFrame(
        {column: shown.reindex(counts.index).to_numpy(), "effectif": counts.to_numpy()}
    )
    return result.sort_values(["effectif", column], ascending=[False, True], ignore_index=True)


def expectation_words(records: list[Record]) -> list[tuple[str, int]]:
    """Return the word-cloud terms of the expectations (at most 50)."""
    return word_frequencies(str(r.get("text", "")) for r in records)
