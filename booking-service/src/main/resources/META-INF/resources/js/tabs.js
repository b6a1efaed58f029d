// One session for all of the clinic's tabs in this browser: a new tab asks the open ones for the
// sign-in, and signing in or out in one tab does so in all. The credentials stay in each tab's
// memory (sessionStorage), never on disk; the channel reaches only this site's own tabs.

import { exportCredentials, importCredentials, forgetCredentials, usesIdentityProvider } from './auth.js';

const channel = 'BroadcastChannel' in window ? new BroadcastChannel('clinic-session') : null;
let onSignedIn = () => {};
let onSignedOut = () => {};

if (channel) {
    channel.addEventListener('message', (event) => {
        const message = event.data || {};
        if (message.type === 'who-is-signed-in') {
            const credentials = exportCredentials();
            if (credentials) channel.postMessage({ type: 'signed-in', credentials });
        } else if (message.type === 'signed-in' && message.credentials && !exportCredentials()) {
            importCredentials(message.credentials);
            onSignedIn();
        } else if (message.type === 'signed-out' && (exportCredentials() || usesIdentityProvider())) {
            // with the provider the tabs share a session cookie, which the signing-out tab has ended
            forgetCredentials();
            onSignedOut();
        }
    });
}

/** What to do when another tab signs this one in or out. */
export function followOtherTabs({ signedIn, signedOut }) {
    onSignedIn = signedIn;
    onSignedOut = signedOut;
}

/** Asks the other tabs for their sign-in; resolves when one answered or after a short wait. */
export function askOtherTabs(wait = 250) {
    if (!channel || exportCredentials()) return Promise.resolve();
    return new Promise((resolve) => {
        const answered = (event) => {
            if (event.data?.type === 'signed-in') done();
        };
        const timer = setTimeout(() => done(), wait);
        function done() {
            clearTimeout(timer);
            channel.removeEventListener('message', answered);
            resolve();
        }
        channel.addEventListener('message', answered);
        channel.postMessage({ type: 'who-is-signed-in' });
    });
}

/** Tells the other tabs that this one signed in (they follow) or out (they follow too). */
export function announceSignIn() {
    const credentials = exportCredentials();
    if (channel && credentials) channel.postMessage({ type: 'signed-in', credentials });
}

export function announceSignOut() {
    channel?.postMessage({ type: 'signed-out' });
}
