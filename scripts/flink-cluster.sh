#!/usr/bin/env bash
# A real Flink session cluster (one JobManager and one TaskManager, each its own JVM) built from
# Maven jars, for running the Brushguard job the way a platform would. flink-dist is not needed.
#
#   scripts/flink-cluster.sh start                 # JM + TM on localhost, web UI on :8081
#   scripts/flink-cluster.sh submit --in F --out D [--rejects D] [--lateness 10m] [--config F]
#   scripts/flink-cluster.sh status
#   scripts/flink-cluster.sh stop
#
# Environment: FLINK_REST_PORT (8081), FLINK_RPC_PORT (6123), FLINK_SLOTS (2),
# FLINK_CLUSTER_DIR (brushguard-flink/target/flink-cluster). Needs Java 17+ and the repo's ./mvnw.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${FLINK_CLUSTER_DIR:-$ROOT/brushguard-flink/target/flink-cluster}"
REST_PORT="${FLINK_REST_PORT:-8081}"
RPC_PORT="${FLINK_RPC_PORT:-6123}"
SLOTS="${FLINK_SLOTS:-2}"
FLINK_VERSION=2.3.0
LOG4J_VERSION=2.25.3
JOB_JAR="$ROOT/brushguard-flink/target/brushguard-flink-job.jar"

# Flink's default env.java.opts.all: the CLI and the cluster need these on Java 17+.
OPENS=(--add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
for p in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time \
  java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

say() { echo "flink-cluster: $*" >&2; }

classpath() {
  if [[ -s "$DIR/classpath.txt" ]]; then
    cat "$DIR/classpath.txt"
    return
  fi
  mkdir -p "$DIR/cp"
  cat >"$DIR/cp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.brushguard.local</groupId><artifactId>flink-cluster-classpath</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.flink</groupId><artifactId>flink-clients</artifactId><version>$FLINK_VERSION</version></dependency>
    <dependency><groupId>org.apache.flink</groupId><artifactId>flink-streaming-java</artifactId><version>$FLINK_VERSION</version></dependency>
    <dependency><groupId>org.apache.flink</groupId><artifactId>flink-runtime-web</artifactId><version>$FLINK_VERSION</version></dependency>
    <dependency><groupId>org.apache.flink</groupId><artifactId>flink-connector-files</artifactId><version>$FLINK_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
  say "resolving the Flink $FLINK_VERSION runtime classpath (once)"
  "$ROOT/mvnw" -q -f "$DIR/cp/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$DIR/classpath.txt" >"$DIR/cp/maven.log" 2>&1 ||
    { cat "$DIR/cp/maven.log" >&2; exit 1; }
  cat "$DIR/classpath.txt"
}

write_conf() {
  mkdir -p "$DIR/conf" "$DIR/log"
  cat >"$DIR/conf/config.yaml" <<YAML
jobmanager: {rpc: {address: localhost, port: $RPC_PORT}, bind-host: localhost, memory: {process: {size: 1024m}}}
taskmanager: {bind-host: localhost, host: localhost, numberOfTaskSlots: $SLOTS, memory: {process: {size: 1536m}}}
rest: {address: localhost, bind-address: localhost, port: $REST_PORT}
parallelism: {default: 1}
YAML
  # Without a log4j configuration the TaskManager dies silently with exit code 1.
  cat >"$DIR/conf/log4j.properties" <<LOG
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = File
appender.file.type = File
appender.file.name = File
appender.file.fileName = \${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
LOG
}

# Prints "JVM flags" then "dynamic properties" as BashJavaUtils computes them for a process kind.
resource_params() {
  java -cp "$1" org.apache.flink.runtime.util.bash.BashJavaUtils "$2" --configDir "$DIR/conf" 2>/dev/null |
    grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

overview() {
  curl -sf "http://localhost:$REST_PORT/overview" 2>/dev/null
}

start() {
  if overview >/dev/null; then
    say "a cluster already answers on :$REST_PORT"
    exit 1
  fi
  local cp
  cp="$(classpath)"
  write_conf
  local jm tm
  mapfile -t jm < <(resource_params "$cp" GET_JM_RESOURCE_PARAMS)
  mapfile -t tm < <(resource_params "$cp" GET_TM_RESOURCE_PARAMS)
  [[ ${#jm[@]} -eq 2 && ${#tm[@]} -eq 2 ]] || { say "could not compute memory settings"; exit 1; }
  # shellcheck disable=SC2086 # the computed flags are meant to split into words
  nohup java ${jm[0]} "${OPENS[@]}" -Dlog.file="$DIR/log/jobmanager.log" \
    -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" -cp "$cp" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    --configDir "$DIR/conf" ${jm[1]} >"$DIR/log/jobmanager.out" 2>&1 &
  echo $! >"$DIR/jobmanager.pid"
  # shellcheck disable=SC2086
  nohup java ${tm[0]} "${OPENS[@]}" -Dlog.file="$DIR/log/taskmanager.log" \
    -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" -cp "$cp" \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    --configDir "$DIR/conf" ${tm[1]} >"$DIR/log/taskmanager.out" 2>&1 &
  echo $! >"$DIR/taskmanager.pid"
  say "waiting for the JobManager and a TaskManager (pids $(cat "$DIR/jobmanager.pid"), $(cat "$DIR/taskmanager.pid"))"
  for _ in $(seq 1 90); do
    if overview | grep -q '"taskmanagers":1'; then
      say "up: web UI and REST on http://localhost:$REST_PORT (logs in $DIR/log)"
      return
    fi
    sleep 1
  done
  say "not up after 90 s; see $DIR/log"
  stop
  exit 1
}

submit() {
  [[ -f "$JOB_JAR" ]] || { say "no job jar; run ./mvnw -pl brushguard-flink -am package -DskipTests"; exit 1; }
  local cp
  cp="$(classpath)"
  FLINK_CONF_DIR="$DIR/conf" java "${OPENS[@]}" -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" \
    -Dlog.file="$DIR/log/client.log" -cp "$cp" org.apache.flink.client.cli.CliFrontend \
    run -m "localhost:$REST_PORT" -c io.brushguard.flink.FindingsJob "$JOB_JAR" "$@"
}

stop() {
  for role in taskmanager jobmanager; do
    if [[ -f "$DIR/$role.pid" ]]; then
      local pid
      pid="$(cat "$DIR/$role.pid")"
      kill "$pid" 2>/dev/null && say "stopped $role ($pid)"
      rm -f "$DIR/$role.pid"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  submit) shift; submit "$@" ;;
  status) overview && echo || { say "no cluster on :$REST_PORT"; exit 1; } ;;
  stop) stop ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
