"""deploy/compose.yaml is valid for docker-compose and agrees with scripts/stack.sh.

No service and no Docker engine needed: Debian's docker-compose 1.29 validates and renders the
file without one. "Agrees" means the same 11 seed services, the same published ports (defaults of
the same variables), the same tiers (front-facing on STACK_BIND, the rest on loopback) and every
variable the compose file reads is one that stack.sh's env file holds.
"""
import re
import subprocess

import pytest
import yaml

from stackenv import REPO, describe, env_example, run

COMPOSE = REPO / "deploy" / "compose.yaml"
SEED_SERVICES = {
    "postgresql_accidents", "adminer", "app", "mlflow-server", "minio", "redis",
    "airflow-webserver", "airflow-scheduler", "airflow-worker", "airflow-init", "flower",
}


def rendered(env_file=REPO / "deploy" / ".env.example", extra_env=None):
    """The compose file as docker-compose resolves it (variables substituted, anchors merged)."""
    out = run(["docker-compose", "-f", str(COMPOSE), "--env-file", str(env_file), "config"],
              env=extra_env)
    return yaml.safe_load(out)


def published(service):
    """(host_ip, published port) of each published port, in the short or the long syntax."""
    result = []
    for port in service.get("ports", []):
        if isinstance(port, str):
            parts = port.split("/")[0].split(":")
            result.append((parts[0], int(parts[1])))
        else:
            result.append((port.get("host_ip", "0.0.0.0"), int(port["published"])))
    return result


