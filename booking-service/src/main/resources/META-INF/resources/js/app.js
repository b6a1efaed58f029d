// The front-desk single-page app: sign-in, navigation by role, and a hash router over the screens.

import { api, whenUnauthorized } from './api.js';
import {
    hasCredentials, forgetCredentials, loadSignInOptions, usesIdentityProvider, signOutAtProvider, takeReturnRoute, takeSignedOut,
} from './auth.js';
import { h, clear } from './dom.js';
import { session, can, resetSession } from './session.js';
import { clearAnnouncement, announce, focusHeading, problemNotice } from './ui.js';
import { renderSignIn } from './views/signin.js';
import { renderCalendar } from './views/calendar.js';
import { renderPatients, renderNewPatient, renderPatient } from './views/patients.js';
import { renderIntake } from './views/intake.js';
import { renderBook } from './views/book.js';
import { renderAppointment } from './views/appointment.js';
import { renderReview } from './views/review.js';
import { renderCatalog } from './views/catalog.js';
import { renderAudit } from './views/audit.js';
import { renderArrivals } from './views/arrivals.js';
import { renderClosures } from './views/closures.js';
import { renderSafetyPolicy } from './views/safety-policy.js';
import { renderMessages } from './views/messages.js';
import { setRouter } from './nav.js';
import { askOtherTabs, followOtherTabs, announceSignIn, announceSignOut } from './tabs.js';
import { stopLive } from './live.js';

const main = document.getElementById('main');

const NAV = [
    { href: '#/calendar', label: 'Calendar', section: 'calendar', allowed: () => true },
    { href: '#/arrivals', label: 'Arrivals', section: 'arrivals', allowed: () => can('arrivals') },
    { href: '#/patients', label: 'Patients', section: 'patients', allowed: () => can('patients') },
    { href: '#/book', label: 'Book', section: 'book', allowed: () => can('book') },
    { href: '#/review', label: 'Review queue', section: 'review', allowed: () => can('review') },
    { href: '#/catalog', label: 'Catalog', section: 'catalog', allowed: () => can('catalog') },
    { href: '#/closures', label: 'Closures', section: 'closures', allowed: () => can('closures') },
    { href: '#/safety-policy', label: 'Safety policy', section: 'safety-policy', allowed: () => can('safety-policy') },
    { href: '#/audit', label: 'Screening audit', section: 'audit', allowed: () => can('audit') },
    { href: '#/messages', label: 'Messages', section: 'messages', allowed: () => can('messages') },
];

const ROUTES = [
    { pattern: /^\/?$/, section: 'calendar', view: renderCalendar },
    { pattern: /^\/calendar$/, section: 'calendar', view: renderCalendar },
    { pattern: /^\/patients$/, section: 'patients', view: renderPatients, allowed: () => can('patients') },
    { pattern: /^\/patients\/new$/, section: 'patients', view: renderNewPatient, allowed: () => can('register-patient') },
    { pattern: /^\/patients\/([0-9a-f-]{36})$/, section: 'patients', view: renderPatient, allowed: () => can('patients') },
    { pattern: /^\/patients\/([0-9a-f-]{36})\/intake$/, section: 'patients', view: renderIntake, allowed: () => can('intake') },
    { pattern: /^\/book$/, section: 'book', view: renderBook, allowed: () => can('book') },
    { pattern: /^\/appointments\/([0-9a-f-]{36})$/, section: 'calendar', view: renderAppointment },
    { pattern: /^\/review$/, section: 'review', view: renderReview, allowed: () => can('review') },
    { pattern: /^\/catalog$/, section: 'catalog', view: renderCatalog, allowed: () => can('catalog') },
    { pattern: /^\/arrivals$/, section: 'arrivals', view: renderArrivals, allowed: () => can('arrivals') },
    { pattern: /^\/closures$/, section: 'closures', view: renderClosures, allowed: () => can('closures') },
    { pattern: /^\/safety-policy$/, section: 'safety-policy', view: renderSafetyPolicy, allowed: () => can('safety-policy') },
    { pattern: /^\/audit$/, section: 'audit', view: renderAudit, allowed: () => can('audit') },
    { pattern: /^\/messages$/, section: 'messages', view: renderMessages, allowed: () => can('messages') },
];

function parseHash() {
    const raw = location.hash.startsWith('#/') ? location.hash.substring(1) : '/';
    const [path, qs] = raw.split('?');
    return { path, params: new URLSearchParams(qs || '') };
}

function showShell(signedIn) {
    document.getElementById('app-nav').hidden = !signedIn;
    document.getElementById('session').hidden = !signedIn;
    if (!signedIn) return;
    const roles = session.me.roles.join(', ') || 'no clinic role';
    document.getElementById('session-user').textContent = `Signed in as ${session.me.name} (${roles})`;
    clear(document.getElementById('nav-list'), NAV.filter((n) => n.allowed()).map((n) => h('li', null,
        h('a', { href: n.href, dataset: { section: n.section } }, n.label))));
}

