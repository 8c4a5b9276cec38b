"""HTTP GET with retries and exponential backoff, and clear messages when it fails."""

import time
from collections.abc import Callable

import httpx

from .ssb_errors import SsbError

RETRY_STATUSES = {429, 500, 502, 503, 504}


def refused(response: httpx.Response, url: str) -> SsbError:
    """SSB's answer to a request it refused. PxWebApi v2 sends problem+json
    (`{"type", "title", "status", "detail"}`); its title and detail are kept, else the start
    of the body."""
    try:
        problem = response.json()
    except ValueError:
        problem = None
    if isinstance(problem, dict) and (problem.get("title") or problem.get("detail")):
        title, detail = str(problem.get("title") or ""), str(problem.get("detail") or "")
        text = title if detail in ("", title) else f"{title}: {detail}"
    else:
        text = response.text[:300]
    code = "too_many_cells" if "too many cells" in text.lower() else "refused"
    return SsbError(code, status=response.status_code, path=httpx.URL(url).path, detail=text)


class Fetcher:
    def __init__(
        self,
        client: httpx.Client | None = None,
        attempts: int = 4,
        backoff: float = 2.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.client = client or httpx.Client(timeout=60, headers={"Accept": "application/json"})
        self.attempts, self.backoff, self.sleep = attempts, backoff, sleep

    def json(self, url: str, params: dict | None = None) -> dict:
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = self.client.get(url, params=params)
            except httpx.TransportError as error:
                if last:
                    raise SsbError("unreachable", host=httpx.URL(url).host,
                                   error=type(error).__name__) from error
            else:
                if response.status_code in RETRY_STATUSES and not last:
                    wait = response.headers.get("Retry-After", "")
                    self.sleep(float(wait) if wait.isdigit() else delay)
                    delay *= 2
                    continue
                if response.status_code >= 400:
                    raise refused(response, url)
                try:
                    return response.json()
                except ValueError as error:
                    raise SsbError("not_json", url=url) from error
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")
