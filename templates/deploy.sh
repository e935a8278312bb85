#!/usr/bin/env bash
# Deploys the EROS pipelines to Google Cloud: the bundled jar, one Flex Template launcher image and
# one template spec per pipeline, and a Cloud Scheduler job per pipeline that launches it on its
# schedule in America/Los_Angeles time (settings in templates/schedules.yaml).
#
# What to do is computed by `./eros deploy-plan` (Java: it reads schedules.yaml, checks every value
# against a strict pattern and writes the generated files with serializers); this script carries
# the plan out: checks, confirmation, each command in order, stopping at the first failure.
# Run with --help for the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: templates/deploy.sh [--dry-run] [--force] [--skip-build] [options]

Deploys the four EROS pipelines as Dataflow Flex Templates launched by Cloud Scheduler:
  1. checks that gcloud is installed and authenticated, the project exists and the service
     accounts of schedules.yaml exist;
  2. asks for confirmation (skipped with --force);
  3. builds the bundled jar (./mvnw -B -q -DskipTests -pl pipelines -am package);
  4. enables the APIs it needs, creates the bucket and the Artifact Registry repository when absent;
  5. builds and pushes one launcher image per pipeline with Cloud Build (templates/Dockerfile);
  6. writes each template spec to gs://BUCKET/templates/<pipeline>.json
     (with templates/<pipeline>/metadata.json);
  7. creates each Cloud Scheduler job, or updates an existing one completely: schedule, time
     zone, launch URI and body, OAuth service account, retry settings.
The steps, commands and generated files come from ./eros deploy-plan (same options; it prints
them as JSON), which refuses any value that does not fit its pattern before anything runs.
It stops at the first command that fails and shows that command.

Options (each also read from the environment variable in capitals):
  --project=ID       Google Cloud project (PROJECT), required
  --region=REGION    Dataflow and Cloud Scheduler region, e.g. us-west1 (REGION), required
  --bucket=NAME      bucket for template specs, temp and staging files (BUCKET);
                     default: PROJECT-eros-dataflow
  --registry=PATH    image registry (REGISTRY); default: REGION-docker.pkg.dev/PROJECT/eros
  --dataset=NAME     BigQuery dataset of the tables (DATASET); default: eros_scheduling_brain
  --tag=TAG          image tag (IMAGE_TAG); default: the git commit, or a UTC time stamp
  --config=FILE      schedules file (SCHEDULES_FILE); default: templates/schedules.yaml
  --only=A,B         deploy only these pipelines (names as in schedules.yaml)
  --dry-run          print every command it would run (and the generated files); change nothing,
                     run none of them, not even the checks (it says what it would check); ./eros
                     itself runs to compute the plan (and builds its jar first if it is stale)
  --force            do not ask for confirmation
  --skip-build       do not build the jar; use pipelines/target/eros-bundled.jar as it is
                     (also SKIP_BUILD=1), for operators who have just built it
  -h, --help         this help

Exit codes: 0 deployed (or dry run printed); 2 a setting or schedules.yaml was refused, nothing
ran; otherwise the exit code of the check or command that failed.

Examples:
  templates/deploy.sh --project=my-proj --region=us-west1 --dry-run
  PROJECT=my-proj REGION=us-west1 templates/deploy.sh --force
  ./eros deploy-plan --project=my-proj --region=us-west1      # the plan as JSON
EOF
}

die() {
  echo "deploy.sh: $*" >&2
  exit 1
}

usage_error() {
  echo "deploy.sh: $* (see --help)" >&2
  exit 2
}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

DRY_RUN=0
FORCE=0
SKIP_BUILD=${SKIP_BUILD:-0}
PROJECT=${PROJECT:-}
REGION=${REGION:-}
BUCKET=${BUCKET:-}
REGISTRY=${REGISTRY:-}
DATASET=${DATASET:-}
IMAGE_TAG=${IMAGE_TAG:-}
CONFIG=${SCHEDULES_FILE:-}
ONLY=""

