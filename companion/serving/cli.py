"""The ``companion`` command: ``companion serve`` starts the course dashboard."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from companion.content.course import programme
from companion.core import config, join
from companion.core.errors import CompanionError, detail_of
from companion.core.model import TRAINER
from companion.serving.admission import PAGES_PER_DEVICE
from companion.serving.follow import REPLAN_EVERY_S, planned_sizes
from companion.serving.serve import (
    ServeOptions,
    base_url,
    offline_template,
    public_host,
    skip_slow_imports,
    voila_command,
    voila_environment,
    write_cookie_secret_config,
    write_voila_config,
)
from companion.store import Store, open_store, store_url
from companion.texts import cli as tx


def _session(store: Store, wanted: str | None) -> str:
    """Return the code of the session to serve.

    ``wanted`` (created if new), else the active one, else a new one.
    """
    if wanted:
        code = wanted.strip().upper()
        if store.get_session(code) is None:
            store.create_session(code, programme().title, actor=TRAINER)
        store.activate_session(code, actor=TRAINER)
        return code
    active = store.active_session()
    if active is not None:
        return active.code
    code = join.new_session_code()
    store.create_session(code, programme().title, actor=TRAINER)
    store.activate_session(code, actor=TRAINER)
    return code


def serve(args: argparse.Namespace) -> int:
    """Start Voilà on the notebooks and print the URL, the session code, the trainer code."""
    url = store_url(args.store)
    with open_store(url) as store:
        session = _session(store, args.session)
    trainer_code = args.trainer_code or config.trainer_code() or join.new_trainer_code()
    plan = None if args.pool is not None else planned_sizes(url, session)
    options = ServeOptions(
        store_url=url,
        trainer_code=trainer_code,
        session=session,
        port=args.port,
        lan=args.lan,
        host=args.host,
        pool_size=args.pool if args.pool is not None else 0,
        pool_plan=plan,
        cull_idle_timeout=args.cull_idle,
        pages_per_device=args.pages_per_device,
        replan_every_s=args.replan_every,
        notebooks=args.notebooks or config.notebooks_dir(),
    )
    certificate = _certificate(args, options)
    if certificate is not None:
        options = dataclasses.replace(options, certfile=certificate.certfile,
                                      keyfile=certificate.keyfile)
    template_root = offline_template(config.user_data_dir() / "voila-template")
    config_root = config.user_data_dir() / "voila-config" / str(options.port)
    write_voila_config(options, config_root)
    write_cookie_secret_config(config_root)
    shim_root = skip_slow_imports(config.user_data_dir() / "voila-shims")
    home = f"{base_url(options)}/voila/render/00_accueil.ipynb"
    print(tx.SERVE_URL.format(url=home))
    print(tx.SERVE_SESSION.format(session=session))
    print(tx.SERVE_TRAINER_CODE.format(code=trainer_code))
    if args.lan or args.host:
        print(tx.LAN_JOIN.format(url=join.join_page_url(base_url(options))))
        print(join.qr_text(join.join_page_url(base_url(options), session)))
    if plan is not None:
        chosen = ", ".join(tx.POOL_ITEM.format(name=name, size=size)
                           for name, size in plan.items() if size)
        print(tx.POOLS_PLANNED.format(pools=chosen) if chosen else tx.POOLS_NONE)
    if certificate is not None:
        from companion.serving.tls import fingerprint

        print((tx.HTTPS_SELF_SIGNED if certificate.self_signed else tx.HTTPS_PROVIDED).format(
            path=certificate.certfile, fingerprint=fingerprint(certificate.certfile)))
    print(tx.STORE_AT.format(url=url))
    print(tx.STOP_HINT, flush=True)
    process = subprocess.Popen(
        voila_command(options),
        env=voila_environment(options, template_root, config_root, shim_root),
    )
    return _wait_forwarding_signals(process)


def _certificate(args: argparse.Namespace, options: ServeOptions) -> Any:
    """Return the HTTPS certificate (``--certfile``, or self-signed with ``--https``), or None."""
    if args.keyfile and not args.certfile:
        raise CompanionError(tx.HTTPS_KEY_WITHOUT_CERT)
    if not (args.https or args.certfile):
        return None
    from companion.serving import tls

    if args.certfile:
        return tls.provided(args.certfile, args.keyfile)
    return tls.ensure_self_signed(config.user_data_dir(),
                                  tls.certificate_names(public_host(options)))


def _wait_forwarding_signals(process: subprocess.Popen[bytes]) -> int:
    """Wait for Voilà; on Ctrl+C, SIGTERM or a closed terminal, stop it (and so its kernels).

    Voilà is never left running without us.
    """

    def forward(signum: int, _frame: Any) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            return 130


def report(args: argparse.Namespace) -> int:
    """Write the session report (HTML and XLSX) of ``--session`` into ``--out``."""
    from companion.report.build import write_report
    from companion.texts import report as tr

    with open_store(store_url(args.store)) as store:
        files = write_report(store, args.session, args.out, anonymise=args.anonymiser)
    print(tr.CLI_DONE.format(html=files.html, xlsx=files.xlsx))
    return 0


def copy_notebooks(args: argparse.Namespace) -> int:
    """Copy the course notebooks into ``args.dest`` (never over an existing file)."""
    dest = Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    copied = kept = 0
    for source in sorted(config.notebooks_dir().glob("*.ipynb")):
        target = dest / source.name
        if target.exists():
            kept += 1
            continue
        shutil.copyfile(source, target)
        copied += 1
    print(tx.NOTEBOOKS_COPIED.format(count=copied, kept=kept, dest=dest))
    return 0


def _add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from companion.texts import report as tr

    p_report = commands.add_parser("report", help=tr.CLI_HELP)
    p_report.add_argument("--session", required=True, help=tr.CLI_SESSION)
    p_report.add_argument("--out", required=True, help=tr.CLI_OUT)
    p_report.add_argument("--anonymiser", action="store_true", help=tr.CLI_ANONYMISE)
    p_report.add_argument("--store", default=None, help=tr.CLI_STORE)
    p_report.set_defaults(handler=report)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``companion`` command."""
    parser = argparse.ArgumentParser(prog="companion", description=tx.DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    p_serve = commands.add_parser("serve", help=tx.SERVE_HELP)
    p_serve.add_argument(
        "--port", type=int, default=int(os.environ.get("COMPANION_PORT", 8866)), help=tx.PORT_HELP
    )
    p_serve.add_argument("--lan", action="store_true", help=tx.LAN_HELP)
    p_serve.add_argument("--host", default=None, help=tx.HOST_HELP)
    p_serve.add_argument("--https", action="store_true", help=tx.HTTPS_HELP)
    p_serve.add_argument("--certfile", type=Path, default=None, help=tx.CERTFILE_HELP)
    p_serve.add_argument("--keyfile", type=Path, default=None, help=tx.KEYFILE_HELP)
    p_serve.add_argument("--store", default=None, help=tx.STORE_HELP)
    p_serve.add_argument("--session", default=None, help=tx.SESSION_HELP)
    p_serve.add_argument("--trainer-code", default=None, help=tx.TRAINER_CODE_HELP)
    p_serve.add_argument("--pool", type=int, default=None, help=tx.POOL_HELP)
    p_serve.add_argument("--cull-idle", type=int, default=20 * 60, help=tx.CULL_HELP)
    p_serve.add_argument("--pages-per-device", type=int, default=PAGES_PER_DEVICE,
                         help=tx.PAGES_PER_DEVICE_HELP)
    p_serve.add_argument("--replan-every", type=float, default=REPLAN_EVERY_S,
                         help=tx.REPLAN_HELP)
    p_serve.add_argument("--notebooks", type=Path, default=None, help=tx.NOTEBOOKS_HELP)
    p_serve.set_defaults(handler=serve)
    _add_report(commands)
    p_copy = commands.add_parser("notebooks", help=tx.NOTEBOOKS_COPY_HELP)
    p_copy.add_argument("dest", help=tx.NOTEBOOKS_DEST_HELP)
    p_copy.set_defaults(handler=copy_notebooks)
    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


EXTRA_COMMANDS: list[Callable[[Any], None]] = []
"""Functions that add a sub-command to the parser (other sequences register theirs)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``companion`` command; French message and exit code 2 on a user error."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CompanionError as error:
        print(tx.ERROR.format(detail=detail_of(error)), file=sys.stderr)  # the trainer: the detail
        return 2


if __name__ == "__main__":
    sys.exit(main())
