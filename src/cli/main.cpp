// xpuspec: compare AI accelerators from sourced spec sheets. main parses, runs one subcommand, and is the one
// place that turns a core error into "xpuspec: error: ..." and exit status 2.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/names.hpp"

namespace {

void print_errors(const std::string& message) {
  std::istringstream lines(message);
  for (std::string line; std::getline(lines, line);) {
    // Messages quote what the user typed and what files hold: no control character reaches the terminal raw, and
    // no line is megabytes long.
    std::fputs(fmt::format("xpuspec: error: {}\n", xpuspec::bounded(xpuspec::printable(line, true))).c_str(), stderr);
  }
}

// The global options that take a value as the next word (`--data DIR`), so that word is not taken for a command.
bool global_takes_value(std::string_view arg) {
  return arg == "--data" || arg == "--format" || arg == "-o" || arg == "--output" || arg == "--color";
}

// The first word that is neither an option nor the value of a global option: what the user meant as the command.
// Its index in argv too (0: none), so what follows it is read from there and not from an earlier equal word.
std::pair<std::string, int> command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? std::pair<std::string, int>{argv[i + 1], i + 1} : std::pair<std::string, int>{"", 0};
    if (!arg.starts_with("-")) return {std::string(arg), i};
    if (global_takes_value(arg)) ++i;
  }
  return {"", 0};
}

bool wants_help_or_version(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help" || arg == "--version") return true;
  }
  return false;
}

// `plan trian`: CLI11 says only "A subcommand is required"; name the word and suggest the nearest nested command.
std::string nested_command_problem(CLI::App& app, const std::string& word, int at, int argc, char** argv) {
  if (word.empty()) return "";
  CLI::App* command = nullptr;
  try {
    command = app.get_subcommand(word);
  } catch (const CLI::OptionNotFound&) {
    return "";
  }
  std::vector<std::string> nested;
  for (const CLI::App* sub : command->get_subcommands({})) nested.push_back(sub->get_name());
  if (nested.empty()) return "";
  for (int i = at + 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return "";
    if (arg.starts_with("-")) {
      if (global_takes_value(arg)) ++i;
      continue;
    }
    if (std::find(nested.begin(), nested.end(), arg) != nested.end()) return "";
    return fmt::format("unknown {} command \"{}\"{}; {} commands: {}", word, arg, xpuspec::did_you_mean(arg, nested),
                       word, fmt::join(nested, ", "));
  }
  return "";
}

}  // namespace

namespace xpuspec::cli {

int run_command_line(int argc, char** argv) {
  // A closed pipe shows up as EPIPE from write(), handled where output is written, instead of killing us.
  std::signal(SIGPIPE, SIG_IGN);
  // Likewise a file-size limit (ulimit -f) shows up as EFBIG, so -o reports it and removes its temporary.
  std::signal(SIGXFSZ, SIG_IGN);

  xpuspec::cli::context ctx;
  CLI::App app{"Compare AI accelerators from sourced spec sheets: dense vs sparse kept apart, every value with its "
               "basis and source, missing values never 0.",
               "xpuspec"};
  app.set_version_flag("--version", XPUSPEC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 success; 1 validate found problems; 2 usage error, unknown chip, or data that cannot be "
      "loaded.\nRun `xpuspec COMMAND --help` for a command's options.");
  xpuspec::cli::add_global_options(app, ctx);

  const auto subcommands = xpuspec::cli::command_table();
  std::vector<std::string> commands;
  for (const auto& sub : subcommands) {
    if (sub.listed) commands.emplace_back(sub.name);
  }
  const auto known = [&](std::string_view word) {
    return std::any_of(subcommands.begin(), subcommands.end(),
                       [&](const xpuspec::cli::command& c) { return c.name == word; });
  };

  // CLI11 reports a mistyped or absent command as "A subcommand is required"; say which word was not a command
  // and suggest the nearest instead.
  const auto [word, word_at] = command_word(argc, argv);
  const bool help_or_version = wants_help_or_version(argc, argv);
  if (!word.empty()) {
    if (!known(word)) {
      print_errors(fmt::format("unknown command \"{}\"{}", word, xpuspec::did_you_mean(word, commands)));
      std::fputs("Run `xpuspec --help` for usage.\n", stderr);
      return 2;
    }
  } else if (!help_or_version) {
    print_errors(fmt::format("no command given; commands: {}", fmt::join(commands, ", ")));
    std::fputs("Run `xpuspec --help` for usage.\n", stderr);
    return 2;
  }
  // Defining every subcommand's options costs more than answering a compare (bench/run), so a run defines only
  // the command it runs; help, --version and the completion scripts see them all.
  const bool all = help_or_version || word == "completion" || word == "manpage";
  for (const auto& sub : subcommands) {
    if (all || sub.name == word) sub.setup(app, ctx);
  }
  // Global options may come anywhere, also after a nested command (`plan train`, `chart bar`).
  const auto fall_through = [](auto& self, CLI::App& parent) -> void {
    for (CLI::App* sub : parent.get_subcommands({})) {
      sub->fallthrough();
      self(self, *sub);
    }
  };
  fall_through(fall_through, app);
  if (const std::string problem = nested_command_problem(app, word, word_at, argc, argv); !problem.empty() && !help_or_version) {
    print_errors(problem);
    std::fputs(fmt::format("Run `xpuspec {} --help` for usage.\n", word).c_str(), stderr);
    return 2;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    // --help and --version: CLI11 prints them to std::cout. Help that could not be written (a full disk,
    // /dev/full) is a failure, except to a reader that stopped reading.
    const int status = app.exit(e);
    std::cout.flush();
    if (!std::cout && errno != EPIPE) {
      print_errors(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
      return 2;
    }
    return status;
  } catch (const CLI::ParseError& e) {
    print_errors(e.what());
    std::fputs("Run `xpuspec --help` for usage.\n", stderr);
    return 2;
  }

  try {
    return ctx.run(ctx);
  } catch (const xpuspec::error& e) {
    print_errors(e.what());
    return 2;
  } catch (const std::exception& e) {
    // Not expected: every failure the core foresees is an xpuspec::error. Still a message, never a crash.
    print_errors(fmt::format("internal error: {}", e.what()));
    return 2;
  }
}

}  // namespace xpuspec::cli

#if !defined(XPUSPEC_NO_MAIN)
int main(int argc, char** argv) { return xpuspec::cli::run_command_line(argc, argv); }
#endif
