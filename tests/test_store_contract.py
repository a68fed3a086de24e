"""The store contract: the same tests against every backend (SQLite file, PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.store import Store, open_store
from companion.store.schema import LATEST_VERSION


def test_new_store_is_stamped_with_the_latest_schema(any_store: Store) -> None:
    assert any_store.schema_version() == LATEST_VERSION


def test_reopening_keeps_the_data_and_the_version(any_store_url: str) -> None:
    with open_store(any_store_url) as first:
        first.create_session("REOPEN", "Session", actor=TRAINER)
    with open_store(any_store_url) as second:
        assert second.get_session("REOPEN") is not None
        assert second.schema_version() == LATEST_VERSION


def test_sessions_are_created_activated_and_listed(any_store: Store) -> None:
    made = any_store.create_session(
        "abc123",
        "Module 2.5",
        start=date(2026, 11, 30),
        end=date(2026, 12, 1),
        place="Saint-Denis",
        actor=TRAINER,
    )
    assert made.code == "ABC123" and not made.active
    any_store.create_session("XYZ", "Autre", actor=TRAINER)
    any_store.activate_session("ABC123", actor=TRAINER)
    active = any_store.active_session()
    assert active is not None and active.code == "ABC123" and active.start == date(2026, 11, 30)
    any_store.activate_session("XYZ", actor=TRAINER)
    assert any_store.active_session().code == "XYZ"  # type: ignore[union-attr]
    assert {s.code for s in any_store.list_sessions()} == {"ABC123", "XYZ"}
    assert sum(s.active for s in any_store.list_sessions()) == 1


@pytest.mark.parametrize("code", ["", "AB", "trop-long-code-x", "A B", "<b>"])
def test_invalid_session_codes_are_refused_in_french(any_store: Store, code: str) -> None:
    with pytest.raises(InputError, match="Code de session invalide"):
        any_store.create_session(code, "x", actor=TRAINER)


def test_duplicate_session_is_refused_and_the_first_kept(any_store: Store) -> None:
    any_store.create_session("DUP", "Premier", actor=TRAINER)
    with pytest.raises(InputError, match="existe déjà"):
        any_store.create_session("DUP", "Second", actor=TRAINER)
    assert any_store.get_session("DUP").title == "Premier"  # type: ignore[union-attr]


def test_groups_are_idempotent_and_sorted(any_store: Store) -> None:
    any_store.add_group("S1", "Groupe B")
    any_store.add_group("S1", "Groupe A")
    any_store.add_group("S1", "Groupe B")
    assert [g.name for g in any_store.list_groups("S1")] == ["Groupe A", "Groupe B"]
    assert any_store.list_groups("S2") == []


def test_participants_are_registered_removed_but_kept(any_store: Store) -> None:
    kept = any_store.add_participant(
        "S1", pseudonym="Zoé 🌱", function="Élue", territory="Blanc-Mesnil"
    )
    gone = any_store.add_participant("S1", pseudonym="", function="Agent", territory="Bobigny")
    any_store.remove_participant(gone.id, actor=TRAINER)
    assert [p.id for p in any_store.list_participants("S1")] == [kept.id]
    everyone = any_store.list_participants("S1", include_removed=True)
    assert {p.id: p.removed for p in everyone} == {kept.id: False, gone.id: True}
    assert everyone[0].pseudonym == "Zoé 🌱"
    assert any(e.action == "retirer inscription" for e in any_store.audit_trail("S1"))


def test_records_round_trip_with_any_text(any_store: Store) -> None:
    text = '<img src=x onerror=alert(1)> =HYPERLINK("x") مرحبا 🌍 ' + "é" * 5000
    made = any_store.add_record(
        "S1", "idea", {"text": text, "theme": "Partenariat"}, group="G1", author="Zoé"
    )
    fetched = any_store.get_record(made.uid)
    assert fetched.data["text"] == text
    assert fetched.group == "G1" and fetched.author == "Zoé" and fetched.version == 1
    assert [r.uid for r in any_store.list_records("S1", "idea", group="G1")] == [made.uid]
    assert any_store.list_records("S1", "idea", group="G2") == []
    assert any_store.list_records("S1", "vote") == []


def test_records_keep_their_order_and_hidden_ones_on_request(any_store: Store) -> None:
    uids = [any_store.add_record("S1", "idea", {"n": n}).uid for n in range(5)]
    any_store.update_record(uids[1], actor=TRAINER, hidden=True)
    assert [r.uid for r in any_store.list_records("S1", "idea")] == uids
    assert [r.uid for r in any_store.list_records("S1", "idea", include_hidden=False)] == (
        uids[:1] + uids[2:]
    )


def test_updates_bump_the_version_and_refuse_stale_edits(any_store: Store) -> None:
    made = any_store.add_record("S1", "idea", {"text": "a"})
    first = any_store.update_record(made.uid, actor="Zoé", data={"text": "b"}, expected_version=1)
    assert first.version == 2 and first.data["text"] == "b"
    with pytest.raises(InputError, match="modifié entre-temps"):
        any_store.update_record(made.uid, actor="Léa", data={"text": "c"}, expected_version=1)
    assert any_store.get_record(made.uid).data["text"] == "b"
    merged = any_store.update_record(
        made.uid, actor=TRAINER, merged_into="other", status="fusionné", group="G2"
    )
    assert (merged.merged_into, merged.status, merged.group) == ("other", "fusionné", "G2")


def test_unknown_record_is_a_french_error(any_store: Store) -> None:
    with pytest.raises(InputError, match="introuvable"):
        any_store.get_record("nope")
    with pytest.raises(InputError, match="introuvable"):
        any_store.update_record("nope", actor=TRAINER, hidden=True)


def test_change_token_moves_on_every_write_only(any_store: Store) -> None:
    before = any_store.change_token()
    assert any_store.change_token() == before
    any_store.add_record("S1", "idea", {"text": "a"})
    after_add = any_store.change_token()
    assert after_add > before
    any_store.list_records("S1")
    assert any_store.change_token() == after_add
    any_store.add_participant("S1", function="x", territory="y")
    assert any_store.change_token() > after_add


def test_reset_archives_without_deleting_other_sessions(any_store: Store) -> None:
    any_store.add_participant("S1", function="x", territory="y")
    any_store.add_record("S1", "expectation", {"text": "a"})
    any_store.add_record("S2", "expectation", {"text": "b"})
    assert any_store.reset_session("S1", actor=TRAINER) == 2
    assert any_store.list_participants("S1") == []
    assert any_store.list_records("S1") == []
    assert [r.data["text"] for r in any_store.list_records("S2")] == ["b"]
    assert any(e.action == "réinitialiser session" for e in any_store.audit_trail("S1"))


def test_restore_session_keeps_identifiers(any_store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = any_store.create_session("ORIG", "Origine", actor=TRAINER)
    any_store.add_group("ORIG", "G1")
    person = any_store.add_participant("ORIG", pseudonym="Zoé", function="f", territory="t")
    idea = any_store.add_record("ORIG", "idea", {"text": "x"}, participant_id=person.id)
    with open_store(tmp_path / "copy.sqlite3") as copy:
        copy.restore_session(
            session,
            any_store.list_groups("ORIG"),
            any_store.list_participants("ORIG"),
            any_store.list_records("ORIG"),
        )
        assert copy.list_participants("ORIG") == any_store.list_participants("ORIG")
        assert copy.list_records("ORIG") == any_store.list_records("ORIG")
        assert copy.get_record(idea.uid).participant_id == person.id
        with pytest.raises(InputError, match="existe déjà"):
            copy.restore_session(session, [], [], [])


def test_a_merged_record_and_its_sources_are_written_together(any_store: Store) -> None:
    first = any_store.add_record("S1", "idea", {"text": "a"})
    second = any_store.add_record("S1", "idea", {"text": "b"})
    merged = any_store.add_merged_record("S1", "idea", {"text": "a + b"},
                                         [first.uid, second.uid], actor=TRAINER, group="G1",
                                         status="fusion")
    assert (merged.group, merged.status, merged.data["text"]) == ("G1", "fusion", "a + b")
    for uid in (first.uid, second.uid):
        source = any_store.get_record(uid)
        assert source.merged_into == merged.uid and source.version == 2
    assert any(e.action == "fusionner idea" for e in any_store.audit_trail("S1"))


def test_a_merge_with_an_unknown_source_writes_nothing(any_store: Store) -> None:
    first = any_store.add_record("S1", "idea", {"text": "a"})
    before = any_store.change_token()
    with pytest.raises(InputError, match="introuvable"):
        any_store.add_merged_record("S1", "idea", {"text": "x"}, [first.uid, "nope"],
                                    actor=TRAINER)
    assert [r.uid for r in any_store.list_records("S1", "idea")] == [first.uid]
    assert any_store.get_record(first.uid).merged_into is None
    assert any_store.change_token() == before
