"""How many CPUs a load may use: the CPU affinity, capped by a CFS quota (a container's ``--cpus``, a Kubernetes CPU
limit), neither of which ``os.cpu_count()`` sees. (loky's ``cpu_count`` reads fixed cgroup paths, which miss a cgroup
not at the root of its mount, for 70 ms of imports and two dependencies.)"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

PROC_SELF = Path("/proc/self")


def usable_cpus(proc: Path = PROC_SELF) -> int:
    """The CPUs this process may run on and has time for: 2 in a ``--cpus 2`` container on a 64-CPU host, where
    ``os.cpu_count()`` says 64."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no CPU affinity to read
        cpus = os.cpu_count() or 1
    return min(cpus, cpu_quota(proc) or cpus)


def cpu_quota(proc: Path = PROC_SELF) -> int | None:
    """The CPUs the CFS quota of the process's cgroup, or of a cgroup above it, allows, rounded up; None without one."""
    try:
        cgroups = (proc / "cgroup").read_text().splitlines()
        mounts = (proc / "mountinfo").read_text().splitlines()
    except OSError:  # not Linux
        return None
    return min(filter(None, map(_quota_in, _cpu_cgroup_folders(cgroups, mounts))), default=None)


def _cpu_cgroup_folders(cgroups: list[str], mounts: list[str]) -> Iterator[Path]:
    """The folders of the process's CPU cgroup (v2, or v1's ``cpu`` controller) and of the cgroups above it."""
    paths = {}  # "cgroup2" or "cgroup" (v1): the process's cgroup in that hierarchy
    for line in cgroups:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            paths["cgroup2"] = path
        elif "cpu" in controllers.split(","):
            paths["cgroup"] = path
    for line in mounts:
        mount, _, filesystem = line.partition(" - ")
        fields, (fs_type, _, options) = mount.split(), filesystem.split()
        root, mount_point = fields[3], Path(fields[4])
        path = paths.get(fs_type)
        if path is None or (fs_type == "cgroup" and "cpu" not in options.split(",")) or not path.startswith(root):
            continue
        folder = mount_point / path[len(root) :].lstrip("/")
        yield from (folder, *folder.parents[: len(folder.parts) - len(mount_point.parts)])


def _quota_in(folder: Path) -> int | None:
    """The CPUs the cgroup at ``folder`` allows (v2 ``cpu.max``, v1 ``cpu.cfs_quota_us``), rounded up; None without."""
    try:
        quota, period = (folder / "cpu.max").read_text().split()
    except OSError:
        try:
            quota, period = ((folder / name).read_text().strip() for name in ("cpu.cfs_quota_us", "cpu.cfs_period_us"))
        except OSError:
            return None
    if quota == "max" or int(quota) <= 0:  # v1 says -1
        return None
    return math.ceil(int(quota) / int(period))
