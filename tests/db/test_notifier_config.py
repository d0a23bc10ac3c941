"""notify.toml: a good file gives the senders and retries; a bad one is refused naming the file
and the key."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from operator_console.app.cli import main
from operator_console.channels.config import NotifyConfigError, load_config
from operator_console.channels.email import EmailSender
from operator_console.channels.hold import HoldSender
from operator_console.channels.sms import TwilioSender

GOOD = """
[email]
host = "smtp.city.example"
port = 587
security = "starttls"
username = "console"
password_env = "SMTP_PASSWORD"
from = "City 311 <no-reply@city.example>"
reply_to = "311@city.example"

[sms]
provider = "twilio"
account_sid = "AC123"
token_env = "TWILIO_TOKEN"
from = "+16175550100"

[retry]
first_seconds = 60
cap_seconds = 1800
max_attempts = 5
"""
SECRETS = {"SMTP_PASSWORD": "s3cret", "TWILIO_TOKEN": "t0ken"}
EMAIL_ONLY = '[email]\nhost = "smtp.city.example"\nfrom = "no-reply@city.example"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "notify.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_gives_both_channels_and_the_retry_policy(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), SECRETS)
    assert config.email is not None and config.sms is not None
    assert (config.email.host, config.email.port, config.email.password) == (
        "smtp.city.example",
        587,
        "s3cret",
    )
    assert config.email.domain == "city.example"
    assert config.sms.messages_url == (
        "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json"
    )
    assert (config.retry.first, config.retry.cap, config.retry.max_attempts) == (
        timedelta(minutes=1),
        timedelta(minutes=30),
        5,
    )
    senders = config.senders()
    assert isinstance(senders["email"], EmailSender)
    assert isinstance(senders["sms"], TwilioSender)
    assert "s3cret" not in repr(config) and "t0ken" not in repr(config)


def test_a_section_left_out_holds_that_channel(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EMAIL_ONLY), {})
    assert config.email is not None and config.email.port == 587
    assert isinstance(config.senders()["sms"], HoldSender)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[email]\nfrom = "a@b.example"\n', "[email] host: missing"),
        (EMAIL_ONLY + "port = '587'\n", "[email] port: must be a whole number from 1 to 65535"),
        (EMAIL_ONLY + 'security = "ssl"\n', "[email] security: 'ssl' is not one of starttls"),
        (
            EMAIL_ONLY + 'username = "u"\npassword_env = "NOT_SET"\n',
            "[email] password_env: the environment variable NOT_SET is not set",
        ),
        (
            EMAIL_ONLY + 'username = "u"\n',
            "[email] password_env: missing",
        ),
        (EMAIL_ONLY + 'hots = "x"\n', "[email] hots: unknown key"),
        ('[email]\nhost = "h"\nfrom = "no address"\n', "[email] from: 'no address' is not an"),
        ('[sms]\naccount_sid = "AC1"\nfrom = "+1"\n', "[sms] token_env: missing"),
        (
            '[sms]\nprovider = "nexmo"\naccount_sid = "AC1"\n',
            "[sms] provider: 'nexmo' is not one of twilio",
        ),
        ("[retry]\nfirst_seconds = 60\ncap_seconds = 30\n", "[retry] cap_seconds: 30 is shorter"),
        ("[mail]\nhost = 'h'\n", "unknown section [mail]"),
        ("[email\n", "not valid TOML"),
    ],
)
def test_a_bad_file_is_named_with_its_key(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(NotifyConfigError) as refused:
        load_config(path, {})
    assert str(refused.value).startswith(f"{path}: ")
    assert problem in str(refused.value)


def test_the_command_names_the_file_and_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, EMAIL_ONLY + "port = 0\n")
    url = f"sqlite:///{tmp_path}/console.sqlite3"
    assert main(["--database-url", url, "notify", "run", "--config", str(path), "--once"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"operator-console: {path}: [email] port: must be a whole number from 1 to 65535, not 0\n"
    )
    missing = tmp_path / "absent.toml"
    assert main(["--database-url", url, "notify", "run", "--config", str(missing)]) == 2
    assert f"{missing}: cannot be read" in capsys.readouterr().err
