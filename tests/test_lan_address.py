"""The address printed by ``--lan`` is the one of the interface holding the default route
(never 127.x when the host name maps to loopback); the trainer can give it with ``--host``.
Nothing is sent on the network: the address is asked to the kernel."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from companion.serving import serve
from companion.serving.serve import (
    ServeOptions,
    base_url,
    default_route_interface,
    interface_address,
    lan_address,
    voila_command,
)

ROUTES = """Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
tun0\t00000000\t00000000\t0000\t0\t0\t0\t00000000\t0\t0\t0
garbage line
"""


def _options(**kwargs: object) -> ServeOptions:
    return ServeOptions(store_url="sqlite:////tmp/x.sqlite3", trainer_code="SECRET",
                        session="ABC234", **kwargs)  # type: ignore[arg-type]


def test_the_default_route_with_the_lowest_metric_wins() -> None:
    assert default_route_interface(ROUTES) == "eth0"  # tun0's route is down
    assert default_route_interface(ROUTES.splitlines()[0] + "\n") is None
    assert default_route_interface("") is None


def test_the_interface_address_is_asked_to_the_kernel() -> None:
    assert interface_address("lo") == "127.0.0.1"
    assert interface_address("nexistepas0") is None


def test_lan_address_ignores_a_host_name_mapped_to_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "route"
    table.write_text(ROUTES, encoding="ascii")
    monkeypatch.setattr(socket, "gethostbyname_ex", lambda _n: ("salle", [], ["127.0.1.1"]))
    monkeypatch.setattr(serve, "interface_address",
                        lambda name: "192.168.1.20" if name == "eth0" else None)
    assert lan_address(table) == "192.168.1.20"
    monkeypatch.setattr(serve, "interface_address", lambda name: None)
    assert lan_address(table) == "127.0.0.1"  # nothing better: the trainer gives --host
    assert lan_address(tmp_path / "absent") == "127.0.0.1"


def test_the_trainer_gives_the_address() -> None:
    options = _options(host="10.0.0.5", port=8900)
    assert base_url(options) == "http://10.0.0.5:8900"
    assert "--Voila.ip=0.0.0.0" in voila_command(options)
    assert "--Voila.ip=127.0.0.1" in voila_command(_options(host="127.0.0.1"))
    assert "--Voila.ip=127.0.0.1" in voila_command(_options())
