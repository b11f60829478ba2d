#!/usr/bin/env bash
# Runs the robot runtime: ./robot --help. Build the jar first: mvn -B -q -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/robot-runtime/target/robot.jar"
if [ ! -f "$jar" ]; then
  echo "robot: $jar is missing; build it first with: mvn -B -q -DskipTests package" >&2
  exit 2
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
