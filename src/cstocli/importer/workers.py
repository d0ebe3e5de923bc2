"""Worker processes tied to their parent: they die with it, however it dies.

A many-file import parses in a ``ProcessPoolExecutor``. If the parent is killed (``kill -9``,
the OOM killer), nothing tells the pool's workers, which would live on holding the
caller's pipes open. Each worker therefore asks Linux to kill it when its parent dies
(``prctl(PR_SET_PDEATHSIG)``) and, everywhere, watches its parent id from a thread as a
fallback. Workers ignore Ctrl-C: the terminal sends SIGINT to the whole process group,
and the parent alone decides to stop (it then cancels what is queued).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""
WATCH_INTERVAL = 0.2
"""Seconds between two looks at the parent, where the kernel cannot be asked."""


def start_worker(parent: int) -> None:
    """Run first in every worker (the pool's initializer): tie it to ``parent``.

    ``parent`` is the importing process. It is this process's parent under the "fork"
    start method; under "forkserver" the parent is the server, which exits with it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ask_kernel()
    # The parent may have died before the request above: then no signal will ever come.
    adopter = os.getppid()
    if not _alive(parent):
        os._exit(1)
    threading.Thread(
        target=_watch, args=(parent, adopter), name="parent-watch", daemon=True
    ).start()


def _ask_kernel() -> None:
    """Have the kernel send SIGKILL to this process when its parent dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # noqa: PLC0415 - only worker processes need it

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc to ask: the watcher thread remains
        pass


def _watch(parent: int, adopter: int) -> None:
    """Exit as soon as the importing process or this one's parent is gone."""
    while os.getppid() == adopter and _alive(parent):
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (the pid was reused)
        return False
    return True
