"""HTTP download with retries, backoff and clear errors, for the fetch stage."""

from __future__ import annotations

import contextlib
import email.utils
import time

import httpx

from . import __version__
from .errors import AlpacaExploreError

MAX_RETRY_WAIT = 60.0
_RETRY_STATUSES = {429, 500, 502, 503, 504}


def download(
    url: str, out, validators: dict[str, str], *, timeout: float, retries: int, progress: bool
) -> httpx.Response:
    """Stream ``url`` into ``out`` with retries; return the final response (304 writes nothing)."""
    headers = {"User-Agent": f"alpaca-explore/{__version__}", **validators}
    if _on_the_hub(url) and (token := _hub_token()):
        headers["Authorization"] = f"Bearer {token}"  # httpx drops it on a redirect to another host (the Hub's CDN)
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
            except (httpx.TooManyRedirects, httpx.DecodingError) as error:  # the same again on a retry
                raise AlpacaExploreError(f"download of {url} failed: {_describe(error)}") from None
            except httpx.InvalidURL as error:
                raise AlpacaExploreError(f"invalid URL {url}: {error}") from None
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
    hint = ""
    if response.status_code in (401, 403) and _on_the_hub(url):
        hint = ": a gated or private dataset? accept its terms on its page, then log in (hf auth login) or set HF_TOKEN"
    raise AlpacaExploreError(f"HTTP {response.status_code} {response.reason_phrase} for {url}{hint}")


def _on_the_hub(url: str) -> bool:
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL:  # reported when it is fetched
        return False
    return host in ("huggingface.co", "hf.co") or host.endswith((".huggingface.co", ".hf.co"))


def _hub_token() -> str | None:
    """The Hugging Face token, from huggingface_hub (which tokenizers installs), as the Hub's own tools find it: HF_TOKEN,
    else the file ``hf auth login`` writes."""
    from huggingface_hub import get_token

    try:
        return get_token()
    except Exception as error:  # an OIDC exchange asked for (HF_OIDC_RESOURCE) that failed, or an expired login
        raise AlpacaExploreError(f"cannot get the Hugging Face token: {error}") from None


def _retry_wait(response: httpx.Response, attempt: int) -> float:
    """Seconds to wait before retrying: Retry-After when the server gives it, else backoff."""
    retry_after = response.headers.get("Retry-After", "").strip()
    if retry_after.isdigit():
        return min(float(retry_after), MAX_RETRY_WAIT)
    with contextlib.suppress(ValueError, TypeError):  # neither seconds nor a date: back off as usual
        when = email.utils.parsedate_to_datetime(retry_after)
        return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_WAIT)
    return _backoff(attempt)


def _backoff(attempt: int) -> float:
    return 0.5 * 2**attempt


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({str(error) or 'connection refused'})"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server closed the connection early ({error})"
    if isinstance(error, httpx.TooManyRedirects):
        return "too many redirects (a redirect loop?)"
    if isinstance(error, httpx.DecodingError):
        return f"the body does not match its Content-Encoding ({error})"
    return str(error) or type(error).__name__
