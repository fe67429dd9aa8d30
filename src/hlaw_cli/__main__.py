"""Allow ``python -m hlaw_cli``."""

from hlaw_cli.cli import main

main()
