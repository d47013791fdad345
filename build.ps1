#!/usr/bin/env pwsh
# Bootstrapper (PowerShell 7): the same steps as build.sh. Checks the .NET SDK that global.json asks for,
# restores the pinned .NET tools, rebuilds the build project only when its sources changed, then runs it
# with every argument and exits with the build's exit code.
#Requires -Version 7.0
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

$requiredSdk = (Get-Content (Join-Path $root 'global.json') -Raw | ConvertFrom-Json).sdk.version
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

# A fingerprint of everything the build project is made from: paths and contents (same inputs as build.sh).
function Get-Fingerprint {
    $inputs = @('global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig', '.config/dotnet-tools.json') |
        ForEach-Object { Get-Item (Join-Path $root $_) }
    $inputs += Get-ChildItem (Join-Path $root 'build') -Recurse -File |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $lines = $inputs |
        Sort-Object { [System.IO.Path]::GetRelativePath($root, $_.FullName).Replace('\', '/') } -Culture ([cultureinfo]::InvariantCulture) |
        ForEach-Object { "$((Get-FileHash $_.FullName -Algorithm SHA256).Hash) $([System.IO.Path]::GetRelativePath($root, $_.FullName).Replace('\', '/'))" }
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    return [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($bytes))
}

New-Item -ItemType Directory -Force -Path $cache | Out-Null
$toolsStamp = Join-Path $cache 'tools.sha256'
$toolsHash = (Get-FileHash (Join-Path $root '.config/dotnet-tools.json') -Algorithm SHA256).Hash
if (-not (Test-Path $toolsStamp) -or (Get-Content $toolsStamp -Raw) -ne $toolsHash) {
    Push-Location $root
    try {
        & dotnet tool restore | Out-Null
        if ($LASTEXITCODE -ne 0) { Fail "'dotnet tool restore' failed; see the output of 'dotnet tool restore'." }
    }
    finally {
        Pop-Location
    }
    Set-Content -Path $toolsStamp -Value $toolsHash -NoNewline
}

$buildStamp = Join-Path $bin '.fingerprint-ps1'
$current = Get-Fingerprint
if (-not (Test-Path $buildStamp) -or (Get-Content $buildStamp -Raw) -ne $current) {
    & dotnet build (Join-Path $root 'build/Build/Build.csproj') --configuration Release --output $bin --nologo -clp:NoSummary -v:q
    if ($LASTEXITCODE -ne 0) { Fail 'the build project does not compile; see the errors above.' }
    Set-Content -Path $buildStamp -Value $current -NoNewline
}

Push-Location $root
try {
    & dotnet (Join-Path $bin 'Build.dll') @args
    $code = $LASTEXITCODE
}
finally {
    Pop-Location
}
exit $code
