
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
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)'
            cand explain 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin'
            cand search 'Search the reference by what you mean, best match first; forgiving of typos'
            cand list 'List every error, or those of one category, source or HTTP status'
            cand scan 'Find Stormpath error codes in tickets, logs and support archives (stdin when no PATH)'
            cand merge 'Add up shard summaries (scan --summary --format jsonl) into the whole''s'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sperr;show'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;explain'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;search'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand -n 'Show at most this many results; 0 for every one good enough to be an answer'
            cand --limit 'Show at most this many results; 0 for every one good enough to be an answer'
            cand -c 'Search one category only: its name, a unique prefix of it, its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --category 'Search one category only: its name, a unique prefix of it, its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;list'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand -c 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --category 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)'
            cand --source 'Only the entries from one source: the published reference, the server''s message file, or public material (observed)'
            cand --status 'Only the entries a source shows with this HTTP status'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand --categories 'List the categories with their ranges and counts instead'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;scan'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand --max-expand 'Stop reading a compressed file or bundle member after this many bytes decompressed (K, M, G suffixes) [default: 4G]'
            cand --code 'Keep only these codes: codes, ranges, patterns (71xx) or categories; repeatable'
            cand --by 'Count per UTC day, ISO week or month too, with each code''s first and last sighting (implies --summary); undated hits count in an `undated` period'
            cand --report 'Write the summary as one self-contained HTML page to FILE: totals, a sortable table, timelines (per --by, else a period that suits the span), each code''s reference text and tickets. Prints nothing more unless --summary or --by asks'
            cand -g 'Scan only files that match GLOB (`!GLOB` to exclude); repeatable'
            cand --glob 'Scan only files that match GLOB (`!GLOB` to exclude); repeatable'
            cand --max-depth 'Limit the depth of directory traversal to N levels beyond the paths given; 0 reads only the paths themselves (as ripgrep''s --max-depth)'
            cand -j 'Scan with this many threads [default: all cores]'
            cand --threads 'Scan with this many threads [default: all cores]'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand --summary 'Count tickets and sightings per code and per category, most frequent first'
            cand --absent 'With --summary and --code: add the selected codes that nothing scanned names, as rows with no tickets (what an integration does not handle)'
            cand -l 'Print each ticket (file or bundle member) that names a code, once'
            cand --files-with-matches 'Print each ticket (file or bundle member) that names a code, once'
            cand -q 'Print nothing; answer by exit status (0 when a code was found)'
            cand --quiet 'Print nothing; answer by exit status (0 when a code was found)'
            cand --stats 'Print files, bytes, tickets, hits and time on stderr at the end'
            cand --no-progress 'Never show the progress line of a long scan'
            cand -. 'Walk hidden files and directories too'
            cand --hidden 'Walk hidden files and directories too'
            cand --no-ignore 'Don''t read .gitignore, .ignore and .rgignore files'
            cand -u 'Fewer filters: -u no ignore files, -uu also hidden files, -uuu also binary files'
            cand -L 'Follow symbolic links while walking'
            cand --follow 'Follow symbolic links while walking'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;merge'= {
            cand --color 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]'
            cand --format 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)'
            cand --report 'Write the combined summary as one HTML page instead of printing it (timelines where the shards were counted with --by)'
            cand --json 'Short for --format json'
            cand --no-pager 'Never page output, even when it is taller than the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;completions'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'sperr;help'= {
            cand show 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)'
            cand explain 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin'
            cand search 'Search the reference by what you mean, best match first; forgiving of typos'
            cand list 'List every error, or those of one category, source or HTTP status'
            cand scan 'Find Stormpath error codes in tickets, logs and support archives (stdin when no PATH)'
            cand merge 'Add up shard summaries (scan --summary --format jsonl) into the whole''s'
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
        &'sperr;help;merge'= {
        }
        &'sperr;help;completions'= {
        }
        &'sperr;help;help'= {
        }
    ]
    $completions[$command]
}
