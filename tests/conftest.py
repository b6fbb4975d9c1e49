"""Shared fixtures: ../shared data, an HTTP server on 127.0.0.1 with fault injection, the CLI."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.server
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = SHARED / "data" / "alpaca_sample_4000.json"
GSM8K = SHARED / "data" / "gsm8k_train_alpaca.json"
SEED_TASKS = SHARED / "data" / "seed_tasks.jsonl"
LLAMA_MODEL = SHARED / "tokenizers" / "llama" / "tokenizer.model"
TIKTOKEN_CACHE = SHARED / "tokenizers" / "tiktoken"

os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(TIKTOKEN_CACHE))

# DESIGN.md's Alpaca prompt templates, written out here so that tests check the project against them.
WITH_INPUT = (
    "Below is an instruction that describes a task, paired with an input that provides further context. "
    "Write a response that appropriately completes the request.\n\n### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:"
)
NO_INPUT = (
    "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Response:"
)

# Korean records, whose words carry their particles: 문장을 and 문장이 are 문장 (sentence) as object and as subject.
KOREAN = [
    {"instruction": "다음 문장을 영어로 번역하세요.", "input": "", "output": "Translate the sentence."},
    {"instruction": "이 문장이 맞는지 판단하세요.", "input": "", "output": "맞습니다."},
    {"instruction": "시를 써 주세요.", "input": "", "output": "바다는 넓다."},
]


# Instructions in languages written with spaces that the classifier does not read (Spanish, German, French, Russian).
OTHER_LANGUAGES = [
    {"instruction": "Escribe un poema sobre el mar.", "input": "", "output": "El mar es azul."},
    {"instruction": "Traduce la siguiente oración al inglés.", "input": "Me gusta leer.", "output": "I like to read."},
    {"instruction": "Schreibe eine kurze Geschichte über einen Hund.", "input": "", "output": "Es war einmal ein Hund."},
    {"instruction": "Décrivez le tableau suivant.", "input": "La Joconde", "output": "Un portrait."},
    {"instruction": "Напишите стихотворение о море.", "input": "", "output": "Море синее."},
]
# Languages whose verbs the rules do not read: Thai, Vietnamese, Arabic, Indonesian, Turkish.
UNREAD_LANGUAGES = [
    {"instruction": "เขียนบทกวีเกี่ยวกับทะเล", "input": "", "output": "ทะเลสีฟ้า"},
    {"instruction": "Viết một bài thơ về biển.", "input": "", "output": "Biển xanh."},
    {"instruction": "اكتب قصيدة عن البحر", "input": "", "output": "البحر أزرق."},
    {"instruction": "Tulis puisi tentang laut.", "input": "", "output": "Laut itu biru."},
    {"instruction": "Bu cümleyi İngilizceye çevir ve bir örnek ver.", "input": "Merhaba.", "output": "Hello."},
]


def training_text(record: dict) -> str:
    """The text a record trains on, by DESIGN.md: its prompt template filled, then its output."""
    return (WITH_INPUT if record["input"] != "" else NO_INPUT).format_map(record) + record["output"]


def pytest_configure(config: pytest.Config) -> None:
    """Started in the background (``pytest &`` in a script), the suite ignores Ctrl-C, and so would every load and
    export it starts: the tests that stop them with Ctrl-C need it delivered."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without ../shared the tests have neither their data nor tiktoken's encoding file: each is skipped, saying why,
    rather than failing on a missing file."""
    if not SHARED.is_dir():
        absent = pytest.mark.skip(reason=f"{SHARED} is absent: the real data and tokenizer files the tests read live there")
        for item in items:
            item.add_marker(absent)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder, for the tests that read its files by path."""
    return SHARED


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch) -> Path:
    """Every test downloads into its own cache directory."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ALPACA_EXPLORE_CACHE_DIR", str(cache))
    return cache


@dataclass
class Route:
    """What the test server answers for one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = True
    gzip_encoding: bool = False
    cut_after: int | None = None  # send the full Content-Length but only this many bytes
    fail_first: int = 0  # answer 503 (Retry-After: 0) this many times first
    stall_seconds: float = 0.0  # send headers, then stall before the body
    redirect_to: str | None = None
    authorization: str | None = None  # the Authorization header required ("" for none), else 401; None: not checked


