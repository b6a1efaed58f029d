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

// What survives the trip through the provider's pages, in this tab only: the screen to return to
// after signing in (the provider brings the browser back to the start page), and that this tab has
// just signed out (the other tabs are told once the session cookie is gone, not before).
const RETURN_TO = 'clinic.return-to';
const SIGNED_OUT = 'clinic.signed-out';

/** Leaves for the provider's login page; the browser comes back signed in, to the screen it left. */
export function signInWithProvider() {
    if (location.hash && location.hash !== '#/signin') sessionStorage.setItem(RETURN_TO, location.hash);
    location.assign(options.signInPath);
}

/** The screen a sign-in through the provider left from, once (null when none). */
export function takeReturnRoute() {
    const route = sessionStorage.getItem(RETURN_TO);
    sessionStorage.removeItem(RETURN_TO);
    return route;
}

/** Ends the session here and at the provider, which sends the browser back to the screens. */
export function signOutAtProvider() {
    sessionStorage.setItem(SIGNED_OUT, 'true');
    location.assign(options.signOutPath);
}

/** Whether this page load is the return from signing out at the provider (true once). */
export function takeSignedOut() {
    const signedOut = sessionStorage.getItem(SIGNED_OUT) !== null;
    sessionStorage.removeItem(SIGNED_OUT);
    return signedOut;
}

/** The stored sign-in as it is kept, for another of the clinic's tabs (see tabs.js); null when signed out. */
export function exportCredentials() {
    return sessionStorage.getItem(KEY);
}

export function importCredentials(stored) {
    sessionStorage.setItem(KEY, stored);
}
