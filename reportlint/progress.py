"""A one-line progress counter on stderr for long batches.

Only a person watching a terminal needs it, so it shows only when the stream is
a TTY and the batch has at least ``threshold`` files; it rewrites one line with
``\\r`` and clears it at the end, so nothing of it is left between the findings.
It never writes to stdout, so it cannot mix into machine-readable output.

The engine calls the printer as ``progress(done, total)`` after each file
(``ConfiguredLinter.lint_paths(..., progress=...)``).
"""

from __future__ import annotations

import time

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import TextIO


THRESHOLD = 20  # files; a smaller batch is over before a counter would help


class Progress:
    """``progress(done, total)`` writes ``\\r检查中 12/80 …`` (or ``\\rChecking 12/80 …``)."""

    def __init__(self, stream: TextIO, lang: str = "zh", *, threshold: int = THRESHOLD, interval: float = 0.05) -> None:
        self.stream = stream
        self.lang = lang
        self.threshold = threshold
        self.interval = interval  # seconds between redraws: a fast run must not spend its time printing
        self._width = 0
        self._last: float | None = None  # None: nothing drawn yet, so the first call always draws

    def __call__(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        now = time.monotonic()
        if done < total and self._last is not None and now - self._last < self.interval:
            return
        self._last = now
        pct = done * 100 // total if total else 100
        text = f"检查中 {done}/{total}（{pct}%）" if self.lang == "zh" else f"Checking {done}/{total} ({pct}%)"
        pad = " " * max(self._width - len(text), 0)
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._width = max(self._width, len(text))

    def close(self) -> None:
        """Clear the line (if anything was written), leaving the cursor at its start."""
        if self._width:
            # A CJK character takes two columns: clear twice the characters written.
            self.stream.write("\r" + " " * (self._width * 2) + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def for_stream(stream: TextIO, lang: str = "zh") -> Progress | None:
    """A Progress for ``stream`` when it is a terminal, else None (no progress at all)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return None
    return Progress(stream, lang) if tty else None
