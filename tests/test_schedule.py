"""The current or next sequence, from the clock."""

from __future__ import annotations

from datetime import date, datetime

from companion.content.course import load_programme
from companion.content.schedule import position

PROGRAMME = load_programme()
DAY1 = date(2026, 11, 30)


def test_a_running_sequence_is_highlighted() -> None:
    where = position(PROGRAMME, datetime(2026, 11, 30, 10, 45), DAY1)
    assert where.running and where.sequence is not None
    assert "Remue-méninges » 1" in where.sequence.title


def test_overlapping_sequences_pick_the_latest_started() -> None:
    where = position(PROGRAMME, datetime(2026, 11, 30, 9, 50), DAY1)
    assert where.running and where.sequence.title.startswith("Introduction")  # type: ignore[union-attr]


def test_before_the_course_the_first_sequence_is_next() -> None:
    where = position(PROGRAMME, datetime(2026, 11, 29, 18, 0), DAY1)
    assert not where.running and where.sequence == PROGRAMME.sequences[0]


def test_evening_of_day_one_points_to_day_two_morning() -> None:
    where = position(PROGRAMME, datetime(2026, 11, 30, 18, 0), DAY1)
    assert not where.running and where.sequence is not None
    assert (where.sequence.day, where.sequence.start.hour) == (2, 9)


def test_day_two_and_after_the_end() -> None:
    where = position(PROGRAMME, datetime(2026, 12, 1, 14, 30), DAY1)
    assert where.running and "Table ronde" in where.sequence.title  # type: ignore[union-attr]
    assert position(PROGRAMME, datetime(2026, 12, 1, 17, 0), DAY1).sequence is None
    assert position(PROGRAMME, datetime(2026, 12, 5, 10, 0), DAY1).sequence is None


def test_without_dates_the_clock_is_read_as_day_one() -> None:
    where = position(PROGRAMME, datetime(2026, 1, 5, 14, 30))
    assert where.running and "Remue-méninges » 2" in where.sequence.title  # type: ignore[union-attr]
