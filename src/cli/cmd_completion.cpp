// Shell completion scripts, generated from the command-line definition itself (every subcommand and option CLI11
// knows), so a new option completes without anyone editing a script. Chip names are not baked in: the script asks
// `xpuspec completion --list chips` when it needs them, so chips from XPUSPEC_PATH complete too.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "xpuspec/error.hpp"
#include "xpuspec/match.hpp"

namespace xpuspec::cli {
namespace {

// What a value completes to: the choices its validator allows, a list the binary prints at completion time
// (`completion --list chips`), file names, or nothing (a number, free text).
struct value_completion {
  std::string words;  // fixed choices, space-separated
  std::string list;   // a dynamic list's name
  bool files = false;

  bool empty() const { return words.empty() && list.empty() && !files; }
};

struct option_info {
  std::vector<std::string> names;  // "--precision", "-p"
  bool takes_value = false;
  value_completion values;
};

struct command_info {
  std::string path;    // "compare", "plan train"; "" for the program itself
  std::string parent;  // path of the command it is under
  std::string word;    // the word that selects it
  std::vector<option_info> options;
  std::vector<std::string> subcommands;
  value_completion positionals;
};

const std::vector<std::string> dynamic_lists{"chips", "metrics", "precisions", "dimensions", "vendors"};

// From CLI11's type name: an IsMember check appends its set ("FORMAT:{table,json,...}"), which is exactly the
// choices; otherwise value_types (context.hpp) says which list or files the type name stands for.
value_completion values_of(const std::string& shown) {
  value_completion v;
  if (const auto open = shown.find(":{"); open != std::string::npos && shown.back() == '}') {
    v.words = shown.substr(open + 2, shown.size() - open - 3);
    std::replace(v.words.begin(), v.words.end(), ',', ' ');
    return v;
  }
  if (const value_type_def* def = value_type_named(shown.substr(0, shown.find(':')))) {
    v.list = def->list;
    v.files = def->files;
  }
  return v;
}

void collect(const CLI::App& app, const std::string& path, const std::string& parent, std::vector<command_info>& out) {
  command_info info;
  info.path = path;
  info.parent = parent;
  info.word = app.get_name();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) {
      info.positionals = values_of(opt->get_type_name());
      continue;
    }
    option_info o;
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    o.takes_value = opt->get_expected_max() > 0;  // flags expect none
    if (o.takes_value) o.values = values_of(opt->get_type_name());
    if (!o.names.empty()) info.options.push_back(o);
  }
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) subs.push_back(sub);  // an empty group is a hidden command
  }
  for (const CLI::App* sub : subs) info.subcommands.push_back(sub->get_name());
  out.push_back(info);
  for (const CLI::App* sub : subs) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), path, out);
  }
}

// A subcommand takes its own options and the global ones (they fall through).
std::string option_words(const command_info& c, const command_info& root) {
  std::vector<std::string> words;
  for (const auto& o : c.options) words.insert(words.end(), o.names.begin(), o.names.end());
  if (&c != &root) {
    for (const auto& o : root.options) {
      for (const auto& name : o.names) {
        if (std::find(words.begin(), words.end(), name) == words.end()) words.push_back(name);
      }
    }
  }
  return fmt::format("{}", fmt::join(words, " "));
}

// The bash statement that completes these values (empty: complete nothing).
std::string bash_completer(const value_completion& v) {
  if (v.files) return "_xpuspec_files";
  if (!v.words.empty()) return fmt::format("_xpuspec_words \"{}\"", v.words);
  if (!v.list.empty()) return fmt::format("_xpuspec_words \"$(command xpuspec completion --list {} 2>/dev/null)\"", v.list);
  return "";
}

std::string bash_script(const std::vector<command_info>& commands) {
  const command_info& root = commands.front();
  // A subcommand's own option (validate --format) must match before the global one of the same name.
  std::string select, values, global_values, options, positionals;
  for (const auto& c : commands) {
    std::string& value_cases = c.path.empty() ? global_values : values;
    if (!c.path.empty()) select += fmt::format("      \"{} {}\") cmd=\"{}\" ;;\n", c.parent, c.word, c.path);
    for (const auto& o : c.options) {
      if (!o.takes_value) continue;
      for (const auto& name : o.names) {
        const std::string pattern = c.path.empty() ? fmt::format("*\"|{}\"", name) : fmt::format("\"{}|{}\"", c.path, name);
        const std::string completer = bash_completer(o.values);
        value_cases += fmt::format("    {}) {}{}return ;;\n", pattern, completer, completer.empty() ? "" : "; ");
      }
    }
    options += fmt::format("      \"{}\") _xpuspec_words \"{}\" ;;\n", c.path, option_words(c, root));
    if (!c.subcommands.empty()) {
      positionals += fmt::format("      \"{}\") _xpuspec_words \"{}\" ;;\n", c.path, fmt::join(c.subcommands, " "));
    } else if (!c.positionals.empty()) {
      positionals += fmt::format("      \"{}\") {} ;;\n", c.path, bash_completer(c.positionals));
    }
  }
  return fmt::format(R"(# bash completion for xpuspec; generated by `xpuspec completion bash` from its own command-line definition.
# Load it with: source <(xpuspec completion bash)

_xpuspec_words() {{
  # Completes after the last comma too, for lists such as --metrics tflops,tdp_w.
  local prefix=""
  [[ $cur == *,* ]] && prefix=${{cur%,*}},
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "${{cur##*,}}"))
}}

_xpuspec_files() {{
  COMPREPLY=($(compgen -f -- "$cur"))
  compopt -o filenames 2>/dev/null
}}

