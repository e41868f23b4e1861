#!/usr/bin/env bash
# make deb: the Debian package, postgresql-NN-frontrunner for every
# installed PostgreSQL major, built the Debian PostgreSQL way (debian/:
# dh --with pgxs, pg_buildext, debian/pgversions), pg_regress run against
# each package during the build (dh_pgxs_test).  Builds in a clean copy of
# the checkout (tracked and new files, no build products) under
# deb/frontrunner-<version>/ and leaves the .deb files in deb/.
#   FR_DEB_DIR   where (default: deb/ in the checkout)
# Needs the build dependencies (FR_DEB=1 bash test/harness/deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${FR_DEB_DIR:-$here/deb}
version=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" "$here/frontrunner.control")
deb_version=$(sed -n '1s/^frontrunner (\([^)]*\)).*/\1/p' "$here/debian/changelog")
if [ "${deb_version%-*}" != "$version" ]; then
  echo "deb.sh: debian/changelog is at $deb_version, frontrunner.control at $version" >&2
  exit 1
fi
src=$out/frontrunner-$version
rm -rf "$src" "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo
mkdir -p "$src"
if git -C "$here" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$here" && git ls-files -z --cached --others --exclude-standard |
     xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
     tar --null -T - -c) | tar -x -C "$src"
else
  (cd "$here" && tar -c --exclude=./deb --exclude=./results --exclude='*.o' --exclude='*.so' \
     --exclude='*.bc' --exclude=./test/fuzz/bin --exclude='./sql/frontrunner--'"$version"'.sql' .) |
    tar -x -C "$src"
fi
cd "$src"
# every installed major (not only the release's default): debian/control
# from control.in for this machine
export PG_SUPPORTED_VERSIONS=installed
pg_buildext updatecontrol
echo "== deb: building for PostgreSQL $(/usr/share/postgresql-common/supported-versions | xargs)"
dpkg-buildpackage -us -uc -b
cd "$out"
ls -1 postgresql-*-frontrunner_*.deb
