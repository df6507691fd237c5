// The viewer's IANA time zone, remembered in a cookie so the server renders every page in it from the first paint
// (the sign-in page loads this too, so even the first page after signing in is not shown in UTC).
export function rememberZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `md-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=strict`;
    return zone;
}

rememberZone();
