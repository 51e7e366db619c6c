# NeWork Desktop: the per-user part of a per-machine uninstall, run once at each user's next
# logon by Windows' Active Setup (HKLM\Software\Microsoft\Active Setup\Installed Components\
# NeWorkDesktopCleanup, written by the per-machine uninstaller, which copies this script to
# %ProgramData%\NeWork\logon-cleanup.ps1).
#
# The uninstaller already deleted every profile's folders it could reach; what only the user
# can delete is done here: the Windows Credential Manager entries (encrypted for that user) and
# the app's keys in the user's registry (HKCU), plus the folders again for profiles the
# uninstaller could not reach (roaming or not yet loaded). It deletes only what is NeWork's:
# the same roots and keys as `NeWork.exe uninstall-cleanup`, and generic credentials whose
# target is the app's keyring service "NeWork Desktop".
#
# If NeWork is installed again (an Uninstall entry exists), it does nothing: that installation's
# own uninstaller owns the data.
$ErrorActionPreference = 'SilentlyContinue'
$uninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\NeWorkDesktop'
if ((Test-Path "HKCU:\$uninstallKey") -or (Test-Path "HKLM:\$uninstallKey")) { exit 0 }

foreach ($base in @($env:LOCALAPPDATA, $env:APPDATA)) {
  if (-not $base) { continue }
  $root = Join-Path $base 'NTTCom\NeWork'
  if (Test-Path -LiteralPath $root) { Remove-Item -LiteralPath $root -Recurse -Force }
  $vendor = Join-Path $base 'NTTCom'
  if ((Test-Path -LiteralPath $vendor) -and -not (Get-ChildItem -LiteralPath $vendor -Force)) {
    Remove-Item -LiteralPath $vendor -Force
  }
}

foreach ($key in @('HKCU:\Software\NTTCom\NeWork', 'HKCU:\Software\NeWork')) {
  if (Test-Path $key) { Remove-Item -LiteralPath $key -Recurse -Force }
}
$vendorKey = 'HKCU:\Software\NTTCom'
if ((Test-Path $vendorKey) -and -not (Get-ChildItem $vendorKey) -and
    -not (Get-Item $vendorKey).Property) {
  Remove-Item -LiteralPath $vendorKey -Force
}

# keyring's Windows backend stores "NeWork Desktop" or "<name>@NeWork Desktop" as the target.
foreach ($line in (cmdkey.exe /list)) {
  if ($line -match '^\s*Target:\s*(?:LegacyGeneric:target=)?(.*NeWork Desktop)\s*$') {
    cmdkey.exe "/delete:$($Matches[1])" | Out-Null
  }
}
exit 0
