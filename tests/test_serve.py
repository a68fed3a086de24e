"""``companion serve``: safe Voilà flags, the offline template, and what it prints."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from companion.serving.serve import (
    SERVER_MODULE,
    ServeOptions,
    offline_template,
    skip_slow_imports,
    voila_command,
    voila_config,
    voila_environment,
    with_page_guard,
    write_voila_config,
)
from companion.store import open_store
from tests.browser.harness import free_port


def _options(**kwargs: object) -> ServeOptions:
    return ServeOptions(
        store_url="sqlite:////tmp/x.sqlite3", trainer_code="SECRET", session="ABC234", **kwargs
    )  # type: ignore[arg-type]


def test_voila_runs_standalone_with_safe_flags() -> None:
    command = voila_command(_options())
    assert command[1:3] == ["-m", SERVER_MODULE]  # Voilà's app, see companion/serving/server.py
    for flag in (
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--no-browser",
        "--template=companion",
        "--Voila.ip=127.0.0.1",
        "--preheat_kernel=True",
    ):
        assert flag in command
    assert not any("debug" in part for part in command)
    culling = [p for p in command if "cull_idle_timeout" in p]
    assert culling == ["--MappingKernelManager.cull_idle_timeout=1200"]
    assert "--VoilaExecutor.cell_error_instruction" in " ".join(command)


def test_preheat_pools_and_upload_size_go_to_voila_json(tmp_path: Path) -> None:
    path = write_voila_config(_options(pool_size=3), tmp_path)
    settings = json.loads(path.read_text())
    pools = settings["VoilaKernelManager"]["kernel_pools_config"]
    assert pools["default"]["pool_size"] == 0 and pools["00_accueil.ipynb"]["pool_size"] == 3
    assert pools["02_remue_meninges_1.ipynb"]["pool_size"] == 3
    assert pools["05_visite_de_site.ipynb"]["pool_size"] == 1
    assert settings["VoilaKernelManager"]["fill_delay"] >= 10  # a class is served first
    # a page built while a whole pool preheats keeps its widget (benchmarks/bench_day.py)
    assert settings["VoilaExecutor"]["iopub_timeout"] >= 30
    assert settings["VoilaConfiguration"]["http_header_envs"] == ["Cookie"]  # visitor_id()
    assert settings["Voila"]["tornado_settings"]["websocket_max_message_size"] >= 20 * 2**20
    assert settings["Voila"]["tornado_settings"]["compress_response"] is True
    env = voila_environment(_options(), tmp_path / "t", tmp_path)
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0] == str(tmp_path)


def test_pool_zero_turns_preheating_off() -> None:
    assert "--preheat_kernel=False" in voila_command(_options(pool_size=0))


def test_lan_opens_to_the_room_network_only_when_asked() -> None:
    assert "--Voila.ip=0.0.0.0" in voila_command(_options(lan=True))


def test_kernels_get_the_store_and_trainer_code_but_not_the_browser(tmp_path: Path) -> None:
    env = voila_environment(_options(), tmp_path)
    assert env["COMPANION_STORE"] == "sqlite:////tmp/x.sqlite3"
    assert env["COMPANION_TRAINER_CODE"] == "SECRET"
    assert env["JUPYTER_PATH"].split(os.pathsep)[0] == str(tmp_path)


def test_the_offline_template_has_no_cdn_link(tmp_path: Path) -> None:
    root = offline_template(tmp_path)
    index = (root / "voila" / "templates" / "companion" / "index.html.j2").read_text()
    assert "cdn.jsdelivr.net" not in index and "https://" not in index.split("{#")[0]
    assert "extends" in index
    conf = json.loads((root / "voila" / "templates" / "companion" / "conf.json").read_text())
    assert conf == {"base_template": "lab"}


def test_serve_prints_url_session_and_trainer_code(tmp_path: Path) -> None:
    port = free_port()
    store = tmp_path / "s.sqlite3"
    env = {**os.environ, "COMPANION_DATA_DIR": str(tmp_path / "data")}
    env.pop("COMPANION_TRAINER_CODE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "companion.serving.cli", "serve", f"--port={port}",
         f"--store={store}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        lines = [process.stdout.readline().rstrip("\n") for _ in range(3)]  # type: ignore[union-attr]
    finally:
        process.terminate()
        process.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):  # Voilà and its preheated kernels too
            os.killpg(process.pid, signal.SIGKILL)
    assert lines[0] == f"URL : http://127.0.0.1:{port}/voila/render/00_accueil.ipynb"
    assert lines[1].startswith("Session : ") and len(lines[1].split(" : ")[1]) == 6
    assert lines[2].startswith("Code formateur : ") and len(lines[2].split(" : ")[1]) >= 8
    with open_store(store) as opened:
        active = opened.active_session()
        assert active is not None and active.code == lines[1].split(" : ")[1]


def test_serve_refuses_a_broken_store_with_a_french_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"pas une base " * 100)
    result = subprocess.run(  # timeout: it must stop by itself, not wait for a database
        [sys.executable, "-m", "companion.serving.cli", "serve", f"--store={broken}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "n'est pas une base du compagnon" in result.stderr
    assert "Traceback" not in result.stderr


def test_served_processes_skip_the_slow_optional_import(tmp_path: Path) -> None:
    shim = skip_slow_imports(tmp_path / "shims")
    env = voila_environment(_options(), tmp_path / "t", None, shim)
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(shim)
    code = (
        "import importlib.util, jsonschema, nbformat\n"
        "try:\n"
        "    import rfc3987_syntax\n"
        "    print('loaded')\n"
        "except ImportError:\n"
        "    print('skipped')\n"
        "nbformat.validate(nbformat.v4.new_notebook())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "skipped"


def _children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(proc.name))
    return found


def test_stopping_serve_stops_voila_too(tmp_path: Path) -> None:
    env = {**os.environ, "COMPANION_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "companion.serving.cli",
            "serve",
            f"--port={free_port()}",
            f"--store={tmp_path / 's.sqlite3'}",
            "--pool=0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    [voila] = _children(process.pid)
    time.sleep(3)  # let Voilà install its own signal handlers
    process.terminate()
    assert process.wait(timeout=60) is not None
    deadline = time.monotonic() + 30
    while Path(f"/proc/{voila}").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    stat = Path(f"/proc/{voila}/stat")
    assert not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_a_page_kernel_is_freed_once_its_page_is_gone() -> None:
    from companion.serving.server import PageKernels

    pages = PageKernels(grace_s=15, never_connected_s=45)
    pages.handed("left", now=0)
    pages.handed("open", now=0)
    pages.handed("loading", now=0)
    assert pages.to_free({"left": 1, "open": 1, "loading": 0}, {"loading": 30}, now=40) == []
    # "left" loses its websocket; "loading" keeps rendering (activity) without connecting yet
    assert pages.to_free({"left": 0, "open": 1, "loading": 0}, {"loading": 60}, now=61) == []
    assert pages.to_free({"left": 0, "open": 1, "loading": 0}, {"loading": 60}, now=70) == []
    assert pages.to_free({"left": 0, "open": 1, "loading": 0}, {"loading": 60}, now=76) == [
        "left"
    ]
    assert pages.to_free({"open": 1, "loading": 0}, {"loading": 60}, now=106) == ["loading"]


def test_a_dropped_websocket_that_comes_back_keeps_its_kernel() -> None:
    from companion.serving.server import PageKernels

    pages = PageKernels(grace_s=15, never_connected_s=45)
    pages.handed("k", now=0)
    assert pages.to_free({"k": 1}, {}, now=5) == []
    assert pages.to_free({"k": 0}, {}, now=10) == []
    assert pages.to_free({"k": 1}, {}, now=20) == []  # back within the grace
    assert pages.to_free({"k": 0}, {}, now=30) == []
    assert pages.to_free({"k": 0}, {}, now=44) == []
    assert pages.to_free({}, {}, now=100) == [] and pages.pages == {}  # gone: forgotten


def test_versioned_static_files_are_cached_for_a_year() -> None:
    from companion.serving.server import HASHED_NAME

    assert HASHED_NAME.search("/voila/labextensions/x/static/remoteEntry.1dda3c8f6e5cd2a3.js")
    assert HASHED_NAME.search("/voila/labextensions/x/static/496.ad7666673ba278088e95.js")
    assert not HASHED_NAME.search("/voila/static/voila.js")


def test_pages_load_plotly_js_only_for_a_chart_from_a_hashed_local_file(tmp_path: Path) -> None:
    from companion.core.html import plotly_html
    from companion.serving.server import HASHED_NAME, light_page_config

    root = offline_template(tmp_path)
    env = voila_environment(_options(), root)
    url = env["COMPANION_PLOTLY_JS"]
    assert url.startswith("/voila/templates/companion/static/") and HASHED_NAME.search(url)
    assert (root / "voila" / "templates" / "companion" / "static" / url.rsplit("/", 1)[1]).exists()
    config = {"federated_extensions": [{"name": "jupyterlab-plotly"}, {"name": "w"}], "x": 1}
    assert light_page_config(config) == {"federated_extensions": [{"name": "w"}], "x": 1}
    html = plotly_html({"data": [{"x": ["</script><img src=x onerror=alert(1)>"]}]}, url, "f1")
    assert "</script><img" not in html and html.count("</script>") == 1
    assert url in html


def test_pools_follow_the_programme_the_class_and_the_memory() -> None:
    from datetime import datetime

    from companion.content.course import programme
    from companion.serving.pools import KERNEL_BYTES, plan_pools
    from companion.serving.serve import LIVE_NOTEBOOKS, SECONDARY_NOTEBOOKS

    live = LIVE_NOTEBOOKS + SECONDARY_NOTEBOOKS
    plan = plan_pools(
        programme(), datetime(2026, 11, 28, 8, 30), live_notebooks=live,
        registrations=30, free_memory=16 * 2**30,
    )
    assert plan.sizes["00_accueil.ipynb"] == 31  # a class of 30 (and the trainer) arrives
    assert plan.sizes["02_remue_meninges_1.ipynb"] == 0 and plan.sizes["08_evaluation.ipynb"] == 0
    brainstorm = plan_pools(
        programme(), datetime(2026, 11, 28, 10, 45), live_notebooks=live,
        registrations=30, free_memory=16 * 2**30,
    )
    assert brainstorm.sizes["02_remue_meninges_1.ipynb"] == 31
    assert brainstorm.sizes["00_accueil.ipynb"] == 0
    small = plan_pools(
        programme(), datetime(2026, 11, 28, 8, 30), live_notebooks=live,
        registrations=30, free_memory=2 * 2**30,
    )
    # (2 GiB - 1.5 GiB) / 2 for the pools, one participant kernel each (72 MiB): 3 kernels
    assert KERNEL_BYTES == 72 * 2**20 and sum(small.sizes.values()) == 3
    nobody = plan_pools(
        programme(), datetime(2026, 11, 28, 8, 30), live_notebooks=live,
        registrations=0, free_memory=16 * 2**30,
    )
    assert nobody.sizes["00_accueil.ipynb"] == 12
    opened = plan_pools(
        programme(), datetime(2026, 11, 28, 8, 30), live_notebooks=live, registrations=5,
        free_memory=16 * 2**30, opened=programme().sequences[-1],
    )
    assert opened.sizes["00_accueil.ipynb"] == 0 and opened.current == programme().sequences[-1]


def test_serve_without_pool_flag_uses_the_pool_rule(tmp_path: Path) -> None:
    path = write_voila_config(_options(pool_plan={"00_accueil.ipynb": 7}), tmp_path)
    pools = json.loads(path.read_text())["VoilaKernelManager"]["kernel_pools_config"]
    assert pools == {"default": {"pool_size": 0}, "00_accueil.ipynb": {"pool_size": 7}}
    assert "--preheat_kernel=True" in voila_command(_options(pool_plan={"00_accueil.ipynb": 7}))
    # an empty plan now (lunch, evening) still preheats: the pools fill when the day gets there
    assert "--preheat_kernel=True" in voila_command(_options(pool_plan={"x.ipynb": 0}))
    follow = json.loads(path.read_text())["CompanionVoila"]
    assert follow["follow_programme"] is True and follow["replan_every_s"] == 60.0
    fixed = json.loads(write_voila_config(_options(pool_size=2), tmp_path).read_text())
    assert fixed["CompanionVoila"]["follow_programme"] is False  # --pool N fixes the pools


def test_pages_say_they_are_french_and_carry_the_connection_guard(tmp_path: Path) -> None:
    options = ServeOptions(store_url="sqlite://", trainer_code="X", session="S")
    assert "--VoilaExporter.language_code=fr" in voila_command(options)
    index = (offline_template(tmp_path) / "voila" / "templates" / "companion"
             / "index.html.j2").read_text(encoding="utf-8")
    guard_at = index.index("cp-connection")
    assert index.index("voila_setup_helper_functions()") < guard_at  # in <body>, before
    assert guard_at < index.index("voila_setup_labextensions(")  # Voilà's code opens sockets
    assert "{% raw %}" in index


def test_a_changed_voila_template_is_refused_rather_than_served_without_guard() -> None:
    with pytest.raises(RuntimeError, match="voila_setup_helper_functions"):
        with_page_guard("<html><body>no anchor</body></html>")


def test_the_room_limits_reach_the_server(tmp_path: Path) -> None:
    options = ServeOptions(store_url="sqlite://", trainer_code="X", session="S",
                           pages_per_device=4)
    assert voila_config(options)["CompanionVoila"]["pages_per_device"] == 4


def test_the_page_guard_knows_the_message_limit_the_server_applies_to_each_page() -> None:
    """Files over a page's websocket limit are refused in the browser (issue 14, item 6):
    the guard's limits are the server's, upload pages large, the others small."""
    import re

    from companion.serving.page_guard import MESSAGE_OVERHEAD, connection_guard_html
    from companion.serving.server import (
        PAGE_MESSAGE_BYTES,
        UPLOAD_NOTEBOOKS,
        PageKernel,
        message_limit,
    )

    found = re.search(r"var LIMITS = (\{.*?\}), lastUpload", connection_guard_html())
    assert found is not None
    limits = json.loads(found.group(1))
    upload = voila_config(ServeOptions(store_url="sqlite://", trainer_code="X", session="S"))[
        "Voila"]["tornado_settings"]["websocket_max_message_size"]
    assert set(limits["pages"]) == set(UPLOAD_NOTEBOOKS)
    for name, limit in limits["pages"].items():
        assert limit == upload == message_limit(PageKernel(0.0, notebook=name), upload)
    assert limits["other"] == PAGE_MESSAGE_BYTES == message_limit(None, upload)
    assert limits["overhead"] == MESSAGE_OVERHEAD
