#!/usr/bin/env bash
# The PostgreSQL majors beside the host's: builds and tests this checkout in
# debootstrap chroots of Debian releases that ship another major
# (trixie: 17, sid: 18), and the Debian package in a clean chroot of each.
#
#   bash test/harness/matrix.sh [--deb-only|--no-deb|--prepare] [suite...]
#
# --prepare makes (or refreshes) the chroots and runs nothing in them.
#
# For each suite (default: bookworm:deb trixie sid; SUITE:deb runs step 3
# alone — bookworm is the host's release, whose suite the host runs):
#   1. a chroot of its own, kept between runs under $FR_MATRIX_CACHE
#      (default /var/cache/frontrunner-matrix): <suite>/base is a pristine
#      minbase debootstrap, <suite>/build is base plus what
#      test/harness/deps.sh installs (the build and test dependencies);
#      downloaded packages are kept in <suite>/archives.  A cold chroot
#      takes a few minutes; a warm one is reused as it is (apt runs only
#      when deps.sh finds something missing).
#   2. "make test" in <suite>/build on a copy of the tracked files (git
#      ls-files, or the tree less build products), as the host runs it:
#      lint, pg_regress, pgTAP, upgrade, dump/restore, attack, README.  The
#      fuzzers are left to the host (FR_NO_FUZZ=1): they link src/core/
#      only, no PostgreSQL header, so a major changes nothing in them.
#   3. "make deb" in <suite>/build (postgresql-NN-frontrunner for the
#      chroot's major), then a throwaway copy of <suite>/base installs that
#      .deb with apt (its declared dependencies and nothing else of the
#      build), runs CREATE EXTENSION, and the autopkgtest in debian/tests/
#      (pg_buildext installcheck: pg_regress against the installed package).
#
# Prints "== matrix <suite> ..." headers, the suites' own totals and its own
# TAP lines ("ok N - <suite> ..."), and exits non-zero when anything failed.
# Needs root (debootstrap, chroot, mounts).
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cache=${FR_MATRIX_CACHE:-/var/cache/frontrunner-matrix}
mirror=${FR_MATRIX_MIRROR:-http://deb.debian.org/debian}
run_tests=1 run_deb=1 deb_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --deb-only) run_tests=0 deb_only=1; shift ;;
    --no-deb) run_deb=0; shift ;;
    --prepare) run_tests=0; run_deb=0; shift ;;
    --) shift; break ;;
    -*) echo "matrix.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bookworm:deb trixie sid)

