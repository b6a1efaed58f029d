// The sign-in screen: the way to the clinic's identity provider, or (local demo stack only) the
// demo users' form, clearly marked as such. The server says which applies (auth.js).

import { request } from '../api.js';
import { rememberCredentials, forgetCredentials, usesIdentityProvider, signInWithProvider } from '../auth.js';
import { h, clear } from '../dom.js';
import { session } from '../session.js';
import { field, notice, problemNotice, focusHeading, showFieldErrors, clearFieldErrors } from '../ui.js';

export function renderSignIn(main, onSignedIn) {
    if (usesIdentityProvider()) {
        renderProviderSignIn(main);
        return;
    }
    const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const result = h('div', { id: 'signin-result', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button', id: 'signin-submit' }, 'Sign in');
    const form = h('form', { id: 'signin-form', novalidate: true, 'aria-labelledby': 'signin-title' },
        field('signin-username', 'User name', username),
        field('signin-password', 'Password', password),
        submit);

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(result);
        clearFieldErrors(form);
        const errors = {};
        if (!username.value.trim()) errors.username = 'Enter your user name.';
        if (!password.value) errors.password = 'Enter your password.';
        if (showFieldErrors(form, errors, { username: 'signin-username', password: 'signin-password' })) return;
        submit.disabled = true;
        rememberCredentials(username.value.trim(), password.value);
        try {
            session.me = await request('GET', '/api/me', { signIn: true });
            password.value = '';
            onSignedIn();
        } catch (e) {
            forgetCredentials();
            password.value = '';
            clear(result, e.status === 401 || e.status === 403
                ? notice('error', 'Sign-in failed', 'The user name or password is not right.')
                : problemNotice(e, 'Sign-in failed'));
            password.focus();
        } finally {
            submit.disabled = false;
        }
    });

    clear(main, h('section', { class: 'signin panel', 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title' }, 'Sign in'),
        h('p', { class: 'muted' }, 'Sign in to run the clinic day: calendar, patients, bookings and reviews.'),
        result,
        form,
        h('aside', { class: 'demo-users', 'aria-labelledby': 'demo-users-title' },
            h('h2', { id: 'demo-users-title' }, 'Demo users (local clinic only)'),
            h('p', { class: 'small' }, 'These accounts exist only in the local demo stack; the password is the user name.'),
            h('ul', null,
                h('li', null, h('code', null, 'frontdesk'), ' – front desk: patients, intake, booking, check-in'),
                h('li', null, h('code', null, 'clinician'), ' – clinician: reviews, intake details, completing treatments'),
                h('li', null, h('code', null, 'admin'), ' – admin: catalog, closures, safety policy, screening audit, messages')))));
    document.title = 'Sign in · Clinic front desk';
    focusHeading(main);
    username.focus();
}

/** Production: no form here; the clinic's own sign-in page takes the user name and password. */
function renderProviderSignIn(main) {
    const go = h('button', { type: 'button', class: 'button', id: 'signin-provider' }, 'Sign in');
    go.addEventListener('click', () => {
        go.disabled = true;
        signInWithProvider();
    });
    clear(main, h('section', { class: 'signin panel', 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title' }, 'Sign in'),
        h('p', { class: 'muted' }, 'Sign in to run the clinic day: calendar, patients, bookings and reviews.'),
        h('p', null, 'You sign in with your clinic account on the clinic\'s sign-in page, and come back here.'),
        go));
    document.title = 'Sign in · Clinic front desk';
    focusHeading(main);
}
