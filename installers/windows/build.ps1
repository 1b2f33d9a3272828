# Builds StateScope's Windows installer (.msi) with jpackage and a jlink'ed runtime.
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Type msi|exe|app-image]
# Run on Windows from any folder. Needs JAVA_HOME = a JDK 25 and, for msi/exe, the WiX Toolset on the
# PATH (WiX 3: candle.exe/light.exe; jpackage 24+ also takes WiX 4/5: wix.exe). Output:
# target\installer\dist\StateScope-<version>.msi. The steps are installers/build.sh's, for Windows.
param([ValidateSet('msi', 'exe', 'app-image')][string]$Type = 'msi')
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

if (-not $env:JAVA_HOME -or -not (Test-Path "$env:JAVA_HOME\bin\jpackage.exe")) {
    Write-Error 'build.ps1: set JAVA_HOME to a JDK 25 (with jpackage)'; exit 2
}
$bin = "$env:JAVA_HOME\bin"
$out = 'target\installer'
$version = (Select-String -Path pom.xml -Pattern '^  <version>([0-9.]+)' | Select-Object -First 1).Matches[0].Groups[1].Value

function Run($exe, [string[]]$argList) {
    & $exe @argList
    if ($LASTEXITCODE -ne 0) { Write-Error "$exe exited $LASTEXITCODE"; exit $LASTEXITCODE }
}

Write-Host '== jar and runtime dependencies'
Run '.\mvnw.cmd' @('-q', '-B', 'package', '-DskipTests')
Remove-Item -Recurse -Force "$out\input", "$out\dist", "$out\runtime" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$out\input\assets\models", "$out\dist" | Out-Null
Copy-Item target\statescope.jar "$out\input\"
Run '.\mvnw.cmd' @('-q', '-B', 'dependency:copy-dependencies', '-DincludeScope=runtime', "-DoutputDirectory=$out\input\lib")
Copy-Item assets\models\*.json, assets\models\*.safetensors "$out\input\assets\models\"

Write-Host '== modules (jdeps)'
$mods = (& "$bin\jdeps.exe" --multi-release 25 --ignore-missing-deps --print-module-deps `
        --class-path "$out\input\lib\*" "$out\input\statescope.jar").Trim()
if ($mods -notmatch 'jdk\.incubator\.vector') { $mods = "$mods,jdk.incubator.vector" }
Write-Host $mods

Write-Host '== runtime (jlink)'
Run "$bin\jlink.exe" @('--add-modules', $mods, '--strip-debug', '--no-header-files', '--no-man-pages',
    '--strip-native-commands', '--compress=zip-6', '--output', "$out\runtime")

Write-Host "== jpackage --type $Type"
$jp = @('@installers/jpackage/common.txt', '--type', $Type, '--app-version', $version, '--input', "$out\input",
          '--runtime-image', "$out\runtime", '--dest', "$out\dist", '--icon', 'assets/icon/statescope.ico')
if ($Type -ne 'app-image') { $jp += @('@installers/jpackage/associations.txt', '@installers/jpackage/windows.txt') }
Run "$bin\jpackage.exe" $jp
Get-ChildItem "$out\dist" | Format-Table Name, Length
