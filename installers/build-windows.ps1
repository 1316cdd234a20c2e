# Builds the Windows installer (.msi) of AI FinOps Workbench: a jlink'd runtime and a jpackage installer holding the
# shaded jar, with a Start-menu entry, a desktop shortcut and the .afw.json file association.
# Run on Windows with JDK 17+, Maven and the WiX Toolset 3 (candle.exe/light.exe on PATH), from the repository root:
#   powershell -ExecutionPolicy Bypass -File installers\build-windows.ps1
# Output: installers\target\dist\AI FinOps Workbench-<version>.msi. The data directory is %APPDATA%\AI FinOps Workbench;
# an upgrade (same UpgradeUUID, higher version) replaces the program and keeps it.
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = Split-Path -Parent $here
$target = Join-Path $here "target"
$version = ([xml](Get-Content (Join-Path $root "pom.xml"))).project.version

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$target\lib", "$target\runtime", "$target\dist"
New-Item -ItemType Directory -Force "$target\lib", "$target\dist" | Out-Null
mvn -B -q -f "$root\pom.xml" -pl app -am -DskipTests package
Copy-Item "$root\app\target\ai-finops-workbench.jar" "$target\lib\"
jlink --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.prefs,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.jfr `
  --strip-debug --no-header-files --no-man-pages --output "$target\runtime"
@"
extension=afw.json
mime-type=application/x-ai-finops-workbook
description=AI FinOps Workbench workbook
icon=$here\src\main\jpackage\ai-finops-workbench.ico
"@ | Set-Content "$target\workbook-association.properties"
jpackage --type msi --dest "$target\dist" `
  --name "AI FinOps Workbench" --app-version $version --vendor "AI FinOps Workbench" `
  --description "Makes LLM token spend visible, attributable, forecastable and negotiable." `
  --runtime-image "$target\runtime" --input "$target\lib" `
  --main-jar ai-finops-workbench.jar --main-class com.aifinops.workbench.app.Launcher `
  --java-options "-Xmx2g" `
  --icon "$here\src\main\jpackage\ai-finops-workbench.ico" `
  --file-associations "$target\workbook-association.properties" `
  --win-menu --win-menu-group "AI FinOps Workbench" --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid "5b0f3c2e-8d4a-4f7e-9a61-2c3d7e5f1a90"
Get-ChildItem "$target\dist"
