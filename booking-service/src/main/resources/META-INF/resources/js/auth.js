// The one place that knows how the UI proves who the user is. Locally that is HTTP Basic with the
// demo users, kept for this tab only (sessionStorage); with OIDC in production only this module changes.

const KEY = 'clinic.session';

/** The Authorization header value for API calls, or null when signed out. */
export function authorizationHeader() {
    const stored = sessionStorage.getItem(KEY);
    return stored ? `Basic ${stored}` : null;
}

export function rememberCredentials(username, password) {
    // btoa needs Latin-1; encode as UTF-8 first so non-ASCII passwords survive
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    sessionStorage.setItem(KEY, btoa(binary));
}

export function forgetCredentials() {
    sessionStorage.removeItem(KEY);
}

export function hasCredentials() {
    return sessionStorage.getItem(KEY) !== null;
}

/** The stored sign-in as it is kept, for another of the clinic's tabs (see tabs.js); null when signed out. */
export function exportCredentials() {
    return sessionStorage.getItem(KEY);
}

export function importCredentials(stored) {
    sessionStorage.setItem(KEY, stored);
}
