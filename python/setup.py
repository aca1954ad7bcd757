"""Builds and installs the redflag package: `pip install --no-build-isolation ./python`.

Offline, from Debian packages only: setuptools drives CMake, which builds the extension module
(target redflag_python, python/CMakeLists.txt) from this repository's sources with pybind11-dev
and python3-dev, and the module is installed beside the pure Python package in python/redflag/.
docs/python.md "Installing" says how to run it (a venv, as Debian's Python is externally managed).
"""
import os
import pathlib
import re
import shlex
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent  # the repository: the module is built from all of it


class CMakeBuild(build_ext):
    """Builds the one extension by configuring the repository with CMake and building its target."""

    def build_extension(self, extension: Extension) -> None:
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
                        "-DREDFLAG_PYTHON=ON", "-DREDFLAG_TESTS=OFF", f"-DPython3_EXECUTABLE={sys.executable}",
                        # More CMake arguments, as scikit-build and other CMake-driven packages take them.
                        *shlex.split(os.environ.get("CMAKE_ARGS", ""))],
                       check=True)
        # CMake's own CMAKE_BUILD_PARALLEL_LEVEL, when set, says how many jobs; else one per core.
        jobs = [] if os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") else ["-j", str(os.cpu_count() or 1)]
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "redflag_python", *jobs], check=True)
        built = next((build_dir / "python" / "redflag").glob("_redflag*.so"))
        target = pathlib.Path(self.get_ext_fullpath(extension.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built), str(target))


def version() -> str:
    """The version of project(VERSION) in CMakeLists.txt, the one place it is written."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(redflag VERSION ([0-9.]+)", text).group(1)


setup(
    name="redflag",
    version=version(),
    description="Clinical red-flag rules: evaluate cases, tables and Dask collections against a redflag KB",
    packages=["redflag"],
    package_data={"redflag": ["py.typed", "_redflag.pyi"]},
    ext_modules=[Extension("redflag._redflag", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
