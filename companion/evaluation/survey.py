"""Training evaluation: anonymous survey, live aggregates, expectations covered, quality. Pure.

Survey answers are records of kind ``evaluation`` stored without author or participant. The
expectations of the icebreaker (kind ``expectation``) are marked covered or not through their
``status`` (``couverte`` / ``non_couverte``) by the trainer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.content.course import Programme, programme
from companion.content.files import ContentError, Entry, content_path, entries, read, unique_ids
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.core.text import clean_text
from companion.home.icebreaker import EXPECTATION, expectations
from companion.store import Store
from companion.texts import content as tx_content
from companion.texts import evaluation as tx

if TYPE_CHECKING:
    import pandas as pd

EVALUATION = "evaluation"
COVERED, NOT_COVERED = "couverte", "non_couverte"
LEVELS = ("atteint", "partiellement", "non")
MAX_COMMENT = 2000


@dataclass(frozen=True)
class Item:
    """A rated sequence, a self-assessment theme or an open question: id and title."""

    id: str
    title: str


@dataclass(frozen=True)
class QualityItem:
    """A quality criterion the report documents, with the evidence it draws on."""

    id: str
    title: str
    wording: str
    evidence: str
    source: str


@dataclass(frozen=True)
class Survey:
    """The questionnaire: rated sequences, objectives, themes, open questions, quality items."""

    title: str
    scale: tuple[str, ...]
    self_scale: str
    sequences: tuple[Item, ...]
    objectives: tuple[str, ...]
    themes: tuple[Item, ...]
    comments: tuple[Item, ...]
    quality: tuple[QualityItem, ...]

    def rated(self) -> tuple[Item, ...]:
        """Return the rated items: the sequences then the overall satisfaction."""
        return (*self.sequences, Item(tx.OVERALL_ID, tx.OVERALL))


def load_survey(path: Path | None = None, content: Programme | None = None) -> Survey:
    """Read and validate ``data/evaluation.toml``; the objectives come from the programme."""
    path = content_path("evaluation.toml", path)
    data = read(path)
    top = Entry(path, tx_content.WHERE_HEADER, data)
    scale = top.texts("echelle")
    if len(scale) != 5:
        top.fail(tx.SURVEY_BAD_SCALE)
    if tuple(top.texts("niveaux_objectif")) != LEVELS:
        top.fail(tx.SURVEY_BAD_LEVELS.format(levels=list(LEVELS)))

    def items(key: str, label: str) -> tuple[Item, ...]:
        found = [Item(e.text("id"), e.text("titre")) for e in entries(path, data, key, label)]
        unique_ids(path, found, label)
        return tuple(found)

    quality = []
    for e in entries(path, data, "qualite", tx.SURVEY_LABEL_QUALITY):
        evidence = e.text("preuve")
        if evidence not in tx.QUALITY_EVIDENCE:
            e.fail(tx.SURVEY_BAD_EVIDENCE.format(evidence=", ".join(tx.QUALITY_EVIDENCE)))
        quality.append(QualityItem(e.text("id"), e.text("titre"), e.text("libelle"), evidence,
                                   e.text("source")))
    sequences = items("sequence", tx.SURVEY_LABEL_SEQUENCE)
    if any(s.id == tx.OVERALL_ID for s in sequences):
        raise ContentError(tx.SURVEY_RESERVED_ID.format(name=path.name, id=tx.OVERALL_ID))
    return Survey(title=top.text("titre"), scale=scale,
                  self_scale=top.text("echelle_positionnement"), sequences=sequences,
                  objectives=(content or programme()).objectives,
                  themes=items("theme", tx.SURVEY_LABEL_THEME),
                  comments=items("commentaire", "commentaire"), quality=tuple(quality))


@cache
def survey() -> Survey:
    """Return the default survey (read once per process)."""
    return load_survey()


def _score(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError(tx.BAD_SCORE.format(label=label, value=value))
    try:
        number = int(value)
    except ValueError:
        raise InputError(tx.BAD_SCORE.format(label=label, value=value)) from None
    if not 1 <= number <= 5:
        raise InputError(tx.BAD_SCORE.format(label=label, value=value))
    return number


def _scores(given: Mapping[str, Any] | None, items: tuple[Item, ...]) -> dict[str, int]:
    known = {i.id: i.title for i in items}
    result = {}
    for key, value in (given or {}).items():
        if key not in known:
            raise InputError(tx.UNKNOWN_ITEM.format(item=key))
        score = _score(value, known[key])
        if score is not None:
            result[key] = score
    return result


def validate_response(s: Survey, *, satisfaction: Mapping[str, Any] | None = None,
                      objectives: Mapping[int, Any] | None = None,
                      before: Mapping[str, Any] | None = None,
                      after: Mapping[str, Any] | None = None,
                      comments: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return the record data of one survey response; French InputError when invalid.

    ``satisfaction`` maps sequence ids (and ``globale``, required) to 1–5; ``objectives`` maps
    objective numbers (1–7) to « atteint », « partiellement » or « non ».
    """
    rated = _scores(satisfaction, s.rated())
    if tx.OVERALL_ID not in rated:
        raise InputError(tx.OVERALL_MISSING)
    levels = {}
    for number, level in (objectives or {}).items():
        if level in (None, ""):
            continue
        if not (isinstance(number, int) and 1 <= number <= len(s.objectives)) or \
                level not in LEVELS:
            raise InputError(tx.BAD_LEVEL.format(number=number, value=level))
        levels[str(number)] = level
    known = {c.id: c.title for c in s.comments}
    texts = {}
    for key, text in (comments or {}).items():
        if key not in known:
            raise InputError(tx.UNKNOWN_ITEM.format(item=key))
        cleaned = clean_text(text, limit=MAX_COMMENT, required=False, field=known[key])
        if cleaned:
            texts[key] = cleaned
    return {"satisfaction": rated, "objectives": levels, "before": _scores(before, s.themes),
            "after": _scores(after, s.themes), "comments": texts}


