/*
 * recorder.exe: a stand-in for NeWork.exe in the installer tests.
 *
 * It records how it was called and exits with a code chosen by the test, so a test can prove
 * what the NSIS uninstaller ran and how it reacts to a failing cleanup. It is a GUI-subsystem
 * program, like the real (windowed) NeWork.exe, and needs nothing but kernel32/shell32.
 *
 * One line of JSON is appended per call (UTF-8):
 *   {"event":"start","pid":12,"time_ms":1700000000000,"argv":["uninstall-cleanup","--yes"],
 *    "cmdline":"\"C:\\...\\NeWork.exe\" uninstall-cleanup --yes","exit":0}
 * and, when it was told to stay running, a second line {"event":"end",...} when it leaves.
 *
 * Settings (environment first, then a file next to the program, then the default):
 *   NEWORK_RECORDER_LOG     where to append; file "recorder-log-path.txt" (holding the path);
 *                           default: "<program>.calls.jsonl" next to the program (a test that
 *                           uninstalls must use the variable: the install folder goes away).
 *   NEWORK_RECORDER_EXIT    exit code for calls WITH arguments (e.g. "uninstall-cleanup --yes");
 *                           file "recorder-exit.txt" next to the program; default 0.
 *   NEWORK_RECORDER_RUN_MS  for a call WITHOUT arguments (a person starting the app): stay
 *                           running this many milliseconds, like an open NeWork window;
 *                           file "recorder-run-ms.txt"; default 0.
 *
 * The single-instance "quit" handshake: a running recorder waits on the named event
 * Local\NeWorkRecorderQuit and leaves early (its "end" line has "quit_requested":true) when a
 * call `quit-running ...` sets it, as the real NeWork quits when `NeWork.exe quit-running` asks.
 * Each line also carries "local_appdata": the WIN_PD_OVERRIDE_LOCAL_APPDATA the call saw (the
 * per-machine uninstaller sets it to reach another user's profile), or "".
 *
 * Build (Debian: apt-get install gcc-mingw-w64-x86-64-win32):
 *   x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -municode -mwindows -s -o NeWork.exe recorder.c
 */
#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define BUF_CHARS 32768

static wchar_t g_dir[MAX_PATH * 4];  /* folder of this program, with a trailing backslash */
static wchar_t g_self[MAX_PATH * 4]; /* full path of this program */

static void find_self(void) {
  DWORD n = GetModuleFileNameW(NULL, g_self, (DWORD)(sizeof g_self / sizeof g_self[0]));
  if (n == 0 || n >= sizeof g_self / sizeof g_self[0]) {
    g_self[0] = L'\0';
    g_dir[0] = L'\0';
    return;
  }
  wcscpy(g_dir, g_self);
  wchar_t *slash = wcsrchr(g_dir, L'\\');
  if (slash != NULL) {
    slash[1] = L'\0';
  } else {
    g_dir[0] = L'\0';
  }
}

/* Read a setting: the environment variable, else the first line of <dir>\<file>, else "". */
static void setting(const wchar_t *env, const wchar_t *file, wchar_t *out, DWORD out_chars) {
  out[0] = L'\0';
  DWORD n = GetEnvironmentVariableW(env, out, out_chars);
  if (n > 0 && n < out_chars) {
    return;
  }
  out[0] = L'\0';
  wchar_t path[MAX_PATH * 4];
  if (_snwprintf(path, sizeof path / sizeof path[0], L"%ls%ls", g_dir, file) < 0) {
    return;
  }
  HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) {
    return;
  }
  char raw[64];
  DWORD got = 0;
  if (ReadFile(h, raw, sizeof raw - 1, &got, NULL)) {
    raw[got] = '\0';
    char *end = raw + strcspn(raw, "\r\n");
    *end = '\0';
    MultiByteToWideChar(CP_UTF8, 0, raw, -1, out, (int)out_chars);
  }
  CloseHandle(h);
}

static long long setting_number(const wchar_t *env, const wchar_t *file, long long fallback) {
  wchar_t value[64];
  setting(env, file, value, sizeof value / sizeof value[0]);
  if (value[0] == L'\0') {
    return fallback;
  }
  return wcstoll(value, NULL, 10);
}

/* Appends text to a growing UTF-8 buffer; the buffer is big enough for any command line. */
typedef struct {
  char data[BUF_CHARS * 6];
  size_t len;
} Buffer;

static void put_raw(Buffer *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n < sizeof b->data) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
  }
}

/* Appends a wide string as a JSON string literal (quotes included). */
static void put_json(Buffer *b, const wchar_t *w) {
  static char utf8[BUF_CHARS * 4];
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, utf8, (int)sizeof utf8, NULL, NULL);
  if (n <= 0) {
    utf8[0] = '\0';
  }
  put_raw(b, "\"");
  for (const unsigned char *p = (const unsigned char *)utf8; *p != '\0'; ++p) {
    char esc[8];
    if (*p == '"' || *p == '\\') {
      esc[0] = '\\';
      esc[1] = (char)*p;
      esc[2] = '\0';
    } else if (*p < 0x20) {
      snprintf(esc, sizeof esc, "\\u%04x", (unsigned)*p);
    } else {
      esc[0] = (char)*p;
      esc[1] = '\0';
    }
    put_raw(b, esc);
  }
  put_raw(b, "\"");
}

