#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (as root), or stops at once
# naming the apt-get command to run. The list lives in debian-packages.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
missing=()
while read -r command package; do
  [[ -z "${command:-}" || "$command" == \#* ]] && continue
  if ! command -v "$command" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$command" ]]; then
    missing+=("$package")
  elif ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done < "$here/debian-packages.txt"
[[ ${#missing[@]} -eq 0 ]] && exit 0

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
command="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "The tests need Debian packages that are missing. Run as root:" >&2
  echo "  echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections" >&2
  echo "  apt-get update && DEBIAN_FRONTEND=noninteractive $command" >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]}"
# Without this answer slapd's package would configure and start a system instance.
echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
apt-get update -o DPkg::Lock::Timeout=600 -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts services on install; the tests run their own private instances.
for service in samba-ad-dc smbd nmbd winbind slapd; do
  systemctl stop "$service" >/dev/null 2>&1 || service "$service" stop >/dev/null 2>&1 || true
done
