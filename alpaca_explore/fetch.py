"""Fetch stage: turn a SOURCE (URL, GitHub page, path or ``-``) into a local file.

Downloads stream through httpx into an on-disk cache keyed by URL and are
revalidated with conditional GET, so an unchanged file is never transferred twice.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from . import __version__
from .errors import AlpacaExploreError

DEFAULT_SOURCE = "https://raw.githubusercontent.com/tatsu-lab/stanford_alpaca/main/alpaca_data.json"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
MAX_RETRY_WAIT = 60.0

_GITHUB_BLOB = re.compile(r"^https?://github\.com/([^/]+)/([^/]+)/(?:blob|raw)/(.+?)(?:\?.*)?$")
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class LocalSource:
    """A source made available as a local file, and where it came from."""

    path: Path
    source: str
    url: str | None = None
    from_cache: bool = False


def raw_url(url: str) -> str:
    """Rewrite a GitHub ``blob/`` page URL to the raw file it shows; other URLs are unchanged."""
    match = _GITHUB_BLOB.match(url)
    if not match:
        return url
    owner, repo, ref_and_path = match.groups()
    return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref_and_path}"


def cache_dir() -> Path:
    """The download cache: ``$ALPACA_EXPLORE_CACHE_DIR`` or the user's cache directory."""
    configured = os.environ.get("ALPACA_EXPLORE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("alpaca-explore"))


@contextlib.contextmanager
def materialize(
    source: str,
    *,
    use_cache: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    progress: bool = False,
) -> Iterator[LocalSource]:
    """Yield the source as a local file; temporary files are removed afterwards."""
    if source == "-":
        with _spool_stdin() as path:
            yield LocalSource(path, source)
    elif source.startswith(("http://", "https://")):
        url = raw_url(source)
        if use_cache:
            path, from_cache = download_cached(url, timeout=timeout, retries=retries, progress=progress)
            yield LocalSource(path, source, url, from_cache)
        else:
            with tempfile.TemporaryDirectory(prefix="alpaca-explore-") as tmp:
                path = Path(tmp) / "download"
                with path.open("wb") as out:
                    _download(url, out, {}, timeout=timeout, retries=retries, progress=progress)
                yield LocalSource(path, source, url)
    else:
        path = Path(source).expanduser()
        if not path.exists():
            raise AlpacaExploreError(f"no such file: {source}")
        if path.is_dir():
            raise AlpacaExploreError(f"{source} is a directory, expected a JSON or JSON Lines file")
        yield LocalSource(path, source)


@contextlib.contextmanager
def _spool_stdin() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="alpaca-explore-") as tmp:
        path = Path(tmp) / "stdin"
        with path.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
        yield path


def download_cached(
    url: str, *, timeout: float, retries: int, progress: bool
) -> tuple[Path, bool]:
    """Download ``url`` into the cache, revalidating a cached copy; return (path, served from cache)."""
    directory = cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    body, info_path = directory / f"{key}.body", directory / f"{key}.json"
    validators: dict[str, str] = {}
    if body.exists() and info_path.exists():
        info = json.loads(info_path.read_text())
        if info.get("etag"):
            validators["If-None-Match"] = info["etag"]
        if info.get("last_modified"):
            validators["If-Modified-Since"] = info["last_modified"]
    fd, partial = tempfile.mkstemp(dir=directory, prefix=f".{key}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            response = _download(url, out, validators, timeout=timeout, retries=retries, progress=progress)
        if response.status_code == 304:
            return body, True
        os.replace(partial, body)
        info = {
            "url": url,
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
        }
        info_path.write_text(json.dumps(info))
        return body, False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)


def _download(
    url: str, out, validators: dict[str, str], *, timeout: float, retries: int, progress: bool
) -> httpx.Response:
    """Stream ``url`` into ``out`` with retries; return the final response (304 writes nothing)."""
    headers = {"User-Agent": f"alpaca-explore/{__version__}", **validators}
    with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, headers=headers) as client:
        for attempt in range(retries + 1):
            last = attempt == retries
            try:
                with client.stream("GET", url) as response:
                    if response.status_code in _RETRY_STATUSES and not last:
                        wait = _retry_wait(response, attempt)
                    else:
                        _check_status(response, url)
                        if response.status_code != 304:
                            out.seek(0)
                            out.truncate()
                            _stream_body(response, out, progress)
                        return response
            except httpx.TimeoutException as error:
                raise AlpacaExploreError(
                    f"download of {url} timed out after {timeout:g}s ({type(error).__name__}); see --timeout"
                ) from None
            except (httpx.TransportError, _IncompleteBody) as error:
                if last:
                    raise AlpacaExploreError(f"download of {url} failed: {_describe(error)}") from None
                wait = _backoff(attempt)
            time.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


class _IncompleteBody(Exception):
    pass


def _stream_body(response: httpx.Response, out, progress: bool) -> None:
    expected = response.headers.get("Content-Length")
    total = int(expected) if expected and expected.isdigit() else None
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc="download", leave=False)
    try:
        for chunk in response.iter_bytes(1 << 16):
            out.write(chunk)
            if bar is not None:
                bar.update(response.num_bytes_downloaded - bar.n)
    except httpx.RemoteProtocolError as error:
        raise _IncompleteBody(_describe(error)) from None
    finally:
        if bar is not None:
            bar.close()
    if total is not None and response.num_bytes_downloaded < total:
        raise _IncompleteBody(f"body cut short: received {response.num_bytes_downloaded:,} of {total:,} bytes")


def _check_status(response: httpx.Response, url: str) -> None:
    if response.status_code == 304 or response.is_success:
        return
    raise AlpacaExploreError(f"HTTP {response.status_code} {response.reason_phrase} for {url}")


def _retry_wait(response: httpx.Response, attempt: int) -> float:
    """Seconds to wait before retrying: Retry-After when the server gives it, else backoff."""
    retry_after = response.headers.get("Retry-After", "").strip()
    if retry_after.isdigit():
        return min(float(retry_after), MAX_RETRY_WAIT)
    if retry_after:
        when = email.utils.parsedate_to_datetime(retry_after)
        if when is not None:
            return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_WAIT)
    return _backoff(attempt)


def _backoff(attempt: int) -> float:
    return 0.5 * 2**attempt


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({str(error) or 'connection refused'})"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server closed the connection early ({error})"
    return str(error) or type(error).__name__
