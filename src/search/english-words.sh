#!/bin/sh
# Derives src/search/english.txt, the English word list search weighs words
# and gates typo correction with, from SCOWL as Debian packages it.
# usage: sh src/search/english-words.sh > src/search/english.txt
# (run from the project root on a Debian or Ubuntu machine; needs apt-get)
# LICENSE-SCOWL is the same packages' /usr/share/doc/wamerican/copyright.
#
# Tier 1 is SCOWL's size 35 (the -small packages), tier 2 its size 50 (the
# default packages): the smallest tier a word is in, American and British
# spellings together. Possessives are dropped, words lower-cased; the larger
# tiers (70, 80) are left out, as rare words a user types are more likely
# typos of catalog words than words they meant.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(cd "$dir" && apt-get download -q wamerican-small wamerican wbritish-small wbritish >/dev/null)
for deb in "$dir"/*.deb; do dpkg-deb -x "$deb" "$dir/x"; done
version=$(dpkg-deb -f "$dir"/wamerican_*.deb Version)
dict="$dir/x/usr/share/dict"
words() { cat "$@" | grep -v "'" | tr '[:upper:]' '[:lower:]' | LC_ALL=C sort -u; }
words "$dict/american-english-small" "$dict/british-english-small" > "$dir/1"
words "$dict/american-english" "$dict/british-english" | LC_ALL=C comm -23 - "$dir/1" > "$dir/2"
echo "# SCOWL word list, tiers 1 (size 35) and 2 (size 50), from Debian's wamerican"
echo "# and wbritish $version: derived by src/search/english-words.sh. Copyright"
echo "# 2000-2011 Kevin Atkinson and others; see NOTICE. One word<TAB>tier a line."
{ sed 's/$/\t1/' "$dir/1"; sed 's/$/\t2/' "$dir/2"; } | LC_ALL=C sort
