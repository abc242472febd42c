"""Run BRM Desk as ``python -m brm_desk``."""

import sys

from brm_desk.frozen import prepare
from brm_desk.launch import main

if __name__ == "__main__":
    prepare()
    sys.exit(main())
