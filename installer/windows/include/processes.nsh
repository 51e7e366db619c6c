; Included by nework.nsi.
;--------------------------------------------------------------------------------------------
; Finding, waiting for and ending processes that run from $INSTDIR (the app and its
; QtWebEngineProcess children). Defined for the installer (upgrade) and the uninstaller.

!macro NEWORK_PROCESS_FUNCTIONS UN

; Out: $R0 = id of a process whose program file lies in $INSTDIR (0 if none), $R1 = its path.
; The running uninstaller itself (with _?= it lies in $INSTDIR too) does not count.
Function ${UN}FindAppProcess
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  Push $7
  Push $8
  Push $9
  StrCpy $R0 0
  StrCpy $R1 ""
  StrLen $7 "$INSTDIR\"
  System::Call 'kernel32::GetCurrentProcessId() i .r6'
  System::Call 'kernel32::CreateToolhelp32Snapshot(i 2, i 0) p .r0' ; TH32CS_SNAPPROCESS
  ${If} $0 P<> -1
  ${AndIf} $0 P<> 0
    System::Alloc ${PE32_SIZE}
    Pop $1
    System::Call '*$1(i ${PE32_SIZE})'
    System::Call 'kernel32::Process32FirstW(p r0, p r1) i .r2'
    ${DoWhile} $2 <> 0
      System::Call '*$1(i, i, i .r3, i, l, i, i, i, i, i, &w260 .r4)'
      ${If} $3 <> $6
      ${AndIf} $3 <> 0
        StrCpy $5 ""
        ; PROCESS_QUERY_LIMITED_INFORMATION
        System::Call 'kernel32::OpenProcess(i 0x1000, i 0, i r3) p .r8'
        ${If} $8 P<> 0
          System::Call 'kernel32::QueryFullProcessImageNameW(p r8, i 0, w .r5, *i ${NSIS_MAX_STRLEN}) i .r9'
          ${If} $9 = 0
            StrCpy $5 ""
          ${EndIf}
          System::Call 'kernel32::CloseHandle(p r8)'
        ${EndIf}
        ${If} $5 != ""
          StrCpy $9 $5 $7
          ${If} $9 == "$INSTDIR\"
            StrCpy $R0 $3
            StrCpy $R1 $5
            ${Break}
          ${EndIf}
        ${ElseIf} $4 == "${APPEXE}"
        ${AndIf} $MultiUser.InstallMode == "AllUsers"
          ; Another user's NeWork: its path is hidden from us, but it may lock our files.
          StrCpy $R0 $3
          StrCpy $R1 $4
          ${Break}
        ${EndIf}
      ${EndIf}
      System::Call 'kernel32::Process32NextW(p r0, p r1) i .r2'
    ${Loop}
    System::Free $1
    System::Call 'kernel32::CloseHandle(p r0)'
  ${EndIf}
  Pop $9
  Pop $8
  Pop $7
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

; In: $R0 = process id. Ends the process and waits up to 5 s for it to go.
Function ${UN}TerminateProcess
  Push $0
  ; PROCESS_TERMINATE | SYNCHRONIZE
  System::Call 'kernel32::OpenProcess(i 0x00100001, i 0, i R0) p .r0'
  ${If} $0 P<> 0
    System::Call 'kernel32::TerminateProcess(p r0, i 1)'
    System::Call 'kernel32::WaitForSingleObject(p r0, i 5000)'
    System::Call 'kernel32::CloseHandle(p r0)'
  ${EndIf}
  Pop $0
FunctionEnd

; Waits until nothing runs from $INSTDIR any more.
; Out: $R9 = "none" (nothing was running), "exited" (it quit while we waited),
;      "ended" (silent mode: it was still running after the timeout and was ended),
;      "running" (silent mode: it could not be ended).
; Interactive: after the timeout, asks to quit NeWork and Retry, or Cancel (then Abort).
Function ${UN}WaitForAppExit
  Push $0
  Push $R0
  Push $R1
  StrCpy $R9 "none"
  StrCpy $0 0
  ${Do}
    Call ${UN}FindAppProcess
    ${If} $R0 = 0
      ${Break}
    ${EndIf}
    ${If} $R9 == "none"
      StrCpy $R9 "exited"
      !insertmacro NEWORK_LOG_${UN}  "NeWork is still running (process $R0: $R1); waiting up to ${APP_EXIT_TIMEOUT_MS} ms for it to quit"
    ${EndIf}
    ${If} $0 >= ${APP_EXIT_TIMEOUT_MS}
      ${If} ${Silent}
        ${If} $R9 == "ended"
          StrCpy $R9 "running"
          !insertmacro NEWORK_LOG_${UN} "NeWork (process $R0) could not be ended; going on"
          ${Break}
        ${EndIf}
        !insertmacro NEWORK_LOG_${UN} "NeWork did not quit in time; ending process $R0 ($R1)"
        Call ${UN}TerminateProcess
        StrCpy $R9 "ended"
        StrCpy $0 0
      ${Else}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgAppRunning)" /SD IDCANCEL IDRETRY retry
        !insertmacro NEWORK_LOG_${UN} "stopped: NeWork is still running and the user chose Cancel"
        Goto cancelled
        retry:
        StrCpy $0 0
      ${EndIf}
    ${EndIf}
    Sleep 250
    IntOp $0 $0 + 250
  ${Loop}
  Pop $R1
  Pop $R0
  Pop $0
  Return
  cancelled:
  Pop $R1
  Pop $R0
  Pop $0
  StrCpy $R9 "cancelled"
FunctionEnd

!macroend

; The installer writes its few messages to the details list only; the uninstaller also logs.
!macro NEWORK_LOG_ TEXT
  DetailPrint `${TEXT}`
!macroend
!macro NEWORK_LOG_un. TEXT
  Push `${TEXT}`
  Call un.Log
!macroend
!define Log "!insertmacro NEWORK_LOG_un."

