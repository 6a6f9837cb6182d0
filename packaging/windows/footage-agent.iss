; Inno Setup script: the Windows installer of the one-folder app built by packaging/build.py.
; Built on Windows by `py packaging\build.py --installer` (it runs Inno Setup's ISCC.exe with
; /DAppVersion and /DDist), or by hand:
;   iscc /DAppVersion=0.1.0 /DDist=C:\path\to\dist packaging\windows\footage-agent.iss
; The setup program lands in the dist folder as footage-agent-setup-VERSION.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef Dist
  #define Dist "..\..\dist"
#endif

[Setup]
; The identity Windows keeps the installation under: never change it, or an update installs
; beside the old version instead of over it.
AppId={{6F1D2C47-9B0E-4E5A-8C3D-2A7B41F09E63}
AppName=Footage Requests
AppVersion={#AppVersion}
AppPublisher=footage-agent
; Per user, no administrator rights: {autopf} is then %LOCALAPPDATA%\Programs, the folder the
; user guide names. The owner's own files (%LOCALAPPDATA%\footage-agent) are elsewhere, and
; the uninstaller never touches them.
PrivilegesRequired=lowest
DefaultDirName={autopf}\footage-agent
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Dist}
OutputBaseFilename=footage-agent-setup-{#AppVersion}
UninstallDisplayIcon={app}\footage-agent-gui.exe
UninstallDisplayName=Footage Requests
; An update asks the running app (in the tray, say) to close first (Restart Manager).
CloseApplications=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Dist}\footage-agent\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start menu entry the user guide's "Opening the app" sends owners to: the windowed twin,
; which opens the app with no console window beside it.
Name: "{autoprograms}\Footage Requests"; Filename: "{app}\footage-agent-gui.exe"
Name: "{autodesktop}\Footage Requests"; Filename: "{app}\footage-agent-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\footage-agent-gui.exe"; Description: "{cm:LaunchProgram,Footage Requests}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The app's own Start when I log in entry (gui/shell/autostart.py): left behind, it would start
; a program that is gone at every login.
Type: files; Name: "{userstartup}\Footage requests.cmd"
