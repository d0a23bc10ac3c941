# Builds the Windows installer of the console: dist\operator-console-<version>-windows-x64-setup.exe
# (Inno Setup 6, per machine, into Program Files; silent for a managed rollout: /VERYSILENT).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11 (py launcher or python on PATH) and Inno Setup 6 (iscc.exe); the
# GitHub Actions workflow .github/workflows/bundles.yml runs it on windows-latest.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$PyInstaller = "pyinstaller==6.22.3"
$PyInstallerHooks = "pyinstaller-hooks-contrib==2026.10"
$Venv = if ($env:OPERATOR_CONSOLE_VENV) { $env:OPERATOR_CONSOLE_VENV } else { ".venv" }
$Python = Join-Path $Venv "Scripts\python.exe"

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

if (-not (Test-Path $Python)) { Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv) }
Invoke-Checked $Python @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $Python @("-m", "pip", "install", "-q", "-e", ".", $PyInstaller, $PyInstallerHooks)

$env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct)
$env:PYTHONHASHSEED = "0"
$Version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"

New-Item -ItemType Directory -Force -Path build\icons, dist | Out-Null
Invoke-Checked $Python @("-c", "from PIL import Image; Image.open('packaging/linux/operator-console.png').save('build/icons/operator-console.ico', sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])")

Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @(
    "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "build\pyinstaller\dist", "--workpath", "build\pyinstaller\work",
    "packaging\pyinstaller\operator-console.spec")

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$Version", "packaging\windows\operator-console.iss")
Get-ChildItem dist\*.exe
