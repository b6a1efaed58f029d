// The one place that knows how the UI proves who the user is. The server says which way applies
// (GET /api/sign-in-options): the clinic's identity provider, where the browser keeps a session
// cookie and signing in and out are pages of booking-service that pass through the provider's own
// login and logout; or, only in the local demo stack, HTTP Basic with the demo users, kept for this
// tab only (sessionStorage).

const KEY = 'clinic.session';
const IDENTITY_PROVIDER = 'identity-provider';

let options = null;

/** How to sign in here, asked once per page load. */
export async function loadSignInOptions() {
    if (!options) {
        let response;
        try {
            response = await fetch('/api/sign-in-options', { headers: { Accept: 'application/json' }, cache: 'no-store' });
        } catch (networkFailure) {
            throw Object.assign(new Error('The clinic server could not be reached.'), { status: 0, problem: {} });
        }
        if (!response.ok) {
            throw Object.assign(new Error(`The clinic server answered ${response.status}.`), { status: response.status, problem: {} });
        }
        options = await response.json();
    }
    return options;
}

/** True when users sign in through the clinic's identity provider (never the demo users' form). */
export function usesIdentityProvider() {
    return options?.method === IDENTITY_PROVIDER;
}

/** The Authorization header value for API calls, or null (signed out, or the session cookie does it). */
export function authorizationHeader() {
    if (usesIdentityProvider()) return null;
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

/** Whether the user may be signed in: a provider session may exist, demo credentials are stored. */
export function hasCredentials() {
    return usesIdentityProvider() || sessionStorage.getItem(KEY) !== null;
}

/** Leaves for the provider's login page; the browser comes back to the screens signed in. */
export function signInWithProvider() {
    location.assign(options.signInPath);
}

/** Ends the session here and at the provider, which sends the browser back to the screens. */
export function signOutAtProvider() {
    location.assign(options.signOutPath);
}

/** The stored sign-in as it is kept, for another of the clinic's tabs (see tabs.js); null when signed out. */
export function exportCredentials() {
    return sessionStorage.getItem(KEY);
}

export function importCredentials(stored) {
    sessionStorage.setItem(KEY, stored);
}
