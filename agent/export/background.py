"""One piece of I/O-bound work (hashing a file) run on a thread beside the export's own work.

SHA-256 and file reads release the GIL, so on two cores a clip or a recording is hashed while
the gate or the cut runs: the export waits for the slower of the two, not for their sum.
"""
from __future__ import annotations

import threading
from typing import Any, Callable


class Background:
    """Runs fn(*args) on a daemon thread; result() waits and returns it (or raises its error)."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn, args), daemon=True,
                                        name="footage-agent-hash")
        self._thread.start()

    def _run(self, fn, args) -> None:
        try:
            self._value = fn(*args)
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc

    def done(self) -> bool:
        """Whether the work has ended (without waiting)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Wait for the work to end, whatever its outcome."""
        self._thread.join()

    def result(self) -> Any:
        """The work's value, once it is done; its exception if it failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value
