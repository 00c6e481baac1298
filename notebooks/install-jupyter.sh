#!/usr/bin/env bash
# Installs what executing the notebooks needs, each part only when missing: Jupyter's nbconvert and client from
# Debian's packages, the .NET Interactive tool (Microsoft.dotnet-interactive 1.0.712001) and its .net-csharp kernel,
# whose HTTP endpoint is bound to 127.0.0.1 (--http-local-only) instead of every interface.
set -euo pipefail
export PATH="$PATH:$HOME/.dotnet/tools"
if ! jupyter nbconvert --version >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Jupyter is missing; install it with: sudo apt-get install jupyter-nbconvert python3-nbclient jupyter-client jupyter-core" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-nbclient jupyter-client jupyter-core >/dev/null
fi
if ! dotnet tool list -g | grep -qi '^microsoft.dotnet-interactive '; then
  dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001
fi
kernel_json=$(jupyter kernelspec list --json 2>/dev/null | python3 -c 'import json,sys; k=json.load(sys.stdin)["kernelspecs"].get(".net-csharp"); print(k["resource_dir"] + "/kernel.json" if k else "")')
if [ -z "$kernel_json" ]; then
  dotnet interactive jupyter install >/dev/null
  kernel_json=$(jupyter kernelspec list --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["kernelspecs"][".net-csharp"]["resource_dir"] + "/kernel.json")')
fi
python3 - "$kernel_json" <<'PY'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
if "--http-local-only" not in spec["argv"]:
    spec["argv"].append("--http-local-only")
    json.dump(spec, open(path, "w"), indent=2)
PY
echo "Jupyter $(jupyter nbconvert --version), kernel .net-csharp: $kernel_json"