function markCurrent(section) {
    document.querySelectorAll('#nav-list a').forEach((a) => {
        if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
    });
}

let renderToken = 0;
// On the first screen of a page load focus stays at the top (so the skip link comes first);
// after that each screen change moves focus to its heading.
let firstScreen = true;

async function route({ keepAnnouncement = false } = {}) {
    const token = ++renderToken;
    if (!session.me) {
        try {
            await loadSignInOptions();
        } catch (e) {
            clear(main, problemNotice(e, 'Could not reach the clinic'));
            return;
        }
        if (hasCredentials()) {
            try {
                session.me = await api.get('/api/me');
                // back from the provider's sign-in: to the screen the sign-in left from
                const back = takeReturnRoute();
                if (back) history.replaceState(null, '', back);
            } catch (e) {
                if (e.status !== 401) {
                    clear(main, problemNotice(e, 'Could not reach the clinic'));
                    return;
                }
            }
        }
        if (!session.me) {
            showShell(false);
            renderSignIn(main, () => {
                announceSignIn();
                showShell(true);
                firstScreen = false;
                if (!location.hash || location.hash === '#/signin') history.replaceState(null, '', '#/calendar');
                route();
            });
            return;
        }
        showShell(true);
    }
    // a later navigation started while this one waited for the session: that one draws the screen
    if (token !== renderToken) return;
    const { path, params } = parseHash();
    const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
    if (!keepAnnouncement) clearAnnouncement();
    if (!match || (match.r.allowed && !match.r.allowed())) {
        markCurrent(null);
        clear(main, h('h1', null, 'Not available'),
            h('p', null, 'This screen does not exist or your role may not use it. '), h('a', { href: '#/calendar' }, 'Go to the calendar'));
        focusHeading(main);
        return;
    }
    markCurrent(match.r.section);
    document.title = 'Clinic front desk';
    // Each render draws into its own screen element: a slower earlier render that finishes after the
    // user moved on (the calendar still loading when a patient is opened) draws into a detached element
    // instead of over the current screen, whatever the view forgets to check.
    const screen = h('div', { class: 'screen' }, h('p', { class: 'loading' }, 'Loading…'));
    clear(main, screen);
    try {
        await match.r.view(screen, { id: match.m[1], params, isCurrent: () => token === renderToken });
    } catch (e) {
        if (token !== renderToken) return;
        if (e.status === 401) return;
        clear(screen, h('h1', null, 'Something went wrong'), problemNotice(e, 'Could not load this screen'));
    }
    if (token === renderToken) {
        const h1 = main.querySelector('h1');
        if (h1) document.title = `${h1.textContent} · Clinic front desk`;
        if (!firstScreen) focusHeading(main);
        firstScreen = false;
    }
}

setRouter(route);

// the skip link moves focus without changing the screen's address
document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    if (main.querySelector('h1')) focusHeading(main);
    else main.focus();
});

document.getElementById('sign-out').addEventListener('click', () => {
    if (usesIdentityProvider()) {
        resetSession();
        signOutAtProvider();
        return;
    }
    forgetCredentials();
    announceSignOut();
    stopLive();
    resetSession();
    announce('info', 'Signed out', 'You are signed out. The credentials were removed from this tab.');
    history.replaceState(null, '', '#/signin');
    route({ keepAnnouncement: true });
});

whenUnauthorized(() => {
    forgetCredentials();
    stopLive();
    if (session.me) {
        resetSession();
        announce('warn', 'Please sign in again', 'Your sign-in is no longer accepted.');
        route({ keepAnnouncement: true });
    }
});

// back from signing out at the provider: the session cookie is gone now, so the other tabs are told;
// the provider's parameters (its state) are dropped from the address, which the screens do not use
const signedOutJustNow = takeSignedOut();
if (signedOutJustNow) {
    announceSignOut();
    announce('info', 'Signed out', 'You are signed out of the clinic in this browser.');
}
if (location.search) history.replaceState(null, '', location.pathname + location.hash);

// a new tab takes the sign-in of the clinic's other open tabs; later sign-ins and sign-outs follow them
askOtherTabs().then(() => {
    followOtherTabs({
        signedIn: () => {
            if (!session.me) route();
        },
        signedOut: () => {
            if (!session.me) return;
            stopLive();
            resetSession();
            announce('info', 'Signed out', 'You signed out in another tab.');
            history.replaceState(null, '', '#/signin');
            route({ keepAnnouncement: true });
        },
    });
    route({ keepAnnouncement: signedOutJustNow });
});
