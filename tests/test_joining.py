"""The room's one address (issue 11 item 3): a typed code is found however it was typed, the
participant lands on the activity the trainer opened today (else the sequence under way, else
the home page), picks a subgroup among the session's, and the page follows the trainer."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from companion.content.course import programme
from companion.core import join
from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.core.visitor import PSEUDONYM_COOKIE, chosen_pseudonym
from companion.home.activity import OpenedActivity, open_activity
from companion.home.joining import NO_GROUP, arrive, landing_notebook
from companion.serving.joining import Form, join_page, landing_url
from companion.store import Store
from companion.widgets.activity import ActivityBar

MORNING = datetime(2026, 11, 28, 10, 40)  # day 1: the first « remue-méninges » is under way
LUNCH = datetime(2026, 11, 28, 12, 45)  # no notebook serves lunch


@pytest.mark.parametrize("typed", ["TEST1", "test1", " te st-1 ", "TE\u00a0ST1"])
def test_a_code_is_found_however_it_was_typed(store: Store, session_code: str,
                                              typed: str) -> None:
    arrival = arrive(store, typed, programme=programme(), now=MORNING)
    assert arrival.session.code == session_code


def test_a_wrong_or_empty_code_gets_a_french_message(store: Store, session_code: str) -> None:
    with pytest.raises(InputError, match="Aucune session ne porte le code « NOPE42 »"):
        arrive(store, "nope42", programme=programme(), now=MORNING)
    with pytest.raises(InputError, match="Saisissez le code de la session"):
        arrive(store, " - ", programme=programme(), now=MORNING)


def test_an_archived_session_is_not_joined_under_a_server(
    store: Store, session_code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.create_session("VIEUX1", "Session de l'an dernier", actor=TRAINER)
    monkeypatch.setenv("COMPANION_SESSION", session_code)
    with pytest.raises(InputError, match="VIEUX1"):
        arrive(store, "vieux1", programme=programme(), now=MORNING)


def test_the_landing_page_is_the_opened_activity_then_the_programme_then_home(
    store: Store, session_code: str
) -> None:
    session = store.get_session(session_code)
    assert session is not None
    assert landing_notebook(store, session, programme(), MORNING) == "02_remue_meninges_1.ipynb"
    assert landing_notebook(store, session, programme(), LUNCH) == "00_accueil.ipynb"
    open_activity(store, session_code, "06_table_ronde.ipynb", "Table ronde",
                  datetime(2026, 11, 27, 16, 0))  # yesterday's: the room has moved on
    assert landing_notebook(store, session, programme(), MORNING) == "02_remue_meninges_1.ipynb"
    open_activity(store, session_code, "01_introduction_ess.ipynb", "Introduction", MORNING)
    assert landing_notebook(store, session, programme(), LUNCH) == "01_introduction_ess.ipynb"


def test_a_subgroup_is_one_of_the_sessions_or_none_yet(store: Store, session_code: str) -> None:
    assert not arrive(store, session_code, programme=programme(), now=MORNING).needs_group
    for name in ("Groupe 1", "Groupe 2"):
        store.add_group(session_code, name)
    asked = arrive(store, session_code, programme=programme(), now=MORNING)
    assert asked.needs_group and asked.groups == ("Groupe 1", "Groupe 2")
    chosen = arrive(store, session_code, group=" Groupe  2 ", programme=programme(), now=MORNING)
    assert chosen.group == "Groupe 2" and not chosen.needs_group
    none_yet = arrive(store, session_code, group=NO_GROUP, programme=programme(), now=MORNING)
    assert none_yet.group == "" and not none_yet.needs_group
    with pytest.raises(InputError, match="« Groupe 9 » n'existe pas"):
        arrive(store, session_code, group="Groupe 9", programme=programme(), now=MORNING)
    assert [g.name for g in store.list_groups(session_code)] == ["Groupe 1", "Groupe 2"]


def test_the_pseudonym_is_cleaned_and_limited(store: Store, session_code: str) -> None:
    arrival = arrive(store, session_code, pseudonym=" Na\x00di\u202ea\x1b ",
                     programme=programme(), now=MORNING)
    assert arrival.pseudonym == "Nadia"
    with pytest.raises(InputError, match="Pseudonyme"):
        arrive(store, session_code, pseudonym="x" * 61, programme=programme(), now=MORNING)


def test_the_landing_address_keeps_session_group_and_follows(store: Store,
                                                             session_code: str) -> None:
    store.add_group(session_code, "Les Aubiers & co")
    arrival = arrive(store, session_code, group="Les Aubiers & co", programme=programme(),
                     now=MORNING)
    url = urlsplit(landing_url("/", arrival))
    assert url.path == "/voila/render/02_remue_meninges_1.ipynb"
    assert parse_qs(url.query) == {"session": [session_code], "groupe": ["Les Aubiers & co"],
                                   "suivre": ["1"]}


def test_the_join_address_and_a_typed_code() -> None:
    assert join.join_page_url("http://10.0.0.5:8866/") == "http://10.0.0.5:8866/companion/rejoindre"
    assert (join.join_page_url("http://10.0.0.5:8866", "K7M2QX")
            == "http://10.0.0.5:8866/companion/rejoindre?session=K7M2QX")
    assert join.normalise_code("k7m 2qx\u202e<b>") == "K7M2QXB"


def test_the_join_page_escapes_what_was_typed() -> None:
    hostile = "<script>alert(1)</script>\"'"
    page = join_page(Form(code=hostile, pseudonym=hostile, groups=(hostile,), message=hostile,
                          session_label=hostile), xsrf_field="<input type=hidden name=_xsrf>",
                     action="/companion/rejoindre")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<html lang="fr">' in page and "<title>Rejoindre la formation</title>" in page
    assert 'name="_xsrf"' in page or "name=_xsrf" in page


def test_the_pages_start_with_the_pseudonym_chosen_on_the_join_page() -> None:
    cookie = f"username-x=abc; {PSEUDONYM_COOKIE}=Zo%C3%A9%20%00%E2%80%AE; other=1"
    assert chosen_pseudonym(cookie) == "Zoé"
    assert chosen_pseudonym("") == "" and chosen_pseudonym('bad"cookie') == ""
    assert chosen_pseudonym(f"{PSEUDONYM_COOKIE}={'a' * 300}") == "a" * 60


def test_a_page_reached_from_the_join_page_follows_the_trainer() -> None:
    bar = ActivityBar()
    opened = OpenedActivity("06_table_ronde.ipynb", "Table ronde")
    bar.show(opened, "02_remue_meninges_1.ipynb", {"session": "ABC234", "suivre": "1"})
    assert 'data-follow="1"' in bar.value
    assert 'href="/voila/render/06_table_ronde.ipynb?session=ABC234&amp;suivre=1"' in bar.value
    bar.show(opened, "02_remue_meninges_1.ipynb", {"session": "ABC234"})  # a per-sequence link
    assert "data-follow" not in bar.value and "Y aller" in bar.value
