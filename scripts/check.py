"""Data-quality report on references.bib: python scripts/check.py [references.bib] [--strict]."""
import sys

from scholarpage.cli import main

sys.exit(main(["check", *sys.argv[1:]]))
