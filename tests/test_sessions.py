"""The one rule that decides which session a page serves (pure: query + store + solo mode)."""

from __future__ import annotations

from companion.core.model import TRAINER
from companion.store import Store
from companion.store.sessions import PersonalSession, query_code, resolve_session

MINE = PersonalSession("TERRITOIRE", "Mon territoire")


def test_the_code_of_the_address_wins_over_the_active_session(store: Store,
                                                              session_code: str) -> None:
    store.create_session("AUTRE2", "Autre", actor=TRAINER)
    found = resolve_session(store, {"session": " autre2 "}, solo=True, personal=MINE)
    assert found.session is not None and found.session.code == "AUTRE2"
    assert not found.personal and found.problem == ""
    assert query_code({"session": " autre2 "}) == "AUTRE2" and query_code({}) == ""


def test_an_unknown_code_is_an_error_even_in_solo_mode(store: Store, session_code: str) -> None:
    found = resolve_session(store, {"session": "NOPE99"}, solo=True, personal=MINE)
    assert found.session is None and found.level == "erreur"
    assert "NOPE99" in found.problem and "n'existe pas" in found.problem
    assert store.get_session("TERRITOIRE") is None  # no personal session made for a typo


def test_without_code_the_active_session(store: Store, session_code: str) -> None:
    found = resolve_session(store, {})
    assert found.session is not None and found.session.code == session_code


def test_no_session_says_so(store: Store) -> None:
    found = resolve_session(store, {})
    assert found.session is None and found.level == "info"
    assert "Aucune session" in found.problem
    # With a trainer code configured (not solo), a page never makes a personal session…
    assert resolve_session(store, {}, personal=MINE).session is None
    # …and a page that offers none says that no session is active, even in solo mode.
    assert resolve_session(store, {}, solo=True).session is None
    assert store.list_sessions() == []


def test_solo_mode_makes_the_personal_session_once(store: Store) -> None:
    first = resolve_session(store, {}, solo=True, personal=MINE)
    assert first.session is not None and first.session.code == "TERRITOIRE"
    assert first.personal and first.problem == ""
    again = resolve_session(store, {}, solo=True, personal=MINE)
    assert again.session is not None and again.session.code == "TERRITOIRE" and again.personal
    assert [s.code for s in store.list_sessions()] == ["TERRITOIRE"]
    assert store.get_session("TERRITOIRE").title == "Mon territoire"  # type: ignore[union-attr]
