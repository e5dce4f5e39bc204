#!/usr/bin/env python3
"""Write the generated article page (Markdown) to a folder: `python scripts/render.py --out out`."""
import sys

from scholarpage.cli import main

sys.exit(main(["render", *sys.argv[1:]]))
