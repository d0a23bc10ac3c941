"""The message templates: one TOML file per message kind and language, rendered with Jinja2."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined, Template, TemplateError

from operator_console.services.messages.model import Channel, MessageKind
from operator_console.services.resources import resource_dir

FALLBACK_LANGUAGE = "en"


class MessageTemplateError(ValueError):
    """A template file that cannot be read or rendered; the message names the file."""


@dataclass(frozen=True)
class MessageTemplate:
    """One kind's texts in one language: the e-mail subject and body, the SMS text, and the
    words its texts may look up (such as the closure reasons)."""

    subject: Template
    email: Template
    sms: Template
    words: dict[str, dict[str, str]]


class MessageBook:
    """Every template of a folder `<language>/<kind>.toml`; a language is one folder of files."""

    def __init__(self, templates: dict[tuple[str, MessageKind], MessageTemplate]) -> None:
        self._templates = templates

    @classmethod
    def load(cls, folder: Path) -> MessageBook:
        """Read every template under `folder`; raises MessageTemplateError naming a bad file."""
        environment = Environment(
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        templates = {}
        for path in sorted(folder.glob("*/*.toml")):
            try:
                kind = MessageKind(path.stem)
            except ValueError:
                raise MessageTemplateError(
                    f"{path}: no message is called {path.stem!r}; the kinds are "
                    f"{', '.join(kind.value for kind in MessageKind)}"
                ) from None
            templates[(path.parent.name, kind)] = _read(environment, path)
        if not any(language == FALLBACK_LANGUAGE for language, _ in templates):
            raise MessageTemplateError(f"{folder}: no {FALLBACK_LANGUAGE}/ templates")
        return cls(templates)

    def languages(self) -> tuple[str, ...]:
        """The languages with at least one template, sorted."""
        return tuple(sorted({language for language, _ in self._templates}))

    def language_for(self, wanted: str, kind: MessageKind) -> str:
        """`wanted` (or its base language, "es" for "es-MX") when it has `kind`; else English."""
        for candidate in (wanted, wanted.replace("_", "-").split("-")[0]):
            if (candidate.lower(), kind) in self._templates:
                return candidate.lower()
        return FALLBACK_LANGUAGE

    def render(
        self, kind: MessageKind, language: str, channel: Channel, context: dict[str, object]
    ) -> tuple[str, str]:
        """(subject, body) of `kind` in `language` for `channel`; an SMS has no subject."""
        template = self._templates[(language, kind)]
        context = {**template.words, **context}
        try:
            if channel is Channel.SMS:
                return "", template.sms.render(context).strip()
            subject = " ".join(template.subject.render(context).split())
            return subject, template.email.render(context).strip() + "\n"
        except TemplateError as error:
            raise MessageTemplateError(f"{language}/{kind.value}.toml: {error}") from error


def default_book() -> MessageBook:
    """The shipped templates: resources/messages, or $OPERATOR_CONSOLE_MESSAGES."""
    folder = resource_dir("messages", Path("en", "received.toml"), "OPERATOR_CONSOLE_MESSAGES")
    return MessageBook.load(folder)


def _read(environment: Environment, path: Path) -> MessageTemplate:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        texts = {key: environment.from_string(document[key]) for key in ("subject", "email", "sms")}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TemplateError) as error:
        raise MessageTemplateError(f"{path}: {error}") from error
    except KeyError as missing:
        raise MessageTemplateError(f"{path}: the {missing} text is missing") from None
    words = {key: value for key, value in document.items() if isinstance(value, dict)}
    return MessageTemplate(texts["subject"], texts["email"], texts["sms"], words)
