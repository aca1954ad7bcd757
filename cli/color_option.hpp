// `--color auto|always|never`, on every verb that prints diagnostics or text results.
//
// auto (the default) colours a stream only when it is a terminal, NO_COLOR is unset or empty
// (no-color.org) and TERM is not `dumb`; always and never override all three, so an explicit
// `--color always` wins over NO_COLOR as no-color.org allows. Standard error (diagnostics) and
// standard output (results) are decided separately: `redflag lint kb | less` still colours the
// diagnostics on the terminal.
#pragma once

namespace CLI {
class App;
}

namespace redflag::cli {

enum class ColorWhen { Auto, Always, Never };

// Adds `--color WHEN` to [verb], stored in [when].
void add_color_option(CLI::App& verb, ColorWhen& when);

// Adds `--color WHEN` to [root], the app whose subcommands are the verbs, so that it may come
// before the verb (`redflag --color never check kb`): the verb's `--color` gets its value unless
// that is given too, after the verb, which wins. A verb without `--color` ignores it.
void add_root_color_option(CLI::App& root);

// Whether what is written to file descriptor [fd] gets ANSI colours.
bool use_color(ColorWhen when, int fd);

}  // namespace redflag::cli
