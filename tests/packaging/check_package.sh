#!/usr/bin/env bash
# Builds the Debian package from a configured and built tree with cpack, then inspects it as a
# distribution would: the files it installs, its control fields, its Depends (Debian runtime
# libraries, never a -dev package), the desktop entry and AppStream metainfo through their
# validators, the man page, stripped programs that start.
# Usage: check_package.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail

build=$1 source=$2 version=$3
id=org.conlab.ConcurrencyLab
out=$build/package-test
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

rm -rf "$out"
mkdir -p "$out"
# -B keeps the package and cpack's staging out of the build tree's own files.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
arch=$(dpkg --print-architecture)
deb=$out/conlab_${version}_${arch}.deb
[[ -f $deb ]] || { ls "$out" >&2; echo "FAIL: cpack wrote no $(basename "$deb")" >&2; exit 1; }
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# Control fields.
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == conlab ]] || fail "Package is '$(field Package)', not conlab"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', not $version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
# The package names alone, one a line: "libc6 (>= 2.34), libfoo | libbar" → libc6, libfoo, libbar.
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/^ *//; s/ *$//' | grep -v '^$')
depends_on() { grep -qxF "$1" <<<"$depends_names"; }
# The main libraries, and the icon theme that makes the icons found (no library links to it).
for runtime in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libboost-json1.81.0 \
  hicolor-icon-theme; do
  depends_on "$runtime" || fail "Depends lacks $runtime"
done
if grep -q -- '-dev$' <<<"$depends_names"; then
  fail "Depends names a -dev package: $(grep -- '-dev$' <<<"$depends_names" | tr '\n' ' ')"
fi
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: Qt SQL needs its SQLite driver.
if depends_on libqt6sql6 && ! depends_on libqt6sql6-sqlite; then
  fail "the programs use Qt SQL but Depends lacks its SQLite driver, libqt6sql6-sqlite"
fi

# Files: everything under /usr, and the ones a person and a desktop need.
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$out/files"
if grep -v '^/usr/' "$out/files" | grep -qv '^/$'; then
  fail "files outside /usr: $(grep -v '^/usr/' "$out/files" | grep -v '^/$' | tr '\n' ' ')"
fi
expected=(
  /usr/bin/conlab
  /usr/bin/conlab-cli
  /usr/share/applications/$id.desktop
  /usr/share/metainfo/$id.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/$id.svg
  /usr/share/man/man1/conlab-cli.1.gz
  /usr/share/doc/conlab/copyright
  /usr/share/doc/conlab/cluster/slurm/submit-sweep
  /usr/share/doc/conlab/cluster/slurm/conlab-sweep-part.sbatch
  /usr/share/doc/conlab/cluster/slurm/conlab-sweep-merge.sbatch
  /usr/share/doc/conlab/cluster/kubernetes/conlab-sweep-parts.yaml
  /usr/share/doc/conlab/cluster/kubernetes/conlab-sweep-merge.yaml
  /usr/share/doc/conlab/cluster/slurm/submit-load
  /usr/share/doc/conlab/cluster/slurm/conlab-load.sbatch
  /usr/share/doc/conlab/cluster/kubernetes/conlab-load-parts.yaml
  /usr/share/doc/conlab/cluster/kubernetes/conlab-load-merge.yaml
)
for png in "$source"/resources/icons/hicolor/*/apps/$id.png; do
  expected+=("/usr/share/icons/hicolor/${png#"$source"/resources/icons/hicolor/}")
done
for preset in "$source"/resources/presets/*.json; do
  expected+=("/usr/share/conlab/presets/$(basename "$preset")")
done
((${#expected[@]} > 12)) || fail "found no icon PNGs or presets in $source/resources"
for file in "${expected[@]}"; do
  grep -qxF "$file" "$out/files" || fail "missing $file"
done

# The files themselves, unpacked.
root=$out/root
dpkg-deb --extract "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/$id.desktop" ||
  fail "desktop-file-validate rejects the desktop entry"
grep -qx "Icon=$id" "$root/usr/share/applications/$id.desktop" || fail "desktop entry's Icon is not $id"
grep -qx "Exec=conlab %f" "$root/usr/share/applications/$id.desktop" || fail "desktop entry does not start conlab"
metainfo=$root/usr/share/metainfo/$id.metainfo.xml
appstreamcli validate --no-net "$metainfo" >"$out/appstream.log" 2>&1 ||
  { cat "$out/appstream.log" >&2; fail "appstreamcli validate rejects the metainfo"; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "metainfo does not launch $id.desktop"
# The newest release in the metainfo is the version being packaged.
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
[[ $newest == "$version" ]] || fail "metainfo's newest release is '$newest', the package is $version"

man=$root/usr/share/man/man1/conlab-cli.1.gz
if gzip --test "$man" 2>/dev/null; then
  page=$(zcat "$man")
  grep -q '^\.TH CONLAB-CLI "1"' <<<"$page" || fail "man page has no .TH CONLAB-CLI 1 header"
  # Every command and a few of their options, taken from the program's own help.
  for text in 'COMMAND OPTIONS' '.SS run' '.SS chart' '.SS serve' '.SS load' '\-\-time\-scale'; do
    grep -qF -- "$text" <<<"$page" || fail "man page lacks '$text'"
  done
else
  fail "man page is not gzip"
fi
grep -q '^License: GPL-3+' "$root/usr/share/doc/conlab/copyright" || fail "copyright names no GPL-3+"

for program in conlab conlab-cli; do
  file "$root/usr/bin/$program" | grep -q ', stripped' || fail "$program is not stripped"
  # Every library the program links directly comes from a package that Depends names. ldd says
  # which file the loader picks ("libfoo.so.1 => /path", or "/lib64/ld-linux….so.2" alone); on a
  # merged /usr dpkg may know that file with or without /usr, so it is asked for both at once.
  ldd "$root/usr/bin/$program" >"$out/ldd-$program"
  for soname in $(readelf --dynamic "$root/usr/bin/$program" |
    sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(awk -v so="$soname" '$1 == so && $2 == "=>" { print $3 }
      substr($1, length($1) - length(so)) == "/" so { print $1 }' "$out/ldd-$program" | head -1)
    if [[ -z $path || $path == "not" ]]; then
      fail "$program needs $soname, which the loader cannot find"
      continue
    fi
    owner=$(dpkg-query --search "/usr${path#/usr}" "${path#/usr}" 2>/dev/null |
      head -1 | cut -d: -f1 || true)
    if [[ -z $owner ]]; then
      fail "$program needs $path, which no installed package provides"
    elif ! depends_on "$owner"; then
      fail "$program needs $soname from $owner, which Depends lacks"
    fi
  done
done
[[ $("$root/usr/bin/conlab-cli" --version) == "conlab-cli $version" ]] ||
  fail "the packaged conlab-cli --version does not say $version"
[[ $(QT_QPA_PLATFORM=offscreen "$root/usr/bin/conlab" --version) == "conlab $version" ]] ||
  fail "the packaged conlab --version does not say $version"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "package checks passed: $(wc -l <"$out/files") entries"
