; Inno Setup 6 script for the console's Windows installer; packaging\windows\build.ps1 passes
; /DAppVersion=<version> after PyInstaller has filled build\pyinstaller\dist\operator-console.
; A managed rollout runs: operator-console-<version>-windows-x64-setup.exe /VERYSILENT /NORESTART
; and places the machine-wide settings in %ProgramData%\Operator Console\settings.toml.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (packaging\windows\build.ps1 does)
#endif

[Setup]
AppId={{6C0B6F55-3E5B-4C36-9E2A-311C0A501E16}
AppName=Operator Console
AppVersion={#AppVersion}
AppPublisher=Operator Console
DefaultDirName={autopf}\Operator Console
DefaultGroupName=Operator Console
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=operator-console-{#AppVersion}-windows-x64-setup
SetupIconFile=build\icons\operator-console.ico
UninstallDisplayIcon={app}\operator-console.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "build\pyinstaller\dist\operator-console\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Where an administrator puts settings.toml for every user of this machine.
Name: "{commonappdata}\Operator Console"

[Icons]
Name: "{group}\Operator Console"; Filename: "{app}\operator-console.exe"
Name: "{autodesktop}\Operator Console"; Filename: "{app}\operator-console.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\operator-console.exe"; Description: "{cm:LaunchProgram,Operator Console}"; Flags: nowait postinstall skipifsilent
