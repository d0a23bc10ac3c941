"""A local HTTP server receiving webhooks: keeps each POST's headers and body, and answers
with the statuses it is told to, in order, then 200."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class ReceivedHook:
    path: str
    headers: dict[str, str]
    body: bytes


class WebhookReceiver:
    """Runs on 127.0.0.1 and a free port in a thread until `stop()`."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[ReceivedHook] = []
        self.answers: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.received.append(ReceivedHook(self.path, dict(self.headers), body))
                    status = receiver.answers.pop(0) if receiver.answers else 200
                payload = b"gone" if status == 410 else b"ok"
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test reads `received`."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def answer(self, *statuses: int) -> None:
        """Answer the next POSTs with `statuses`, in order."""
        with self.lock:
            self.answers.extend(statuses)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
