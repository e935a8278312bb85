#!/usr/bin/env bash
# A stand-in for ./mvnw in the deploy.sh tests: records its arguments and "builds" the jar.
printf 'mvnw %s\n' "$*" >>"$FAKE_GCLOUD_LOG.mvnw"
mkdir -p pipelines/target && printf 'jar\n' >pipelines/target/eros-bundled.jar
