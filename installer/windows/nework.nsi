; NeWork Desktop: Windows installer and uninstaller (NSIS 3, Unicode, 64-bit).
;
; Build (on Windows or Linux, makensis 3.x):
;   makensis -V2 /DSRCDIR=<PyInstaller dist\NeWork folder> /DVERSION=0.1.0 [/DOUTFILE=...] nework.nsi
; Optional: /DPUBLISHER=..., /DCOMPRESSOR=zlib|bzip2|lzma, /DVIVERSION=1.2.3.4 (four numbers,
; needed when VERSION is not "x.y.z"), /DAPP_EXIT_TIMEOUT_MS=15000, /DICON=<file.ico>.
; makensis runs from this script's folder: give SRCDIR and OUTFILE as absolute paths.
;
; Install modes (MultiUser.nsh):
;   per-user (default)      $LOCALAPPDATA\Programs\NeWork, HKCU, no administrator rights and no
;                           UAC prompt (the manifest says asInvoker);
;   per-machine (/AllUsers, or the "Choose Users" page shown to an elevated administrator)
;                           $PROGRAMFILES64\NeWork, HKLM; without administrator rights the
;                           installer starts itself again elevated (one UAC prompt).
;   /CurrentUser forces per-user; /D=<folder> (last on the command line) picks the folder.
;   /AllowDowngrade installs over a newer version (refused otherwise: exit code 4).
;
; An upgrade asks a running NeWork to quit (`NeWork.exe quit-running`, the single-instance
; handshake the wipe uses) before it replaces any file.
;
; The uninstaller runs `NeWork.exe uninstall-cleanup --yes` (the app's own wipe of its data)
; BEFORE it removes the program, checks that exit code, and records everything in
; $TEMP\nework-uninstall.log. See installer/README.md.
;
; Exit codes of the uninstaller (seen by the caller only with `_?=<folder>`, because without it
; the uninstaller copies itself to %TEMP%, starts the copy and returns at once):
;   0  everything removed;  2  stopped (cancelled, or the app could not be closed);
;   3  program removed, but the data cleanup failed or could not run (see the log);
;   5  per-machine installation and no administrator rights.
; Exit codes of the installer: 0 installed; 2 stopped (cancelled, folder refused, UAC declined,
;   NeWork could not be closed); 4 downgrade refused.

Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all

;--------------------------------------------------------------------------------------------
; Build parameters

!ifndef SRCDIR
  !error "Pass the PyInstaller onedir folder: makensis /DSRCDIR=<dist\NeWork> /DVERSION=<x.y.z> nework.nsi"
!endif
!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=<x.y.z> ..."
!endif
!if ! /FileExists "${SRCDIR}\NeWork.exe"
  !error "${SRCDIR}\NeWork.exe not found: SRCDIR must be the PyInstaller onedir output (dist\NeWork)"
!endif

!define APPNAME "NeWork"
!define APPEXE "NeWork.exe"
!define UNINSTEXE "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\NeWorkDesktop"
!define UNINSTALL_LOG "nework-uninstall.log"
!define /ifndef PUBLISHER "NTT Communications Corporation"
!define /ifndef OUTFILE "NeWork-Setup-${VERSION}.exe"
!define /ifndef COMPRESSOR "lzma"
!define /ifndef APP_EXIT_TIMEOUT_MS 15000
; How long `NeWork.exe quit-running` waits for the running app (seconds).
!define /ifndef QUIT_TIMEOUT_S 20
!define /ifndef ICON "..\..\resources\icons\nework.ico"
!define NOTICES "THIRD-PARTY-NOTICES.txt"
!define NOTICES_SRC "${SRCDIR}\_internal\nework_desktop\resources\notices\${NOTICES}"
!if ! /FileExists "${NOTICES_SRC}"
  !error "${NOTICES_SRC} not found: the bundle must carry the notices (installer/notices)"
!endif
!ifndef VIVERSION
  !searchparse /noerrors "${VERSION}" "" _NW_V1 "." _NW_V2 "." _NW_V3
  !define /ifndef _NW_V1 0
  !define /ifndef _NW_V2 0
  !define /ifndef _NW_V3 0
  !define VIVERSION "${_NW_V1}.${_NW_V2}.${_NW_V3}.0"
!endif

!define EXIT_STOPPED 2
!define EXIT_CLEANUP_FAILED 3
!define EXIT_DOWNGRADE 4
!define EXIT_NEEDS_ADMIN 5

; PROCESSENTRY32W on 64-bit Windows: 568 bytes, the exe name (260 WCHARs) at offset 44.
!define PE32_SIZE 568

SetCompressor /SOLID ${COMPRESSOR}
Name "${APPNAME}"
OutFile "${OUTFILE}"
; No InstallDir: $INSTDIR stays empty unless /D= was given, so .onInit can tell the two apart.
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "Copyright (C) ${PUBLISHER}"

;--------------------------------------------------------------------------------------------
; Install mode: per-user by default, per-machine on request

; "Highest" only because MultiUser.nsh offers its mixed-mode page with it; the manifest is set
; to asInvoker below, so nothing asks for elevation unless per-machine is chosen (elevate.nsh).
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APPNAME}"
; An earlier installation decides the default mode and folder (an upgrade goes where it was).
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "UninstallString"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WordFunc.nsh

