"""Run BRM Desk as ``python -m brm_desk``."""

import sys

from brm_desk.cli import main

sys.exit(main())
