"""Run BRM Desk as ``python -m brm_desk``."""

import sys

from brm_desk.cli import main
from brm_desk.frozen import prepare

if __name__ == "__main__":
    prepare()
    sys.exit(main())
