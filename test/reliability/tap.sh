# Sourced by the reliability scripts (test/reliability/*.sh): each check
# prints one TAP line, which make test counts (test/harness/suite.sh,
# tap_section); figures are printed as they are.  check STATUS DESCRIPTION:
# "ok N - DESCRIPTION" when STATUS is 0, "not ok N - …" otherwise (and the
# script's exit status becomes 1).
tap_n=0
tap_failed=0
check() {
  tap_n=$((tap_n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $tap_n - $2"
  else
    echo "not ok $tap_n - $2"
    tap_failed=1
  fi
}
# the end of a script: the plan and the exit status
tap_done() {
  echo "1..$tap_n"
  exit "$tap_failed"
}
