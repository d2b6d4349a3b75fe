// Copyright 2014-2016 Tidewater Interactive, LLC.
//
// launcher/src/core/launcher_errors.h
//
// Error codes the Tidewater Launcher shows to players as "Error NNNN".
// OUR OWN numbering, grouped by subsystem:
//
//   1xxx  bootstrap / self-update        5xxx  anti-cheat (TideGuard)
//   2xxx  patcher / downloads            7xxx  content & install integrity
//   4xxx  entitlements / store           9xxx  crash reporter
//   10xxx-12xxx  network layer (wraps WinHTTP / libcurl failures)
//
// Rules:
//  * Never renumber or reuse a code: Support macros and the KB refer to them.
//  * The 71xx block is reserved: login failures coming back from twid-auth
//    are shown with the identity provider's code unchanged. Do not allocate there.
//  * Add the player-facing text to loc/en-US/errors.json in the same commit.

#pragma once

#include <cstdint>

namespace tw::launcher {

enum class LauncherError : std::uint32_t {
    None                      = 0,

    // --- bootstrap / self-update (1xxx) ---
    SelfUpdateDownloadFailed  = 1100,
    SelfUpdateSignatureBad    = 1101,
    SelfUpdateNoWritePerm     = 1102,   // Program Files without elevation
    UnsupportedOS             = 1903,   // Windows Vista and older
    MissingVCRedist           = 1904,   // VC++ 2013 runtime not installed

    // --- patcher (2xxx) ---
    PatchServerUnreachable    = 2002,
    PatchManifestInvalid      = 2006,
    PatchDiskFull             = 2013,
    PatchFileLocked           = 2014,   // usually antivirus scanning the pak
    PatchResumeFailed         = 2020,
    PatchCdnSlow              = 2101,   // < 50 KB/s for 60 s, switched CDN

    // --- entitlements / store (4xxx) ---
    EntitlementMissing        = 4001,
    EntitlementRegionLocked   = 4002,
    EntitlementCacheCorrupt   = 4600,

    // --- anti-cheat (5xxx) ---
    TideGuardNotRunning       = 5100,
    TideGuardDriverBlocked    = 5101,
    TideGuardVersionMismatch  = 5110,

    // --- content / install integrity (7xxx) ---
    ContentHashMismatch       = 7200,
    ContentMissingPak         = 7201,
    ContentBadInstallPath     = 7301,   // non-ASCII path, see KB 206201004

    // --- crash reporter (9xxx) ---
    CrashUploadFailed         = 9001,
    CrashDumpTooLarge         = 9003,   // > 512 MB, we keep it locally

    // --- network (10xxx-12xxx) ---
    NetTlsHandshakeFailed     = 10011,
    NetProxyAuthRequired      = 10017,
    NetDnsFailure             = 11001,  // mirrors WSAHOST_NOT_FOUND
    NetTimeout                = 12002,  // mirrors ERROR_WINHTTP_TIMEOUT
    NetCannotConnect          = 12029,  // mirrors ERROR_WINHTTP_CANNOT_CONNECT
};

constexpr std::uint32_t kMaxRetries        = 3;
constexpr std::uint32_t kDownloadChunkSize = 4 * 1024 * 1024;
constexpr std::uint16_t kPatchPort         = 8443;

const char* ToKey(LauncherError e) noexcept;   // "launcher.error.2002" etc.
bool IsRetryable(LauncherError e) noexcept;

}  // namespace tw::launcher
