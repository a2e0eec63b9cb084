# shellcheck shell=bash
# shellcheck disable=SC2154 # service, folder, port_variable, tmp_root, first_port: set by the script
# Scaffolding shared by the service scripts: sourced by scripts/services/NAME.sh, defines
# functions only. The script sets, before calling them:
#   service        its name, for messages (postgres, s3, mlflow, ...)
#   folder         the data folders' infix: ${tmp_root}/accidentml-FOLDER-PORT (default: $service)
#   port_variable  the variable that moves its base port (ACCIDENTML_<NAME>_PORT), for messages
#   tmp_root, first_port, and `host` when it listens elsewhere than 127.0.0.1.

# Ends the script with its name and the message on stderr.
die() { echo "$service.sh: $*" >&2; exit 1; }

# Something accepts connections on that port of $host (127.0.0.1 when unset or empty).
port_in_use() { (exec 3<>"/dev/tcp/${host:-127.0.0.1}/$1") 2>/dev/null; }

# free_port [FROM [EXCEPT]]: the first port from FROM (default $first_port) to FROM+200 that
# nothing listens on and no data folder of this service is named after; EXCEPT is skipped.
free_port() {
    local from="${1:-$first_port}" port
    for port in $(seq "$from" $((from + 200))); do
        [ "$port" = "${2:-}" ] && continue
        port_in_use "$port" || [ -e "$tmp_root/accidentml-${folder:-$service}-$port" ] || { echo "$port"; return 0; }
    done
    die "no free port in $from..$((from + 200)); set $port_variable"
}

# write_private FILE: writes stdin to FILE, created under umask 077 (mode 600, never readable by
# others even for an instant); creates its folder.
write_private() {
    local old_umask
    old_umask="$(umask)"
    umask 077
    mkdir -p "$(dirname "$1")"
    cat >"$1"
    umask "$old_umask"
}

# ensure_venv_from VENV REQUIREMENTS TOOL WHAT MESSAGE: creates VENV from the pinned REQUIREMENTS
# (uv when present, else python3 -m venv + pip) unless VENV/bin/TOOL exists and the venv is newer
# than the requirements; WHAT names the package in errors, MESSAGE is printed before installing.
ensure_venv_from() {
    local venv="$1" requirements="$2" tool="$3" what="$4"
    if [ -x "$venv/bin/$tool" ] && [ "$venv/.requirements" -nt "$requirements" ]; then return 0; fi
    echo "$service.sh: $5" >&2
    if command -v uv >/dev/null 2>&1; then
        uv venv -q --allow-existing "$venv" && VIRTUAL_ENV="$venv" uv pip install -q -r "$requirements"
    else
        python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$requirements"
    fi || die "could not install $requirements into $venv (is PyPI reachable?)"
    [ -x "$venv/bin/$tool" ] || die "$what installed but $venv/bin/$tool is missing"
    touch "$venv/.requirements"
}