@dataclass
class TestServer:
    base_url: str
    routes: dict[str, Route]
    log: list[tuple[str, int, int]]  # (path, status, body bytes sent)

    def url(self, path: str) -> str:
        return self.base_url + path

    def body_bytes_sent(self, path: str) -> list[int]:
        return [sent for logged_path, _, sent in self.log if logged_path == path]


def _handler(routes: dict[str, Route], log: list) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            route = routes.get(self.path.split("?")[0])
            if route is None:
                return self._send(404, b"not found", {"Content-Type": "text/plain"})
            if route.authorization is not None and self.headers.get("Authorization", "") != route.authorization:
                return self._send(401, b"unauthorized", {"Content-Type": "text/plain"})
            if route.redirect_to:
                return self._send(302, b"", {"Location": route.redirect_to})
            if route.fail_first > 0:
                route.fail_first -= 1
                return self._send(503, b"busy", {"Retry-After": "0"})
            body = gzip.compress(route.body) if route.gzip_encoding else route.body
            headers = {"Content-Type": "application/json", **route.headers}
            if route.gzip_encoding:
                headers["Content-Encoding"] = "gzip"
            if route.etag:
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                headers["ETag"] = etag
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", headers)
            self._send(route.status, body, headers, route)

        def _send(self, status: int, body: bytes, headers: dict, route: Route | None = None) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if route and route.stall_seconds:
                time.sleep(route.stall_seconds)
            sent = body if route is None or route.cut_after is None else body[: route.cut_after]
            try:
                self.wfile.write(sent)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            log.append((self.path, status, len(sent)))
            if route is not None and route.cut_after is not None:
                self.close_connection = True

    return Handler


@pytest.fixture
def http_server() -> Iterator[TestServer]:
    routes: dict[str, Route] = {}
    log: list = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, log))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield TestServer(f"http://127.0.0.1:{server.server_address[1]}", routes, log)
    server.shutdown()
    server.server_close()


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """Run ``alpaca-explore`` in a real subprocess, as a user would."""

    def run(*args: str, input: bytes | None = None, timeout: float = 120, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliResult:
        completed = subprocess.run(
            [str(Path(sys.executable).parent / "alpaca-explore"), *map(str, args)],
            input=input,
            capture_output=True,
            timeout=timeout,
            cwd=cwd,
            env={**os.environ, **env} if env else None,
        )
        return CliResult(completed.returncode, completed.stdout.decode(), completed.stderr.decode())

    return run


def assert_clean_error(result: CliResult, *needles: str) -> None:
    """A failure: non-zero exit, one line on stderr naming the problem, no traceback."""
    assert result.returncode != 0, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle.lower() in lines[0].lower(), (needle, lines[0])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_datasette(*args: str, cwd: Path, python: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start a real ``datasette`` process on a free loopback port; return it and its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(python or sys.executable), "-m", "datasette", *args, "--port", str(port)],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status = httpx.get(base + "/-/versions.json", timeout=1).status_code
            if status != 200:
                process.kill()
                raise RuntimeError(f"datasette answered /-/versions.json with {status}")
            return process, base
        except httpx.TransportError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode())
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("datasette did not start")


@contextlib.contextmanager
def datasette_client(*args: str, cwd: Path, timeout: float = 30) -> Iterator[tuple[httpx.Client, subprocess.Popen]]:
    """A real ``datasette`` process (see :func:`start_datasette`) and an HTTP client for it; stopped afterwards."""
    process, base = start_datasette(*args, cwd=cwd)
    try:
        with httpx.Client(base_url=base, timeout=timeout) as client:
            yield client, process
    finally:
        process.terminate()
        process.wait()


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` that makes every file the child writes stop at ``limit`` bytes, as a full disk would."""

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_file_size