; After MultiUser.nsh, which asked for "highest": a per-user install must never prompt.
RequestExecutionLevel user

;--------------------------------------------------------------------------------------------
; Pages and languages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_WINDOWTITLE "NeWork Setup"
!define MUI_LANGDLL_INFO "Please select a language. / 言語を選択してください。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString MsgAppRunning ${LANG_ENGLISH} "NeWork is running.$\r$\n$\r$\nPlease quit NeWork (also from the notification area), then click Retry. Click Cancel to stop."
LangString MsgAppRunning ${LANG_JAPANESE} "NeWork が起動しています。$\r$\n$\r$\nNeWork を終了してから（通知領域のアイコンからも）「再試行」を押してください。中止するには「キャンセル」を押してください。"
LangString MsgFolderNotEmpty ${LANG_ENGLISH} "The folder$\r$\n$INSTDIR$\r$\nalready contains other files. Please choose an empty folder or a new one."
LangString MsgFolderNotEmpty ${LANG_JAPANESE} "フォルダー$\r$\n$INSTDIR$\r$\nにはすでに別のファイルがあります。空のフォルダーか新しいフォルダーを選んでください。"
LangString MsgDowngrade ${LANG_ENGLISH} "A newer version of NeWork ($1) is already installed.$\r$\n$\r$\nInstall the older version ${VERSION} over it?"
LangString MsgDowngrade ${LANG_JAPANESE} "より新しいバージョンの NeWork（$1）がすでにインストールされています。$\r$\n$\r$\n古いバージョン ${VERSION} で上書きしますか？"
LangString MsgNeedAdmin ${LANG_ENGLISH} "NeWork is installed for all users of this computer. Uninstalling it requires administrator rights."
LangString MsgNeedAdmin ${LANG_JAPANESE} "NeWork はこのコンピューターのすべてのユーザー向けにインストールされています。アンインストールには管理者権限が必要です。"
LangString MsgCleanupFailed ${LANG_ENGLISH} "NeWork could not delete all of your NeWork data (the cleanup reported: $CleanupCode).$\r$\n$\r$\nSome of your NeWork data may still be on this computer. Details are in the log:$\r$\n$LogPath$\r$\n$\r$\nRemove the NeWork program anyway?$\r$\nChoose No to keep NeWork installed, so that you can close it and uninstall again."
LangString MsgCleanupFailed ${LANG_JAPANESE} "NeWork のデータをすべては削除できませんでした（クリーンアップの結果: $CleanupCode）。$\r$\n$\r$\nこのコンピューターに NeWork のデータが残っている可能性があります。詳細はログをご覧ください:$\r$\n$LogPath$\r$\n$\r$\nそれでも NeWork のプログラムを削除しますか？$\r$\n「いいえ」を選ぶと NeWork は削除されず、NeWork を終了してからもう一度アンインストールできます。"

;--------------------------------------------------------------------------------------------
; Variables

Var CleanupCode   ; exit code of `NeWork.exe uninstall-cleanup --yes`, or "not run"
Var LogFile       ; handle of the uninstall log
Var LogPath       ; $TEMP\nework-uninstall.log
Var LOCALAPPDATA_SAVED ; the uninstaller's own LOCALAPPDATA/APPDATA while it cleans other profiles
Var APPDATA_SAVED

!include "include\processes.nsh"

!insertmacro NEWORK_PROCESS_FUNCTIONS ""
!insertmacro NEWORK_PROCESS_FUNCTIONS "un."
!include "include\elevate.nsh"
!include "include\all-users.nsh"

;--------------------------------------------------------------------------------------------
; Installer

Function .onInit
  ; Per-machine chosen on the command line without administrator rights: ask for them once.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $1
  ${IfNot} ${Errors}
    Call IsElevatedAdmin
    ${If} $R2 != "yes"
      StrCpy $R0 "/NeWorkElevated $R0"
      Call RelaunchElevated
      ${If} $R1 == ""
        SetErrorLevel ${EXIT_STOPPED} ; the UAC prompt was declined
      ${Else}
        SetErrorLevel $R1
      ${EndIf}
      Quit
    ${EndIf}
  ${EndIf}

  StrCpy $0 $INSTDIR ; non-empty only with /D=
  !insertmacro MULTIUSER_INIT
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY

  ; A downgrade only when asked for (/AllowDowngrade, or Yes in the question).
  ReadRegStr $1 SHCTX "${UNINST_KEY}" "DisplayVersion"
  ${If} $1 != ""
    ${VersionCompare} "$1" "${VERSION}" $2
    ${If} $2 == 1
      ClearErrors
      ${GetOptions} $R0 "/AllowDowngrade" $3
      ${If} ${Errors}
        MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(MsgDowngrade)" /SD IDNO IDYES downgrade_allowed
        SetErrorLevel ${EXIT_DOWNGRADE}
        Quit
        downgrade_allowed:
      ${EndIf}
    ${EndIf}
  ${EndIf}
