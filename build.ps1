#!/usr/bin/env pwsh
# Bootstrapper (PowerShell 7): the same steps as build.sh. Checks the .NET SDK that global.json asks for,
# restores the pinned .NET tools, rebuilds the build project only when its sources changed, then runs it
# with every argument and exits with the build's exit code.
# 7.3 or later: its native argument passing hands arguments with quotes to dotnet intact.
#Requires -Version 7.3
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$cache = Join-Path $root '.build'
$bin = Join-Path $cache 'bin'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string] $message) {
    [Console]::Error.WriteLine("build.ps1: $message")
    exit 1
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Fail 'the .NET SDK is not installed; install the version in global.json from https://dot.net and retry.'
}

$requiredSdk = (Get-Content -LiteralPath (Join-Path $root 'global.json') -Raw | ConvertFrom-Json).sdk.version
Push-Location $root
try {
    & dotnet --version *> $null
    if ($LASTEXITCODE -ne 0) {
        $found = (& dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] }) -join ' '
        Fail "the .NET SDK $requiredSdk that global.json asks for is not installed (found: $found); install it from https://dot.net and retry."
    }
}
finally {
    Pop-Location
}

# The fingerprint build.sh computes, byte for byte (its comment defines it): the lower-case hex SHA-256 of the text
# sha256sum prints ("<hash>  <path>\n" per file) for the same files, paths relative to the root with '/', sorted
# ordinally. bin/obj are matched case-sensitively in the RELATIVE path, as find does: a checkout under a folder named
# obj still counts its files. -Force: on Unix PowerShell hides dotfiles (.editorconfig, .config) without it.
function Get-Fingerprint {
    $files = @('global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig', '.config/dotnet-tools.json') |
        ForEach-Object { Get-Item -Force -LiteralPath (Join-Path $root $_) }
    $files += Get-ChildItem -Force -Recurse -File -LiteralPath (Join-Path $root 'build')
    # find -type f leaves symbolic links out.
    [string[]] $paths = $files | Where-Object { -not $_.LinkTarget } |
        ForEach-Object { [System.IO.Path]::GetRelativePath($root, $_.FullName).Replace('\', '/') } |
        Where-Object { $_ -cnotmatch '/(bin|obj)/' }
    [Array]::Sort($paths, [StringComparer]::Ordinal)
    $listing = -join ($paths | ForEach-Object { "$((Get-FileHash -LiteralPath (Join-Path $root $_) -Algorithm SHA256).Hash.ToLowerInvariant())  $_`n" })
    return [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($listing))).ToLowerInvariant()
}

New-Item -ItemType Directory -Force -Path $cache | Out-Null
$toolsStamp = Join-Path $cache 'tools.sha256'
# Lower-case hex, as build.sh writes it: either script accepts the other's stamp.
$toolsHash = (Get-FileHash -LiteralPath (Join-Path $root '.config/dotnet-tools.json') -Algorithm SHA256).Hash.ToLowerInvariant()
if (-not (Test-Path -LiteralPath $toolsStamp) -or (Get-Content -LiteralPath $toolsStamp -Raw) -cne $toolsHash) {
    [Console]::Error.WriteLine('Restoring the pinned .NET tools (first run or .config/dotnet-tools.json changed)...')
    Push-Location $root
    try {
        & dotnet tool restore | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail "'dotnet tool restore' failed; see the output of 'dotnet tool restore'." }
    }
    finally {
        Pop-Location
    }
    Set-Content -LiteralPath $toolsStamp -Value $toolsHash -NoNewline
}

# build.sh's stamp: whichever script rebuilt last wrote it, so neither runs a binary built from other sources.
# It goes before the build and comes back after it: a failed or interrupted build leaves none.
$buildStamp = Join-Path $bin '.fingerprint'
$current = Get-Fingerprint
if (-not (Test-Path -LiteralPath $buildStamp) -or (Get-Content -LiteralPath $buildStamp -Raw) -cne $current) {
    Remove-Item -Force -LiteralPath $buildStamp -ErrorAction SilentlyContinue
    # Said at once, on standard error (standard output stays the build's): the build takes a while the first time.
    [Console]::Error.WriteLine('Building the build app (first run or build/ changed, ~1-2 min)...')
    # dotnet build prints "Build succeeded / 0 Warning(s) / Time Elapsed" even with -clp:NoSummary: its output is
    # kept and shown only when the build fails, where it holds the compiler's errors. Meanwhile a line every 10 s.
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('build', (Join-Path $root 'build/Build/Build.csproj'), '--configuration', 'Release', '--output', $bin, '--nologo', '-clp:NoSummary', '-v:q')) {
        $start.ArgumentList.Add($argument)
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $build = [System.Diagnostics.Process]::Start($start)
    $buildOutput = $build.StandardOutput.ReadToEndAsync()
    $buildErrors = $build.StandardError.ReadToEndAsync()
    $seconds = 0
    while (-not $build.WaitForExit(1000)) {
        $seconds++
        if ($seconds % 10 -eq 0) { [Console]::Error.WriteLine("Still building the build app: $seconds s") }
    }
    $build.WaitForExit()
    if ($build.ExitCode -ne 0) {
        [Console]::Error.Write($buildOutput.Result + $buildErrors.Result)
        Fail 'the build project does not compile; see the errors above.'
    }
    Set-Content -LiteralPath $buildStamp -Value $current -NoNewline
}

# The build names itself as people start it (--help, usage errors).
$env:BUILD_SCRIPT_NAME = './build.ps1'
Push-Location $root
try {
    & dotnet (Join-Path $bin 'Build.dll') @args
    $code = $LASTEXITCODE
}
finally {
    Pop-Location
}
exit $code
