#!/usr/bin/env bash
# Builds the macOS packages (.dmg and .pkg) of AI FinOps Workbench on a Mac: a jlink'd runtime and a jpackage app
# image holding the shaded jar. Run on macOS with JDK 17+ and Maven: installers/build-macos.sh
# Output: installers/target/dist/AI FinOps Workbench-<version>.dmg and .pkg. Not runnable on Linux (jpackage
# builds only the host's own package types). The data directory is ~/Library/Application Support/AI FinOps Workbench.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target="$here/target"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)

rm -rf "$target/lib" "$target/runtime" "$target/dist"
mkdir -p "$target/lib" "$target/dist"
mvn -B -q -f "$root/pom.xml" -pl app -am -DskipTests package
cp "$root/app/target/ai-finops-workbench.jar" "$target/lib/"
jlink --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.prefs,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.jfr \
  --strip-debug --no-header-files --no-man-pages --output "$target/runtime"
cat > "$target/workbook-association.properties" <<PROPS
extension=afw.json
mime-type=application/x-ai-finops-workbook
description=AI FinOps Workbench workbook
PROPS
for type in dmg pkg; do
  jpackage --type "$type" --dest "$target/dist" \
    --name "AI FinOps Workbench" --app-version "$version" --vendor "AI FinOps Workbench" \
    --description "Makes LLM token spend visible, attributable, forecastable and negotiable." \
    --runtime-image "$target/runtime" --input "$target/lib" \
    --main-jar ai-finops-workbench.jar --main-class com.aifinops.workbench.app.Launcher \
    --java-options "-Xmx2g" \
    --file-associations "$target/workbook-association.properties" \
    --mac-package-identifier com.aifinops.workbench --mac-package-name "AI FinOps Workbench"
done
ls -l "$target/dist"
