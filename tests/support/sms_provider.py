"""A local HTTP server speaking Twilio's Messages API: checks the account and its token,
answers with a message sid, refuses a number that is not E.164, and can be told to answer
429 (too many requests) a number of times."""

from __future__ import annotations

import base64
import json
import threading
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

ACCOUNT_SID = "AC00000000000000000000000000000001"
AUTH_TOKEN = "test-token"


@dataclass(frozen=True)
class ReceivedSms:
    to: str
    sender: str
    body: str
    sid: str


class SmsProvider:
    """Runs on 127.0.0.1 and a free port in a thread until `stop()`."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[ReceivedSms] = []
        self.log: list[str] = []
        self.busy_answers = 0
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                status, document = provider.answer(
                    self.path,
                    self.headers.get("Authorization", ""),
                    self.rfile.read(int(self.headers.get("Content-Length", "0"))),
                )
                payload = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: object) -> None:
                with provider.lock:
                    provider.log.append(format % args)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def answer_busy(self, times: int) -> None:
        """Answer the next `times` messages 429, as Twilio does over its rate."""
        with self.lock:
            self.busy_answers = times

    def answer(self, path: str, authorization: str, body: bytes) -> tuple[int, dict[str, object]]:
        expected_path = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
        credentials = base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
        if path != expected_path:
            return 404, _error(20404, "The requested resource was not found", 404)
        if authorization != f"Basic {credentials}":
            return 401, _error(20003, "Authenticate", 401)
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        with self.lock:
            if self.busy_answers > 0:
                self.busy_answers -= 1
                return 429, _error(20429, "Too Many Requests", 429)
        to = form.get("To", "")
        if not (to.startswith("+") and to[1:].isdigit()):
            return 400, _error(21211, f"The 'To' number {to} is not a valid phone number.", 400)
        sid = "SM" + uuid.uuid4().hex
        with self.lock:
            self.received.append(ReceivedSms(to, form.get("From", ""), form.get("Body", ""), sid))
        return 201, {"sid": sid, "status": "queued", "to": to, "body": form.get("Body", "")}


def _error(code: int, message: str, status: int) -> dict[str, object]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
