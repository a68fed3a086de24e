"""``companion serve --https`` (issue 14, item 9): the room's Wi-Fi carries the pages encrypted.

A self-signed certificate is made once into the data directory (key mode 0600) for the
addresses trainees type; a certificate the trainer provides is used as it is; a real server
answers over TLS, renders a page, sets its cookies ``Secure`` and prints ``https://`` addresses.
"""

from __future__ import annotations

import http.client
import shutil
import ssl
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.core.errors import CompanionError
from companion.serving import tls
from companion.serving.serve import ServeOptions, base_url, voila_config
from tests.browser.harness import Server, start_server, stop_server

OPENSSL = shutil.which("openssl")


def _names_in(certfile: Path) -> set[str]:
    assert OPENSSL
    shown = subprocess.run([OPENSSL, "x509", "-noout", "-ext", "subjectAltName", "-in",
                            str(certfile)], capture_output=True, text=True, check=True).stdout
    entries = shown.splitlines()[-1].split(",")
    return {entry.strip().split(":", 1)[1] for entry in entries}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_self_signed_certificate_is_made_once_for_the_room_addresses(tmp_path: Path) -> None:
    assert OPENSSL, "the openssl command is needed to make the certificate"
    names = tls.certificate_names("192.168.1.20", hostname="portable-formation")
    assert names == ["192.168.1.20", "127.0.0.1", "localhost", "portable-formation",
                     "portable-formation.local"]
    made = tls.ensure_self_signed(tmp_path, names)
    assert made.self_signed and made.keyfile is not None
    assert _mode(made.keyfile) == 0o600 and _mode(made.keyfile.parent) == 0o700
    assert set(names) <= _names_in(made.certfile)
    tls.server_context(made)  # the key matches the certificate
    first = made.certfile.read_bytes()
    assert tls.ensure_self_signed(tmp_path, names[:3]).certfile.read_bytes() == first  # kept
    moved = tls.ensure_self_signed(tmp_path, ["10.0.0.7", "127.0.0.1", "localhost"])
    assert moved.certfile.read_bytes() != first  # another room: made again, for both
    assert {"10.0.0.7", "192.168.1.20", "portable-formation"} <= _names_in(moved.certfile)
    assert _mode(moved.keyfile) == 0o600  # type: ignore[arg-type]


def test_a_broken_certificate_is_refused_in_french(tmp_path: Path) -> None:
    one = tls.ensure_self_signed(tmp_path / "a", ["127.0.0.1"])
    other = tls.ensure_self_signed(tmp_path / "b", ["127.0.0.1"])
    with pytest.raises(CompanionError, match="clé qui ne lui correspond pas"):
        tls.provided(one.certfile, other.keyfile)
    with pytest.raises(CompanionError, match="illisible"):
        tls.provided(tmp_path / "absent.pem", None)


def test_https_reaches_the_server_config_and_the_printed_addresses(tmp_path: Path) -> None:
    plain = ServeOptions(store_url="sqlite://", trainer_code="X", session="S", port=8866)
    assert base_url(plain) == "http://127.0.0.1:8866"
    assert "certfile" not in voila_config(plain)["CompanionVoila"]
    secure = ServeOptions(store_url="sqlite://", trainer_code="X", session="S", port=8866,
                          host="192.168.1.20", certfile=tmp_path / "c.pem",
                          keyfile=tmp_path / "k.pem")
    assert base_url(secure) == "https://192.168.1.20:8866"
    settings = voila_config(secure)
    assert settings["CompanionVoila"]["certfile"] == str(tmp_path / "c.pem")
    assert settings["CompanionVoila"]["keyfile"] == str(tmp_path / "k.pem")
    assert settings["Voila"]["tornado_settings"]["xsrf_cookie_kwargs"] == {"secure": True}


