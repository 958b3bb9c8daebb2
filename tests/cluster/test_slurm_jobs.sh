#!/usr/bin/env bash
# The lab's Slurm jobs on a real single-node cluster. A sweep run as a job array, then merged,
# against the same sweep in one process: the same grid and order, each point's makespan close,
# and a part that dies named by the merge and filled by --resume. Then a load sent by two
# generators as one job of two tasks, against the lab's own server, merged: every request, the
# generators beginning together, and the latency one generator measures alone.
#
# The cluster is Debian's slurmctld, slurmd and munged, started here with a configuration written
# in a temporary directory (no /etc, no systemd), on ports nobody listens on, and stopped with
# everything they started on every way out.
#
# Usage: test_slurm_jobs.sh CONLAB_CLI SOURCE_DIR
set -euo pipefail

cli=$(realpath "$1")
source_dir=$(realpath "$2")
submit="$source_dir/packaging/cluster/slurm/submit-sweep"
submit_load="$source_dir/packaging/cluster/slurm/submit-load"
for tool in munged mungekey slurmctld slurmd sbatch srun sinfo python3; do
  command -v "$tool" >/dev/null || {
    echo "FAIL: $tool is missing (scripts/setup-deps installs slurmctld, slurmd, slurm-client and munge)"
    exit 1
  }
done

