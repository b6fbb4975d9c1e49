"""Downloads from a server on 127.0.0.1: cache, conditional GET, retries and faults."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
import sqlite_utils
from conftest import Route, assert_clean_error, free_port

from alpaca_explore.fetch import raw_url

RECORDS = [{"instruction": f"Name fruit number {i}.", "input": "", "output": f"Fruit {i}."} for i in range(50)]
BODY = json.dumps(RECORDS).encode()


def rows(db_path) -> int:
    return sqlite_utils.Database(db_path)["alpaca_data"].count


def test_github_blob_urls_are_rewritten_to_raw():
    assert (
        raw_url("https://github.com/tatsu-lab/stanford_alpaca/blob/main/alpaca_data.json")
        == "https://raw.githubusercontent.com/tatsu-lab/stanford_alpaca/main/alpaca_data.json"
    )
    assert raw_url("https://github.com/o/r/raw/v1.0/data/x.jsonl?raw=true") == "https://raw.githubusercontent.com/o/r/v1.0/data/x.jsonl"
    assert raw_url("https://example.org/x.json") == "https://example.org/x.json"


def test_hugging_face_blob_urls_are_rewritten_to_resolve():
    assert (
        raw_url("https://huggingface.co/datasets/yahma/alpaca-cleaned/blob/main/alpaca_data_cleaned.json")
        == "https://huggingface.co/datasets/yahma/alpaca-cleaned/resolve/main/alpaca_data_cleaned.json"
    )
    assert raw_url("https://huggingface.co/org/model/blob/v1/data/x.jsonl?download=true") == "https://huggingface.co/org/model/resolve/v1/data/x.jsonl"
    resolved = "https://huggingface.co/datasets/tatsu-lab/alpaca/resolve/main/data/train.jsonl"
    assert raw_url(resolved) == resolved


def test_hub_paths_as_pandas_names_them_are_rewritten_to_resolve():
    """The Hub's "Use this dataset" snippets give hf:// paths: pd.read_json("hf://datasets/yahma/alpaca-cleaned/...")."""
    assert (
        raw_url("hf://datasets/yahma/alpaca-cleaned/alpaca_data_cleaned.json")
        == "https://huggingface.co/datasets/yahma/alpaca-cleaned/resolve/main/alpaca_data_cleaned.json"
    )
    assert (
        raw_url("hf://datasets/tatsu-lab/alpaca@refs%2Fconvert%2Fparquet/default/train/0000.parquet")
        == "https://huggingface.co/datasets/tatsu-lab/alpaca/resolve/refs%2Fconvert%2Fparquet/default/train/0000.parquet"
    )
    assert raw_url("hf://org/model@v1/data/x.jsonl") == "https://huggingface.co/org/model/resolve/v1/data/x.jsonl"


@pytest.mark.parametrize(
    "source", ["hf://datasets/yahma/alpaca-cleaned", "hf://datasets/yahma/alpaca-cleaned/", "hf://datasets/tatsu-lab/alpaca/data/train-*.parquet"]
)
def test_a_hub_path_to_no_single_file_is_named_before_any_download(run_cli, tmp_path, source):
    repository = "/".join(source.split("/")[2:5])
    assert_clean_error(run_cli("load", source, "--db", tmp_path / "a.db"), f"{source} names no single file", f"hf://{repository}/PATH")


HUB_FILE = "http://huggingface.co/datasets/o/gated/resolve/main/train.jsonl"
GATED_BODY = b'{"instruction": "a", "output": "b"}\n'


def through_the_hub(http_server, tmp_path, **env: str) -> dict[str, str]:
    """An environment in which requests to huggingface.co reach the test server, as a proxy, and the Hub's token is
    only what ``env`` gives (no token file but one the test writes in its HF_HOME)."""
    home = tmp_path / "hf"
    return {"HTTP_PROXY": http_server.base_url, "NO_PROXY": "127.0.0.1", "HF_HOME": str(home), "HF_TOKEN_PATH": str(home / "token"), "HF_TOKEN": "", **env}