while (($# > 0)); do
  arg=$1
  shift
  case $arg in
    --dry-run) DRY_RUN=1 ;;
    --force) FORCE=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    --project=* | --region=* | --bucket=* | --registry=* | --dataset=* | --tag=* | --config=* | --only=*)
      value=${arg#*=}
      case $arg in
        --project=*) PROJECT=$value ;;
        --region=*) REGION=$value ;;
        --bucket=*) BUCKET=$value ;;
        --registry=*) REGISTRY=$value ;;
        --dataset=*) DATASET=$value ;;
        --tag=*) IMAGE_TAG=$value ;;
        --config=*) CONFIG=$value ;;
        --only=*) ONLY=$value ;;
      esac
      ;;
    --project | --region | --bucket | --registry | --dataset | --tag | --config | --only)
      (($# > 0)) || usage_error "$arg needs a value"
      set -- "$arg=$1" "${@:2}"
      ;;
    *) usage_error "unknown argument '$arg'" ;;
  esac
done
[[ $SKIP_BUILD == 1 || $SKIP_BUILD == 0 ]] || usage_error "SKIP_BUILD must be 0 or 1, not '$SKIP_BUILD'"
[[ -n $PROJECT ]] || usage_error "no project: pass --project=ID or set PROJECT"
[[ -n $REGION ]] || usage_error "no region: pass --region=REGION or set REGION"

# A --config given relative to where the script was started; the default relative to the repository.
if [[ -z $CONFIG ]]; then
  CONFIG=templates/schedules.yaml
elif [[ $CONFIG != /* ]]; then
  CONFIG=$PWD/$CONFIG
fi
cd "$ROOT"

if [[ -z $IMAGE_TAG ]]; then
  if IMAGE_TAG=$(git rev-parse --short=12 HEAD 2>/dev/null); then
    git diff --quiet HEAD 2>/dev/null || IMAGE_TAG="$IMAGE_TAG-dirty-$(date -u +%Y%m%d%H%M%S)"
  else
    IMAGE_TAG=$(date -u +%Y%m%d-%H%M%S)
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/eros-deploy.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------
# The plan: ./eros deploy-plan validates every value and writes the generated files to $WORK.
# ---------------------------------------------------------------------------------------------
plan_args=(--project="$PROJECT" --region="$REGION" --tag="$IMAGE_TAG" --config="$CONFIG" --out="$WORK" --format=nul)
[[ -z $BUCKET ]] || plan_args+=(--bucket="$BUCKET")
[[ -z $REGISTRY ]] || plan_args+=(--registry="$REGISTRY")
[[ -z $DATASET ]] || plan_args+=(--dataset="$DATASET")
[[ -z $ONLY ]] || plan_args+=(--only="$ONLY")
rc=0
./eros deploy-plan "${plan_args[@]}" >"$WORK/plan" || rc=$?
# A refusal has been printed as one line by ./eros; nothing has run.
((rc == 0)) || exit "$rc"
mapfile -d '' -t PLAN <"$WORK/plan"
[[ ${PLAN[0]:-} == eros-deploy-plan/1 ]] || die "./eros deploy-plan did not print a plan in the format eros-deploy-plan/1"

# ---------------------------------------------------------------------------------------------
# Running commands
# ---------------------------------------------------------------------------------------------
# A command as one could paste it into a shell.
show() {
  local out="" a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:=@,+%-]+$ ]]; then
      out+="$a "
    else
      out+="'${a//\'/\'\\\'\'}' "
    fi
  done
  printf '%s' "${out% }"
}

# Runs a command that changes something (printed first); a failure stops the script, showing it.
run() {
  echo "+ $(show "$@")"
  if ((DRY_RUN)); then
    return 0
  fi
  local rc=0
  "$@" || rc=$?
  if ((rc != 0)); then
    echo "deploy.sh: FAILED (exit $rc); stopping here, nothing after this command was run:" >&2
    echo "  $(show "$@")" >&2
    exit "$rc"
  fi
}

# Read-only checks. A failure stops the script with the command's output.
check() {
  local what=$1
  shift
  if ((DRY_RUN)); then
    echo "would check: $what: $(show "$@")"
    return 0
  fi
  echo "checking: $what"
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if ((rc != 0)); then
    echo "deploy.sh: check failed: $what (exit $rc):" >&2
    echo "  $(show "$@")" >&2
    [[ -z $out ]] || sed 's/^/  | /' <<<"$out" >&2
    exit 1
  fi
  CHECK_OUTPUT=$out
}

# Whether a resource exists: 0 found, 1 not found; any other error stops the script.
exists() {
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if ((rc == 0)); then
    return 0
  fi
  if grep -qiE 'NOT_FOUND|not found|does not exist|404' <<<"$out"; then
    return 1
  fi
  echo "deploy.sh: FAILED (exit $rc) while looking for an existing resource:" >&2
  echo "  $(show "$@")" >&2
  [[ -z $out ]] || sed 's/^/  | /' <<<"$out" >&2
  exit "$rc"
}

# Reading the plan: fields in order; a command is its argument count, then its arguments.
I=1
field() {
  ((I < ${#PLAN[@]})) || die "the plan of ./eros deploy-plan ends early"
  FIELD=${PLAN[I]}
  I=$((I + 1))
}
command_field() {
  local -n into=$1
  field
  [[ $FIELD =~ ^[0-9]+$ ]] && ((I + FIELD <= ${#PLAN[@]})) || die "the plan of ./eros deploy-plan has a malformed command"
  into=("${PLAN[@]:I:FIELD}")
  I=$((I + FIELD))
}

# ---------------------------------------------------------------------------------------------
# Carrying out the plan
# ---------------------------------------------------------------------------------------------
CHECK_OUTPUT=""
while :; do
  field
  case $FIELD in
    note)
      field; when=$FIELD
      field; text=$FIELD
      case $when in
        always) echo "$text" ;;
        dry-run) if ((DRY_RUN)); then echo "$text"; fi ;;
        real-run) if ((!DRY_RUN)); then echo "$text"; fi ;;
        *) die "the plan has a note for '$when'" ;;
      esac
      ;;
    require)
      field; program=$FIELD
      field; hint=$FIELD
      if ((DRY_RUN)); then
        echo "would check: $program is installed: command -v $program"
      elif ! command -v "$program" >/dev/null 2>&1; then
        die "$program is not installed (or not on PATH); $hint"
      else
        echo "checking: $program is installed ($(command -v "$program"))"
      fi
      ;;
    check)
      field; what=$FIELD
      field; empty_message=$FIELD
      command_field argv
      CHECK_OUTPUT=""
      check "$what" "${argv[@]}"
      if ((!DRY_RUN)) && [[ -n $empty_message && -z ${CHECK_OUTPUT//[[:space:]]/} ]]; then
        die "$empty_message"
      fi
      ;;
    confirm)
      field; question=$FIELD
      if ((!DRY_RUN && !FORCE)); then
        printf '%s [y/N] ' "$question" >&2
        answer=""
        read -r answer || true
        [[ $answer =~ ^[Yy]([Ee][Ss])?$ ]] || die "not confirmed; nothing was changed (use --force to skip the question)"
      fi
      ;;
    build)
      field; produces=$FIELD
      command_field argv
      if ((SKIP_BUILD)); then
        echo "skipping the jar build (--skip-build); using $produces"
      else
        run "${argv[@]}"
      fi
      ((DRY_RUN)) || [[ -f $produces ]] || die "$produces not found; build it with $(show "${argv[@]}") (or drop --skip-build)"
      ;;
    run)
      command_field argv
      run "${argv[@]}"
      ;;
    ensure)
      field; what=$FIELD
      command_field probe
      command_field create
      if ((DRY_RUN)); then
        echo "would create $what when absent: $(show "${probe[@]}")"
        echo "+ $(show "${create[@]}")"
      elif exists "${probe[@]}"; then
        echo "$what exists"
      else
        run "${create[@]}"
      fi
      ;;
    copy)
      field; from=$FIELD
      field; to=$FIELD
      if ((DRY_RUN)); then
        echo "would copy $from to $to"
      else
        mkdir -p "$(dirname "$to")"
        ln "$from" "$to" 2>/dev/null || cp "$from" "$to"
      fi
      ;;
    show)
      field; title=$FIELD
      field; path=$FIELD
      echo "$title"
      sed 's/^/    /' "$path"
      ;;
    upsert)
      field; what=$FIELD
      command_field probe
      command_field update
      command_field create
      if ((DRY_RUN)); then
        echo "would look for $what: $(show "${probe[@]}")"
        echo "if it exists:"
        echo "+ $(show "${update[@]}")"
        echo "otherwise:"
        echo "+ $(show "${create[@]}")"
      elif exists "${probe[@]}"; then
        run "${update[@]}"
      else
        run "${create[@]}"
      fi
      ;;
    end) break ;;
    *) die "the plan of ./eros deploy-plan has an unknown step '$FIELD'" ;;
  esac
done
