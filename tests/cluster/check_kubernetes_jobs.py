#!/usr/bin/python3
"""The lab's Kubernetes Jobs (packaging/cluster/kubernetes), checked offline against the Job API.

There is no cluster here, so the schema is the one the Kubernetes Python client (Debian's
python3-kubernetes) is generated from: every field must be one the API defines, of its type, and
the fields it requires must be there. Then what the lab needs of them, for a sweep's Jobs and a load's: the
parts Job is Indexed, runs one `--shard I/N` per index with N equal to its completions, and shares
its volume with the merge; a load's generators all begin at one --start-at and are never retried
(a retried generator would not meet the others). The check is shown to fail on broken copies first, so that a pass means something.

Usage: check_kubernetes_jobs.py DIR
"""
import copy
import json
import re
import sys
from pathlib import Path

import yaml
from kubernetes import client

PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float)}


def check_value(value, kind, path, problems):
    """`value` against an openapi type name: 'str', 'list[V1Container]', 'dict(str, str)', 'V1Job'."""
    if kind in PRIMITIVES:
        if not isinstance(value, PRIMITIVES[kind]) or (kind == "int" and isinstance(value, bool)):
            problems.append(f"{path}: expected {kind}, got {type(value).__name__} {value!r}")
        return
    if kind == "object":
        return
    if kind.startswith("list["):
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list")
            return
        for i, item in enumerate(value):
            check_value(item, kind[5:-1], f"{path}[{i}]", problems)
        return
    if kind.startswith("dict("):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a mapping")
            return
        inner = kind[5:-1].split(", ", 1)[1]
        for key, item in value.items():
            check_value(item, inner, f"{path}.{key}", problems)
        return
    model = getattr(client, kind)
    if not isinstance(value, dict):
        problems.append(f"{path}: expected a {kind} object")
        return
    by_json_name = {json_name: attr for attr, json_name in model.attribute_map.items()}
    for key, item in value.items():
        if key not in by_json_name:
            problems.append(f"{path}.{key}: not a field of {kind}")
            continue
        check_value(item, model.openapi_types[by_json_name[key]], f"{path}.{key}", problems)


class Response:  # what ApiClient.deserialize reads
    def __init__(self, document):
        self.data = json.dumps(document)


def schema_problems(document):
    problems = []
    if document.get("apiVersion") != "batch/v1" or document.get("kind") != "Job":
        return [f"not a batch/v1 Job: {document.get('apiVersion')} {document.get('kind')}"]
    check_value(document, "V1Job", "Job", problems)
    try:  # the client's own required-field checks (containers, image names, …)
        client.ApiClient().deserialize(Response(document), "V1Job")
    except (ValueError, TypeError) as error:
        problems.append(f"Job: {error}")
    return problems


def lab_problems(parts, merge, load=False):
    problems = []
    spec = parts["spec"]
    if spec.get("completionMode") != "Indexed":
        problems.append("the parts Job is not Indexed: pods would not know their part")
    count = spec.get("completions")
    if spec.get("parallelism") != count:
        problems.append(f"parallelism {spec.get('parallelism')} is not completions {count}")
    container = spec["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    if env.get("SHARDS") != str(count):
        problems.append(f"SHARDS={env.get('SHARDS')} but completions={count}")
    script = " ".join(container.get("command", []) + container.get("args", []))
    if not re.search(r'--shard "\$JOB_COMPLETION_INDEX/\$SHARDS"', script):
        problems.append("the parts do not run --shard $JOB_COMPLETION_INDEX/$SHARDS")
    if load:
        if not re.search(r'--start-at "\$START_AT"', script) or "START_AT" not in env:
            problems.append("the generators do not begin at one --start-at $START_AT")
        if spec.get("backoffLimit") != 0:
            problems.append("a generator that fails is retried, and would load the server alone")
    merge_script = " ".join(sum((c.get("command", []) + c.get("args", [])
                                 for c in merge["spec"]["template"]["spec"]["containers"]), []))
    if "conlab-cli merge" not in merge_script:
        problems.append("the merge Job does not run conlab-cli merge")

    def claims(job):
        return {v["persistentVolumeClaim"]["claimName"]
                for v in job["spec"]["template"]["spec"].get("volumes", [])
                if "persistentVolumeClaim" in v}
    if not claims(parts) & claims(merge):
        problems.append("the parts and the merge share no volume")
    return problems


def check_pair(folder, kind):
    parts = yaml.safe_load((folder / f"conlab-{kind}-parts.yaml").read_text())
    merge = yaml.safe_load((folder / f"conlab-{kind}-merge.yaml").read_text())
    load = kind == "load"

    # Broken copies first: each must be caught, or the check proves nothing.
    broken = {
        "a misspelt field": lambda d: d["spec"].__setitem__("completionsMode", "Indexed"),
        "a wrong type": lambda d: d["spec"].__setitem__("completions", "four"),
        "no containers": lambda d: d["spec"]["template"]["spec"].__setitem__("containers", None),
        "a container without a name": lambda d: d["spec"]["template"]["spec"]["containers"][0]
        .pop("name"),
    }
    for what, breakage in broken.items():
        document = copy.deepcopy(parts)
        breakage(document)
        if not schema_problems(document):
            return [f"{kind}: the check let {what} through"]
    not_indexed = copy.deepcopy(parts)
    not_indexed["spec"].pop("completionMode")
    if not lab_problems(not_indexed, merge, load):
        return [f"{kind}: the check let a parts Job that is not Indexed through"]
    if load:
        retried = copy.deepcopy(parts)
        retried["spec"]["backoffLimit"] = 3
        if not lab_problems(retried, merge, load):
            return ["load: the check let a Job that retries its generators through"]

    problems = [f"{kind} {name}: {p}" for name, job in (("parts", parts), ("merge", merge))
                for p in schema_problems(job)] + [f"{kind}: {p}" for p in
                                                  lab_problems(parts, merge, load)]
    if not problems:
        print(f"PASS: {kind}: both Jobs fit the batch/v1 Job schema; "
              f"{parts['spec']['completions']} indexed parts and their merge share a volume")
    return problems


def main():
    folder = Path(sys.argv[1])
    problems = check_pair(folder, "sweep") + check_pair(folder, "load")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
