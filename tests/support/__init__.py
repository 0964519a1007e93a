"""Helpers shared by the test modules, importable from any folder under tests/ (conftest.py puts
tests/ on sys.path): saved parses (``parses``) and the extraction helpers (``extraction``)."""
