"""Fetch stage: turn a SOURCE (URL, GitHub page, path or ``-``) into a local file.

Downloads stream through httpx into an on-disk cache keyed by URL and are
revalidated with conditional GET, so an unchanged file is never transferred twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import AlpacaExploreError

DEFAULT_SOURCE = "https://raw.githubusercontent.com/tatsu-lab/stanford_alpaca/main/alpaca_data.json"
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3

_OTHER_URL = re.compile(r"[a-z][a-z0-9+.-]+://", re.I)  # ftp://, s3://, hf://: two letters at least, unlike C:/
_GITHUB_BLOB = re.compile(r"^https?://github\.com/([^/]+)/([^/]+)/(?:blob|raw)/(.+?)(?:\?.*)?$")
_HUGGING_FACE_BLOB = re.compile(r"^https?://huggingface\.co/((?:datasets/)?[^/]+/[^/]+)/blob/(.+?)(?:\?.*)?$")
# A repository's or a dataset's own page (its front page, a folder or the dataset viewer), not a file.
_GITHUB_PAGE = re.compile(r"^https?://github\.com/([^/?#]+/[^/?#]+?)(?:\.git)?/?(?:/tree/[^?#]*)?(?:[?#].*)?$")
_HUGGING_FACE_PAGE = re.compile(r"^https?://huggingface\.co/((?:datasets/)?[^/?#]+/[^/?#]+)/?(?:/(?:tree|viewer)/[^?#]*)?(?:[?#].*)?$")
# A file on the Hub as pandas, Polars and DuckDB name it, and as the Hub's "Use this dataset" snippets give it:
# hf://datasets/OWNER/NAME[@REVISION]/PATH (a model's without "datasets/").
_HUGGING_FACE_PATH = re.compile(r"^hf://((?:datasets/|spaces/)?[^/@]+/[^/@]+)(?:@([^/]+))?(?:/(.*))?$", re.I)
# A URL typed without its scheme ("github.com/o/r/blob/main/x.json"): a host name, then a path.
_HOST_WITHOUT_SCHEME = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/", re.I)


@dataclass(frozen=True)
class LocalSource:
    """A source made available as a local file, and where it came from."""

    path: Path
    source: str
    url: str | None = None
    from_cache: bool = False


def raw_url(url: str) -> str:
    """Rewrite a GitHub or Hugging Face ``blob/`` page URL to the raw file it shows, and an ``hf://`` path to the file's
    URL; other URLs are unchanged.

    A repository's or dataset's own page is a one-line error that says which URL to give instead.
    """
    if match := _HUGGING_FACE_PATH.match(url):
        repository, revision, path = match.groups()
        if not path or "*" in path or "?" in path:
            raise AlpacaExploreError(
                f"{url} names no single file: give each of its files, as hf://{repository}/PATH (the Hub's Files tab lists them)"
            )
        return f"https://huggingface.co/{repository}/resolve/{revision or 'main'}/{path}"
    if match := _GITHUB_PAGE.match(url):
        raise AlpacaExploreError(
            f"{url} is a repository's page, not a file: give the URL of the file itself, as its page shows it "
            f"(https://github.com/{match.group(1)}/blob/BRANCH/FILE)"
        )
    if match := _HUGGING_FACE_PAGE.match(url):
        raise AlpacaExploreError(
            f"{url} is a page, not a file: give the URL of one of its data files, from its Files tab "
            f"(https://huggingface.co/{match.group(1)}/blob/main/FILE)"
        )
    if match := _GITHUB_BLOB.match(url):
        owner, repo, ref_and_path = match.groups()
        return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref_and_path}"
    if match := _HUGGING_FACE_BLOB.match(url):
        repository, ref_and_path = match.groups()
        return f"https://huggingface.co/{repository}/resolve/{ref_and_path}"
    return url


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
        if sys.stdin.isatty():
            raise AlpacaExploreError(
                "- reads standard input, but it is a terminal: pipe a file in (cat data.jsonl | alpaca-explore load -)"
            )
        with _spool_stdin() as path:
            yield LocalSource(path, source)
    elif source.lower().startswith(("http://", "https://", "hf://")):
        url = raw_url(source)
        if use_cache:
            path, from_cache = download_cached(url, timeout=timeout, retries=retries, progress=progress)
            yield LocalSource(path, source, url, from_cache)
        else:
            from .download import download

            with tempfile.TemporaryDirectory(prefix="alpaca-explore-") as tmp:
                path = Path(tmp) / "download"
                with path.open("wb") as out:
                    download(url, out, {}, timeout=timeout, retries=retries, progress=progress)
                yield LocalSource(path, source, url)
    elif source.lower().startswith("file://"):
        from urllib.request import url2pathname

        with materialize(url2pathname(urlsplit(source).path)) as local:
            yield local
    elif _OTHER_URL.match(source):
        raise AlpacaExploreError(f"cannot load {source}: give an http(s) URL, an hf:// path, a local path, or - for standard input (download other URLs first)")
    else:
        path = Path(source).expanduser()
        if not path.exists():
            hint = "; for a URL, start it with https://" if _HOST_WITHOUT_SCHEME.match(source) else ""
            raise AlpacaExploreError(f"no such file: {source}{hint}")
        if path.is_dir():
            raise AlpacaExploreError(f"{source} is a directory, expected a file (JSON, JSON Lines, CSV, Parquet or Arrow){_data_files_in(path, source)}")
        yield LocalSource(path, source)


_DATA_SUFFIXES = (".arrow", ".parquet", ".jsonl", ".json", ".csv", ".tsv", ".gz")
# What the datasets library's save_to_disk writes beside the data: its description, not records.
_DATASET_METADATA = frozenset({"dataset_info.json", "state.json", "dataset_dict.json"})


def _data_files_in(folder: Path, source: str) -> str:
    """For a folder of data files (a dataset's shards, datasets' save_to_disk folder or one of its splits), the
    pattern that names them."""
    try:
        splits = [split for split in sorted(folder.iterdir()) if split.is_dir()]
        for where, shown in ((folder, source.rstrip("/")), *((split, f"{source.rstrip('/')}/{split.name}") for split in splits)):
            suffixes = sorted(file.suffix for file in where.iterdir() if file.suffix in _DATA_SUFFIXES and file.name not in _DATASET_METADATA)
            if suffixes:
                return f"; give its data files: alpaca-explore load {shown}/*{max(suffixes, key=suffixes.count)}"
    except OSError:  # a folder we may not read
        pass
    return ""


def _validators(info_path: Path) -> dict[str, str]:
    """The conditional-GET headers for a cached body; none when its record is missing or unreadable."""
    try:
        info = json.loads(info_path.read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(info, dict):
        return {}
    validators = {}
    if info.get("etag"):
        validators["If-None-Match"] = info["etag"]
    if info.get("last_modified"):
        validators["If-Modified-Since"] = info["last_modified"]
    return validators


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
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    body, info_path = directory / f"{key}.body", directory / f"{key}.json"
    validators = _validators(info_path) if body.exists() else {}
    # httpx takes a tenth of a second to import: only loads that download pay for it.
    from .download import download

    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=directory, prefix=f".{key}.", suffix=".part")
    except OSError as error:
        raise AlpacaExploreError(
            f"cannot use the download cache {directory} ({error.strerror}): set ALPACA_EXPLORE_CACHE_DIR to a "
            "folder you can write, or use --no-cache"
        ) from None
    try:
        with os.fdopen(fd, "wb") as out:
            response = download(url, out, validators, timeout=timeout, retries=retries, progress=progress)
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
