#!/usr/bin/env bash
# Reproduces every figure in docs/PERFORMANCE.md: builds the host and the driver in Release, prints the machine,
# then runs the intake, ceiling, delivery, kill -9 and fuzz benchmarks (about 12 minutes on 2 cores).
# Usage: bash bench/run-all.sh [all|intake|delivery|fault|fuzz|quick|cost|pg-one|cluster] [--runs N] [--seconds S] [--cases N] [--rate N] ...
#        cost: host CPU per handled update at a fixed offered load (--rate, default 100/s), with perf stat's counters
#        pg-one: one host on a throwaway PostgreSQL and plain Npgsql's storage ceiling for the same rows
#        bash bench/run-all.sh pages [--cases N] [--runs R] [--requests Q] [--paths /public,...]   (the results page, bench/Pages)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Bot/Bot.csproj -c Release -nologo -v q
if [ "${1:-}" = "pages" ]; then
  shift
  dotnet build bench/Pages/Pages.Bench.csproj -c Release -nologo -v q
  echo "== machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2}') RAM; $(uname -r); $(dotnet --version)"
  echo "== load before: $(uptime)"
  dotnet bench/Pages/bin/Release/net10.0/ResidentBot.Pages.Bench.dll run "$@"
  echo "== load after: $(uptime)"
  exit 0
fi
dotnet build bench/Intake/Intake.Bench.csproj -c Release -nologo -v q
echo "== machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2}') RAM; $(uname -r); $(dotnet --version)"
echo "== load before: $(uptime)"
dotnet bench/Intake/bin/Release/net10.0/ResidentBot.Intake.Bench.dll "${@:-all}"
echo "== load after: $(uptime)"
