#!/usr/bin/env bash
# Makes the packages installable from a clone, before (or without) nuget.org: packs Opper.Typed, Opper.Typed.Emulator,
# Opper.Typed.Hangfire and the opper-typed tool into a local folder and registers that folder as the NuGet source "opper-local".
#
# Each run gets a fresh prerelease version (0.1.0-local.<UTC time>), because NuGet caches a package by id and version:
# re-packing the same version would be shadowed by the copy already in ~/.nuget/packages.
#
# Usage: build/pack-local.sh [feed folder, default ~/.opper-feed]   Prints the version it packed, last.
set -euo pipefail

feed="${1:-$HOME/.opper-feed}"
version="${OPPER_PACK_VERSION:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

for project in src/Opper.Typed src/Opper.Typed.Emulator src/Opper.Typed.Hangfire src/Opper.Typed.Cli; do
  echo "[pack-local] packing $project $version into $feed" >&2
  dotnet pack "$root/$project" -c Release -o "$feed" -p:Version="$version" -nologo -v:quiet >&2
done

# Read the sources once (a grep that quits early must not break a pipeline under pipefail), and match whole lines:
# "E <path>" is an enabled source, "D <path>" a disabled one.
sources="$(dotnet nuget list source --format short)"
names="$(dotnet nuget list source)"
if grep -qxF "E $feed" <<<"$sources"; then
  echo "[pack-local] NuGet source for $feed is already registered" >&2
elif grep -qE "^ *[0-9]+\. +opper-local \[" <<<"$names"; then
  dotnet nuget update source opper-local --source "$feed" >&2
  dotnet nuget enable source opper-local >&2
else
  dotnet nuget add source "$feed" --name opper-local >&2
fi

echo "$version"
