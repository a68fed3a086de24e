"""The package installs: every package is listed, and a wheel works outside the checkout.

The wheel test builds the wheel from this repository, installs it (and only it) in a fresh
virtual environment, then starts the installed ``companion serve`` from an empty directory and
renders the course home through it: content and notebooks must come from the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.browser.harness import free_port

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _declared() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_package_of_the_tree_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "companion").rglob("__init__.py")
    }
    declared = set(_declared()["packages"])  # type: ignore[call-overload]
    assert found | {"companion.data", "companion.notebooks"} == declared


def test_content_and_notebooks_are_found_as_package_data() -> None:
    from companion.core import config

    assert (config.content_dir() / "programme.toml").is_file()
    assert (config.notebooks_dir() / "00_accueil.ipynb").is_file()
    assert config.content_dir() == ROOT / "data"  # this checkout's files, not a copy


def test_one_version_number() -> None:
    import companion

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    from importlib.metadata import version

    assert version("companion") == companion.__version__


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the built wheel; the dependencies come from this environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = (tmp / "dist").glob("companion-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [str(venv / "bin" / "python"), "-c",
             "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )
    # Dependencies: this environment's site-packages, as a plain path (its .pth files, the
    # editable install of the checkout among them, are not read from there).
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True,
    )
    # Data files that packages install beside the interpreter (Voilà's templates, kernel specs).
    (venv / "share").symlink_to(Path(sys.prefix) / "share")
    bin_dir = venv / "bin"
    (bin_dir / "companion").write_text(
        f"#!{bin_dir / 'python'}\nimport sys\nfrom companion.serving.cli import main\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    (bin_dir / "companion").chmod(0o755)
    return venv


@pytest.mark.slow
def test_the_wheel_carries_content_and_notebooks(wheel_venv: Path, tmp_path: Path) -> None:
    code = (
        "import companion, pathlib\n"
        "from companion.core import config\n"
        "print(pathlib.Path(companion.__file__).parent)\n"
        "print(config.content_dir()); print(config.notebooks_dir())\n"
        "print(companion.programme().title)\n"
    )
    out = subprocess.run([str(wheel_venv / "bin" / "python"), "-c", code], cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout.splitlines()
    package, content, notebooks, title = out
    assert str(wheel_venv) in package and ROOT.as_posix() not in package
    assert content.startswith(package) and notebooks.startswith(package)
    assert (Path(notebooks) / "04_diagnostic_partage.ipynb").is_file()
    assert title


@pytest.mark.slow
def test_the_installed_command_serves_the_course_from_any_directory(
    wheel_venv: Path, tmp_path: Path
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANION_")}
    env["COMPANION_DATA_DIR"] = str(tmp_path / "data")
    env["PATH"] = f"{wheel_venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    workdir = tmp_path / "ailleurs"
    workdir.mkdir()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(wheel_venv / "bin" / "companion"), "serve", f"--port={port}", "--pool=0",
         f"--store=sqlite:///{tmp_path / 'store.sqlite3'}", "--session=ROULE1"],
        cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/", timeout=2):  # noqa: S310 (local)
                    break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.3)
        url = f"{base}/voila/render/00_accueil.ipynb"
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (local)
            page = response.read().decode("utf-8")
        assert "Accueil" in page or "accueil" in page
        assert WIDGET_VIEW in page, "the home page's widget was not built"
        assert "Traceback" not in page and "error when executing" not in page.lower()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_the_notebooks_command_copies_the_course_without_overwriting(tmp_path: Path) -> None:
    from companion.serving.cli import main

    dest = tmp_path / "mes_carnets"
    dest.mkdir()
    (dest / "00_accueil.ipynb").write_text("mon carnet modifié", encoding="utf-8")
    assert main(["notebooks", str(dest)]) == 0
    copied = sorted(p.name for p in dest.glob("*.ipynb"))
    assert copied == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert (dest / "00_accueil.ipynb").read_text(encoding="utf-8") == "mon carnet modifié"
