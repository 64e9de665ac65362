"""Innsyn: the privacy officer's workbench."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innsyn")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
