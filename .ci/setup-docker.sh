#!/usr/bin/env bash
# setup-docker.sh - make a Docker engine and the local JRE image that Faultline's container-target tests use
# available on a clean Debian bookworm machine, as root, with NO container registry. Idempotent: every step is
# skipped when already done. Recipe and pitfalls: docs/targets.md ("Containers without a registry").
#
# Image produced:
#   local/jre17:slim     jlink'ed JRE (java.base,jdk.httpserver by default; MODS=...) + the glibc libs it
#                        links + static busybox (/bin/sh, grep, nc, ip). ~54 MB, ~15 s; needs the JDK's
#                        jlink + jmods (openjdk-17-jdk); only network use: apt-get download busybox-static.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
MODS=${MODS:-java.base,jdk.httpserver}
SLIM=${SLIM_IMAGE:-local/jre17:slim}
now() { date +%s%3N; }
lap() { local ms=$(( $(now) - $2 )); printf '[setup] %-34s %4d.%03d s\n' "$1" $((ms/1000)) $((ms%1000)); }
T0=$(now)

# 1. packages (docker.io pulls containerd, runc, iptables, tini; cgroupfs-mount is only a Recommends)
t=$(now); pk=()
command -v dockerd >/dev/null 2>&1 || pk+=(docker.io)
command -v cgroupfs-mount >/dev/null 2>&1 || pk+=(cgroupfs-mount)
if [ ${#pk[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${pk[@]}" >/dev/null
fi
lap "packages (${pk[*]:-none})" "$t"

# 2. cgroups: no systemd/init here, so nothing mounts them. Use v1 hierarchies via cgroupfs-mount
#    unless v1 or v2 is already mounted. (pause/unpause needs the freezer controller.)
t=$(now)
if [ ! -e /sys/fs/cgroup/cgroup.controllers ] && ! mountpoint -q /sys/fs/cgroup/freezer; then
  cgroupfs-mount
fi
lap "cgroups" "$t"

# 3. dockerd in the background (policy-rc.d blocks the init script; there is no systemd)
t=$(now)
if ! docker version >/dev/null 2>&1; then
  setsid -f dockerd --host=unix:///var/run/docker.sock --storage-driver=overlay2 --log-level=warn \
    >"$LOG" 2>&1 </dev/null
  for _ in $(seq 1 240); do docker version >/dev/null 2>&1 && break; sleep 0.25; done
  docker version >/dev/null   # fail loudly if it never came up (see $LOG)
fi
lap "dockerd ready" "$t"

# 4a. slim JRE image: jlink + the shared libs the JVM links + static busybox, docker-imported
t=$(now)
if ! docker image inspect "$SLIM" >/dev/null 2>&1; then
  W=$(mktemp -d /tmp/jreimg.XXXXXX); R=$W/root
  mkdir -p "$R"/{opt,etc,tmp,app,bin,lib/x86_64-linux-gnu,lib64}
  chmod 1777 "$R/tmp"
  jlink --add-modules "$MODS" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$R/opt/jre"
  for f in $(ldd "$R/opt/jre/bin/java" "$R/opt/jre/lib/server/libjvm.so" "$R"/opt/jre/lib/*.so 2>/dev/null \
             | awk '$3 ~ /^\/(usr\/)?lib/ {print $3} $1 ~ /^\/lib64/ {print $1}' | sort -u); do
    cp -L "$f" "$R$f"
  done
  "$R/opt/jre/bin/java" -Xshare:dump >/dev/null 2>&1 || true   # CDS archive: faster JVM start
  # static busybox from the Debian package (downloaded, not installed): gives /bin/sh, grep, nc, ...
  # so Testcontainers' default wait strategy and execInContainer work.
  (cd "$W" && { apt-get download -qq busybox-static >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get download -qq busybox-static >/dev/null; }; } \
      && dpkg-deb -x busybox-static_*.deb bb) || echo "[setup] WARN: no busybox in $SLIM (no /bin/sh)"
  if [ -x "$W/bb/bin/busybox" ]; then
    cp "$W/bb/bin/busybox" "$R/bin/busybox"
    for a in $("$R/bin/busybox" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done
  fi
  echo 'root:x:0:0:root:/root:/bin/sh' > "$R/etc/passwd"
  echo 'root:x:0:' > "$R/etc/group"
  echo 'hosts: files dns' > "$R/etc/nsswitch.conf"
  tar -C "$R" -c . | docker import -c 'ENV PATH=/opt/jre/bin:/bin' -c 'WORKDIR /app' - "$SLIM" >/dev/null
  rm -rf "$W"
fi
lap "image $SLIM" "$t"

# 5. leftovers of an earlier run that was killed (Ryuk is disabled, so nothing else reaps them)
docker ps -aq --filter label=org.testcontainers=true | xargs -r docker rm -f >/dev/null
docker network ls -q --filter label=org.testcontainers=true | xargs -r docker network rm >/dev/null 2>&1 || true
docker image prune -f --filter label=org.testcontainers=true >/dev/null   # dangling ImageFromDockerfile builds
lap "TOTAL" "$T0"
