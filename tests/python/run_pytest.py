#!/usr/bin/env python3
"""Runs one test file of tests/python/ under pytest for CTest, or skips it saying why.

usage: run_pytest.py TEST_FILE [MODULE,MODULE... | -]
Exit 77 (CTest's SKIP_RETURN_CODE) when pytest or one of the modules is not installed, naming
the Debian package that brings it (bash .ci/setup installs them all); else pytest's exit code.
"""
import importlib.util
import sys

DEBIAN_PACKAGES = {"pytest": "python3-pytest", "numpy": "python3-numpy", "pandas": "python3-pandas",
                   "dask": "python3-dask", "distributed": "python3-distributed"}


def main() -> int:
    test_file = sys.argv[1]
    needs = ["pytest"] + (sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] != "-" else [])
    missing = [f"{name} (Debian {DEBIAN_PACKAGES[name]})" for name in needs if importlib.util.find_spec(name) is None]
    if missing:
        print(f"SKIP: {sys.executable} lacks {', '.join(missing)}; bash .ci/setup installs them")
        return 77
    import pytest
    return pytest.main(["-q", "-p", "no:cacheprovider", test_file])


if __name__ == "__main__":
    sys.exit(main())
