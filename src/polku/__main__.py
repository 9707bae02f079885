"""``python -m polku``: the same as the ``polku`` command."""

from polku.cli import main

if __name__ == "__main__":
    main()
