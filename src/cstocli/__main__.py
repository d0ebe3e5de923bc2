"""``python -m cstocli``: the same entry point as the ``cstocli`` command."""

from cstocli.cli.launch import main

main()