FunctionEnd

; A folder is fit when it is new, empty, or an earlier NeWork installation. Anything else would
; be deleted with it by the uninstaller, so it is refused.
Function .onVerifyInstDir
  ${DirState} "$INSTDIR" $0
  ${If} $0 = 1
  ${AndIfNot} ${FileExists} "$INSTDIR\${APPEXE}"
    Abort
  ${EndIf}
FunctionEnd

Section "NeWork" SecMain
  SectionIn RO

  ${DirState} "$INSTDIR" $0
  ${If} $0 = 1
  ${AndIfNot} ${FileExists} "$INSTDIR\${APPEXE}"
    MessageBox MB_OK|MB_ICONSTOP "$(MsgFolderNotEmpty)" /SD IDOK
    DetailPrint "refused: $INSTDIR is not empty and holds no NeWork"
    SetErrorLevel ${EXIT_STOPPED}
    Abort
  ${EndIf}

  ; An upgrade: the running app locks its files. Ask it to quit through the single-instance
  ; channel (it closes its windows and log as for the wipe), then wait for it.
  Call FindAppProcess
  ${If} $R0 <> 0
  ${AndIf} ${FileExists} "$INSTDIR\${APPEXE}"
    DetailPrint "NeWork is running (process $R0); asking it to quit"
    StrCpy $0 "not run"
    ExecWait '"$INSTDIR\${APPEXE}" quit-running --timeout ${QUIT_TIMEOUT_S}' $0
    DetailPrint "quit-running exit code: $0"
  ${EndIf}
  Call WaitForAppExit
  ${If} $R9 == "cancelled"
    SetErrorLevel ${EXIT_STOPPED}
    Abort
  ${EndIf}

  SetOutPath "$INSTDIR"
  ; PyInstaller keeps everything but the exe in _internal: drop an earlier version's files.
  ${If} ${FileExists} "$INSTDIR\_internal\*.*"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  File /r "${SRCDIR}\*"
  File "/oname=${NOTICES}" "${NOTICES_SRC}"
  WriteUninstaller "$INSTDIR\${UNINSTEXE}"

  ; A per-machine install cancels a pending per-user cleanup of an earlier per-machine uninstall.
  ${If} $MultiUser.InstallMode == "AllUsers"
    DeleteRegKey HKLM "${ACTIVE_SETUP_KEY}"
  ${EndIf}

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${APPEXE}" "" "$INSTDIR\${APPEXE}" 0

  ; SHCTX is HKCU (per-user) or HKLM (per-machine), set by MultiUser.nsh.
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APPEXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTEXE}"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTEXE}" /S'
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallerLanguage" "$LANGUAGE"
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

;--------------------------------------------------------------------------------------------
; Uninstaller

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  ; The uninstaller knows where it lives: that decides per-user or per-machine.
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ReadRegStr $1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    Call un.MultiUser.InstallMode.CurrentUser
  ${ElseIf} $1 == $INSTDIR
    ${If} $MultiUser.Privileges == "Admin"
    ${OrIf} $MultiUser.Privileges == "Power"
      Call un.MultiUser.InstallMode.AllUsers
    ${Else}
      MessageBox MB_OK|MB_ICONSTOP "$(MsgNeedAdmin)" /SD IDOK
      SetErrorLevel ${EXIT_NEEDS_ADMIN}
      Quit
    ${EndIf}
  ${EndIf}
  ReadRegStr $2 SHCTX "${UNINST_KEY}" "InstallerLanguage"
  ${If} $2 != ""
    StrCpy $LANGUAGE $2
  ${EndIf}
FunctionEnd

Function un.LogOpen
  StrCpy $LogPath "$TEMP\${UNINSTALL_LOG}"
  ClearErrors
  FileOpen $LogFile "$LogPath" w
  ${If} ${Errors}
    StrCpy $LogFile ""
  ${Else}
    FileWriteUTF16LE /BOM $LogFile ""
  ${EndIf}
FunctionEnd

Function un.LogClose
  ${If} $LogFile != ""
    FileClose $LogFile
    StrCpy $LogFile ""
  ${EndIf}
FunctionEnd

