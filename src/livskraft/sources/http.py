"""HTTP GET with retries and exponential backoff, and clear messages when it fails."""

import time
from collections.abc import Callable

import httpx

from .ssb_errors import SsbError

RETRY_STATUSES = {429, 500, 502, 503, 504}


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
                    raise SsbError(
                        f"Fikk ikke kontakt med {httpx.URL(url).host} ({type(error).__name__}). "
                        "Er maskinen på nett?"
                    ) from error
            else:
                if response.status_code in RETRY_STATUSES and not last:
                    wait = response.headers.get("Retry-After", "")
                    self.sleep(float(wait) if wait.isdigit() else delay)
                    delay *= 2
                    continue
                if response.status_code >= 400:
                    raise SsbError(
                        f"SSB svarte {response.status_code} på {httpx.URL(url).path}: "
                        f"{response.text[:300]}"
                    )
                try:
                    return response.json()
                except ValueError as error:
                    raise SsbError(f"SSB svarte med noe som ikke er JSON fra {url}") from error
            self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")
