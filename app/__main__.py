"""`innsyn` and `python -m app`: the GUI without a command, headless commands otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the bundle's statement workers start through here
    from app.store.files import sweep_partial_files

    sweep_partial_files()  # what a killed write left behind where O_TMPFILE is missing
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
