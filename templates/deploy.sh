#!/usr/bin/env bash
# Deploys the EROS pipelines to Google Cloud: the bundled jar, one Flex Template launcher image and
# one template spec per pipeline, and a Cloud Scheduler job per pipeline that launches it on its
# schedule in America/Los_Angeles time (settings in templates/schedules.yaml).
# Run with --help for the options.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: templates/deploy.sh [--dry-run] [--force] [--skip-build] [options]

Deploys the four EROS pipelines as Dataflow Flex Templates launched by Cloud Scheduler:
  1. checks that gcloud is installed and authenticated, the project exists and the two service
     accounts of schedules.yaml exist;
  2. asks for confirmation (skipped with --force);
  3. builds the bundled jar (./mvnw -B -q -DskipTests package);
  4. enables the APIs it needs, creates the bucket and the Artifact Registry repository when absent;
  5. builds and pushes one launcher image per pipeline with Cloud Build (templates/Dockerfile);
  6. writes each template spec to gs://BUCKET/templates/<pipeline>.json
     (with templates/<pipeline>/metadata.json);
  7. creates each Cloud Scheduler job, or updates an existing one completely: schedule, time
     zone, launch URI and body, OAuth service account, retry settings.
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
  --dry-run          print every command it would run (and the launch bodies); change nothing,
                     run nothing, not even the checks (it says what it would check)
  --force            do not ask for confirmation
  --skip-build       do not build the jar; use pipelines/target/eros-bundled.jar as it is
                     (also SKIP_BUILD=1), for operators who have just built it
  --print-config     print schedules.yaml as this script reads it (key=value) and exit
  -h, --help         this help

Examples:
  templates/deploy.sh --project=my-proj --region=us-west1 --dry-run
  PROJECT=my-proj REGION=us-west1 templates/deploy.sh --force
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
PRINT_CONFIG=0
SKIP_BUILD=${SKIP_BUILD:-0}
PROJECT=${PROJECT:-}
REGION=${REGION:-}
BUCKET=${BUCKET:-}
REGISTRY=${REGISTRY:-}
DATASET=${DATASET:-eros_scheduling_brain}
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
    --print-config) PRINT_CONFIG=1 ;;
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

# A --config given relative to where the script was started; the default relative to the repository.
if [[ -z $CONFIG ]]; then
  CONFIG=templates/schedules.yaml