[ "$(id -u)" = 0 ] || { echo "matrix.sh: needs root (debootstrap, chroot)" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
unset PGHOST PGPORT PGUSER PGDATABASE PG_CONFIG
command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap >/dev/null ||
  { echo "matrix.sh: debootstrap missing and not installable" >&2; exit 1; }

# one run at a time on this machine (CI, work trees); a run that was killed
# may have left its mounts below the cache: undo them
mkdir -p "$cache"
exec 9> "$cache/.lock"
if ! flock -n 9; then
  echo "== matrix: waiting for another run to finish ($cache/.lock)"
  flock 9
fi
awk -v c="$cache/" 'index($2, c) == 1 { print $2 }' /proc/mounts | sort -r |
  while read -r m; do umount -l "$m" 2>/dev/null || true; done
rm -rf --one-file-system "$cache"/*/clean.* 2>/dev/null || true

n=0 failed=0
tap() {  # tap <rc> <description>
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

# ---------------------------------------------------------------- mounts
mounted=()
mount_into() {  # mount_into <root>: what PostgreSQL and apt need
  local root=$1
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && mounted+=("$root/dev")
  mount -t sysfs sys "$root/sys" && mounted+=("$root/sys")
  mkdir -p "$root/dev/shm"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}
umount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[$i]}" 2>/dev/null || umount -lR "${mounted[$i]}" 2>/dev/null || true
  done
  mounted=()
}
scratch=()
cleanup() {
  umount_all
  local d
  for d in "${scratch[@]}"; do rm -rf --one-file-system "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() {  # in_root <root> <command...>: the command in the chroot, mounted
  local root=$1; shift
  mount_into "$root"
  mount --bind "$cache/$suite/archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive CI="${CI:-}" "$@"
  local rc=$?
  umount_all
  return $rc
}

# ---------------------------------------------------------------- chroots
# apt settings every chroot gets: no recommends, sid's Release files may be
# past their Valid-Until on a mirror snapshot, keep downloaded .debs
apt_conf='APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Check-Valid-Until "false";
Acquire::Retries "3";
Binary::apt::APT::Keep-Downloaded-Packages "true";'
# in the base: what the package test needs to run debian/tests/ (apt
# installs the .deb and its dependencies; the rest comes with postgresql)
base_include=ca-certificates

make_base() {  # make_base <suite>: $cache/<suite>/base, once
  local dir=$cache/$suite/base
  [ -f "$dir/.frontrunner-base" ] && return 0
  rm -rf --one-file-system "$dir"
  mkdir -p "$dir" "$cache/$suite/archives/partial"
  local t0; t0=$(date +%s)
  echo "== matrix $suite: debootstrap (cold)"
  if ! debootstrap --variant=minbase --include="$base_include" --cache-dir="$cache/$suite/archives" \
        "$suite" "$dir" "$mirror" > "$cache/$suite/debootstrap.log" 2>&1; then
    tail -20 "$cache/$suite/debootstrap.log"
    return 1
  fi
  printf '%s\n' "$apt_conf" > "$dir/etc/apt/apt.conf.d/90frontrunner"
  # no services start in a chroot (postgresql's postinst would start one)
  printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"; chmod 755 "$dir/usr/sbin/policy-rc.d"
  in_root "$dir" apt-get update -q > /dev/null || return 1
  rm -rf "$dir/var/lib/apt/lists/"*_Packages.* 2>/dev/null || true
  touch "$dir/.frontrunner-base"
  echo "== matrix $suite: base ready in $(elapsed "$t0")"
}

# TLS from a chroot goes out the way the host's does: where the host trusts
# CAs of its own (/usr/local/share/ca-certificates: an intercepting egress
# proxy's, a company's), Debian's bundle alone is refused (npm fetching
# node-postgres for test/clients).  They are copied in and the chroot's
# bundle remade, whenever they differ.
local_cas() {  # local_cas <root>
  local root=$1 d=/usr/local/share/ca-certificates
  [ -d "$d" ] || return 0
  diff -rq "$d" "$root$d" >/dev/null 2>&1 && return 0
  rm -rf "${root:?}$d"; mkdir -p "$root$d"; cp -a "$d/." "$root$d/"
  in_root "$root" update-ca-certificates --fresh >/dev/null 2>&1 ||
    { echo "== matrix $suite: update-ca-certificates failed in $root"; rm -rf "${root:?}$d"; return 1; }
}

make_build() {  # make_build <tests 0|1>: $cache/$suite/build = base + deps.sh
  local dir=$cache/$suite/build
  # a suite that only builds the package needs no client drivers (a JDK,
  # node: minutes in a cold chroot); deps.sh adds them when a later run tests
  local clients=0; [ "$1" = 1 ] || clients=1
  local t0; t0=$(date +%s)
  if [ ! -f "$dir/.frontrunner-build" ]; then
    rm -rf --one-file-system "$dir"
    cp -a "$cache/$suite/base" "$dir" || return 1
    in_root "$dir" apt-get update -q > /dev/null || return 1
    touch "$dir/.frontrunner-build"
  fi
  local_cas "$dir" || return 1
  # deps.sh (the project's own list, which may have grown) installs what is
  # missing; nothing when the chroot is warm.  Plus make deb's tools.
  mkdir -p "$dir/build"
  cp "$here/test/harness/deps.sh" "$dir/build/deps.sh"
  local log=$cache/$suite/deps.log
  if ! in_root "$dir" env FR_NO_FUZZ=1 FR_NO_CLIENTS=$clients FR_DEB=1 bash /build/deps.sh > "$log" 2>&1; then
    # an old package list: refresh once and retry
    in_root "$dir" apt-get update -q > /dev/null 2>&1
    in_root "$dir" env FR_NO_FUZZ=1 FR_NO_CLIENTS=$clients FR_DEB=1 bash /build/deps.sh > "$log" 2>&1 || { tail -30 "$log"; return 1; }
  fi
  grep '^== installing' "$log" || true
  echo "== matrix $suite: build chroot ready in $(elapsed "$t0")"
}

copy_tree() {  # copy_tree <dest>: the checkout's sources, no build products
  local dest=$1
  rm -rf --one-file-system "$dest"; mkdir -p "$dest"
  if git -C "$here" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # tracked files and new files not ignored: what a clone would have
    (cd "$here" && git ls-files -z --cached --others --exclude-standard |
       xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
       tar --null -T - -c) | tar -x -C "$dest"
  else
    (cd "$here" && tar -c --exclude=./results --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
       --exclude=./test/fuzz/bin --exclude=./debian/.debhelper . ) | tar -x -C "$dest"
  fi
}

major_of() { chroot "$1" sh -c 'ls /usr/lib/postgresql | sort -n | tail -1'; }

# ---------------------------------------------------------------- per suite
for spec in "${suites[@]}"; do
  suite=${spec%%:*}
  suite_tests=$run_tests
  [ "$spec" = "$suite:deb" ] && suite_tests=0
  # the chroot is made for tests (--prepare too) unless only the package is wanted
  for_tests=1; { [ "$spec" = "$suite:deb" ] || [ "$deb_only" = 1 ]; } && for_tests=0
  t_suite=$(date +%s)
  mkdir -p "$cache/$suite"
  if ! make_base || ! make_build "$for_tests"; then
    tap 1 "$suite: chroot"
    continue
  fi
  build=$cache/$suite/build
  major=$(major_of "$build")
  tap 0 "$suite: chroot with PostgreSQL $major"

  if [ "$suite_tests" = 1 ]; then
    t0=$(date +%s)
    echo "== matrix $suite (PostgreSQL $major): make test"
    copy_tree "$build/build/frontrunner"
    # make updatecheck builds each earlier release's own module from its
    # tree, which the copy cannot give (no git history): exported here
    rm -rf "$build/build/releases"
    if ! bash "$here/test/harness/updatecheck.sh" --export-releases "$build/build/releases"; then
      echo "== matrix $suite: the earlier releases' trees could not be exported (no git history?): updatecheck will fail"
    fi
    in_root "$build" env FR_NO_FUZZ=1 FR_RELEASE_TREES=/build/releases bash -c 'cd /build/frontrunner && make test' \
      > "$cache/$suite/test.log" 2>&1
    rc=$?
    totals=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$cache/$suite/test.log" | tail -1)
    [ "$rc" = 0 ] || grep -vE '^[[:space:]]*ok [0-9]+|\.\.\. ok' "$cache/$suite/test.log" | tail -150 | sed "s/^/    /"
    echo "== matrix $suite (PostgreSQL $major): ${totals:-no totals} in $(elapsed "$t0")"
    tap "$rc" "$suite: make test on PostgreSQL $major (${totals:-no totals})"
  fi

  if [ "$run_deb" = 1 ]; then
    t0=$(date +%s)
    echo "== matrix $suite (PostgreSQL $major): make deb"
    copy_tree "$build/build/frontrunner"
    # nocheck: the build's own pg_regress run (dh_pgxs_test) is the same
    # suite the clean chroot runs below against the installed package
    in_root "$build" env DEB_BUILD_OPTIONS=nocheck bash -c 'cd /build/frontrunner && make deb' \
      > "$cache/$suite/deb.log" 2>&1
    rc=$?
    debdir=$build/build/frontrunner/deb
    debs=$(cd "$debdir" 2>/dev/null && ls postgresql-*-frontrunner_*.deb 2>/dev/null | grep -v dbgsym)
    [ -n "$debs" ] || rc=1
    # the package's compile is warning-free too (Debian's flags, not -Werror)
    warnings=$(grep -E '\.[ch]:[0-9]+:([0-9]+:)? warning:' "$cache/$suite/deb.log" | sort -u)
    if [ -n "$warnings" ]; then echo "$warnings" | head -20 | sed 's/^/    /'; rc=1; fi
    [ "$rc" = 0 ] || tail -40 "$cache/$suite/deb.log" | sed "s/^/    /"
    tap "$rc" "$suite: make deb builds ${debs:-no package}"
    if [ "$rc" = 0 ]; then
      # a clean chroot: the pristine base, the package, its test
      clean=$(mktemp -d "$cache/$suite/clean.XXXXXX"); scratch+=("$clean")
      cp -a "$cache/$suite/base/." "$clean/"
      mkdir -p "$clean/pkg"
      for d in $debs; do cp "$debdir/$d" "$clean/pkg/"; done
      copy_tree "$clean/src"
      rm -rf "$clean/src/debian/tests/results"
      in_root "$clean" bash -c '
        set -e
        apt-get update -q >/dev/null
        apt-get install -y -q /pkg/*.deb >/dev/null
        dpkg-query -W -f="installed \${Package} \${Version}\n" "postgresql-*-frontrunner"
        ls /usr/share/postgresql/*/extension/frontrunner.control' > "$cache/$suite/clean.log" 2>&1
      rc=$?
      [ "$rc" = 0 ] && grep '^installed' "$cache/$suite/clean.log"
      [ "$rc" = 0 ] || tail -30 "$cache/$suite/clean.log" | sed "s/^/    /"
      tap "$rc" "$suite: the package installs in a clean chroot"
      if [ "$rc" = 0 ]; then
        # the autopkgtest (test/harness/autopkgtest.sh: each stanza of
        # debian/tests/control, its Depends, its tests)
        in_root "$clean" bash /src/test/harness/autopkgtest.sh /src > "$cache/$suite/autopkgtest.log" 2>&1
        rc=$?
        grep -E '^(not )?ok [0-9]+|^### |^test |^ok [0-9]+ +- |^# |extversion|module_matches|^ t$|^ [0-9]+\.[0-9]+\.[0-9]+$' \
          "$cache/$suite/autopkgtest.log" | head -60 | sed 's/^/    /'  # indented: not this script's TAP
        [ "$rc" = 0 ] || tail -60 "$cache/$suite/autopkgtest.log" | sed 's/^/    /'
        tap "$rc" "$suite: autopkgtest (CREATE EXTENSION, pg_buildext installcheck) on the installed package"
      fi
      rm -rf --one-file-system "$clean"
    fi
    echo "== matrix $suite: package checks in $(elapsed "$t0")"
  fi
  echo "== matrix $suite: $(elapsed "$t_suite") in all"
done

echo "1..$n"
echo "matrix: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