def test_a_gated_hub_file_loads_with_the_token_the_hubs_tools_keep(http_server, run_cli, tmp_path):
    http_server.routes[HUB_FILE] = Route(GATED_BODY, authorization="Bearer hf_secret")
    refused = run_cli("load", HUB_FILE, "--db", tmp_path / "a.db", env=through_the_hub(http_server, tmp_path))
    assert_clean_error(
        refused, f"HTTP 401 Unauthorized for {HUB_FILE}: a gated or private dataset? accept its terms on its page, then log in (hf auth login) or set HF_TOKEN"
    )
    loaded = run_cli("load", HUB_FILE, "--db", tmp_path / "a.db", env=through_the_hub(http_server, tmp_path, HF_TOKEN="hf_secret"))
    assert loaded.returncode == 0, loaded.stderr
    (tmp_path / "hf").mkdir()
    (tmp_path / "hf" / "token").write_text("hf_secret\n")  # as hf auth login leaves it
    loaded = run_cli("load", HUB_FILE, "--db", tmp_path / "b.db", "--no-cache", env=through_the_hub(http_server, tmp_path))
    assert loaded.returncode == 0, loaded.stderr


def test_the_hub_token_goes_to_the_hub_alone(http_server, run_cli, tmp_path):
    """Not to another host, nor to the Hub's storage it redirects to."""
    http_server.routes["/data.jsonl"] = Route(GATED_BODY, authorization="")  # refuses any Authorization
    http_server.routes[HUB_FILE] = Route(redirect_to=http_server.url("/data.jsonl"), authorization="Bearer hf_secret")
    env = through_the_hub(http_server, tmp_path, HF_TOKEN="hf_secret")
    for source in (http_server.url("/data.jsonl"), HUB_FILE):
        result = run_cli("load", source, "--db", tmp_path / "a.db", "--no-cache", env=env)
        assert result.returncode == 0, (source, result.stderr)
    assert [status for path, status, _ in http_server.log] == [200, 302, 200]


