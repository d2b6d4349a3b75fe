
use builtin;
use str;

set edit:completion:arg-completer[sperr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'sperr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'sperr'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)'
            cand explain 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin'
            cand search 'Search the reference by its words, best match first; forgiving of typos'
            cand list 'List every error, or those of one category'
            cand scan 'Find Stormpath error codes in tickets and logs (stdin when no FILE)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sperr;show'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;explain'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;search'= {
            cand -n 'Show at most this many results'
            cand --limit 'Show at most this many results'
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;list'= {
            cand -c 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --category 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --categories 'List the categories with their ranges and counts instead'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;scan'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped]'
            cand --summary 'Count hits per code and per category, most frequent first'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;completions'= {
            cand --color 'color'
            cand --format 'format'
            cand --json 'json'
            cand --no-pager 'no-pager'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;help'= {
            cand show 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)'
            cand explain 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin'
            cand search 'Search the reference by its words, best match first; forgiving of typos'
            cand list 'List every error, or those of one category'
            cand scan 'Find Stormpath error codes in tickets and logs (stdin when no FILE)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sperr;help;show'= {
        }
        &'sperr;help;explain'= {
        }
        &'sperr;help;search'= {
        }
        &'sperr;help;list'= {
        }
        &'sperr;help;scan'= {
        }
        &'sperr;help;completions'= {
        }
        &'sperr;help;help'= {
        }
    ]
    $completions[$command]
}
