"""The ``alpaca-explore`` command, and ``python -m alpaca_explore``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line. A Ctrl-C while it is still being imported (its first 0.15 s or so) is one line too."""
    try:
        from .cli import cli
    except KeyboardInterrupt:
        sys.exit("Error: interrupted; nothing was changed")
    cli(prog_name="alpaca-explore")


if __name__ == "__main__":
    main()