elif [[ $CONFIG != /* ]]; then
  CONFIG=$PWD/$CONFIG
fi
cd "$ROOT"

# ---------------------------------------------------------------------------------------------
# schedules.yaml: flattened to "a.b.c=value" lines by a small parser of the subset it uses.
# ---------------------------------------------------------------------------------------------
[[ -f $CONFIG ]] || die "schedules file $CONFIG not found"
CONFIG_FLAT=$(awk '
  function fail(msg) { printf "deploy.sh: %s line %d: %s\n", FILENAME, NR, msg > "/dev/stderr"; bad = 1; exit 1 }
  {
    line = $0
    sub(/\r$/, "", line)
    if (line ~ /^[ ]*(#.*)?$/) next
    if (line ~ /\t/) fail("tab character; indent with spaces")
    match(line, /^ */)
    indent = RLENGTH
    if (indent % 2 != 0) fail("indent is not a multiple of two spaces")
    depth = indent / 2
    if (depth > maxdepth + 1) fail("indented deeper than its parent")
    rest = substr(line, indent + 1)
    if (!match(rest, /^[A-Za-z0-9_-]+:/)) fail("expected \"key: value\" (lists and other YAML forms are not read here)")
    key = substr(rest, 1, RLENGTH - 1)
    value = substr(rest, RLENGTH + 1)
    if (value != "" && value !~ /^ /) fail("expected a space after the colon")
    sub(/^ +/, "", value)
    if (value ~ /^"/) {
      if (!match(value, /^"[^"\\]*"/)) fail("unterminated or escaped double-quoted value")
      tail = substr(value, RLENGTH + 1); value = substr(value, 2, RLENGTH - 2)
      if (tail !~ /^ *(#.*)?$/) fail("text after a quoted value")
    } else if (value ~ /^'\''/) {
      if (!match(value, /^'\''[^'\'']*'\''/)) fail("unterminated single-quoted value")
      tail = substr(value, RLENGTH + 1); value = substr(value, 2, RLENGTH - 2)
      if (tail !~ /^ *(#.*)?$/) fail("text after a quoted value")
    } else {
      sub(/ +#.*$/, "", value)
      sub(/ +$/, "", value)
      if (value ~ /^[[{&*!|>@`%]/ || value ~ /^-( |$)/) fail("unsupported YAML value (quote it)")
    }
    path[depth] = key
    maxdepth = depth
    full = path[0]
    for (i = 1; i <= depth; i++) full = full "." path[i]
    if (value == "") next
    if (full in seen) fail("duplicate key " full)
    seen[full] = 1
    print full "=" value
  }
' "$CONFIG") || die "cannot read $CONFIG (see the message above)"

if ((PRINT_CONFIG)); then
  printf '%s\n' "$CONFIG_FLAT"
  exit 0
fi

# The flattened settings in memory (lookups below are plain bash: no process per lookup).
declare -A CFG=()
CFG_KEYS=()
while IFS= read -r line; do
  [[ -n $line ]] || continue
  CFG[${line%%=*}]=${line#*=}
  CFG_KEYS+=("${line%%=*}")
done <<<"$CONFIG_FLAT"

# The raw value of a flattened key; fails when the key is absent.
cfg_raw() {
  [[ -v CFG[$1] ]] || return 1
  printf '%s' "${CFG[$1]}"
}

# Immediate child keys of a prefix, in file order.
cfg_children() {
  local p="$1." k rest
  local -A seen=()
  for k in "${CFG_KEYS[@]}"; do
    [[ $k == "$p"* ]] || continue
    rest=${k#"$p"}
    rest=${rest%%.*}
    [[ -v seen[$rest] ]] && continue
    seen[$rest]=1
    printf '%s\n' "$rest"
  done
}

# ${PROJECT} ${REGION} ${BUCKET} ${DATASET} filled in; anything else in ${...} is an error.
subst() {
  local v=$1
  v=${v//'${PROJECT}'/$PROJECT}
  v=${v//'${REGION}'/$REGION}
  v=${v//'${BUCKET}'/$BUCKET}
  v=${v//'${DATASET}'/$DATASET}
  [[ $v != *'${'* ]] || die "$CONFIG: unknown placeholder in '$1' (known: \${PROJECT} \${REGION} \${BUCKET} \${DATASET})"
  printf '%s' "$v"
}

# Setting of a job: jobs.JOB.PATH, else defaults.PATH; dies when neither is set.
setting() {
  if [[ -v CFG["jobs.$1.$2"] ]]; then
    subst "${CFG["jobs.$1.$2"]}"
  elif [[ -v CFG["defaults.$2"] ]]; then
    subst "${CFG["defaults.$2"]}"
  else
    die "$CONFIG: jobs.$1.$2 is not set (nor defaults.$2)"
  fi
}

# JSON string (values with quotes, backslashes or control characters are refused).
json_string() {
  [[ $1 != *[\"\\]* && $1 != *[[:cntrl:]]* ]] || die "$CONFIG: value '$1' contains a quote, backslash or control character"
  printf '"%s"' "$1"
}

# Keys of a map setting of a job (defaults first, then the job's own).
setting_keys() {
  local k
  local -A seen=()
  while IFS= read -r k; do
    [[ -n $k && ! -v seen[$k] ]] || continue
    seen[$k]=1
    printf '%s\n' "$k"
  done < <(cfg_children "defaults.$2"; cfg_children "jobs.$1.$2")
}

# ---------------------------------------------------------------------------------------------
# Deployment settings
# ---------------------------------------------------------------------------------------------
[[ -n $PROJECT ]] || usage_error "no project: pass --project=ID or set PROJECT"
[[ -n $REGION ]] || usage_error "no region: pass --region=REGION or set REGION"
[[ $PROJECT =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] || usage_error "'$PROJECT' is not a Google Cloud project id"
[[ $REGION =~ ^[a-z]+-[a-z]+[0-9]+$ ]] || usage_error "'$REGION' is not a region name such as us-west1"
BUCKET=${BUCKET:-$PROJECT-eros-dataflow}
BUCKET=${BUCKET#gs://}
BUCKET=${BUCKET%/}
[[ $BUCKET =~ ^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$ ]] || usage_error "'$BUCKET' is not a bucket name"
REGISTRY=${REGISTRY:-$REGION-docker.pkg.dev/$PROJECT/eros}
REGISTRY=${REGISTRY%/}
[[ $DATASET =~ ^[A-Za-z0-9_]+$ ]] || usage_error "'$DATASET' is not a BigQuery dataset name"
if [[ -z $IMAGE_TAG ]]; then
  if IMAGE_TAG=$(git rev-parse --short=12 HEAD 2>/dev/null); then
    git diff --quiet HEAD 2>/dev/null || IMAGE_TAG="$IMAGE_TAG-dirty-$(date -u +%Y%m%d%H%M%S)"
  else
    IMAGE_TAG=$(date -u +%Y%m%d-%H%M%S)
  fi
fi
[[ $IMAGE_TAG =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || usage_error "'$IMAGE_TAG' is not an image tag"

JAR=pipelines/target/eros-bundled.jar
OAUTH_SCOPE=https://www.googleapis.com/auth/cloud-platform

mapfile -t ALL_JOBS < <(cfg_children jobs)
((${#ALL_JOBS[@]} > 0)) || die "$CONFIG lists no jobs"
JOBS=()
if [[ -n $ONLY ]]; then
  IFS=, read -r -a wanted <<<"$ONLY"
  for w in "${wanted[@]}"; do
    found=0
    for j in "${ALL_JOBS[@]}"; do [[ $j == "$w" ]] && found=1; done
    ((found)) || usage_error "--only: no job '$w' in $CONFIG (jobs: ${ALL_JOBS[*]})"
    JOBS+=("$w")
  done
else
  JOBS=("${ALL_JOBS[@]}")
fi

# Per-job settings, validated before anything runs.
declare -A MAIN JOBNAME CRON TZONE DESC IMAGE SPEC METADATA
for job in "${JOBS[@]}"; do
  [[ $job =~ ^[a-z][a-z0-9-]{0,40}$ ]] || die "$CONFIG: job name '$job' must be lower case letters, digits and hyphens"
  MAIN[$job]=$(setting "$job" mainClass)
  JOBNAME[$job]=$(setting "$job" jobName)
  CRON[$job]=$(setting "$job" cron)
  TZONE[$job]=$(setting "$job" scheduler.timeZone)
  DESC[$job]=$(setting "$job" description)
  [[ ${MAIN[$job]} =~ ^([a-zA-Z_][a-zA-Z0-9_]*\.)+[A-Z][A-Za-z0-9_]*$ ]] || die "$CONFIG: $job: mainClass '${MAIN[$job]}' is not a Java class name"
  [[ ${JOBNAME[$job]} =~ ^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$ ]] || die "$CONFIG: $job: jobName '${JOBNAME[$job]}' is not a Dataflow job name"
  read -r -a cron_fields <<<"${CRON[$job]}"
  ((${#cron_fields[@]} == 5)) || die "$CONFIG: $job: cron '${CRON[$job]}' must have five fields"
  [[ ${TZONE[$job]} =~ ^[A-Za-z_]+(/[A-Za-z_+-]+)+$ ]] || die "$CONFIG: $job: timeZone '${TZONE[$job]}' is not a tz database name"
  # Every setting used below must be present (an update must set everything, never keep old values).
  for k in retry.maxRetryAttempts retry.maxRetryDuration retry.minBackoff retry.maxBackoff retry.maxDoublings \
    scheduler.serviceAccount scheduler.attemptDeadline region environment.serviceAccountEmail \
    environment.tempLocation environment.stagingLocation environment.maxWorkers environment.machineType; do
    v=$(setting "$job" "$k")
  done
  while IFS= read -r k; do
    [[ -n $k ]] || continue
    v=$(setting "$job" "parameters.$k")
    json_string "$v" >/dev/null
  done < <(setting_keys "$job" parameters)
  while IFS= read -r k; do
    [[ -n $k ]] || continue
    v=$(setting "$job" "environment.$k")
    json_string "$v" >/dev/null
  done < <(setting_keys "$job" environment)
  METADATA[$job]=templates/$job/metadata.json
  [[ -f ${METADATA[$job]} ]] || die "${METADATA[$job]} not found: every pipeline in $CONFIG needs its template metadata"
  IMAGE[$job]=$REGISTRY/eros-$job:$IMAGE_TAG
  SPEC[$job]=gs://$BUCKET/templates/$job.json
done
DF_REGION=$(setting "${JOBS[0]}" region)
WORKER_SA=$(setting "${JOBS[0]}" environment.serviceAccountEmail)
SCHEDULER_SA=$(setting "${JOBS[0]}" scheduler.serviceAccount)

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

# A read-only check; prints what it checks. A failure stops the script with the command's output.
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

json_value() {
  if [[ $1 =~ ^(0|[1-9][0-9]{0,8})$ || $1 == true || $1 == false ]]; then printf '%s' "$1"; else json_string "$1"; fi
}

# The flexTemplates:launch request body of a job.
launch_body() {
  local job=$1 k sep
  printf '{\n  "launchParameter": {\n'
  printf '    "jobName": %s,\n' "$(json_string "${JOBNAME[$job]}")"
  printf '    "containerSpecGcsPath": %s,\n' "$(json_string "${SPEC[$job]}")"
  printf '    "parameters": {'
  sep=""
  while IFS= read -r k; do
    [[ -n $k ]] || continue
    printf '%s\n      %s: %s' "$sep" "$(json_string "$k")" "$(json_string "$(setting "$job" "parameters.$k")")"
    sep=","
  done < <(setting_keys "$job" parameters)
  printf '\n    },\n    "environment": {'
  sep=""
  while IFS= read -r k; do
    [[ -n $k ]] || continue
    printf '%s\n      %s: %s' "$sep" "$(json_string "$k")" "$(json_value "$(setting "$job" "environment.$k")")"
    sep=","
  done < <(setting_keys "$job" environment)
  printf '\n    }\n  }\n}\n'
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/eros-deploy.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------
# 1. Checks (read only)
# ---------------------------------------------------------------------------------------------
echo "EROS deploy: project $PROJECT, region $DF_REGION, bucket gs://$BUCKET, images $REGISTRY/eros-<pipeline>:$IMAGE_TAG"
echo "pipelines: ${JOBS[*]}"
((DRY_RUN)) && echo "DRY RUN: printing the commands; nothing is run or changed"

if ((DRY_RUN)); then
  echo "would check: gcloud is installed: command -v gcloud"
elif ! command -v gcloud >/dev/null 2>&1; then
  die "gcloud is not installed (or not on PATH); install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install"
else
  echo "checking: gcloud is installed ($(command -v gcloud))"
fi
CHECK_OUTPUT=""
check "gcloud is authenticated" gcloud auth list --filter=status:ACTIVE --format=value\(account\)
if ((!DRY_RUN)) && [[ -z ${CHECK_OUTPUT//[[:space:]]/} ]]; then
  die "gcloud has no active account; run: gcloud auth login"
fi
check "project $PROJECT exists and is visible" gcloud projects describe "$PROJECT" --format=value\(projectId\)
check "worker service account exists" gcloud iam service-accounts describe "$WORKER_SA" --project="$PROJECT" --format=value\(email\)
if [[ $SCHEDULER_SA != "$WORKER_SA" ]]; then
  check "scheduler service account exists" gcloud iam service-accounts describe "$SCHEDULER_SA" --project="$PROJECT" --format=value\(email\)
fi

# ---------------------------------------------------------------------------------------------
# 2. Confirmation
# ---------------------------------------------------------------------------------------------
if ((!DRY_RUN && !FORCE)); then
  printf 'Deploy %s to project %s (region %s)? [y/N] ' "${JOBS[*]}" "$PROJECT" "$DF_REGION" >&2
  answer=""
  read -r answer || true
  [[ $answer =~ ^[Yy]([Ee][Ss])?$ ]] || die "not confirmed; nothing was changed (use --force to skip the question)"
fi

# ---------------------------------------------------------------------------------------------
# 3. The bundled jar
# ---------------------------------------------------------------------------------------------
if ((SKIP_BUILD)); then
  echo "skipping the jar build (--skip-build); using $JAR"
else
  run ./mvnw -B -q -DskipTests package
fi
((DRY_RUN)) || [[ -f $JAR ]] || die "$JAR not found; build it with ./mvnw -B -q -DskipTests package (or drop --skip-build)"

# ---------------------------------------------------------------------------------------------
# 4. APIs, bucket, image repository
# ---------------------------------------------------------------------------------------------
run gcloud services enable dataflow.googleapis.com cloudscheduler.googleapis.com cloudbuild.googleapis.com \
  artifactregistry.googleapis.com bigquery.googleapis.com storage.googleapis.com --project="$PROJECT"

if ((DRY_RUN)); then
  echo "would create the bucket when absent: gcloud storage buckets describe gs://$BUCKET --project=$PROJECT"
  echo "+ gcloud storage buckets create gs://$BUCKET --project=$PROJECT --location=$DF_REGION --uniform-bucket-level-access"
elif exists gcloud storage buckets describe "gs://$BUCKET" --project="$PROJECT" --format=value\(name\); then
  echo "bucket gs://$BUCKET exists"
else
  run gcloud storage buckets create "gs://$BUCKET" --project="$PROJECT" --location="$DF_REGION" --uniform-bucket-level-access
fi

if [[ $REGISTRY =~ ^([a-z0-9-]+)-docker\.pkg\.dev/([^/]+)/([a-z0-9-]+)$ ]]; then
  ar_location=${BASH_REMATCH[1]} ar_project=${BASH_REMATCH[2]} ar_repo=${BASH_REMATCH[3]}
  if ((DRY_RUN)); then
    echo "would create the repository when absent: gcloud artifacts repositories describe $ar_repo --location=$ar_location --project=$ar_project"
    echo "+ gcloud artifacts repositories create $ar_repo --repository-format=docker --location=$ar_location --project=$ar_project"
  elif exists gcloud artifacts repositories describe "$ar_repo" --location="$ar_location" --project="$ar_project" --format=value\(name\); then
    echo "repository $REGISTRY exists"
  else
    run gcloud artifacts repositories create "$ar_repo" --repository-format=docker --location="$ar_location" \
      --project="$ar_project" --description="EROS Flex Template launcher images"
  fi
else
  echo "registry $REGISTRY is not an Artifact Registry path (LOCATION-docker.pkg.dev/PROJECT/REPO); not creating it"
fi

# ---------------------------------------------------------------------------------------------
# 5. Launcher images (one Cloud Build: the jar is uploaded once, the images share its layer)
# ---------------------------------------------------------------------------------------------
CONTEXT=$WORK/build-context
mkdir -p "$CONTEXT/pipelines/target"
cp templates/Dockerfile "$CONTEXT/Dockerfile"
if [[ -f $JAR ]]; then
  ln "$JAR" "$CONTEXT/$JAR" 2>/dev/null || cp "$JAR" "$CONTEXT/$JAR"
fi
{
  echo "# Generated by templates/deploy.sh: one launcher image per pipeline."
  echo "steps:"
  for job in "${JOBS[@]}"; do
    echo "  - name: gcr.io/cloud-builders/docker"
    echo "    args: ['build', '--build-arg', 'MAIN_CLASS=${MAIN[$job]}', '-t', '${IMAGE[$job]}', '.']"
  done
  echo "images:"
  for job in "${JOBS[@]}"; do
    echo "  - '${IMAGE[$job]}'"
  done
} >"$CONTEXT/cloudbuild.yaml"
echo "build context $CONTEXT: Dockerfile, $JAR, cloudbuild.yaml:"
sed 's/^/    /' "$CONTEXT/cloudbuild.yaml"
run gcloud builds submit "$CONTEXT" --config="$CONTEXT/cloudbuild.yaml" --project="$PROJECT"

# ---------------------------------------------------------------------------------------------
# 6. Template specs
# ---------------------------------------------------------------------------------------------
for job in "${JOBS[@]}"; do
  run gcloud dataflow flex-template build "${SPEC[$job]}" \
    --image="${IMAGE[$job]}" \
    --sdk-language=JAVA \
    --metadata-file="${METADATA[$job]}" \
    --service-account-email="$(setting "$job" environment.serviceAccountEmail)" \
    --temp-location="$(setting "$job" environment.tempLocation)" \
    --staging-location="$(setting "$job" environment.stagingLocation)" \
    --max-workers="$(setting "$job" environment.maxWorkers)" \
    --worker-machine-type="$(setting "$job" environment.machineType)" \
    --project="$PROJECT"
done

# ---------------------------------------------------------------------------------------------
# 7. Cloud Scheduler jobs (created, or updated completely)
# ---------------------------------------------------------------------------------------------
for job in "${JOBS[@]}"; do
  body=$WORK/$job.launch.json
  launch_body "$job" >"$body"
  region=$(setting "$job" region)
  uri="https://dataflow.googleapis.com/v1b3/projects/$PROJECT/locations/$region/flexTemplates:launch"
  common=(
    --project="$PROJECT"
    --location="$region"
    --schedule="${CRON[$job]}"
    --time-zone="${TZONE[$job]}"
    --uri="$uri"
    --http-method=POST
    --message-body-from-file="$body"
    --oauth-service-account-email="$(setting "$job" scheduler.serviceAccount)"
    --oauth-token-scope="$OAUTH_SCOPE"
    --attempt-deadline="$(setting "$job" scheduler.attemptDeadline)"
    --description="$(setting "$job" description)"
    --max-retry-attempts="$(setting "$job" retry.maxRetryAttempts)"
    --max-retry-duration="$(setting "$job" retry.maxRetryDuration)"
    --min-backoff="$(setting "$job" retry.minBackoff)"
    --max-backoff="$(setting "$job" retry.maxBackoff)"
    --max-doublings="$(setting "$job" retry.maxDoublings)"
  )
  name=${JOBNAME[$job]}
  echo "launch body of $name ($body):"
  sed 's/^/    /' "$body"
  if ((DRY_RUN)); then
    echo "would look for the job: gcloud scheduler jobs describe $name --project=$PROJECT --location=$region"
    echo "if it exists:"
    echo "+ $(show gcloud scheduler jobs update http "$name" "${common[@]}" --update-headers=Content-Type=application/json)"
    echo "otherwise:"
    echo "+ $(show gcloud scheduler jobs create http "$name" "${common[@]}" --headers=Content-Type=application/json)"
  elif exists gcloud scheduler jobs describe "$name" --project="$PROJECT" --location="$region" --format=value\(name\); then
    run gcloud scheduler jobs update http "$name" "${common[@]}" --update-headers=Content-Type=application/json
  else
    run gcloud scheduler jobs create http "$name" "${common[@]}" --headers=Content-Type=application/json
  fi
done

if ((DRY_RUN)); then
  echo "dry run finished: nothing was run or changed"
else
  echo "deployed: ${JOBS[*]} (images tagged $IMAGE_TAG; template specs in gs://$BUCKET/templates/)"
  echo "next runs: gcloud scheduler jobs list --project=$PROJECT --location=$DF_REGION"
fi
