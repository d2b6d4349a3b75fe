_sperr() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="sperr"
                ;;
            sperr,completions)
                cmd="sperr__subcmd__completions"
                ;;
            sperr,explain)
                cmd="sperr__subcmd__explain"
                ;;
            sperr,help)
                cmd="sperr__subcmd__help"
                ;;
            sperr,list)
                cmd="sperr__subcmd__list"
                ;;
            sperr,merge)
                cmd="sperr__subcmd__merge"
                ;;
            sperr,scan)
                cmd="sperr__subcmd__scan"
                ;;
            sperr,search)
                cmd="sperr__subcmd__search"
                ;;
            sperr,show)
                cmd="sperr__subcmd__show"
                ;;
            sperr__subcmd__help,completions)
                cmd="sperr__subcmd__help__subcmd__completions"
                ;;
            sperr__subcmd__help,explain)
                cmd="sperr__subcmd__help__subcmd__explain"
                ;;
            sperr__subcmd__help,help)
                cmd="sperr__subcmd__help__subcmd__help"
                ;;
            sperr__subcmd__help,list)
                cmd="sperr__subcmd__help__subcmd__list"
                ;;
            sperr__subcmd__help,merge)
                cmd="sperr__subcmd__help__subcmd__merge"
                ;;
            sperr__subcmd__help,scan)
                cmd="sperr__subcmd__help__subcmd__scan"
                ;;
            sperr__subcmd__help,search)
                cmd="sperr__subcmd__help__subcmd__search"
                ;;
            sperr__subcmd__help,show)
                cmd="sperr__subcmd__help__subcmd__show"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        sperr)
            opts="-h -V --color --format --json --no-pager --help --version show explain search list scan merge completions help 1100 1101 1900 1902 1903 1904 1905 1906 1910 1920 1921 1922 1923 1924 1925 1926 1927 1928 2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2020 2021 2022 2023 2024 2100 2101 2102 2103 2104 2105 2106 2107 2108 3000 3001 3002 3003 3004 4001 4002 4520 4600 4601 4602 4603 4604 4605 4606 4608 4610 4612 4614 4700 4701 5010 5100 5101 5102 5103 5104 5105 5106 5108 5110 5112 5114 5115 5116 5117 5118 5119 5120 5121 5122 5200 5201 6100 6101 6201 6202 6203 6400 6401 7100 7101 7102 7103 7104 7105 7106 7107 7200 7201 7202 7203 7205 7206 7301 7500 7501 7502 7503 7504 7505 9000 9001 9002 9003 9004 9005 9006 10010 10011 10012 10013 10014 10015 10016 10017 10018 10019 10024 10100 10101 10102 10103 10110 10111 11001 11002 11003 11004 11005 12001 12002 13000 13001 13002 13003 13100 13101 13102 13103 13104 13105 13106 13107 13108 13109 13110 13111 13112 13113"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__completions)
            opts="-h --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__explain)
            opts="-h --color --format --json --no-pager --help 1100 1101 1900 1902 1903 1904 1905 1906 1910 1920 1921 1922 1923 1924 1925 1926 1927 1928 2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2020 2021 2022 2023 2024 2100 2101 2102 2103 2104 2105 2106 2107 2108 3000 3001 3002 3003 3004 4001 4002 4520 4600 4601 4602 4603 4604 4605 4606 4608 4610 4612 4614 4700 4701 5010 5100 5101 5102 5103 5104 5105 5106 5108 5110 5112 5114 5115 5116 5117 5118 5119 5120 5121 5122 5200 5201 6100 6101 6201 6202 6203 6400 6401 7100 7101 7102 7103 7104 7105 7106 7107 7200 7201 7202 7203 7205 7206 7301 7500 7501 7502 7503 7504 7505 9000 9001 9002 9003 9004 9005 9006 10010 10011 10012 10013 10014 10015 10016 10017 10018 10019 10024 10100 10101 10102 10103 10110 10111 11001 11002 11003 11004 11005 12001 12002 13000 13001 13002 13003 13100 13101 13102 13103 13104 13105 13106 13107 13108 13109 13110 13111 13112 13113"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help)
            opts="show explain search list scan merge completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__explain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__merge)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__list)
            opts="-c -h --color --format --json --no-pager --category --source --status --categories --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                --category)
                    COMPREPLY=($(compgen -W "communication billing card validation custom-data tenant org app dir account agent ldap ad oauth saml sso idp token idsite jwt smtp mail mfa 2fa sms otp" -- "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -W "communication billing card validation custom-data tenant org app dir account agent ldap ad oauth saml sso idp token idsite jwt smtp mail mfa 2fa sms otp" -- "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(compgen -W "reference server observed" -- "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__merge)
            opts="-h --color --format --json --no-pager --report --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                --report)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__scan)
            opts="-l -q -. -u -g -L -j -h --color --format --json --no-pager --max-expand --code --summary --absent --by --report --files-with-matches --quiet --stats --no-progress --hidden --no-ignore --glob --max-depth --follow --threads --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                --max-expand)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --code)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --by)
                    COMPREPLY=($(compgen -W "day week month" -- "${cur}"))
                    return 0
                    ;;
                --report)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__search)
            opts="-n -c -h --color --format --json --no-pager --limit --category --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --category)
                    COMPREPLY=($(compgen -W "communication billing card validation custom-data tenant org app dir account agent ldap ad oauth saml sso idp token idsite jwt smtp mail mfa 2fa sms otp" -- "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -W "communication billing card validation custom-data tenant org app dir account agent ldap ad oauth saml sso idp token idsite jwt smtp mail mfa 2fa sms otp" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        sperr__subcmd__show)
            opts="-h --color --format --json --no-pager --help 1100 1101 1900 1902 1903 1904 1905 1906 1910 1920 1921 1922 1923 1924 1925 1926 1927 1928 2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2020 2021 2022 2023 2024 2100 2101 2102 2103 2104 2105 2106 2107 2108 3000 3001 3002 3003 3004 4001 4002 4520 4600 4601 4602 4603 4604 4605 4606 4608 4610 4612 4614 4700 4701 5010 5100 5101 5102 5103 5104 5105 5106 5108 5110 5112 5114 5115 5116 5117 5118 5119 5120 5121 5122 5200 5201 6100 6101 6201 6202 6203 6400 6401 7100 7101 7102 7103 7104 7105 7106 7107 7200 7201 7202 7203 7205 7206 7301 7500 7501 7502 7503 7504 7505 9000 9001 9002 9003 9004 9005 9006 10010 10011 10012 10013 10014 10015 10016 10017 10018 10019 10024 10100 10101 10102 10103 10110 10111 11001 11002 11003 11004 11005 12001 12002 13000 13001 13002 13003 13100 13101 13102 13103 13104 13105 13106 13107 13108 13109 13110 13111 13112 13113"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table plain json jsonl" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _sperr -o nosort -o bashdefault -o default sperr
else
    complete -F _sperr -o bashdefault -o default sperr
fi
