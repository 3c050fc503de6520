"""A built site served on localhost, for `python -m hooks serve`, the tests and the benchmark.

Python's http.server in a background thread: files are sent as they are, uncompressed.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, port: int = 0, quiet: bool = True) -> Iterator[str]:
    """Serve folder on 127.0.0.1 (port 0: a free port); yields the base URL, ending in "/".
    quiet: no line per request (the tests and the benchmark make thousands)."""
    handler_class = _QuietHandler if quiet else http.server.SimpleHTTPRequestHandler
    handler = functools.partial(handler_class, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
