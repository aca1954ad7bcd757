#!/usr/bin/env python3
"""Who may include whom, and who may print (docs/architecture.md, "Bird's-eye view").

usage: layering_test.py SOURCE_DIR
Reads every C++ file under grammar/, compiler/, runtime/, tools/, cli/ and python/ and fails, naming
the file and line, when:
- runtime/ includes compiler/, grammar/, tools/, cli/ or PEGTL (it needs only the standard library);
- compiler/ or grammar/ includes tools/ or cli/, or compiler/ includes the VM (runtime/vm*.hpp);
- tools/ includes cli/ or CLI11;
- python/ (the extension module, a front end on tools/) includes cli/ or CLI11;
- anything outside cli/ includes CLI11;
- grammar/, compiler/, runtime/, tools/ or python/ writes to standard output or standard error, or
  touches process-wide state (signals, umask, the locale, the environment, exit).
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
# Writes to the process's own streams; snprintf into a buffer is not one.
PRINTS = re.compile(r'\b(stdout|stderr|std::cout|std::cerr|std::clog)\b'
                    r'|(?<![sn])printf\s*\(|\bputs\s*\(|\bfmt::print\s*\(')

# Process-wide state belongs to the executable: a library shares its process with a host.
PROCESS_STATE = re.compile(r'\b(signal|sigaction|umask|setlocale|getenv|setenv|exit|_exit|abort)\s*\(')

FORBIDDEN_INCLUDES = {
    "runtime": ("compiler/", "grammar/", "tools/", "cli/", "tao/", "fmt/", "CLI/"),
    "grammar": ("compiler/", "tools/", "cli/", "runtime/"),
    "compiler": ("tools/", "cli/", "CLI/", "runtime/vm.hpp", "runtime/vm_batch.hpp"),
    "tools": ("cli/", "CLI/"),
    "python": ("cli/", "CLI/"),
    "cli": (),
}
MAY_PRINT = {"cli"}


def strip_comment(line: str) -> str:
    """The code of [line], without a // comment or a string literal that could mention a stream."""
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    return line.split("//", 1)[0]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    problems = []
    checked = 0
    for part, forbidden in FORBIDDEN_INCLUDES.items():
        for path in sorted((root / part).rglob("*")):
            if path.suffix not in (".hpp", ".cpp", ".h", ".def", ".inc"):
                continue
            checked += 1
            name = path.relative_to(root)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                include = INCLUDE.match(line)
                if include and include.group(1).startswith(forbidden):
                    problems.append(f"{name}:{number}: {part}/ must not include {include.group(1)}")
                if part not in MAY_PRINT and not include and PRINTS.search(strip_comment(line)):
                    problems.append(f"{name}:{number}: {part}/ must not write to stdout or stderr: {line.strip()}")
                if part not in MAY_PRINT and PROCESS_STATE.search(strip_comment(line)):
                    problems.append(f"{name}:{number}: {part}/ must not touch process-wide state: {line.strip()}")
    for problem in problems:
        print(problem)
    if checked < 100:
        print(f"only {checked} files found under {root}: wrong SOURCE_DIR?")
        return 1
    print(f"{checked} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
