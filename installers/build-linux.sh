#!/usr/bin/env bash
# Builds the Linux package of AI FinOps Workbench: a jlink'd Java runtime and a jpackage
# .deb holding it with the app's shaded jar. Output: installers/target/dist/ai-finops-workbench_<version>_amd64.deb
# Needs JDK 17+ with jmods (jlink, jpackage), Maven, fakeroot and dpkg-deb. APP_VERSION overrides the package
# version (the upgrade test builds N+1 with it); SKIP_BUILD=1 reuses an existing Maven build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target="$here/target"
jdk_bin=$(dirname "$(readlink -f "$(command -v javac)")")
pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
version=${APP_VERSION:-$pom_version}
name=ai-finops-workbench

rm -rf "$target/lib" "$target/runtime" "$target/dist"   # jlink refuses an existing output
mkdir -p "$target/lib" "$target/dist"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B -q -f "$root/pom.xml" -pl app -am -DskipTests package
fi
# The app is its shaded jar (our modules, the libraries and JavaFX with its Linux natives); the runtime is a
# jlink'd JDK holding only the platform modules the app uses, so the installed app needs no Java on the machine.
cp "$root/app/target/ai-finops-workbench.jar" "$target/lib/"

"$jdk_bin/jlink" \
  --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.prefs,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.jfr \
  --strip-debug --no-header-files --no-man-pages --output "$target/runtime"

cat > "$target/workbook-association.properties" <<PROPS
extension=afw.json
mime-type=application/x-ai-finops-workbook
description=AI FinOps Workbench workbook
icon=$here/src/main/jpackage/$name.png
PROPS

# .deb always; .rpm too where rpmbuild exists (Fedora, or Debian with the rpm package)
types="deb"
if command -v rpmbuild >/dev/null 2>&1; then types="deb rpm"; fi
for type in $types; do
# JavaFX's natives ride in the jar, so jpackage cannot see that the window needs GTK and GL: declare them
if [ "$type" = deb ]; then deps="libgtk-3-0, libgl1, libxtst6, fonts-dejavu-core"; else deps="gtk3, mesa-libGL, libXtst, dejavu-sans-fonts"; fi
"$jdk_bin/jpackage" --type "$type" --dest "$target/dist" \
  --name "$name" --app-version "$version" --vendor "AI FinOps Workbench" \
  --description "Makes LLM token spend visible, attributable, forecastable and negotiable." \
  --copyright "AI FinOps Workbench developers" \
  --runtime-image "$target/runtime" --input "$target/lib" \
  --main-jar ai-finops-workbench.jar --main-class com.aifinops.workbench.app.Launcher \
  --java-options "-Xmx2g" \
  --icon "$here/src/main/jpackage/$name.png" \
  --file-associations "$target/workbook-association.properties" \
  --linux-package-name "$name" --linux-menu-group "Office;Finance" --linux-shortcut \
  --linux-app-category misc --linux-deb-maintainer "developers@ai-finops-workbench.invalid" --linux-rpm-license-type "Proprietary" \
  --linux-package-deps "$deps"
done

ls -l "$target/dist"