def test_compose_config_is_valid():
    proc = subprocess.run(["docker-compose", "-f", str(COMPOSE), "--env-file",
                           str(REPO / "deploy" / ".env.example"), "config", "--quiet"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_same_eleven_services_as_stack_sh():
    config = rendered()
    assert set(config["services"]) == SEED_SERVICES
    assert {row["name"] for row in describe()} == SEED_SERVICES


def test_ports_and_tiers_match_stack_sh():
    config = rendered()
    example = env_example()
    for row in describe():
        service = config["services"][row["name"]]
        networks = set(service.get("networks", {}))
        ports = published(service)
        if row["tier"] == "front":
            assert networks == {"front-tier", "back-tier"}, row["name"]
            assert ports and all(ip == example["STACK_BIND"] for ip, _ in ports), (row["name"], ports)
        else:
            assert networks == {"back-tier"}, row["name"]
            assert all(ip == "127.0.0.1" for ip, _ in ports), (row["name"], ports)
        if row["port_var"] != "-":
            assert int(example[row["port_var"]]) == row["default_port"], row["port_var"]
            assert (ports[0][1] if ports else None) == row["default_port"], row["name"]


def test_front_tier_follows_stack_bind_and_back_tier_stays_on_loopback(tmp_path):
    env = tmp_path / ".env"
    text = (REPO / "deploy" / ".env.example").read_text()
    env.write_text(text.replace("STACK_BIND=127.0.0.1", "STACK_BIND=0.0.0.0"))
    config = rendered(env)
    for row in describe():
        for ip, _ in published(config["services"][row["name"]]):
            assert ip == ("0.0.0.0" if row["tier"] == "front" else "127.0.0.1"), row["name"]


def test_healthchecks_networks_and_volumes():
    config = rendered()
    for name, service in config["services"].items():
        if name == "airflow-init":  # one-shot: the others wait for it to complete
            assert service.get("restart") == "no"
            continue
        assert "healthcheck" in service and service["healthcheck"]["test"], name
    assert set(config["networks"]) == {"front-tier", "back-tier"}
    assert {"postgres_data_accidents", "postgres_data_accidents_backup", "minio_data"} <= set(config["volumes"])
    mounts = {}
    for volume in config["services"]["postgresql_accidents"]["volumes"]:  # short or long syntax
        source, target = (volume.split(":")[:2] if isinstance(volume, str) else (volume["source"], volume["target"]))
        mounts[target] = source
    assert mounts["/var/lib/postgresql/backup"] == "postgres_data_accidents_backup"
    checks = {n: " ".join(s["healthcheck"]["test"]) for n, s in config["services"].items() if "healthcheck" in s}
    assert "pg_isready" in checks["postgresql_accidents"]
    assert "/api/v1/test" in checks["app"]
    assert "/minio/health/live" in checks["minio"]
    assert "redis-cli ping" in checks["redis"]
    assert "/api/v2/monitor/health" in checks["airflow-webserver"]
    assert "jobs check --job-type SchedulerJob" in checks["airflow-scheduler"]
    assert "inspect ping" in checks["airflow-worker"]


def test_every_compose_variable_is_in_env_example_and_in_stack_env(tmp_path):
    used = set(re.findall(r"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)", COMPOSE.read_text()))  # $${X}: the container's own
    example = env_example()
    assert used <= set(example), f"variables missing from deploy/.env.example: {used - set(example)}"
    # stack.sh's env file: the settings written by `init` plus the values every `up` writes.
    env_file = tmp_path / "stack.env"
    run([str(REPO / "scripts" / "stack.sh"), "init"], env={"ACCIDENTML_STACK_ENV": str(env_file)})
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"
    settings = set(re.findall(r"^([A-Z_][A-Z0-9_]*)=", env_file.read_text(), re.M))
    runtime = set(re.findall(r"""echo "([A-Z_][A-Z0-9_]*)='""", (REPO / "scripts" / "stack.sh").read_text()))
    missing = set(example) - settings - runtime
    assert not missing, f"deploy/.env.example variables that scripts/stack.sh never writes: {missing}"
    unused = set(example) - used
    assert not unused, f"deploy/.env.example variables that compose.yaml never reads: {unused}"


def test_dockerfile_targets():
    text = (REPO / "deploy" / "Dockerfile").read_text()
    stages = dict(re.findall(r"^FROM (\S+) AS (\S+)$", text, re.M))
    stages = {alias: image for image, alias in stages.items()}
    assert stages["builder"].startswith("swift:${SWIFT_VERSION}")
    assert re.search(r"^ARG SWIFT_VERSION=6\.\d+$", text, re.M)
    assert stages["app"] == "debian:bookworm-slim"
    assert stages["airflow"].startswith("apache/airflow:")
    app_stage = text.split("AS app")[1].split("\nFROM ")[0]
    assert "libopenblas0" in app_stage and "COPY --from=builder" in app_stage
    airflow_stage = text.split("AS airflow")[1]
    assert "/out/train" in airflow_stage and "pipeline/dags" in airflow_stage
    config = rendered()
    targets = {n: s["build"]["target"] for n, s in config["services"].items() if "build" in s}
    assert set(targets.values()) <= set(stages)
    assert targets["app"] == "app" and targets["airflow-worker"] == "airflow"


def test_every_front_service_script_honours_the_bind_address_stack_sh_passes():
    """STACK_BIND reaches each front-tier script as ACCIDENTML_<NAME>_BIND, which the script binds to;
    back-tier scripts take no bind address and listen on 127.0.0.1."""
    stack_sh = (REPO / "scripts" / "stack.sh").read_text()
    front_scripts = {row["script"] for row in describe() if row["tier"] == "front"}  # airflow.sh runs both tiers
    for row in describe():
        script = (REPO / "scripts" / "services" / row["script"]).read_text()
        variable = f"ACCIDENTML_{row['script'].removesuffix('.sh').upper()}_BIND"
        if row["tier"] == "front":
            assert re.search(rf'export .*\b{variable}="\$bind"', stack_sh), f"stack.sh does not pass {variable}"
            assert re.search(rf'^bind="\$\{{{variable}:-127\.0\.0\.1\}}"$', script, re.M), \
                f"{row['script']} does not read {variable} (default 127.0.0.1)"
            assert '"$bind"' in script or "$bind:" in script, f"{row['script']} never binds to $bind"
        elif row["script"] not in front_scripts:
            assert "_BIND" not in script and "0.0.0.0" not in script.replace('"0.0.0.0" ] && host', ""), row["script"]