def test_file_urls_are_local_paths(run_cli, tmp_path):
    (tmp_path / "my data.jsonl").write_text('{"instruction": "a", "output": "b"}\n')
    result = run_cli("load", (tmp_path / "my data.jsonl").as_uri(), "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    assert sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count == 1


@pytest.mark.parametrize("source", ["github.com/tatsu-lab/stanford_alpaca/blob/main/alpaca_data.json", "huggingface.co/datasets/o/d/resolve/main/x.json"])
def test_a_url_without_its_scheme_is_told_to_start_with_it(run_cli, tmp_path, source):
    assert_clean_error(run_cli("load", source, "--db", tmp_path / "a.db"), f"no such file: {source}; for a URL, start it with https://")


@pytest.mark.parametrize(
    "page, instead",
    [
        ("https://github.com/tatsu-lab/stanford_alpaca", "https://github.com/tatsu-lab/stanford_alpaca/blob/BRANCH/FILE"),
        ("https://github.com/tatsu-lab/stanford_alpaca.git", "https://github.com/tatsu-lab/stanford_alpaca/blob/BRANCH/FILE"),
        ("https://github.com/gururise/AlpacaDataCleaned/tree/main/data", "https://github.com/gururise/AlpacaDataCleaned/blob/BRANCH/FILE"),
        ("https://huggingface.co/datasets/tatsu-lab/alpaca", "https://huggingface.co/datasets/tatsu-lab/alpaca/blob/main/FILE"),
        ("https://huggingface.co/datasets/yahma/alpaca-cleaned/tree/main", "https://huggingface.co/datasets/yahma/alpaca-cleaned/blob/main/FILE"),
        ("https://huggingface.co/datasets/tatsu-lab/alpaca/viewer/default/train?row=3", "https://huggingface.co/datasets/tatsu-lab/alpaca/blob/main/FILE"),
    ],
)
def test_a_repository_or_dataset_page_is_named_before_any_download(run_cli, tmp_path, page, instead):
    """Such a page is HTML; rather than download it (or, here, fail to reach the host), say which URL to give."""
    started = time.monotonic()
    assert_clean_error(run_cli("load", page, "--db", tmp_path / "a.db"), f"{page} is a", "not a file", instead)
    assert time.monotonic() - started < 20 and not (tmp_path / "a.db").exists()


def test_files_and_other_pages_are_not_taken_for_repository_pages():
    for url in ("https://github.com/o/r/blob/main/data.json", "https://huggingface.co/datasets/o/d/resolve/main/train.jsonl",
                "https://github.com/o/r/releases/download/v1/data.json", "https://huggingface.co/datasets/o/d/raw/main/d.json"):
        assert raw_url(url).endswith((".json", ".jsonl")), url


def test_second_load_of_unchanged_url_transfers_no_body(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY)
    db = tmp_path / "a.db"
    first = run_cli("load", http_server.url("/data.json"), "--db", db)
    second = run_cli("load", http_server.url("/data.json"), "--db", db)
    assert first.returncode == second.returncode == 0, (first, second)
    assert http_server.body_bytes_sent("/data.json") == [len(BODY), 0]
    assert [status for _, status, _ in http_server.log] == [200, 304]
    assert "from cache" in second.stderr
    assert rows(db) == 50


def test_an_unusable_cache_folder_is_a_one_line_error(http_server, run_cli, tmp_path, monkeypatch):
    http_server.routes["/data.json"] = Route(BODY)
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("ALPACA_EXPLORE_CACHE_DIR", str(tmp_path / "a-file"))
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db")
    assert_clean_error(result, f"cannot use the download cache {tmp_path / 'a-file'}", "--no-cache")
    assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--no-cache").returncode == 0


@pytest.mark.parametrize("damaged", ['{"etag": "cut sh', "[]"])  # as a crash while writing it would leave it; not an object
def test_a_damaged_cache_record_means_downloading_again(http_server, run_cli, tmp_path, isolated_cache, damaged):
    http_server.routes["/data.json"] = Route(BODY)
    assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db").returncode == 0
    for record in isolated_cache.glob("*.json"):
        record.write_text(damaged)
    second = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db")
    assert second.returncode == 0, second.stderr
    assert http_server.body_bytes_sent("/data.json") == [len(BODY), len(BODY)] and rows(tmp_path / "a.db") == 50


def test_no_cache_downloads_again(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY)
    for _ in range(2):
        assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--no-cache").returncode == 0
    assert http_server.body_bytes_sent("/data.json") == [len(BODY), len(BODY)]


def test_changed_file_is_downloaded_again(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY)
    assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db").returncode == 0
    http_server.routes["/data.json"] = Route(json.dumps(RECORDS[:7]).encode())
    assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db").returncode == 0
    assert rows(tmp_path / "a.db") == 7


def test_gzip_content_encoding(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY, gzip_encoding=True)
    assert run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db").returncode == 0
    assert rows(tmp_path / "a.db") == 50


def test_gzip_file(http_server, run_cli, tmp_path):
    import gzip

    http_server.routes["/data.json.gz"] = Route(gzip.compress(BODY), headers={"Content-Type": "application/gzip"})
    assert run_cli("load", http_server.url("/data.json.gz"), "--db", tmp_path / "a.db").returncode == 0
    assert rows(tmp_path / "a.db") == 50


def test_redirects_are_followed(http_server, run_cli, tmp_path):
    http_server.routes["/old.json"] = Route(redirect_to="/moved")
    http_server.routes["/moved"] = Route(redirect_to="/data.json")
    http_server.routes["/data.json"] = Route(BODY)
    assert run_cli("load", http_server.url("/old.json"), "--db", tmp_path / "a.db").returncode == 0
    assert rows(tmp_path / "a.db") == 50


def test_503_twice_then_200_succeeds(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY, fail_first=2)
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db")
    assert result.returncode == 0, result
    assert [status for _, status, _ in http_server.log] == [503, 503, 200]


def test_persistent_503_fails_after_retries(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(BODY, fail_first=10)
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--retries", "2")
    assert_clean_error(result, "HTTP 503")
    assert len(http_server.log) == 3


def test_body_cut_short_fails_and_leaves_database_unchanged(http_server, run_cli, tmp_path):
    db = tmp_path / "a.db"
    http_server.routes["/good.json"] = Route(BODY)
    assert run_cli("load", http_server.url("/good.json"), "--db", db).returncode == 0
    before = db.read_bytes()
    http_server.routes["/cut.json"] = Route(BODY, cut_after=len(BODY) // 2)
    result = run_cli("load", http_server.url("/cut.json"), "--db", db, "--retries", "1")
    assert_clean_error(result, "closed the connection early")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_stalled_server_fails_within_timeout(http_server, run_cli, tmp_path):
    http_server.routes["/slow.json"] = Route(BODY, stall_seconds=10)
    started = time.monotonic()
    result = run_cli("load", http_server.url("/slow.json"), "--db", tmp_path / "a.db", "--timeout", "1")
    assert time.monotonic() - started < 8
    assert_clean_error(result, "timed out after 1s")


def test_html_error_page_with_200(http_server, run_cli, tmp_path):
    http_server.routes["/data.json"] = Route(b"<html><body>Sign in to continue</body></html>", headers={"Content-Type": "text/html"})
    assert_clean_error(run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db"), "HTML page")


def test_404(http_server, run_cli, tmp_path):
    assert_clean_error(run_cli("load", http_server.url("/missing.json"), "--db", tmp_path / "a.db"), "HTTP 404", "/missing.json")


def test_refused_connection(run_cli, tmp_path):
    result = run_cli("load", f"http://127.0.0.1:{free_port()}/data.json", "--db", tmp_path / "a.db", "--retries", "1")
    assert_clean_error(result, "cannot connect")


@pytest.mark.parametrize(
    "route, message",
    [
        (Route(redirect_to="/data.json"), "too many redirects"),
        (Route(b"not gzip", headers={"Content-Encoding": "gzip"}), "the body does not match its Content-Encoding"),
        (Route(b"busy", status=503, headers={"Retry-After": "soon"}), "HTTP 503 Service Unavailable"),  # retried after a backoff
    ],
)
def test_more_server_faults_are_one_line_errors(http_server, run_cli, tmp_path, route, message):
    http_server.routes["/data.json"] = route
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--retries", "1")
    assert_clean_error(result, message)
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "source, message",
    [("http://[::1", "invalid URL http://[::1"), ("ftp://example.org/data.json", "give an http(s) URL, an hf:// path, a local path, or - for standard input (download other URLs first)")],
)
def test_sources_that_cannot_be_fetched(run_cli, tmp_path, source, message):
    assert_clean_error(run_cli("load", source, "--db", tmp_path / "a.db"), message)


def test_bad_option_values_are_usage_errors(run_cli):
    for option, value in [("--timeout", "-1"), ("--retries", "-2")]:
        result = run_cli("load", "x.json", option, value)
        assert result.returncode == 2 and "Invalid value" in result.stderr and "Traceback" not in result.stderr


def _run_on_a_terminal(args: list[str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal, as in an interactive shell; return what it showed."""
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a new pty has 0 columns
    process = subprocess.Popen([str(Path(sys.executable).parent / "alpaca-explore"), *args], stderr=secondary, stdout=subprocess.DEVNULL)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait()
    os.close(primary)
    assert process.returncode == 0, shown
    return shown.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_quiet(http_server, tmp_path):
    body = json.dumps(RECORDS * 400).encode()  # 20,000 records, about 1.5 MB
    http_server.routes["/big.json"] = Route(body)
    shown = _run_on_a_terminal(["load", http_server.url("/big.json"), "--db", str(tmp_path / "a.db"), "--no-cache"])
    assert "download" in shown and "B/s" in shown and "%" in shown  # bytes, rate, share done
    assert "rows/s" in shown and "Loaded 20,000 rows" in shown
    quiet = _run_on_a_terminal(["load", http_server.url("/big.json"), "--db", str(tmp_path / "b.db"), "--no-cache", "--quiet"])
    assert quiet.strip() == ""
