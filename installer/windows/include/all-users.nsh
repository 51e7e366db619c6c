; Included by nework.nsi: a per-machine uninstall removes every user's NeWork data.
;
; 1. Every profile of a real account (ProfileList, SIDs S-1-5-21-*) other than the uninstalling
;    user's, whose folder the uninstaller can reach, gets `NeWork.exe uninstall-cleanup --yes`
;    with the per-user folders pointed at that profile (WIN_PD_OVERRIDE_LOCAL_APPDATA /
;    WIN_PD_OVERRIDE_APPDATA, which platformdirs honours, and LOCALAPPDATA, APPDATA,
;    USERPROFILE): its files and web profile go now.
; 2. What only the user can delete (Credential Manager entries, encrypted for that user; the keys
;    in that user's HKCU) and profiles that could not be reached: Active Setup runs
;    logon-cleanup.ps1 once at each user's next logon (the uninstalling user is marked done).

!define PROFILE_LIST "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList"
!define ACTIVE_SETUP_KEY "Software\Microsoft\Active Setup\Installed Components\NeWorkDesktopCleanup"
!define LOGON_SCRIPT "logon-cleanup.ps1"

; Sets the variables the app computes its folders from to profile $R8 (empty $R8: restore).
Function un.PointAtProfile
  ${If} $R8 == ""
    System::Call 'kernel32::SetEnvironmentVariable(t "WIN_PD_OVERRIDE_LOCAL_APPDATA", p 0)'
    System::Call 'kernel32::SetEnvironmentVariable(t "WIN_PD_OVERRIDE_APPDATA", p 0)'
    System::Call 'kernel32::SetEnvironmentVariable(t "LOCALAPPDATA", t "$LOCALAPPDATA_SAVED")'
    System::Call 'kernel32::SetEnvironmentVariable(t "APPDATA", t "$APPDATA_SAVED")'
    System::Call 'kernel32::SetEnvironmentVariable(t "USERPROFILE", t "$PROFILE")'
  ${Else}
    System::Call 'kernel32::SetEnvironmentVariable(t "WIN_PD_OVERRIDE_LOCAL_APPDATA", t "$R8\AppData\Local")'
    System::Call 'kernel32::SetEnvironmentVariable(t "WIN_PD_OVERRIDE_APPDATA", t "$R8\AppData\Roaming")'
    System::Call 'kernel32::SetEnvironmentVariable(t "LOCALAPPDATA", t "$R8\AppData\Local")'
    System::Call 'kernel32::SetEnvironmentVariable(t "APPDATA", t "$R8\AppData\Roaming")'
    System::Call 'kernel32::SetEnvironmentVariable(t "USERPROFILE", t "$R8")'
  ${EndIf}
FunctionEnd

Function un.CleanOtherProfiles
  ReadEnvStr $LOCALAPPDATA_SAVED LOCALAPPDATA
  ReadEnvStr $APPDATA_SAVED APPDATA
  StrCpy $R6 0
  ${Do}
    EnumRegKey $R7 HKLM "${PROFILE_LIST}" $R6
    ${If} $R7 == ""
      ${Break}
    ${EndIf}
    IntOp $R6 $R6 + 1
    StrCpy $R9 $R7 9
    ${If} $R9 != "S-1-5-21-"
      ${Continue}
    ${EndIf}
    ReadRegStr $R8 HKLM "${PROFILE_LIST}\$R7" "ProfileImagePath"
    ExpandEnvStrings $R8 $R8
    ${If} $R8 == ""
    ${OrIf} $R8 == $PROFILE
      ${Continue}
    ${EndIf}
    ${IfNot} ${FileExists} "$R8\*.*"
      ${Log} "profile $R8 cannot be reached now: its data goes at that user's next logon"
      ${Continue}
    ${EndIf}
    ${IfNot} ${FileExists} "$INSTDIR\${APPEXE}"
      ${Log} "profile $R8: not cleaned now (${APPEXE} is missing); at that user's next logon"
      ${Continue}
    ${EndIf}
    Call un.PointAtProfile
    ${Log} 'running for profile $R8: "$INSTDIR\${APPEXE}" uninstall-cleanup --yes'
    StrCpy $R9 "not run"
    ClearErrors
    ExecWait '"$INSTDIR\${APPEXE}" uninstall-cleanup --yes' $R9
    StrCpy $R8 ""
    Call un.PointAtProfile
    ${Log} "profile cleanup exit code: $R9"
  ${Loop}
FunctionEnd

; Active Setup: logon-cleanup.ps1 runs once for every user who logs on after this uninstall.
Function un.RegisterLogonCleanup
  ReadEnvStr $R5 PROGRAMDATA
  ${If} $R5 == ""
    ${Log} "no %ProgramData%: the per-user cleanup at next logon is not registered"
    Return
  ${EndIf}
  CreateDirectory "$R5\${APPNAME}"
  SetOutPath "$R5\${APPNAME}"
  File "${LOGON_SCRIPT}"
  SetOutPath "$TEMP"
  ${GetTime} "" "L" $0 $1 $2 $3 $4 $5 $6
  StrCpy $R4 "$2,$1$0,$4$5,$6"
  WriteRegStr HKLM "${ACTIVE_SETUP_KEY}" "" "${APPNAME} data cleanup"
  WriteRegStr HKLM "${ACTIVE_SETUP_KEY}" "StubPath" '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File "$R5\${APPNAME}\${LOGON_SCRIPT}"'
  WriteRegStr HKLM "${ACTIVE_SETUP_KEY}" "Version" "$R4"
  WriteRegDWORD HKLM "${ACTIVE_SETUP_KEY}" "IsInstalled" 1
  ; This user's data went already.
  WriteRegStr HKCU "${ACTIVE_SETUP_KEY}" "Version" "$R4"
  ${Log} "registered the per-user cleanup at next logon (Active Setup, version $R4): $R5\${APPNAME}\${LOGON_SCRIPT}"
FunctionEnd
