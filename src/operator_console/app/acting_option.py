"""`--as LOGIN`: the admin a SQLite command acts as, given before or after its subcommand."""

from __future__ import annotations

import argparse

ACTING_HELP = "the admin (SQLite); the same as --staff LOGIN before the command's group"


def acting_option() -> argparse.ArgumentParser:
    """A parent parser adding `--as LOGIN` to a subcommand (`staff list --as admin1`); absent,
    it sets nothing, so it keeps an `--as LOGIN` given before the subcommand."""
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument(
        "--as", dest="acting_login", metavar="LOGIN", default=argparse.SUPPRESS, help=ACTING_HELP
    )
    return acting


def add_group_acting_option(group: argparse.ArgumentParser) -> None:
    """`--as LOGIN` on the command group itself (`staff --as admin1 list`)."""
    group.add_argument("--as", dest="acting_login", metavar="LOGIN", help=ACTING_HELP)
