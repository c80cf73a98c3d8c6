"""Serve the built site on 127.0.0.1, quietly: ``make site-open``, the tests and the benchmark.

A browser that closes a page while a file is on its way is normal, not an error: the
server says nothing about it (Python's own ``http.server`` prints a traceback).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        try:
            super().copyfile(source, outputfile)
        except (ConnectionResetError, BrokenPipeError):
            pass  # the browser closed a page while a file was on its way


def _server(map_: Path, poort: int) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", poort), functools.partial(StilleHandler, directory=str(map_)))


@contextmanager
def serveer(map_: Path, poort: int = 0) -> Iterator[str]:
    """Serve ``map_`` in a background thread (port 0: a free one); yields the base URL."""
    httpd = _server(map_, poort)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description="Toon de gebouwde site op deze computer.")
    parser.add_argument("map", type=Path, help="de gebouwde site (_build/html)")
    parser.add_argument("--poort", type=int, default=8000)
    args = parser.parse_args()
    with _server(args.map, args.poort) as httpd:
        print(f"Open http://127.0.0.1:{args.poort}/oefenen/ in je browser (stoppen: Ctrl+C).",
              flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\nGestopt.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
