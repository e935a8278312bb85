#!/usr/bin/env bash
# A stand-in for gcloud in the deploy.sh tests. It appends each invocation to $FAKE_GCLOUD_LOG
# (one argument per line, then a line "----"), copies any --message-body-from-file to
# $FAKE_GCLOUD_BODIES, and answers from $FAKE_GCLOUD_RULES: lines "PREFIX<TAB>EXIT<TAB>STDOUT<TAB>STDERR";
# the first rule whose PREFIX starts the space-joined arguments wins; no rule: exit 0, no output.
set -u
{
  for a in "$@"; do printf '%s\n' "$a"; done
  printf '%s\n' '----'
} >>"$FAKE_GCLOUD_LOG"
for a in "$@"; do
  case $a in
    --message-body-from-file=*)
      f=${a#*=}
      { printf 'BODY %s\n' "$f"; cat "$f"; printf '\n----\n'; } >>"$FAKE_GCLOUD_BODIES"
      ;;
  esac
done
joined="$*"
if [[ -f ${FAKE_GCLOUD_RULES:-} ]]; then
  while IFS=$'\t' read -r prefix code out err; do
    [[ -n $prefix ]] || continue
    if [[ $joined == "$prefix"* ]]; then
      [[ -z $out ]] || printf '%s\n' "$out"
      [[ -z $err ]] || printf '%s\n' "$err" >&2
      exit "$code"
    fi
  done <"$FAKE_GCLOUD_RULES"
fi
exit 0
