; Inno Setup script for Presend on Windows, built by `python packaging\dist.py` (ISCC.exe)
; after `pyinstaller packaging\presend.spec`, as .github/workflows/release.yml does; that
; workflow has not run yet. The bundle holds presend.exe (windowed), presend-cli.exe
; (console: `presend-cli check FILE`) and presend-host.exe (the browser's host).
; Installs per user (no admin), registers the native-messaging host for Chrome,
; Chromium, Edge, Brave, Vivaldi and Firefox, adds Start-menu and optional autostart
; entries, and removes all of it on uninstall.

#define AppName "Presend"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define HostName "io.presend.host"

[Setup]
AppId={{6F1C2A52-1D0B-4C8E-9C57-5B7E2D6A9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Presend
DefaultDirName={localappdata}\Programs\Presend
DefaultGroupName=Presend
PrivilegesRequired=lowest
OutputBaseFilename=presend-{#AppVersion}-setup
SetupIconFile=..\..\icons\presend.ico
UninstallDisplayIcon={app}\presend.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "autostart"; Description: "Start Presend when I sign in"; Flags: unchecked

[Files]
Source: "..\..\dist\presend\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Presend"; Filename: "{app}\presend.exe"
Name: "{group}\Uninstall Presend"; Filename: "{uninstallexe}"

[Registry]
; The Run key (same value the app's own "Start at login" writes).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Presend"; ValueData: """{app}\presend.exe"""; Flags: uninsdeletevalue; Tasks: autostart
; Native-messaging host registrations: each key's default value names a manifest.
Root: HKCU; Subkey: "Software\Google\Chrome\NativeMessagingHosts\{#HostName}"; ValueType: string; \
  ValueData: "{app}\native-messaging\{#HostName}.json"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Chromium\NativeMessagingHosts\{#HostName}"; ValueType: string; \
  ValueData: "{app}\native-messaging\{#HostName}.json"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Microsoft\Edge\NativeMessagingHosts\{#HostName}"; ValueType: string; \
  ValueData: "{app}\native-messaging\{#HostName}.json"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\{#HostName}"; \
  ValueType: string; ValueData: "{app}\native-messaging\{#HostName}.json"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Vivaldi\NativeMessagingHosts\{#HostName}"; ValueType: string; \
  ValueData: "{app}\native-messaging\{#HostName}.json"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Mozilla\NativeMessagingHosts\{#HostName}"; ValueType: string; \
  ValueData: "{app}\native-messaging\{#HostName}.firefox.json"; Flags: uninsdeletekey

[Code]
{ Write the two manifests with the installed host's absolute path (JSON needs the
  backslashes doubled). The allowed origin/add-on id match presend.bridge.host. }
procedure WriteManifests();
var
  HostPath, Dir, Common: String;
begin
  Dir := ExpandConstant('{app}\native-messaging');
  ForceDirectories(Dir);
  HostPath := ExpandConstant('{app}\presend-host.exe');
  StringChangeEx(HostPath, '\', '\\', True);
  Common := '  "name": "{#HostName}",' + #13#10 +
            '  "description": "Presend: checks marketplace drafts before you send them",' + #13#10 +
            '  "path": "' + HostPath + '",' + #13#10 +
            '  "type": "stdio",' + #13#10;
  SaveStringToFile(Dir + '\{#HostName}.json', '{' + #13#10 + Common +
    '  "allowed_origins": ["chrome-extension://ipjfhnmokmgefkkafokhiealfjbiehfk/"]' + #13#10 +
    '}' + #13#10, False);
  SaveStringToFile(Dir + '\{#HostName}.firefox.json', '{' + #13#10 + Common +
    '  "allowed_extensions": ["presend@presend.io"]' + #13#10 + '}' + #13#10, False);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    WriteManifests();
end;

[UninstallDelete]
Type: filesandordirs; Name: "{app}\native-messaging"

[Run]
Filename: "{app}\presend.exe"; Description: "Start Presend now"; Flags: nowait postinstall skipifsilent
