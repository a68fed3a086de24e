"""The room's limits: who gets a new page kernel, and the French page of those who wait."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.serving.admission import (
    Limits,
    Verdict,
    admit,
    available_memory,
    is_trainer_machine,
    waiting_page,
)
from companion.serving.server import PageKernels, Room, Visit

GB = 2**30
LIMITS = Limits(pages_per_device=3, max_starting=4, reserve_bytes=GB, kernel_bytes=100 * 2**20)


def _admit(**changes: object) -> Verdict:
    request: dict[str, object] = {"device_pages": 0, "trainer_machine": False, "starting": 0,
                                  "pooled": False, "free_memory": 8 * GB, "limits": LIMITS}
    request.update(changes)
    return admit(**request)  # type: ignore[arg-type]


def test_a_device_under_its_cap_is_served_and_over_it_is_told_too_many() -> None:
    assert _admit(device_pages=2) is Verdict.SERVE
    assert _admit(device_pages=3) is Verdict.TOO_MANY
    assert _admit(device_pages=3, pooled=True) is Verdict.TOO_MANY  # a pool is no way round


def test_the_trainer_machine_has_no_page_cap_but_shares_the_memory_rule() -> None:
    assert _admit(device_pages=40, trainer_machine=True) is Verdict.SERVE
    assert _admit(device_pages=40, trainer_machine=True, free_memory=GB) is Verdict.ARRIVING


def test_a_burst_or_low_memory_waits_unless_a_preheated_kernel_is_there() -> None:
    assert _admit(starting=3) is Verdict.SERVE
    assert _admit(starting=4) is Verdict.ARRIVING
    assert _admit(free_memory=GB + 50 * 2**20) is Verdict.ARRIVING
    assert _admit(starting=4, pooled=True) is Verdict.SERVE
    assert _admit(free_memory=GB, pooled=True) is Verdict.SERVE


@pytest.mark.parametrize(("address", "trainer"), [
    ("127.0.0.1", True), ("::1", True), ("192.168.1.20", False), ("fe80::1%eth0", False),
    ("", False), ("not an address", False)])
def test_only_loopback_is_the_trainer_machine(address: str, trainer: bool) -> None:
    assert is_trainer_machine(address) is trainer


def test_available_memory_reads_meminfo_and_has_a_fallback(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal: 100 kB\nMemAvailable:    2048 kB\n", encoding="ascii")
    assert available_memory(meminfo) == 2048 * 1024
    assert available_memory(tmp_path / "missing") == 4 * GB


def test_the_waiting_pages_are_french_and_say_why() -> None:
    too_many = waiting_page(Verdict.TOO_MANY, device_pages=6)
    assert '<html lang="fr">' in too_many and "Trop de pages ouvertes" in too_many
    assert "6 pages" in too_many and "http-equiv" not in too_many  # closing tabs is up to them
    arriving = waiting_page(Verdict.ARRIVING, retry_s=5)
    assert "La page arrive" in arriving and '<meta http-equiv="refresh" content="5">' in arriving


def test_the_room_counts_pages_being_opened_and_held_per_device() -> None:
    room = Room(LIMITS, PageKernels())
    first = room.enter("192.168.1.20")
    second = room.enter("192.168.1.20")
    assert room.device_pages("192.168.1.20") == 2 and room.building == 2
    from companion.serving.server import VISIT

    token = VISIT.set(first)
    room.handed("k1", 0.0)  # the first got its kernel: counted once, as held
    VISIT.reset(token)
    assert room.device_pages("192.168.1.20") == 2
    room.leave(first)
    room.leave(second)  # the second failed before its kernel: no longer counted
    assert room.device_pages("192.168.1.20") == 1 and room.building == 0
    assert room.device_pages("192.168.1.21") == 0
    assert isinstance(first, Visit) and first.handed and not second.handed


def test_only_upload_pages_take_large_websocket_messages() -> None:
    from companion.serving.server import PAGE_MESSAGE_BYTES, PageKernel, message_limit

    upload = 64 * 2**20
    assert message_limit(PageKernel(0.0, notebook="07_indicateurs_impact.ipynb"), upload) == upload
    assert message_limit(PageKernel(0.0, notebook="00_accueil.ipynb"), upload) == PAGE_MESSAGE_BYTES
    assert message_limit(None, upload) == PAGE_MESSAGE_BYTES  # a kernel no page was given
