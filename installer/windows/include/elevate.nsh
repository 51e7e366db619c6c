; Included by nework.nsi: a per-machine install asks for elevation only when it is chosen.
;
; The installer's manifest says asInvoker (RequestExecutionLevel user), so a per-user install,
; silent or not, never shows a UAC prompt. `/AllUsers` from a process without administrator
; rights starts this installer again with the "runas" verb (the UAC prompt), passes the same
; command line with /NeWorkElevated in front (so /D= stays last), waits for it and exits with its
; exit code (2 if the prompt was declined).

; Out: $R2 = "yes" when this process has administrator rights (an elevated token).
Function IsElevatedAdmin
  UserInfo::GetAccountType
  Pop $R2
  ${If} $R2 == "Admin"
    StrCpy $R2 "yes"
  ${Else}
    StrCpy $R2 "no"
  ${EndIf}
  !ifdef NEWORK_TEST_ASSUME_STANDARD_USER
    ; Tests under wine (where every process is an administrator): the first process plays a
    ; standard user, the relaunched one is taken at its word.
    ClearErrors
    ${GetOptions} $CMDLINE "/NeWorkElevated" $R3
    ${If} ${Errors}
      StrCpy $R2 "no"
    ${EndIf}
  !endif
FunctionEnd

; In: $R0 = the command line to pass. Out: $R1 = the exit code of the elevated copy, or ""
; when it did not start (the UAC prompt was declined or failed).
Function RelaunchElevated
  Push $0
  Push $1
  Push $2
  Push $3
  StrCpy $R1 ""
  ; SHELLEXECUTEINFOW (x64, 112 bytes): cbSize, fMask=SEE_MASK_NOCLOSEPROCESS, hwnd, lpVerb,
  ; lpFile, lpParameters, lpDirectory, nShow (+pad), hInstApp, lpIDList, lpClass, hkeyClass,
  ; dwHotKey (+pad), hIcon, hProcess. The System plug-in does not align: the pads are explicit.
  System::Call '*(i 112, i 0x40, p $HWNDPARENT, w "runas", w "$EXEPATH", w "$R0", p 0, i 1, i 0, p 0, p 0, p 0, p 0, i 0, i 0, p 0, p 0) p .r0'
  System::Call 'shell32::ShellExecuteExW(p r0) i .r1'
  ${If} $1 <> 0
    System::Call '*$0(i, i, p, p, p, p, p, i, i, p, p, p, p, i, i, p, p .r2)'
    ${If} $2 P<> 0
      System::Call 'kernel32::WaitForSingleObject(p r2, i -1)'
      System::Call 'kernel32::GetExitCodeProcess(p r2, *i .r3)'
      System::Call 'kernel32::CloseHandle(p r2)'
      StrCpy $R1 $3
    ${EndIf}
  ${EndIf}
  System::Free $0
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd
