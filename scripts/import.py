"""Import an OJS article page or a reference list: python scripts/import.py PAGE [--out DIR]."""
import sys

from scholarpage.cli import main

sys.exit(main(["import", *sys.argv[1:]]))
