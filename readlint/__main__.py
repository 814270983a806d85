"""The `readlint` command and `python -m readlint`: the process around the command line."""

import gc
import sys


def run() -> None:
    # Loading readlint makes tens of thousands of objects that live as long as the process,
    # and nothing to throw away: Python's searches for unreachable objects over them, during
    # the imports, the run and the clean-up at exit, are wasted (measured on one page: 20 ms
    # of searches, and 40 ms of the 55 ms exit). They are set aside (frozen) once loaded,
    # and so is everything at the end.
    gc.disable()
    # A character the terminal's encoding cannot show (a page's "é" or a table's lines, on a
    # console or a pipe set to ASCII or cp1252) is printed as "?", never a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    from .cli import main

    gc.freeze()
    gc.enable()
    try:
        main(prog_name="readlint")
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