; In: the line on the stack. Shown in the details list and written to the log with the time.
Function un.Log
  Exch $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  Push $7
  DetailPrint "$0"
  ${If} $LogFile != ""
    ${GetTime} "" "L" $1 $2 $3 $4 $5 $6 $7
    FileWriteUTF16LE $LogFile "$3-$2-$1 $5:$6:$7 $0$\r$\n"
  ${EndIf}
  Pop $7
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

; Runs the app's own cleanup; sets $CleanupCode to its exit code, or "not run".
Function un.RunCleanup
  ${If} ${FileExists} "$INSTDIR\${APPEXE}"
    ${Log} 'running: "$INSTDIR\${APPEXE}" uninstall-cleanup --yes'
    StrCpy $CleanupCode "not run"
    ClearErrors
    ExecWait '"$INSTDIR\${APPEXE}" uninstall-cleanup --yes' $CleanupCode
    ${If} ${Errors}
      StrCpy $CleanupCode "not run"
      ${Log} "cleanup exit code: not run (NeWork.exe could not be started)"
    ${Else}
      ${Log} "cleanup exit code: $CleanupCode"
    ${EndIf}
  ${Else}
    StrCpy $CleanupCode "not run"
    ${Log} "cleanup exit code: not run ($INSTDIR\${APPEXE} is missing)"
  ${EndIf}
FunctionEnd

; Removes $INSTDIR, but only if it is a NeWork folder (it holds this uninstaller).
Function un.RemoveInstallFolder
  ${IfNot} ${FileExists} "$INSTDIR\${UNINSTEXE}"
    ${Log} "not removed: $INSTDIR holds no ${UNINSTEXE}, so it is not a NeWork folder"
    Return
  ${EndIf}
  ${Log} "removing the program folder: $INSTDIR"
  ClearErrors
  RMDir /r /REBOOTOK "$INSTDIR"
  ${If} ${FileExists} "$INSTDIR\${UNINSTEXE}"
    ; Started with _?=<folder>: this very program runs from the folder and cannot delete
    ; itself now. RMDir /REBOOTOK has asked Windows to remove it (and then the folder) at the
    ; next restart; whoever used _?= may as well delete the folder once this has exited.
    ${Log} "$INSTDIR\${UNINSTEXE} is running (_?= was used): it is removed at the next restart"
  ${ElseIf} ${FileExists} "$INSTDIR\*.*"
    ${Log} "some files are in use: they are removed at the next restart"
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Leave the program folder: it is the working directory of this process otherwise.
  SetOutPath "$TEMP"
  Call un.LogOpen
  StrCpy $0 "no"
  ${If} ${Silent}
    StrCpy $0 "yes"
  ${EndIf}
  ${Log} "NeWork ${VERSION} uninstaller: folder $INSTDIR, mode $MultiUser.InstallMode, silent $0"

  ; 1. The app's data. The cleanup command itself asks a running NeWork to quit.
  Call un.FindAppProcess
  ${If} $R0 <> 0
    ${Log} "NeWork is running (process $R0: $R1); the cleanup asks it to quit"
  ${EndIf}
  Call un.RunCleanup

  ; 2. Whatever still runs from the folder must go; if it was still running, it may have written
  ;    data after the cleanup, so the cleanup runs once more.
  Call un.WaitForAppExit
  ${If} $R9 == "cancelled"
    Call un.LogClose
    SetErrorLevel ${EXIT_STOPPED}
    Abort
  ${ElseIf} $R9 != "none"
    ${Log} "NeWork was still running after the cleanup ($R9): running the cleanup again"
    Call un.RunCleanup
  ${EndIf}

  ; 2b. Per machine: every other user's data too (all-users.nsh).
  ${If} $MultiUser.InstallMode == "AllUsers"
    Call un.CleanOtherProfiles
    Call un.RegisterLogonCleanup
  ${EndIf}

  ; 3. The verdict.
  ${If} $CleanupCode == "0"
    ${Log} "data cleanup: OK"
  ${Else}
    ${Log} "data cleanup: FAILED (exit code $CleanupCode); some NeWork data may remain"
    ${IfNot} ${Silent}
      MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(MsgCleanupFailed)" /SD IDYES IDYES remove_anyway
      ${Log} "stopped: the user chose to keep NeWork installed"
      Call un.LogClose
      Goto stopped
      remove_anyway:
    ${EndIf}
    SetErrorLevel ${EXIT_CLEANUP_FAILED}
  ${EndIf}

  ; 4. The program, its shortcut and its Uninstall entry.
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Call un.RemoveInstallFolder
  DeleteRegKey SHCTX "${UNINST_KEY}"
  ${Log} "removed the Start menu shortcut and the Uninstall entry"
  ${Log} "finished: cleanup exit code $CleanupCode"
  Call un.LogClose
  Return

  stopped:
  SetErrorLevel ${EXIT_STOPPED}
  Abort
SectionEnd
