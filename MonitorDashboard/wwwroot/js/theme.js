// Remembers the dark-mode choice in the browser; falls back to the system preference.
const key = "monitor-dashboard.dark-mode";

export function load() {
    const stored = localStorage.getItem(key);
    if (stored !== null) return stored === "true";
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function save(isDark) {
    localStorage.setItem(key, isDark ? "true" : "false");
}

// The zone also goes into a cookie, so the server renders the next page in it from the first paint.
export { rememberZone as timeZone } from "./zone.js";
