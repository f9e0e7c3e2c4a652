# Shared by bin/chorus and bin/test: make sure the services Chorus uses answer on this machine.
# Sourced, not run.

redis_answers() {
  local host="${CHORUS_REDIS_HOST:-127.0.0.1}" port="${CHORUS_REDIS_PORT:-6379}"
  if command -v redis-cli >/dev/null 2>&1; then
    redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG
  else
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
  fi
}

postgres_answers() {
  local host="${CHORUS_DATABASE_HOST:-127.0.0.1}" port="${CHORUS_DATABASE_PORT:-5432}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# Starts a stopped local Redis, installing it with apt-get when it is absent.
# With "optional", failure to get one is reported and tolerated (Chorus then runs degraded).
ensure_redis() {
  local need="${1:-required}"
  redis_answers && return 0
  if ! command -v redis-server >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "chorus: installing Redis with apt-get" >&2
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >/dev/null 2>&1 || true
    fi
  fi
  if command -v redis-server >/dev/null 2>&1; then
    echo "chorus: starting Redis on 127.0.0.1:6379" >&2
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir "$( [ -w /var/lib/redis ] && echo /var/lib/redis || echo /tmp )" >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do redis_answers && return 0; sleep 0.1; done
  fi
  if [ "$need" = optional ]; then
    echo "chorus: no Redis at 127.0.0.1:6379; rate limits fall back to the local limiter (degraded)" >&2
    return 0
  fi
  echo "chorus: Redis is needed at 127.0.0.1:6379 and could not be started or installed" >&2
  return 1
}

# Starts a stopped local PostgreSQL cluster (Debian's pg_ctlcluster) when one is installed.
# When none answers afterwards, Chorus itself falls back to an embedded PostgreSQL.
ensure_postgres() {
  postgres_answers && return 0
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version
    for version in $(ls /etc/postgresql); do
      echo "chorus: starting PostgreSQL $version" >&2
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    for _ in $(seq 1 50); do postgres_answers && return 0; sleep 0.2; done
  fi
  return 1
}

# Installs Debian's Chromium and chromedriver for the dashboard's browser tests when they are
# absent; without them (no root, no apt-get) those tests fail and say what to install.
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "chorus: installing Chromium and chromedriver with apt-get (browser tests)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >/dev/null 2>&1 || true
  fi
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  echo "chorus: no Chromium/chromedriver; the browser tests will fail (apt-get install -y chromium chromium-driver)" >&2
  return 0
}
