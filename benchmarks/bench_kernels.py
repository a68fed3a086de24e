"""Benchmark: resident memory (RSS) of each participant page's kernel against a bare kernel
running a one-button ipywidgets notebook, started the same way in the same run.

Run: ``.venv/bin/python benchmarks/bench_kernels.py [--runs N]`` (``make bench`` runs them all).

Each notebook runs in a fresh ipykernel as in a preheated Voilà kernel of ``companion serve``:
the environment ``companion serve`` gives its kernels (store, trainer code, ``PYTHONPATH``
shims), ``VOILA_PREHEAT=True``, and a stand-in for Voilà's request-info websocket that hands
the kernel its visitor's address (``?session=…&groupe=…``) when the last cell asks for it.
The session holds contributions of every activity (``tests/report_fixture.py``), the visitor
is in subgroup A. Once every cell ran, the kernel's ``VmRSS`` is read from ``/proc`` and the
heavy libraries found in its ``sys.modules`` are listed; then the trainer unlocks the page's
area and the RSS is read again. Target: ≤ 80 MB per participant kernel.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.processes import rss_mb  # noqa: E402
from tests.request_info import request_info_server  # noqa: E402

PAGES = ("00_accueil", "01_introduction_ess", "02_remue_meninges_1", "03_remue_meninges_2",
         "04_diagnostic_partage", "05_visite_de_site", "06_table_ronde", "08_evaluation")
"""The notebooks participants open live (``serve.LIVE_NOTEBOOKS`` and ``SECONDARY_NOTEBOOKS``)."""
BARE = ["import ipywidgets as w\n\nw.Button(description='OK')"]
HEAVY = ("pandas", "numpy", "plotly", "openpyxl", "sqlalchemy.orm", "segno", "voila",
         "jupyter_server", "nbconvert")
SESSION, GROUP, CODE = "BENCH1", "A", "FORMA7EUR"
QUERY = f"session={SESSION}&groupe={GROUP}"
PROBE = f"import sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
UNLOCK = (
    "from companion.widgets.page import SessionPage\n"
    "_page = next(v for v in list(globals().values()) if isinstance(v, SessionPage))\n"
    f"print(_page.gate.check({CODE!r}) and _page.trainer_area.built)"
)


def kernel_environment(tmp: Path, port: int) -> dict[str, str]:
    """The environment of a preheated kernel of ``companion serve``, on a store whose active
    session holds contributions of every activity (the report tests' session)."""
    from companion.core.model import TRAINER
    from companion.serving.serve import skip_slow_imports
    from companion.store import open_store
    from tests.report_fixture import fill

    store_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    with open_store(store_url) as store:
        fill(store, SESSION)
        store.activate_session(SESSION, actor=TRAINER)
    shims = skip_slow_imports(tmp / "shims")
    env = dict(os.environ)
    env.update({
        "COMPANION_STORE": store_url, "COMPANION_TRAINER_CODE": CODE,
        "COMPANION_SESSION": SESSION, "COMPANION_DATA_DIR": str(tmp / "data"),
        "COMPANION_NOW": "2026-11-28T10:45:00",
        # the shims first, as ``companion serve`` does; then this checkout's companion
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(shims), str(ROOT), env.get("PYTHONPATH", "")) if p),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "VOILA_PREHEAT": "True", "VOILA_APP_IP": "127.0.0.1", "VOILA_APP_PORT": str(port),
        "VOILA_SERVER_URL": "/",
    })
    env.pop("QUERY_STRING", None)
    return env


def code_cells(name: str) -> list[str]:
    notebook = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _run(client: Any, code: str) -> str:
    """Execute ``code``; return its stdout; raise on an error output."""
    out: list[str] = []

    def hook(msg: dict[str, Any]) -> None:
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream" and content["name"] == "stdout":
            out.append(content["text"])
        elif kind == "error":
            raise RuntimeError(f"{content['ename']}: {content['evalue']}")

    client.execute_interactive(code, timeout=300, output_hook=hook)
    return "".join(out).strip()


def measure(cells: list[str], env: dict[str, str], *, trainer: bool) -> dict[str, Any]:
    """Run ``cells`` in a fresh kernel; return its RSS, heavy modules, RSS after unlock."""
    from jupyter_client.manager import KernelManager

    kernel_env = {**env, "VOILA_KERNEL_ID": uuid.uuid4().hex}
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env=kernel_env, cwd=str(ROOT / "notebooks"))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        for code in cells:
            _run(client, code)
        pid = manager.provisioner.process.pid  # type: ignore[union-attr]
        time.sleep(0.5)  # let the comm messages of the shown widgets go out
        result: dict[str, Any] = {"rss": rss_mb(pid), "heavy": _run(client, PROBE)}
        if trainer:
            if _run(client, UNLOCK) != "True":
                raise RuntimeError("the trainer's area was not built")
            time.sleep(0.5)
            result.update(trainer_rss=rss_mb(pid), trainer_heavy=_run(client, PROBE))
        return result
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    request = {"QUERY_STRING": QUERY, "SCRIPT_NAME": "/voila/render/page.ipynb",
               "SERVER_SOFTWARE": "voila/bench"}
    with tempfile.TemporaryDirectory() as tmp_name, request_info_server(request) as (port, _):
        env = kernel_environment(Path(tmp_name), port)
        bare: list[float] = []
        pages: dict[str, list[dict[str, Any]]] = {name: [] for name in args.pages}
        for _ in range(args.runs):  # interleaved: the bare kernel is measured in every round
            bare.append(measure(BARE, env, trainer=False)["rss"])
            for name in args.pages:
                pages[name].append(measure(code_cells(name), env, trainer=True))
    base = statistics.median(bare)
    print(f"bare kernel, one ipywidgets button: {base:.0f} MB (runs: {_mb(bare)})")
    print(f"{'page':<24}{'RSS MB':>8}{'ratio':>7}{'≤ 80 MB':>9}  heavy modules loaded"
          f"  |  trainer unlocked: RSS MB, heavy modules")
    for name, runs in pages.items():
        rss = statistics.median(r["rss"] for r in runs)
        trainer = statistics.median(r["trainer_rss"] for r in runs)
        ok = "yes" if rss <= 80 else "NO"
        print(f"{name:<24}{rss:>8.0f}{rss / base:>7.2f}{ok:>9}  {runs[-1]['heavy'] or '—'}"
              f"  |  {trainer:.0f}, {runs[-1]['trainer_heavy'] or '—'}")


def _mb(values: list[float]) -> list[int]:
    return [round(v) for v in values]


if __name__ == "__main__":
    main()
