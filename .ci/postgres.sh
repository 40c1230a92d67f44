#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the pins store tests.
#
# Run it, do not source it; it prints shell to eval:
#
#   eval "$(.ci/postgres.sh)"            # start; exports LICENSEBOT_TEST_DATABASE_URL
#   go test ./bot/store/...
#   .ci/postgres.sh stop "$LICENSEBOT_TEST_PGDIR"   # stop and delete the cluster
#
# stdout carries only the `export` lines; progress and errors go to stderr.
# Installs PostgreSQL from Debian packages when no server is installed (needs
# root or sudo), creates a cluster in a temporary directory owned by the
# postgres user (initdb refuses to run as root), listens on 127.0.0.1 only on
# a free port, and creates a database and a password-protected role that owns
# it. Nothing outside the temporary directory is touched besides the package
# install.
set -euo pipefail

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# as_pg runs a command as the postgres user when we are root, as ourselves
# otherwise.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
		fi
	else
		"$@"
	fi
}

stop_cluster() {
	local dir=${1:-${LICENSEBOT_TEST_PGDIR:-}}
	[ -n "$dir" ] || die "usage: $0 stop DIR"
	[ -f "$dir/data/PG_VERSION" ] || die "$dir holds no cluster started by this script"
	local bindir
	bindir=$(cat "$dir/bindir")
	as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
	rm -rf -- "$dir"
	log "stopped and removed $dir"
}

# find_bindir prints the directory holding initdb, pg_ctl and postgres, the
# newest installed major version first (Debian layout), then PATH.
find_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
			echo "$d"
			return 0
		fi
	done
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v initdb)")"
		return 0
	fi
	return 1
}

install_postgres() {
	local sudo=
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || die "PostgreSQL is not installed and installing it needs root or sudo"
		sudo=sudo
	fi
	log "installing PostgreSQL from Debian packages"
	local apt=($sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -qq --no-install-recommends
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
	"${apt[@]}" update >&2
	# Debian's server package creates and, where it can, starts a "main"
	# cluster on port 5432; we want only our throwaway one. As the official
	# postgres image does: install postgresql-common, turn that off, then
	# install the server.
	"${apt[@]}" install postgresql-common >&2
	$sudo sed -ri 's/^#? *(create_main_cluster) .*$/\1 = false/' /etc/postgresql-common/createcluster.conf
	"${apt[@]}" install postgresql >&2
}

port_free() {
	# A successful connect means something listens there.
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_cluster() {
	local bindir
	if ! bindir=$(find_bindir) || [ "${LICENSEBOT_PG_FORCE_INSTALL:-}" = 1 ]; then
		install_postgres
		bindir=$(find_bindir) || die "PostgreSQL installed but initdb/pg_ctl not found"
	fi
	if [ "$(id -u)" -eq 0 ] && ! getent passwd postgres >/dev/null; then
		die "running as root but there is no postgres user to run the server as"
	fi
	log "using $bindir ($("$bindir/postgres" --version))"

	local dir
	dir=$(mktemp -d "${TMPDIR:-/tmp}/licensebot-pg.XXXXXX")
	echo "$bindir" >"$dir/bindir"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"

	local password
	password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
	# The superuser authenticates over the socket in $dir only (trust,
	# reachable by the postgres user alone); TCP needs a password.
	printf '%s\n' "$password" >"$dir/pwfile"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
	chmod 600 "$dir/pwfile"
	as_pg "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/pwfile" >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; die "initdb failed"; }
	rm -f "$dir/pwfile"

	local port started=
	for port in $(seq 54320 54399); do
		port_free "$port" || continue
		if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null 2>&1; then
			started=1
			break
		fi
	done
	[ -n "$started" ] || { cat "$dir/server.log" >&2 || true; die "could not start PostgreSQL on any port 54320-54399"; }

	local psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres)
	as_pg "${psql[@]}" >&2 <<-SQL
		CREATE ROLE licensebot LOGIN PASSWORD '$password';
		CREATE DATABASE licensebot_test OWNER licensebot;
	SQL

	local url="postgres://licensebot:$password@127.0.0.1:$port/licensebot_test?sslmode=disable"
	log "PostgreSQL running on 127.0.0.1:$port, data in $dir"
	printf 'export LICENSEBOT_TEST_DATABASE_URL=%q\n' "$url"
	printf 'export LICENSEBOT_TEST_PGDIR=%q\n' "$dir"
}

case "${1:-start}" in
start) start_cluster ;;
stop) stop_cluster "${2:-}" ;;
*) die "usage: $0 [start | stop DIR]" ;;
esac
