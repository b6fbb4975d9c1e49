"""What killed loads leave behind: temporary files and folders named with the host and the process that made them.

A load killed outright (SIGKILL, the out-of-memory killer) cannot clean up; the
next one removes what processes on its host that no longer run left behind, and
never what a running load, or one on another host sharing the folder, is using.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
from pathlib import Path


def prefix(stem: str) -> str:
    """The start of the name of a temporary file or folder this process makes: ``stem``, the host, the pid."""
    return f"{_host_prefix(stem)}{os.getpid()}."


def remove_abandoned(folder: Path, stem: str, suffix: str = "") -> None:
    """Delete the files and folders in ``folder`` named by :func:`prefix` with ``stem`` (and ending with ``suffix``) by
    processes on this host that no longer run."""
    host_prefix = _host_prefix(stem)
    for path in folder.glob(f"{glob.escape(host_prefix)}*{suffix}"):
        pid = path.name[len(host_prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _process_exists(int(pid)):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def _host_prefix(stem: str) -> str:
    return f"{stem}{socket.gethostname()}."


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, run by another user
    return True