def submit_response(store: Store, session: str, s: Survey, *, respondent: str | None = None,
                    **answers: Any) -> Record:
    """Validate and store one anonymous response (no author, no pseudonym).

    ``respondent`` (an id for this purpose only, see
    :func:`companion.core.visitor.purpose_id`) allows one response per person: a second one
    is refused, checked in the write's own transaction. Without it (a notebook in
    JupyterLab) responses are not counted per person.
    """
    data = validate_response(s, **answers)
    if respondent is None:
        return store.add_record(session, EVALUATION, data)

    def once(earlier: list[Record]) -> None:
        if earlier:
            raise InputError(tx.ALREADY_ANSWERED)

    return store.add_record_checked(session, EVALUATION, data, once, participant_id=respondent)


def responses(store: Store, session: str) -> list[Mapping[str, Any]]:
    """Return the data of the session's visible survey responses."""
    return [r.data for r in store.list_records(session, EVALUATION) if not r.hidden]


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def satisfaction_table(answers: list[Mapping[str, Any]], s: Survey) -> pd.DataFrame:
    """Return per rated item: answers, mean, share ≥ 4 (%), and counts of notes 1 to 5.

    With no answer the mean and share are None (shown « — »), never 0.
    """
    import pandas as pd

    rows = []
    for item in s.rated():
        scores = [int(a.get("satisfaction", {})[item.id]) for a in answers
                  if item.id in a.get("satisfaction", {})]
        row: dict[str, Any] = {
            tx.COL_ITEM: item.title, tx.COL_ANSWERS: len(scores),
            tx.COL_MEAN: round(sum(scores) / len(scores), 2) if scores else None,
            tx.COL_SHARE4: _pct(sum(v >= 4 for v in scores), len(scores)),
        }
        row.update({str(n): scores.count(n) for n in range(1, 6)})
        rows.append(row)
    return pd.DataFrame(rows, columns=[tx.COL_ITEM, tx.COL_ANSWERS, tx.COL_MEAN, tx.COL_SHARE4,
                                       *map(str, range(1, 6))])


def objectives_table(answers: list[Mapping[str, Any]], s: Survey) -> pd.DataFrame:
    """Return per objective: counts « atteint / partiellement / non » and the share reached."""
    import pandas as pd

    rows = []
    for number, objective in enumerate(s.objectives, start=1):
        given = [a.get("objectives", {}).get(str(number)) for a in answers]
        counts = {level: given.count(level) for level in LEVELS}
        total = sum(counts.values())
        rows.append({tx.COL_OBJECTIVE: f"{number}. {objective}", tx.COL_REACHED: counts["atteint"],
                     tx.COL_PARTIAL: counts["partiellement"], tx.COL_NOT: counts["non"],
                     tx.COL_ANSWERS: total,
                     tx.COL_SHARE_REACHED: _pct(counts["atteint"], total)})
    return pd.DataFrame(rows, columns=[tx.COL_OBJECTIVE, tx.COL_REACHED, tx.COL_PARTIAL,
                                       tx.COL_NOT, tx.COL_ANSWERS, tx.COL_SHARE_REACHED])


def progress_table(answers: list[Mapping[str, Any]], s: Survey) -> pd.DataFrame:
    """Return per theme: mean before, mean after, and the mean gain over paired answers."""
    import pandas as pd

    rows = []
    for theme in s.themes:
        before = [a["before"][theme.id] for a in answers if theme.id in a.get("before", {})]
        after = [a["after"][theme.id] for a in answers if theme.id in a.get("after", {})]
        pairs = [a["after"][theme.id] - a["before"][theme.id] for a in answers
                 if theme.id in a.get("before", {}) and theme.id in a.get("after", {})]
        rows.append({tx.COL_THEME: theme.title,
                     tx.COL_BEFORE: round(sum(before) / len(before), 2) if before else None,
                     tx.COL_AFTER: round(sum(after) / len(after), 2) if after else None,
                     tx.COL_GAIN: round(sum(pairs) / len(pairs), 2) if pairs else None,
                     tx.COL_PAIRS: len(pairs)})
    return pd.DataFrame(rows, columns=[tx.COL_THEME, tx.COL_BEFORE, tx.COL_AFTER, tx.COL_GAIN,
                                       tx.COL_PAIRS])


