
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'sperr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'sperr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'sperr' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the reference by what you mean, best match first; forgiving of typos')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every error, or those of one category, source or HTTP status')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find Stormpath error codes in tickets, logs and support archives (stdin when no PATH)')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Add up shard summaries (scan --summary --format jsonl) into the whole''s')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sperr;show' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;explain' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;search' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show at most this many results; 0 for every one good enough to be an answer')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many results; 0 for every one good enough to be an answer')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Search one category only: its name, a unique prefix of it, its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Search one category only: its name, a unique prefix of it, its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;list' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A category: its name, a unique prefix of it (acc), its range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only the entries from one source: the published reference, the server''s message file, or public material (observed)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only the entries a source shows with this HTTP status')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('--categories', '--categories', [CompletionResultType]::ParameterName, 'List the categories with their ranges and counts instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;scan' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('--max-expand', '--max-expand', [CompletionResultType]::ParameterName, 'Stop reading a compressed file or bundle member after this many bytes decompressed (K, M, G suffixes) [default: 4G]')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'Keep only these codes: codes, ranges, patterns (71xx) or categories; repeatable')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Count per UTC day, ISO week or month too, with each code''s first and last sighting (implies --summary); undated hits count in an `undated` period')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write the summary as one self-contained HTML page to FILE: totals, a sortable table, timelines (per --by, else a period that suits the span), each code''s reference text and tickets. Prints nothing more unless --summary or --by asks')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Scan only files that match GLOB (`!GLOB` to exclude); repeatable')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Scan only files that match GLOB (`!GLOB` to exclude); repeatable')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Limit the depth of directory traversal to N levels beyond the paths given; 0 reads only the paths themselves (as ripgrep''s --max-depth)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Scan with this many threads [default: all cores]')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Scan with this many threads [default: all cores]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Count tickets and sightings per code and per category, most frequent first')
            [CompletionResult]::new('--absent', '--absent', [CompletionResultType]::ParameterName, 'With --summary and --code: add the selected codes that nothing scanned names, as rows with no tickets (what an integration does not handle)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Print each ticket (file or bundle member) that names a code, once')
            [CompletionResult]::new('--files-with-matches', '--files-with-matches', [CompletionResultType]::ParameterName, 'Print each ticket (file or bundle member) that names a code, once')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing; answer by exit status (0 when a code was found)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing; answer by exit status (0 when a code was found)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print files, bytes, tickets, hits and time on stderr at the end')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show the progress line of a long scan')
            [CompletionResult]::new('-.', '-.', [CompletionResultType]::ParameterName, 'Walk hidden files and directories too')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk hidden files and directories too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Don''t read .gitignore, .ignore and .rgignore files')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Fewer filters: -u no ignore files, -uu also hidden files, -uuu also binary files')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while walking')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while walking')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;merge' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output [default: auto: when stdout is a terminal, TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain when piped] (jsonl: one JSON object per line)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write the combined summary as one HTML page instead of printing it (timelines where the shards were counted with --by)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page output, even when it is taller than the terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'sperr;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain errors in long form; with no code or `-`, explain every error found in text on stdin')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the reference by what you mean, best match first; forgiving of typos')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every error, or those of one category, source or HTTP status')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find Stormpath error codes in tickets, logs and support archives (stdin when no PATH)')
            [CompletionResult]::new('merge', 'merge', [CompletionResultType]::ParameterValue, 'Add up shard summaries (scan --summary --format jsonl) into the whole''s')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sperr;help;show' {
            break
        }
        'sperr;help;explain' {
            break
        }
        'sperr;help;search' {
            break
        }
        'sperr;help;list' {
            break
        }
        'sperr;help;scan' {
            break
        }
        'sperr;help;merge' {
            break
        }
        'sperr;help;completions' {
            break
        }
        'sperr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