_xpuspec() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
  # "--by=tf": bash splits the word at "=" (COMP_WORDBREAKS), so the option is one or two words back.
  if [[ $cur == "=" ]]; then
    cur="" prev=${{COMP_WORDS[COMP_CWORD-1]}}
  elif [[ $prev == "=" && COMP_CWORD -ge 2 ]]; then
    prev=${{COMP_WORDS[COMP_CWORD-2]}}
  fi
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$cmd ${{COMP_WORDS[i]}}" in
{}    esac
  done
  case "$cmd|$prev" in
{}  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
{}    esac
  else
    case "$cmd" in
{}    esac
  fi
}}

complete -F _xpuspec xpuspec
)",
                     select, values + global_values, options, positionals);
}

std::string zsh_script(const std::vector<command_info>& commands) {
  // zsh runs bash completion functions through bashcompinit: one generated completer for both shells.
  return "#compdef xpuspec\n# zsh completion for xpuspec; generated by `xpuspec completion zsh`.\n"
         "autoload -U +X bashcompinit && bashcompinit\n" +
         bash_script(commands);
}

std::string fish_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_script(const std::vector<command_info>& commands) {
  std::string out =
      "# fish completion for xpuspec; generated by `xpuspec completion fish` from its own command-line definition.\n"
      "complete -c xpuspec -f\n";
  auto condition = [](const command_info& c) {
    if (c.path.empty()) return std::string("__fish_use_subcommand");
    const auto space = c.path.find(' ');
    if (space == std::string::npos) return fmt::format("__fish_seen_subcommand_from {}", c.path);
    return fmt::format("__fish_seen_subcommand_from {}; and __fish_seen_subcommand_from {}", c.path.substr(0, space),
                       c.path.substr(space + 1));
  };
  // The fish arguments that complete these values.
  auto fish_values = [](const value_completion& v) -> std::string {
    if (v.files) return " -r -F";
    if (!v.words.empty()) return " -x -a " + fish_quote(v.words);
    if (!v.list.empty()) return fmt::format(" -x -a '(xpuspec completion --list {} 2>/dev/null)'", v.list);
    return " -r";
  };
  for (const auto& c : commands) {
    const std::string when = c.path.empty() ? "" : fmt::format(" -n {}", fish_quote(condition(c)));
    for (const auto& sub : c.subcommands) {
      const std::string sub_when =
          c.path.empty() ? " -n __fish_use_subcommand"
                         : fmt::format(" -n {}", fish_quote(condition(c) + "; and not __fish_seen_subcommand_from " + sub));
      out += fmt::format("complete -c xpuspec{} -a {}\n", sub_when, sub);
    }
    for (const auto& o : c.options) {
      std::string spec;
      for (const auto& name : o.names) {
        spec += name.starts_with("--") ? fmt::format(" -l {}", name.substr(2)) : fmt::format(" -s {}", name.substr(1));
      }
      out += fmt::format("complete -c xpuspec{}{}{}\n", when, spec, o.takes_value ? fish_values(o.values) : "");
    }
    if (c.subcommands.empty() && !c.positionals.empty()) {
      out += fmt::format("complete -c xpuspec{}{}\n", when, fish_values(c.positionals));
    }
  }
  return out;
}

std::vector<std::string> words_of(const std::string& kind, const context& ctx) {
  std::vector<std::string> out;
  if (kind == "chips") return ctx.load().names();
  if (kind == "metrics") {
    for (const auto& def : all_metrics()) out.emplace_back(def.name);
  } else if (kind == "precisions") {
    for (precision p : all_precisions) out.emplace_back(to_string(p));
  } else if (kind == "dimensions") {
    for (match_dimension d : all_match_dimensions) out.emplace_back(to_string(d));
  } else if (kind == "vendors") {
    const catalog chips = ctx.load();
    for (const auto& c : chips.chips()) {
      if (std::find(out.begin(), out.end(), c.vendor) == out.end()) out.push_back(c.vendor);
    }
  } else {
    throw error(fmt::format("unknown word list \"{}\"; lists: {}", kind, fmt::join(dynamic_lists, ", ")));
  }
  return out;
}

struct completion_options {
  std::string shell;
  std::string list;
};

}  // namespace

void setup_completion(CLI::App& app, context& ctx) {
  auto o = std::make_shared<completion_options>();
  auto* sub = app.add_subcommand("completion", "Print a completion script for bash, zsh or fish");
  sub->add_option("shell", o->shell, "bash, zsh or fish")->check(CLI::IsMember({"bash", "zsh", "fish"}))->type_name("SHELL");
  sub->add_option("--list", o->list, "Print the words of one list (chips, metrics, ...), one per line: for the scripts")
      ->type_name("LIST");
  sub->footer("bash: source <(xpuspec completion bash)   zsh: source <(xpuspec completion zsh)\n"
              "fish: xpuspec completion fish | source\n"
              "cmake --install puts the three scripts where the shells look for them.");
  sub->callback([o, &ctx, &app] {
    ctx.run = [o, &app](context& c) {
      if (!o->list.empty()) {
        std::string text;
        for (const auto& w : words_of(o->list, c)) text += w + "\n";
        c.emit(text);
        return 0;
      }
      if (o->shell.empty()) throw error("name a shell: xpuspec completion bash|zsh|fish");
      std::vector<command_info> commands;
      collect(app, "", "", commands);
      c.emit(o->shell == "bash"  ? bash_script(commands)
             : o->shell == "zsh" ? zsh_script(commands)
                                 : fish_script(commands));
      return 0;
    };
  });
}

XPUSPEC_COMMAND(completion, 130, setup_completion);

}  // namespace xpuspec::cli
