#!/usr/bin/env python3
"""`cmake --install` puts the binary, the bash, zsh and fish completions and the man page where
the shells and man look, and they describe the command line the binary has.

Installs the build into a temporary prefix, then checks: each file is what `redflag completions
SHELL` / `redflag man` prints; every verb and every option that `redflag VERB --help` lists
appears in each of them; the scripts parse (`bash -n`, `zsh -n`, `fish -n`) and complete
(bash: `lint --format <TAB>` offers text json sarif, a mistyped verb prefix its verb; fish the
same through `complete -C`); the man page has no groff warnings and `man -l` renders every verb.
A shell or tool that is missing is skipped with a message; the install and content checks
always run.

usage: shell_integration_test.py CMAKE_COMMAND BUILD_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def expect(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {str(detail)[-600:]}")


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def verbs_and_options(binary):
    """{verb: [--long options]} from the binary's own help."""
    listing = run([binary, "help"]).stdout
    verbs = re.findall(r"^  ([a-z]+) ", listing.split("Verbs:")[1], re.M)
    return {verb: options_of(run([binary, verb, "--help"]).stdout) for verb in verbs}


def options_of(help_text):
    """The --long options of one verb's help: the names that start a line of its Options list."""
    options_list = help_text.split("\nOptions:\n")[1].split("\n\n")[0]
    names = [match.group(1) for match in re.finditer(r"^  (-\S+)", options_list, re.M)]
    return sorted({name for spelling in names for name in re.findall(r"--[a-z][a-z-]*", spelling)})


def verb_part(kind, text, verb):
    """What [text], a completion script or the man page, says about [verb]."""
    if kind == "fish":
        return "\n".join(line for line in text.splitlines() if f"__fish_seen_subcommand_from {verb}'" in line)
    if kind == "man":
        start = text.find(f'.SS "redflag {verb} ')
        return text[start:text.find(".SS", start + 1)] if start >= 0 else ""
    start = text.find(f"\n    {verb})\n")
    return text[start:text.find(";;\n", text.find("esac", start) if kind == "bash" else start)] if start >= 0 else ""


def main():
    cmake, build = sys.argv[1], os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as prefix:
        installed = run([cmake, "--install", build, "--prefix", prefix])
        if installed.returncode != 0:
            print("FAIL cmake --install:", installed.stderr)
            return 1
        binary = os.path.join(prefix, "bin", "redflag")
        files = {
            "bash": os.path.join(prefix, "share/bash-completion/completions/redflag"),
            "zsh": os.path.join(prefix, "share/zsh/site-functions/_redflag"),
            "fish": os.path.join(prefix, "share/fish/vendor_completions.d/redflag.fish"),
            "man": os.path.join(prefix, "share/man/man1/redflag.1"),
        }
        expect("the binary is installed", os.access(binary, os.X_OK), binary)
        for kind, path in files.items():
            if not os.path.isfile(path):
                failures.append(f"{kind}: not installed at {path}")
                continue
            with open(path, encoding="utf-8") as file:
                text = file.read()
            generated = run([binary, "man"] if kind == "man" else [binary, "completions", kind]).stdout
            expect(f"{kind}: the installed file is what the binary generates", text == generated)
            for verb, options in verbs_and_options(binary).items():
                part = verb_part(kind, text, verb)
                expect(f"{kind}: has a part for verb {verb}", part, verb)
                for option in options:
                    spelled = {"man": option.replace("-", "\\-"), "fish": "-l " + option[2:]}.get(kind, option)
                    expect(f"{kind}: {verb} {option}", spelled in part, part)
        check_shells(files)
        check_man(files["man"])
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


def check_shells(files):
    for shell in ("bash", "zsh", "fish"):
        if not shutil.which(shell):
            print(f"skipped: `{shell}` is not installed, so `{shell} -n` was not run")
            continue
        parsed = run([shell, "-n", files[shell]])
        expect(f"{shell} -n", parsed.returncode == 0, parsed.stderr)
    if shutil.which("bash"):
        script = (f"source {files['bash']}\n"
                  "COMP_WORDS=(redflag lint --format ''); COMP_CWORD=3; _redflag; echo \"${COMPREPLY[*]}\"\n"
                  "COMP_WORDS=(redflag che); COMP_CWORD=1; _redflag; echo \"${COMPREPLY[*]}\"\n"
                  "COMP_WORDS=(redflag eval --c); COMP_CWORD=2; _redflag; echo \"${COMPREPLY[*]}\"\n"
                  "COMP_WORDS=(redflag help li); COMP_CWORD=2; _redflag; echo \"${COMPREPLY[*]}\"\n")
        lines = run(["bash", "-c", script]).stdout.splitlines()
        expect("bash: lint --format completes the formats", lines[:1] == ["text json sarif"], lines)
        expect("bash: a verb prefix completes the verb", lines[1:2] == ["check"], lines)
        expect("bash: eval --c completes --color", lines[2:3] == ["--color"], lines)
        expect("bash: help completes verbs", lines[3:4] == ["lint"], lines)
    if shutil.which("fish"):
        script = (f"source {files['fish']}; complete -C 'redflag lint --format '; echo ---; complete -C 'redflag che'")
        out = run(["fish", "--no-config", "-c", script]).stdout
        formats, verbs = out.split("---\n")
        expect("fish: lint --format completes the formats",
               sorted(line.split("\t")[0] for line in formats.splitlines()) == ["json", "sarif", "text"], out)
        expect("fish: a verb prefix completes the verb", verbs.startswith("check\t"), out)


def check_man(page):
    if shutil.which("groff"):
        checked = run(["groff", "-man", "-z", "-ww", page])
        expect("groff -man -z -ww: no warnings", checked.returncode == 0 and checked.stderr == "", checked.stderr)
    else:
        print("skipped: `groff` is not installed, so the man page was not checked for warnings")
    if shutil.which("man"):
        shown = run(["man", "-l", page], env=dict(os.environ, MANPAGER="cat", PAGER="cat", MANWIDTH="100"))
        expect("man -l renders the page", shown.returncode == 0 and "redflag lint [OPTIONS] PATH..." in shown.stdout,
               shown.stdout[:400] + shown.stderr)
    else:
        print("skipped: `man` is not installed, so the man page was not rendered")


if __name__ == "__main__":
    sys.exit(main())
