"""What the benchmarks read about running processes (Linux ``/proc``)."""

from __future__ import annotations

from pathlib import Path


def rss_mb(pid: int) -> float:
    """Return the resident memory of process ``pid`` in MB (NaN when it is gone)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def kernel_pids() -> list[int]:
    """Return the pids of every Jupyter kernel running on the machine."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if b"ipykernel_launcher" in cmd:
                found.append(int(proc.name))
    return found
