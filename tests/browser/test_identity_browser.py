"""End to end: a participant who reloads the brainstorm page keeps their ideas and votes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import (
    Server,
    open_page,
    post_idea,
    start_server,
    stop_server,
    unlock_trainer,
    watch,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("identity"), session="MOIMEM", pool=0)
    yield running
    stop_server(running)


def test_reloading_the_page_keeps_the_participants_own_ideas(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    watched = watch(page)
    # The participant came through the home page first (the QR code of the session).
    page.goto(server.url("00_accueil.ipynb"), timeout=90_000)
    page.wait_for_selector(".cp-register", timeout=90_000)
    brainstorm = server.url("02_remue_meninges_1.ipynb", groupe="Groupe 1")
    page.goto(brainstorm, timeout=90_000)
    page.wait_for_selector(".cp-idea-form", timeout=90_000)
    post_idea(page, "Mutualiser les locaux vacants", 1, ".cp-idea-list .cp-idea-withdraw")
    page.reload(timeout=90_000)
    page.wait_for_selector(".cp-idea-form", timeout=90_000)
    # After the reload the card is still the participant's own: they may withdraw it.
    page.wait_for_selector(".cp-idea-list .cp-idea-withdraw", timeout=15_000)
    assert "Mutualiser les locaux vacants" in page.inner_text(".cp-idea-list")
    assert watched.external_requests == [] and watched.dialogs == []
    context.close()


def test_after_a_server_restart_the_wall_is_as_it_was(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("restart")
    first = start_server(folder, session="REDEM1", pool=0)
    try:
        participant = open_page(browser, first.url("02_remue_meninges_1.ipynb", groupe="G1"),
                                ".cp-idea-form")
        post_idea(participant.page, "Une idée qui survit au redémarrage", 2,
                  ".cp-idea-list .cp-idea-withdraw")
    finally:
        stop_server(first)
    second = start_server(folder, session="REDEM1", pool=0)  # same store file
    try:
        trainer = open_page(browser, second.url("02_remue_meninges_1.ipynb"), ".cp-brainstorm")
        unlock_trainer(trainer.page, second.trainer_code)
        trainer.page.wait_for_function(
            "() => { const w = document.querySelector('.cp-wall');"
            " return w !== null && w.innerText.includes('survit au redémarrage'); }",
            timeout=20_000,
        )
    finally:
        stop_server(second)


def test_after_a_sigkill_restart_in_a_new_runtime_directory_ideas_stay_mine(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal

    from tests.browser.harness import free_port

    folder = tmp_path_factory.mktemp("sigkill")
    port = free_port()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(folder / "runtime-a"))
    first = start_server(folder, session="CRASH1", pool=0, port=port)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(first.url("00_accueil.ipynb"), timeout=90_000)  # the identity cookie
        page.wait_for_selector(".cp-register", timeout=90_000)
        page.goto(first.url("02_remue_meninges_1.ipynb", groupe="G1"), timeout=90_000)
        page.wait_for_selector(".cp-idea-form", timeout=90_000)
        post_idea(page, "Une idée qui reste la mienne", 1, ".cp-idea-list .cp-idea-withdraw")
    finally:
        os.killpg(first.process.pid, signal.SIGKILL)  # a crash: no clean stop
        first.process.wait(timeout=30)
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(folder / "runtime-b"))
    second = start_server(folder, session="CRASH1", pool=0, port=port)
    try:
        page.goto(second.url("02_remue_meninges_1.ipynb", groupe="G1"), timeout=90_000)
        page.wait_for_selector(".cp-idea-form", timeout=90_000)
        # the same browser after the crash: the card is still its own (it may withdraw it)
        page.wait_for_selector(".cp-idea-list .cp-idea-withdraw", timeout=20_000)
        assert "reste la mienne" in page.inner_text(".cp-idea-list")
    finally:
        context.close()
        stop_server(second)