dir=$(mktemp -d /tmp/conlab-slurm.XXXXXX)
chmod 755 "$dir" # munged wants its socket's directory searchable by everyone
daemons=()
cleanup() {
  local status=$?
  for pid in "${daemons[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${daemons[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if ((status != 0)); then
    for log in "$dir"/*.log "$dir"/*.out; do
      [[ -f "$log" ]] && { echo "--- $log"; tail -n 20 "$log"; }
    done
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# munge: the credentials Slurm's daemons and commands trust each other by.
mungekey --create --keyfile="$dir/munge.key"
munged --foreground --origin=127.0.0.1 --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" \
  >"$dir/munged.out" 2>&1 &
daemons+=($!)

node=$(hostname -s)
user=$(id -un)
mkdir -p "$dir/state" "$dir/spool"
export SLURM_CONF="$dir/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=conlab-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$dir/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc)
PartitionName=lab Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

for _ in $(seq 50); do
  [[ -S "$dir/munge.sock" ]] && break
  sleep 0.1
done
[[ -S "$dir/munge.sock" ]] || fail "munged did not start"
slurmctld -D -f "$SLURM_CONF" >"$dir/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$dir/slurmd.out" 2>&1 &
daemons+=($!)
for _ in $(seq 100); do
  sinfo --noheader --responding --states=idle 2>/dev/null | grep -q . && break
  sleep 0.2
done
sinfo --noheader --responding --states=idle | grep -q . || fail "the node did not come up: $(sinfo 2>&1)"

# 3 pool sizes × 2 repeats = 6 runs of 8 blocking waits of 50 ms: 400, 200 and 100 ms each.
cat >"$dir/experiment.json" <<'JSON'
{"schema": "conlab.experiment/1", "name": "slurm sweep", "repeats": 2,
 "load": {"kind": "closed", "tasks": 8, "clients": 8},
 "variants": [{"label": "/pool", "model": "thread_pool", "pool_size": 1,
               "steps": [{"kind": "blocking_io", "ms": 50}]}],
 "sweep": {"parameters": [{"parameter": "pool_size", "values": [1, 2, 4]}]}}
JSON

cd "$dir"
started=$(date +%s.%N)
"$cli" sweep experiment.json --out single.json --no-history --quiet >/dev/null
single_s=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")

export CONLAB_CLI=$cli CONLAB_PARTS="$dir/parts" CONLAB_OUT="$dir/sweep.json"
started=$(date +%s.%N)
# Bounded here, well inside ctest's limit, so that a cluster that never runs the jobs fails with
# its logs and its daemons stopped.
timeout 180 "$submit" --wait experiment.json 4 --chdir="$dir" >"$dir/submit.out" 2>&1 ||
  fail "the merge job failed or never ran: $(cat "$dir/submit.out" "$dir"/conlab-*.out 2>/dev/null)
$(squeue 2>&1; scontrol show job 2>&1 | grep -E 'JobId|JobState|Reason')"
slurm_s=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
ls "$dir"/parts/part-{0,1,2,3}.json >/dev/null || fail "not every part was written"
[[ -s sweep.json ]] || fail "the merge wrote nothing"

# The merged sweep against the one-process sweep: identical grid and run order, 4 parts each
# with what it owns, and each point's mean makespan within 25% (waits of 50 ms: the noise of a
# shared 2-core machine, not a schedule).
python3 - single.json sweep.json <<'PY'
import json, sys
single, merged = (json.load(open(p))["sweep"] for p in sys.argv[1:3])
assert merged["runs_done"] == merged["runs_total"] == 6, merged["runs_done"]
assert "shard" not in merged
parts = merged["parts"]
assert [p["shard"]["index"] for p in parts] == [0, 1, 2, 3], parts
assert [p["runs"] for p in parts] == [2, 2, 1, 1], [p["runs"] for p in parts]
assert [p["values"] for p in single["points"]] == [p["values"] for p in merged["points"]]
worst = 0.0
for a, b in zip(single["points"], merged["points"]):
    ma, mb = a["variants"][0]["measurements"], b["variants"][0]["measurements"]
    assert [(m["order"], m["repeat"]) for m in ma] == [(m["order"], m["repeat"]) for m in mb], (ma, mb)
    assert all(m["part"] == m["order"] % 4 for m in mb), mb
    assert a["variants"][0]["predicted_makespan_s"] == b["variants"][0]["predicted_makespan_s"]
    mean = lambda ms: sum(m["metrics"]["makespan_s"] for m in ms) / len(ms)
    gap = abs(mean(mb) / mean(ma) - 1)
    worst = max(worst, gap)
    assert gap < 0.25, f"pool {a['values']}: {mean(ma):.3f} s in one process, {mean(mb):.3f} s merged"
print(f"merged = one process: 3 points, 6 runs in the same order; makespans within {worst:.1%}")
PY

# The merged file compares like any sweep (exit 0 or 1; 2 would be "could not compare").
set +e
"$cli" compare single.json sweep.json >compare.out 2>&1
compared=$?
set -e
((compared != 2)) || fail "compare could not read the merge: $(cat compare.out)"

# A part that died: the merge names it; merged without it, --resume fills it.
rm parts/part-2.json
set +e
"$cli" merge parts/part-*.json --out partial.json --no-history >merge.out 2>&1
refused=$?
set -e
((refused == 2)) || fail "a missing part was not refused (exit $refused)"
grep -q "part 2/4 (not given): all 1 of its runs" merge.out || fail "$(cat merge.out)"
"$cli" merge parts/part-*.json --out partial.json --allow-missing --no-history -q >/dev/null
"$cli" sweep experiment.json --resume partial.json --no-history --quiet >resumed.out
grep -q "6 of 6 runs done" resumed.out || fail "resume did not fill the gap: $(cat resumed.out)"

# A load of 100 requests a second for 2 s from 2 generators, at an endpoint that answers in 20 ms.
cat >"$dir/served.json" <<'JSON'
{"schema": "conlab.experiment/1", "name": "served", "load": {"kind": "closed", "tasks": 1, "clients": 1},
 "variants": [{"label": "/wait", "model": "event_loop", "steps": [{"kind": "io", "ms": 20}]}]}
JSON
port=$(free_port)
"$cli" serve served.json --listen "127.0.0.1:$port" >serve.out 2>&1 &
daemons+=($!)
for _ in $(seq 100); do
  grep -q "Ctrl-C stops the server." serve.out && break
  sleep 0.1
done
grep -q "Ctrl-C stops the server." serve.out || fail "the server did not start: $(cat serve.out)"
url="http://127.0.0.1:$port/wait"
"$cli" load "$url" --rate 100 --duration 2s --out one.json --quiet >/dev/null

started=$(date +%s.%N)
CONLAB_LOAD_ARGS="--rate 100 --duration 2s" CONLAB_LEAD_S=3 CONLAB_PARTS="$dir/load-parts" \
  CONLAB_OUT="$dir/load.json" timeout 120 "$submit_load" --wait "$url" 2 --chdir="$dir" \
  >"$dir/submit-load.out" 2>&1 ||
  fail "the load job failed or never ran: $(cat "$dir/submit-load.out" "$dir"/conlab-load-*.out 2>/dev/null)"
load_s=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
ls "$dir"/load-parts/load-part-{0,1}.json >/dev/null || fail "not every generator wrote its part"

python3 - load.json one.json <<'PY'
import json, sys
merged, one = (json.load(open(p)) for p in sys.argv[1:3])
assert merged["load_settings"]["shards"] == 2, merged["load_settings"]
v, w = merged["variants"][0], one["variants"][0]
r = v["repeats"][0]
gens = r["generators"]
assert [g["shard"] for g in gens] == ["0/2", "1/2"], gens
assert [g["sent"] for g in gens] == [100, 100], [g["sent"] for g in gens]
assert v["summary"]["tasks"] == w["summary"]["tasks"] == 200, (v["summary"]["tasks"], w["summary"]["tasks"])
assert v["summary"]["completed"] == 200, v["summary"]["completed"]
# Each began when its first request was due: the agreed start, plus 10 ms for generator 1/2.
firsts = [g["clock_zero_unix_ns"] + g["first_send_ns"] - g["arrival_phase_ns"] for g in gens]
spread = (max(firsts) - min(firsts)) / 1e9
assert spread < 0.05, f"the generators began {spread:.3f} s apart"
p50, alone = v["summary"]["latency_s"]["p50"], w["summary"]["latency_s"]["p50"]
assert 0.020 <= p50 < 0.035, p50
assert 0.8 < p50 / alone < 1.25, (p50, alone)
print(f"load from 2 generators under Slurm: 200 requests, began {spread * 1e3:.1f} ms apart, "
      f"p50 {p50 * 1e3:.1f} ms against {alone * 1e3:.1f} ms from one generator")
PY

echo "PASS: single process ${single_s} s, 4 parts under Slurm ${slurm_s} s (queue, parts one at a time on 2 cores, merge); a 2 s load from 2 generators ${load_s} s"
