#!/usr/bin/env bash
# Packs the libraries the notebooks use into a local NuGet feed, artifacts/notebook-feed, with a version that
# changes with every run (0.1.0-local.<UTC time>): NuGet keeps a package version in its cache once it has seen it,
# so a fixed version would keep serving an old build. The notebooks add the feed (#i "nuget: ../artifacts/notebook-feed")
# and take the newest local build (#r "nuget: ScalingLaws.Plotting, 0.1.0-local.*"), which brings ScalingLaws,
# ScottPlot, MathNet.Numerics and CsvHelper with it.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=artifacts/notebook-feed
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
rm -rf "$feed"
for project in src/ScalingLaws src/ScalingLaws.Plotting; do
  dotnet pack "$project" -c Release -o "$feed" -p:PackageVersion="$version" --nologo -v quiet
done
echo "$version" > "$feed/version.txt"
echo "notebook feed: $feed ($version)"
