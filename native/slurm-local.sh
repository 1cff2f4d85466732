#!/usr/bin/env bash
# A real single-node Slurm on this machine, for kljn's integration tests and for trying `kljn sweep --slurm`.
#
#   native/slurm-local.sh start    install (apt-get, as root) and start munged, slurmctld, slurmd; wait until the
#                                  node is idle. Does nothing when it is already up. Prints "started" or "running".
#   native/slurm-local.sh stop     cancel this cluster's jobs and stop the three daemons (only those it started)
#   native/slurm-local.sh status   daemons and sinfo; exit 0 when the node answers, 3 when Slurm is not running
#
# Debian's slurm-wlm and munge; localhost only; accounting off; plugins that need neither systemd nor cgroups
# (proctrack/linuxproc, task/none, jobacct_gather/none). The node gets `nproc` CPUs and ~90% of free memory.
# It writes /etc/slurm/slurm.conf (refusing to overwrite one it did not write) and keeps its state, logs and pid
# files under $KLJN_SLURM_HOME (default /var/lib/kljn-slurm). Any failure exits non-zero with the reason and
# the tail of the daemon logs.
set -euo pipefail

home="${KLJN_SLURM_HOME:-/var/lib/kljn-slurm}"
conf=/etc/slurm/slurm.conf
marker="# written by kljn native/slurm-local.sh"
wait_seconds="${KLJN_SLURM_WAIT:-90}"

die() {
  echo "slurm-local: $*" >&2
  exit 1
}

logs_tail() {
  local f
  for f in "$home"/log/munged.log "$home"/log/slurmctld.log "$home"/log/slurmd.log; do
    [ -s "$f" ] && { echo "--- last lines of $f" >&2; tail -n 15 "$f" >&2; }
  done
  return 0
}

alive() { # alive PIDFILE: the pid in it is a running process
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

node_state() {
  sinfo -h -N -o '%t' 2>/dev/null | head -n 1 | tr -d '*~#!%$@^-' || true
}

install_packages() {
  local need=()
  command -v munged >/dev/null 2>&1 || need+=(munge)
  command -v slurmctld >/dev/null 2>&1 || need+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || need+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || need+=(slurm-client)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${need[*]}; run as root (it installs them with apt-get) or: sudo apt-get install -y slurm-wlm munge"
  command -v apt-get >/dev/null 2>&1 || die "missing ${need[*]} and there is no apt-get to install them (Debian/Ubuntu: slurm-wlm, munge)"
  echo "slurm-local: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  # no init system here: keep the packages' maintainer scripts from starting daemons (we start them by hand)
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >&2; then
    apt-get update -qq >&2 || true
    apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 || {
      [ $created_policy -eq 1 ] && rm -f "$policy"
      die "apt-get install ${need[*]} failed"
    }
  fi
  [ $created_policy -eq 1 ] && rm -f "$policy"
  command -v munged >/dev/null && command -v slurmctld >/dev/null && command -v slurmd >/dev/null \
    && command -v sbatch >/dev/null || die "apt-get finished but munged, slurmctld, slurmd or sbatch is still missing"
}

write_config() {
  if [ -e "$conf" ] && ! grep -qF "$marker" "$conf"; then
    die "$conf exists and was not written by this script; refusing to overwrite it (a real cluster's configuration?)"
  fi
  local host cpus mem_mb
  host="$(hostname -s)"
  cpus="$(nproc)"
  # RealMemory: 90% of what `free` calls free (slurmd refuses a node that reports less than its RealMemory)
  mem_mb="$(free -m | awk '/^Mem:/ {print int($4 * 0.9)}')"
  [ "$mem_mb" -ge 256 ] || mem_mb=256
  mkdir -p /etc/slurm "$home/state" "$home/spool" "$home/log" "$home/run"
  local tmp="$conf.tmp.$$"
  cat >"$tmp" <<CONF
$marker
ClusterName=kljn-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$home/state
SlurmdSpoolDir=$home/spool
SlurmctldPidFile=$home/run/slurmctld.pid
SlurmdPidFile=$home/run/slurmd.pid
SlurmctldLogFile=$home/log/slurmctld.log
SlurmdLogFile=$home/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no systemd, no cgroups
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
# a cancelled task gets SIGTERM, then SIGKILL after KillWait seconds
KillWait=10
MinJobAge=300
JobRequeue=1
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  mv "$tmp" "$conf"
}

start_munge() {
  if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile=/etc/munge/munge.key --force >/dev/null
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
    fi
  fi
  # munged refuses keys and folders that others can read or write
  getent passwd munge >/dev/null || die "user munge is missing (the munge package creates it)"
  chown munge:munge /etc/munge /etc/munge/munge.key
  chmod 700 /etc/munge
  chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/lib/munge /var/log/munge
  chown munge:munge /run/munge /var/lib/munge /var/log/munge
  chmod 755 /run/munge
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    return 0
  fi
  rm -f /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
  runuser -u munge -- munged --pid-file=/run/munge/munged.pid --log-file="$home/log/munged.log" \
    || { logs_tail; die "munged did not start"; }
  local i
  for i in $(seq 1 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  logs_tail
  die "munged started but 'munge -n | unmunge' fails"
}

start() {
  if alive "$home/run/slurmctld.pid" && alive "$home/run/slurmd.pid" && [ "$(node_state)" = idle -o "$(node_state)" = alloc -o "$(node_state)" = mix ]; then
    echo running
    return 0
  fi
  install_packages
  write_config
  touch "$home/log/munged.log"
  chown munge:munge "$home/log/munged.log"
  start_munge
  if ! alive "$home/run/slurmctld.pid"; then
    slurmctld || { logs_tail; die "slurmctld did not start"; }
  fi
  if ! alive "$home/run/slurmd.pid"; then
    slurmd || { logs_tail; die "slurmd did not start"; }
  fi
  local i state=""
  for i in $(seq 1 $((wait_seconds * 2))); do
    state="$(node_state)"
    case "$state" in
      idle|mix|alloc)
        echo started
        return 0
        ;;
      down|drain|drng|fail)
        # a node left down by an earlier run (e.g. an unclean stop): bring it back
        scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true
        ;;
    esac
    sleep 0.5
  done
  logs_tail
  sinfo -N -l >&2 || true
  die "the node did not become idle within ${wait_seconds}s (state '${state:-no answer from slurmctld}')"
}

stop() {
  local had=0
  if alive "$home/run/slurmctld.pid"; then
    scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
  fi
  local f pid i
  for f in "$home/run/slurmd.pid" "$home/run/slurmctld.pid" /run/munge/munged.pid; do
    if alive "$f"; then
      had=1
      pid="$(cat "$f")"
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$f"
  done
  [ $had -eq 1 ] && echo stopped || echo "not running"
}

status() {
  local f up=0
  for f in /run/munge/munged.pid "$home/run/slurmctld.pid" "$home/run/slurmd.pid"; do
    if alive "$f"; then
      echo "$(basename "$f" .pid): running (pid $(cat "$f"))"
    else
      echo "$(basename "$f" .pid): not running"
    fi
  done
  if alive "$home/run/slurmctld.pid" && command -v sinfo >/dev/null 2>&1 && sinfo -N -l 2>/dev/null; then
    up=1
  fi
  [ $up -eq 1 ] || return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