def comments_table(answers: list[Mapping[str, Any]], s: Survey) -> pd.DataFrame:
    """Return every free comment with its question."""
    import pandas as pd

    rows = [{tx.COL_QUESTION: c.title, tx.COL_COMMENT: a["comments"][c.id]}
            for c in s.comments for a in answers if c.id in a.get("comments", {})]
    return pd.DataFrame(rows, columns=[tx.COL_QUESTION, tx.COL_COMMENT])


# --- expectations covered --------------------------------------------------------------------
def mark_expectation(store: Store, uid: str, covered: bool | None) -> Record:
    """Mark an icebreaker expectation covered (True), not covered (False) or unjudged (None)."""
    record = store.get_record(uid)
    if record.kind != EXPECTATION:
        raise InputError(tx.NOT_AN_EXPECTATION)
    status = "" if covered is None else COVERED if covered else NOT_COVERED
    return store.update_record(uid, actor=TRAINER, status=status)


@dataclass(frozen=True)
class Coverage:
    """How many expectations were judged covered; ``share`` is None when none was judged."""

    total: int
    covered: int
    not_covered: int

    @property
    def marked(self) -> int:
        """Expectations the trainer has judged."""
        return self.covered + self.not_covered

    @property
    def unmarked(self) -> int:
        """Expectations not yet judged."""
        return self.total - self.marked

    @property
    def share(self) -> float | None:
        """Share covered among those judged (%), None when none was judged."""
        return _pct(self.covered, self.marked)

    def sentence(self) -> str:
        """Return the French summary sentence."""
        if not self.total:
            return tx.COVERAGE_NONE
        return tx.COVERAGE_SHARE.format(covered=self.covered, marked=self.marked,
                                        share=percent(self.share), unmarked=self.unmarked,
                                        total=self.total)


def coverage(records: list[Record]) -> Coverage:
    """Return the coverage of the given (visible) expectations."""
    return Coverage(total=len(records), covered=sum(r.status == COVERED for r in records),
                    not_covered=sum(r.status == NOT_COVERED for r in records))


def coverage_table(records: list[Record]) -> pd.DataFrame:
    """Return one row per expectation with its author and its coverage state."""
    import pandas as pd

    label = {COVERED: tx.COVERED, NOT_COVERED: tx.NOT_COVERED}
    return pd.DataFrame(
        [{tx.COL_EXPECTATION: str(r.get("text", "")), tx.COL_AUTHOR: r.author,
          tx.COL_COVERED: label.get(r.status, tx.UNMARKED)} for r in records],
        columns=[tx.COL_EXPECTATION, tx.COL_AUTHOR, tx.COL_COVERED],
    )


def session_coverage(store: Store, session: str) -> Coverage:
    """Return the coverage of the session's visible expectations."""
    return coverage(expectations(store, session))


# --- quality file ------------------------------------------------------------------------------
def percent(value: float | None) -> str:
    """Return « 67 % » (French spacing), or « — » when undefined."""
    if value is None or value != value:  # None or NaN
        return tx.UNDEFINED
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} %"


def number(value: float | None) -> str:
    """Return a French decimal (« 4,25 »), or « — » when undefined."""
    if value is None or value != value:  # None or NaN
        return tx.UNDEFINED
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def quality_summary(answers: list[Mapping[str, Any]], s: Survey) -> pd.DataFrame:
    """Return the quality items with this session's evidence.

    The items are Qualiopi 11 and 30, and Kirkpatrick levels 1–2.
    """
    import pandas as pd

    sat = satisfaction_table(answers, s).iloc[-1]
    obj = objectives_table(answers, s)
    given = int(obj[tx.COL_ANSWERS].sum())
    prog = progress_table(answers, s)
    pairs = int(prog[tx.COL_PAIRS].sum())
    gain = (sum(float(g) * int(n) for g, n in zip(prog[tx.COL_GAIN], prog[tx.COL_PAIRS],
                                                    strict=True) if n) / pairs
            if pairs else None)
    evidence = {
        "satisfaction": tx.QUALITY_EVIDENCE["satisfaction"].format(
            mean=number(sat[tx.COL_MEAN]), share4=percent(sat[tx.COL_SHARE4]),
            count=int(sat[tx.COL_ANSWERS])),
        "objectifs": tx.QUALITY_EVIDENCE["objectifs"].format(
            reached=percent(_pct(int(obj[tx.COL_REACHED].sum()), given)),
            partial=percent(_pct(int(obj[tx.COL_PARTIAL].sum()), given)), count=len(answers)),
        "progression": tx.QUALITY_EVIDENCE["progression"].format(
            gain=number(gain), pairs=pairs),
    }
    return pd.DataFrame([{"critère": q.title, "libellé": q.wording,
                          "constat de la session": evidence[q.evidence], "source": q.source}
                         for q in s.quality])
