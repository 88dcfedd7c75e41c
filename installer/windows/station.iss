; Windows installer of the Park Service Station (园区企业服务站), for Inno Setup 6.5 or later (the first
; release whose Simplified Chinese messages are official). Built on a Windows PC, after `./dev bundle` has
; made dist\park-station there (PyInstaller freezes for the system it runs on):
;
;     iscc installer\windows\station.iss      ->  dist\park-station-<version>-setup.exe
;
; Upgrades and what they never touch:
; - The AppId below is fixed for ever: a newer setup finds the installed program and replaces it in place.
; - A running station is closed first (its files are locked while it runs).
; - The old program folder is emptied before the new files go in, so no metadata of a plugin that a newer
;   program no longer carries survives to be found by the plugin loader.
; - The station's data (database, backups, logs, settings) and the plugins added later with
;   `station plugins add` live in each user's data directory (%LOCALAPPDATA%\park-station), never under
;   {app}: neither an upgrade nor the uninstaller deletes anything there. The database is backed up by the
;   program's first start after an upgrade, before it migrates, as on every start.
;
; The test suite checks this script against pyproject.toml and the built bundle (tests/test_installer.py).

#define AppName "园区企业服务站"
#define AppVersion "0.1.0"
#define AppExe "station.exe"
#define Bundle "..\..\dist\park-station"

#if Ver < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or later is needed (its Simplified Chinese messages)
#endif

[Setup]
AppId={{C1F28E3D-B121-4945-AC80-F0A65AF658C2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=园区企业服务站
DefaultDirName={autopf}\ParkStation
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=park-station-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=force
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupLogging=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[InstallDelete]
; Everything the program owns is in {app}: the previous version goes entirely before this one is copied.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\{#AppExe}"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program may have written inside {app} besides the installed files (Python's byte-code caches).
Type: filesandordirs; Name: "{app}\_internal"