static long long now_ms(void) {
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  ULARGE_INTEGER t;
  t.LowPart = ft.dwLowDateTime;
  t.HighPart = ft.dwHighDateTime;
  /* 100 ns ticks since 1601 -> milliseconds since 1970 */
  return (long long)(t.QuadPart / 10000ULL) - 11644473600000LL;
}

static void append_line(const Buffer *b) {
  wchar_t log_path[MAX_PATH * 4];
  setting(L"NEWORK_RECORDER_LOG", L"recorder-log-path.txt", log_path,
          sizeof log_path / sizeof log_path[0]);
  if (log_path[0] == L'\0') {
    _snwprintf(log_path, sizeof log_path / sizeof log_path[0], L"%ls.calls.jsonl", g_self);
  }
  /* One writer at a time, each at the end: wine does not make FILE_APPEND_DATA writes atomic,
     and two recorders writing at once (a running one logging "end" while the quit-running call
     that woke it logs "start") wrote at the same offset, one line over the other. */
  HANDLE turn = CreateMutexW(NULL, FALSE, L"Local\\NeWorkRecorderLog");
  if (turn != NULL) {
    WaitForSingleObject(turn, 10000);
  }
  for (int attempt = 0; attempt < 50; ++attempt) {
    HANDLE h = CreateFileW(log_path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE) {
      LARGE_INTEGER zero = {0};
      SetFilePointerEx(h, zero, NULL, FILE_END);
      DWORD written = 0;
      WriteFile(h, b->data, (DWORD)b->len, &written, NULL);
      CloseHandle(h);
      break;
    }
    Sleep(20);
  }
  if (turn != NULL) {
    ReleaseMutex(turn);
    CloseHandle(turn);
  }
}

#define QUIT_EVENT L"Local\\NeWorkRecorderQuit"

static void record(const wchar_t *event, int argc, wchar_t **argv, const wchar_t *cmdline,
                   long long code, int quit_requested) {
  static Buffer b;
  char num[64];
  b.len = 0;
  b.data[0] = '\0';
  put_raw(&b, "{\"event\":");
  put_json(&b, event);
  snprintf(num, sizeof num, ",\"pid\":%lu,\"time_ms\":%lld,\"argv\":[",
           (unsigned long)GetCurrentProcessId(), now_ms());
  put_raw(&b, num);
  for (int i = 1; i < argc; ++i) {
    if (i > 1) {
      put_raw(&b, ",");
    }
    put_json(&b, argv[i]);
  }
  put_raw(&b, "],\"cmdline\":");
  put_json(&b, cmdline);
  put_raw(&b, ",\"program\":");
  put_json(&b, g_self);
  static wchar_t local[MAX_PATH * 4];
  DWORD n = GetEnvironmentVariableW(L"WIN_PD_OVERRIDE_LOCAL_APPDATA", local,
                                    (DWORD)(sizeof local / sizeof local[0]));
  if (n == 0 || n >= sizeof local / sizeof local[0]) {
    local[0] = L'\0';
  }
  put_raw(&b, ",\"local_appdata\":");
  put_json(&b, local);
  snprintf(num, sizeof num, ",\"quit_requested\":%s,\"exit\":%lld}\n",
           quit_requested ? "true" : "false", code);
  put_raw(&b, num);
  append_line(&b);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR args, int show) {
  (void)instance;
  (void)previous;
  (void)args;
  (void)show;
  find_self();
  const wchar_t *cmdline = GetCommandLineW();
  int argc = 0;
  wchar_t **argv = CommandLineToArgvW(cmdline, &argc);
  if (argv == NULL) {
    argc = 0;
  }
  long long code = 0;
  long long run_ms = 0;
  if (argc > 1) {
    code = setting_number(L"NEWORK_RECORDER_EXIT", L"recorder-exit.txt", 0);
  } else {
    run_ms = setting_number(L"NEWORK_RECORDER_RUN_MS", L"recorder-run-ms.txt", 0);
  }
  /* A run that stays makes its quit event before it logs "start": a test that waits for
     "start" and then asks it to quit must find the event (it could miss it, under load). */
  HANDLE quit = run_ms > 0 ? CreateEventW(NULL, TRUE, FALSE, QUIT_EVENT) : NULL;
  record(L"start", argc, argv, cmdline, code, 0);
  /* quit-running logs its call first, then wakes the running one (which logs "end"). */
  if (argc > 1 && wcscmp(argv[1], L"quit-running") == 0) {
    HANDLE running = OpenEventW(EVENT_MODIFY_STATE, FALSE, QUIT_EVENT);
    if (running != NULL) {
      SetEvent(running);
      CloseHandle(running);
    }
  }
  if (run_ms > 0) {
    DWORD waited = quit != NULL ? WaitForSingleObject(quit, (DWORD)run_ms) : WAIT_TIMEOUT;
    if (quit == NULL) {
      Sleep((DWORD)run_ms);
    }
    record(L"end", argc, argv, cmdline, code, waited == WAIT_OBJECT_0);
    if (quit != NULL) {
      CloseHandle(quit);
    }
  }
  if (argv != NULL) {
    LocalFree(argv);
  }
  return (int)code;
}
