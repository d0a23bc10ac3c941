"""The bundled console's entry point: the same command line as the installed `operator-console`."""

import sys

from operator_console.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
