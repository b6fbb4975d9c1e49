"""A wheel built from the project carries the plugin, metadata.yml and the queries, and works installed."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import httpx
import pytest
from conftest import start_datasette

from alpaca_explore import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("alpaca_explore-*.whl")
    return built


def test_wheel_contents(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    queries = {path.name for path in (ROOT / "queries").iterdir()}
    assert "alpaca_explore/metadata.yml" in names
    assert {f"alpaca_explore/queries/{name}" for name in queries} <= names
    assert {f"alpaca_explore/plugins/{path.name}" for path in (ROOT / "plugins").glob("*.py")} <= names
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "[datasette]\nalpaca_explore = alpaca_explore.plugins" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_wheel_installed_in_a_fresh_environment_serves_the_explorer(wheel, tmp_path):
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    # The dependencies come from this environment, after the fresh one's own packages: no network.
    site_packages = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    Path(site_packages, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    located = subprocess.run([python, "-c", "import alpaca_explore.plugins as p; print(p.__file__)"], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert located.startswith(site_packages)

    source = tmp_path / "alpaca_data.json"
    source.write_text(json.dumps([{"instruction": "Name a fruit.", "input": "", "output": "Apple."}]))
    load(str(source), tmp_path / "alpaca.db")
    for extra in ([], ["-m", str(ROOT / "metadata.yml")]):
        process, base = start_datasette("alpaca.db", *extra, cwd=tmp_path, python=python)
        try:
            queries = {q["name"] for q in httpx.get(base + "/alpaca.json").json()["queries"]}
            assert {"search", "fts_search", "verb_noun"} <= queries
            index = httpx.get(base + "/").text
            assert "Stanford Alpaca explorer" in index and "CC BY-NC 4.0" in index  # serving Stanford Alpaca alone
            assert httpx.get(base + "/alpaca/alpaca_data.alpaca").json() == json.loads(source.read_text())
        finally:
            process.terminate()
            process.wait()