def test_a_key_without_its_certificate_is_refused_in_french(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "companion.serving.cli", "serve", "--keyfile", "k.pem",
         f"--store={tmp_path / 's.sqlite3'}"],
        capture_output=True, text=True, timeout=120, check=False,
        env={"COMPANION_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert "--keyfile demande aussi --certfile" in result.stderr


# --- a real server -------------------------------------------------------------------------


def _get(url: str, context: ssl.SSLContext) -> tuple[int, str, list[str]]:
    with urllib.request.urlopen(url, timeout=60, context=context) as response:  # noqa: S310
        return (response.status, response.read().decode("utf-8", "replace"),
                response.headers.get_all("Set-Cookie") or [])


def _peer_certificate(server: Server, context: ssl.SSLContext) -> bytes:
    host, port = server.base_url.removeprefix("https://").split(":")
    connection = http.client.HTTPSConnection(host, int(port), context=context, timeout=30)
    try:
        connection.request("GET", "/")
        connection.getresponse().read()
        assert connection.sock is not None
        peer = connection.sock.getpeercert(binary_form=True)  # type: ignore[attr-defined]
    finally:
        connection.close()
    assert peer is not None
    return bytes(peer)


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    root = tmp_path_factory.mktemp("https")
    running = start_server(root, session="CHIFFRE1", extra_args=("--https",))
    yield running, root / "data"
    stop_server(running)


@pytest.mark.slow
def test_serve_https_answers_over_tls_with_its_certificate(
        https_server: tuple[Server, Path]) -> None:
    server, data = https_server
    assert server.base_url.startswith("https://127.0.0.1:")
    certfile = data / tls.FOLDER / tls.CERT_NAME
    assert _mode(data / tls.FOLDER / tls.KEY_NAME) == 0o600
    trusting = ssl.create_default_context(cafile=str(certfile))  # verifies name and chain
    status, page, cookies = _get(server.url("00_accueil.ipynb", session=server.session),
                                 trusting)
    assert status == 200 and '<html lang="fr"' in page
    assert cookies and all("secure" in c.lower() for c in cookies), cookies
    with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):  # usual CAs
        _get(f"{server.base_url}/", ssl.create_default_context())
    assert _peer_certificate(server, trusting) == ssl.PEM_cert_to_DER_cert(
        certfile.read_text(encoding="ascii"))
    log = server.log()
    assert f"URL : {server.base_url}/voila/render/00_accueil.ipynb" in log
    assert "http://127.0.0.1" not in log.split("Ctrl+C")[0]
    assert tls.fingerprint(certfile) in log


@pytest.mark.slow
def test_serve_uses_a_provided_certificate_and_key(tmp_path: Path) -> None:
    assert OPENSSL, "the openssl command is needed to make the test certificate"
    cert, key = tmp_path / "etablissement.pem", tmp_path / "etablissement.key"
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=salle-b12.lycee.example", "-keyout", str(key), "-out",
                    str(cert), "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    server = start_server(tmp_path, session="FOURNI1",
                          extra_args=(f"--certfile={cert}", f"--keyfile={key}"))
    try:
        trusting = ssl.create_default_context(cafile=str(cert))
        assert _peer_certificate(server, trusting) == ssl.PEM_cert_to_DER_cert(
            cert.read_text(encoding="ascii"))
        status, page, _ = _get(server.url("00_accueil.ipynb"), trusting)
        assert status == 200 and '<html lang="fr"' in page
        assert not (tmp_path / "data" / tls.FOLDER / tls.CERT_NAME).exists()  # none made
        assert "certificat fourni" in server.log()
    finally:
        stop_server(server)


@pytest.mark.slow
def test_the_join_page_over_https_keeps_the_pseudonym_in_a_secure_cookie(
        https_server: tuple[Server, Path]) -> None:
    import http.cookiejar
    import re
    from urllib.parse import urlencode

    server, data = https_server
    trusting = ssl.create_default_context(cafile=str(data / tls.FOLDER / tls.CERT_NAME))
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=trusting),
                                         urllib.request.HTTPCookieProcessor(jar))
    join = f"{server.base_url}/companion/rejoindre"
    with opener.open(f"{join}?session={server.session}", timeout=60) as response:
        form = response.read().decode("utf-8")
    token = re.search(r'name="_xsrf" value="([^"]+)"', form)
    assert token is not None, form
    body = urlencode({"_xsrf": token.group(1), "session": server.session,
                      "pseudonyme": "Zoé"}).encode()
    with opener.open(join, data=body, timeout=60) as response:  # lands on the page
        assert response.status == 200 and "/voila/render/" in response.url
    [pseudonym] = [c for c in jar if c.name == "companion-pseudonyme"]
    assert pseudonym.secure and pseudonym.value == "Zo%C3%A9"
