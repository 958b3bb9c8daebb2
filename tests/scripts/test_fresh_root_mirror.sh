#!/usr/bin/env bash
# scripts/fresh-root makes its root from this machine's own Debian mirror: the first Debian archive
# in the apt sources, one-line (sources.list) or deb822 (*.sources), never a security archive, a
# disabled entry, a deb-src line or a third-party archive. Each case writes apt sources into a
# folder of its own and reads back what `scripts/fresh-root --print-mirror` chose.
# Usage: test_fresh_root_mirror.sh SOURCE_DIR
set -uo pipefail

fresh_root=$1/scripts/fresh-root
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 cases=0

# expect NAME WANT: WANT is the mirror, or "none" when the script must refuse (exit 1, no output).
expect() {
  local name=$1 want=$2 got status
  cases=$((cases + 1))
  got=$(CONLAB_APT_ETC="$work/$name" "$fresh_root" --print-mirror 2>"$work/$name.err")
  status=$?
  if [[ $want == none ]]; then
    if ((status == 1)) && [[ -z $got ]] && grep -q "found no Debian mirror" "$work/$name.err"; then
      return
    fi
    echo "FAIL $name: wanted a refusal, got exit $status, '$got' ($(cat "$work/$name.err"))"
  elif ((status == 0)) && [[ $got == "$want" ]]; then
    return
  else
    echo "FAIL $name: wanted $want, got exit $status, '$got' ($(cat "$work/$name.err"))"
  fi
  failures=$((failures + 1))
}
sources() { # sources NAME FILE CONTENT: FILE is sources.list or sources.list.d/NAME.{list,sources}
  mkdir -p "$work/$1/sources.list.d"
  printf '%s\n' "$3" >"$work/$1/$2"
}

sources one-line sources.list 'deb http://mirror.one/debian bookworm main'
expect one-line http://mirror.one/debian

sources options-and-security-first sources.list \
  'deb-src http://src.example/debian bookworm main
deb http://security.debian.org/debian-security bookworm-security main
deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] http://mirror.two/debian bookworm main'
expect options-and-security-first http://mirror.two/debian

# Debian 12's own format, with a comment between the fields (as snapshot-pinned images write it).
sources deb822 sources.list.d/debian.sources \
  'Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://mirror.three/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.three/debian-security
Suites: bookworm-security
Components: main'
expect deb822 http://mirror.three/debian

sources deb822-disabled-and-src sources.list.d/debian.sources \
  'Types: deb-src
URIs: http://src.example/debian
Suites: bookworm
Components: main

Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb deb-src
URIs: http://mirror.four/debian
Suites: bookworm
Components: main contrib'
expect deb822-disabled-and-src http://mirror.four/debian

# A third-party archive that sorts first and names the same suite, and one of another release.
sources third-party sources.list.d/a-docker.list \
  'deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.gpg] https://docker.example/linux/debian bookworm stable
deb http://old.example/debian bullseye main'
sources third-party sources.list.d/debian.sources \
  'Types: deb
URIs: http://mirror.five/debian
Suites: bookworm-updates bookworm
Components: main'
expect third-party http://mirror.five/debian

sources only-security sources.list 'deb http://security.debian.org/debian-security bookworm-security main'
expect only-security none

mkdir -p "$work/empty/sources.list.d"
expect empty none

echo "$((cases - failures)) passed, $failures failed"
((failures == 0))
