"""HTTPS for ``companion serve --https``: the certificate, and the server listening with it.

Over ``--lan`` the pages, the trainer's code and the participants' answers cross the room's
Wi-Fi; with ``--https`` they cross it encrypted. The certificate is the trainer's own
(``--certfile`` / ``--keyfile``), or a self-signed one made once into the companion's data
directory (:func:`ensure_self_signed`), valid for the addresses the trainees type: the LAN
address, the host name, ``localhost`` and ``127.0.0.1``. It is made again only when an address
it does not cover is asked for (another room, another network).

The certificate is made with the ``openssl`` command: the ``cryptography`` library is not a
dependency of anything the companion installs, and the command is on every Linux and macOS
machine (Git for Windows carries one too).
"""

from __future__ import annotations

import functools
import ipaddress
import json
import os
import shutil
import ssl
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from companion.core.errors import CompanionError
from companion.texts import cli as tx

FOLDER = "https"
CERT_NAME = "companion-cert.pem"
KEY_NAME = "companion-key.pem"
NAMES_NAME = "names.json"
DAYS = 825
"""Validity of a self-signed certificate (the longest browsers accept for a server's)."""


@dataclass(frozen=True)
class Certificate:
    """A certificate and its private key, in PEM files."""

    certfile: Path
    keyfile: Path | None = None
    """None: the key is in ``certfile``."""
    self_signed: bool = False


def _san(names: list[str]) -> str:
    entries = []
    for name in names:
        try:
            ipaddress.ip_address(name)
        except ValueError:
            entries.append(f"DNS:{name}")
        else:
            entries.append(f"IP:{name}")
    return ",".join(entries)


def certificate_names(host: str, hostname: str | None = None) -> list[str]:
    """Return the names a self-signed certificate covers for a server reached at ``host``."""
    import socket

    names = [host, "127.0.0.1", "localhost"]
    machine = hostname if hostname is not None else socket.gethostname()
    if machine:
        names += [machine, f"{machine}.local"] if "." not in machine else [machine]
    return list(dict.fromkeys(n for n in names if n))


def ensure_self_signed(data_dir: Path, names: list[str]) -> Certificate:
    """Return the self-signed certificate of ``data_dir`` covering ``names``; make it if needed.

    The key file is mode 0600 from its creation (its folder 0700). Raises a French
    :class:`CompanionError` when the ``openssl`` command is missing or fails.
    """
    folder = data_dir / FOLDER
    cert, key, recorded = folder / CERT_NAME, folder / KEY_NAME, folder / NAMES_NAME
    try:
        covered = set(json.loads(recorded.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        covered = set()
    if cert.is_file() and key.is_file() and set(names) <= covered:
        return Certificate(cert, key, self_signed=True)
    openssl = shutil.which("openssl")
    if openssl is None:
        raise CompanionError(tx.HTTPS_NO_OPENSSL)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    wanted = list(dict.fromkeys([*names, *sorted(covered)]))
    with tempfile.TemporaryDirectory(dir=folder) as work:
        new_cert, new_key = Path(work) / CERT_NAME, Path(work) / KEY_NAME
        os.close(os.open(new_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        command = [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                   "-days", str(DAYS), "-subj", f"/O=companion/CN={names[0]}",
                   "-keyout", str(new_key), "-out", str(new_cert),
                   "-addext", f"subjectAltName={_san(wanted)}",
                   "-addext", "extendedKeyUsage=serverAuth"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not new_cert.is_file():
            raise CompanionError(tx.HTTPS_OPENSSL_FAILED.format(
                detail=(result.stderr or result.stdout).strip()[-300:]))
        os.chmod(new_key, 0o600)
        os.replace(new_key, key)
        os.replace(new_cert, cert)
    recorded.write_text(json.dumps(wanted), encoding="utf-8")
    return Certificate(cert, key, self_signed=True)


def provided(certfile: Path, keyfile: Path | None) -> Certificate:
    """Return the trainer's certificate, checked: readable, and its key matching it."""
    certificate = Certificate(certfile.expanduser(), keyfile.expanduser() if keyfile else None)
    server_context(certificate)
    return certificate


def server_context(certificate: Certificate) -> ssl.SSLContext:
    """Return the server's TLS context; a French :class:`CompanionError` if the files are bad."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(certificate.certfile),
                                str(certificate.keyfile) if certificate.keyfile else None)
    except (OSError, ssl.SSLError) as error:
        raise CompanionError(tx.HTTPS_BAD_CERTIFICATE.format(
            certfile=certificate.certfile, keyfile=certificate.keyfile or certificate.certfile,
            detail=error)) from None
    return context


def fingerprint(certfile: Path) -> str:
    """Return the SHA-256 fingerprint of a PEM certificate, as browsers show it (AA:BB:…)."""
    import hashlib

    der = ssl.PEM_cert_to_DER_cert(certfile.read_text(encoding="ascii"))
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def listen_over_tls(app: Any, certfile: str, keyfile: str | None) -> None:
    """Make ``app.listen`` (what Voilà calls to start its Tornado server) listen over TLS."""
    context = server_context(Certificate(Path(certfile), Path(keyfile) if keyfile else None))
    app.listen = functools.partial(app.listen, ssl_options=context)
