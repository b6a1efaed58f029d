// The patient's self-service intake page. The link's token is in the address's fragment (never sent
// to a server by the browser); it goes to the clinic only in the Intake-Token header of the two calls.
// The answers leave the page as soon as the clinic has them.

const QUESTIONS = ['bloodThinners', 'keloidOrHypertrophicScarring', 'activeInfectionOrInflammation', 'activeAcne', 'autoimmuneCondition'];
const token = decodeURIComponent(location.hash.replace(/^#/, ''));
const status = document.getElementById('status');
const form = document.getElementById('intake-form');
const lastDoseField = document.getElementById('last-dose-field');
const lastDose = document.getElementById('last-dose');

function say(kind, title, text) {
    status.replaceChildren();
    const box = document.createElement('div');
    box.className = kind === 'error' ? 'notice notice-error' : 'notice';
    const heading = document.createElement('p');
    heading.className = 'notice-title';
    const strong = document.createElement('strong');
    strong.textContent = title;
    heading.append(strong);
    box.append(heading);
    if (text) {
        const p = document.createElement('p');
        p.textContent = text;
        box.append(p);
    }
    status.append(box);
}

async function call(method, path, body) {
    const response = await fetch(path, {
        method,
        headers: { 'Intake-Token': token, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
    });
    let data = null;
    try {
        data = await response.json();
    } catch (notJson) {
        data = null;
    }
    if (!response.ok) throw Object.assign(new Error(data?.detail || `HTTP ${response.status}`), { status: response.status, problem: data || {} });
    return data;
}

/** 31.01.2026, 31/01/2026 or 2026-01-31 to 2026-01-31; null when it is not a real date. */
function isoDate(text) {
    const value = text.trim();
    let y; let m; let d;
    let match = value.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/);
    if (match) [, d, m, y] = match;
    match = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (match) [, y, m, d] = match;
    if (!y) return null;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
    return date.toISOString().substring(0, 10);
}

function showError(id, message, control) {
    document.getElementById(id).textContent = message;
    control.setAttribute('aria-invalid', 'true');
}

function clearErrors() {
    form.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    document.getElementById('form-errors').replaceChildren();
}

function chosen(name) {
    return form.querySelector(`input[name="${name}"]:checked`)?.value || null;
}

form.addEventListener('change', () => {
    lastDoseField.hidden = chosen('isotretinoin') !== 'STOPPED';
});

form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const problems = [];
    const isotretinoin = chosen('isotretinoin');
    if (!isotretinoin) {
        showError('q-isotretinoin-error', 'Please choose one answer.', document.getElementById('q-isotretinoin'));
        problems.push(document.getElementById('isotretinoin-NEVER'));
    }
    let dose = null;
    if (isotretinoin === 'STOPPED') {
        dose = isoDate(lastDose.value);
        if (!dose) {
            showError('last-dose-error', 'Please write the date as day.month.year, for example 31.01.2026.', lastDose);
            problems.push(lastDose);
        }
    }
    QUESTIONS.forEach((name) => {
        if (!chosen(name)) {
            showError(`q-${name}-error`, 'Please choose yes or no.', document.getElementById(`q-${name}`));
            problems.push(document.getElementById(`${name}-yes`));
        }
    });
    if (problems.length) {
        const summary = document.createElement('p');
        summary.className = 'notice notice-error';
        summary.textContent = problems.length === 1 ? 'One question needs your answer.' : `${problems.length} questions need your answer.`;
        document.getElementById('form-errors').append(summary);
        problems[0].focus();
        return;
    }
    const body = { isotretinoin, isotretinoinLastDose: dose };
    QUESTIONS.forEach((name) => { body[name] = chosen(name) === 'yes'; });
    const send = document.getElementById('send');
    send.disabled = true;
    try {
        const received = await call('POST', '/public/intake/answers', body);
        form.reset();
        form.hidden = true;
        // the link is used up; it should not stay in the address bar or the history
        history.replaceState(null, '', location.pathname);
        say('ok', 'Thank you. Your answers have reached the clinic.',
            `${received.clinicName} will look at them before your treatment. You can close this page now.`);
        document.getElementById('main').focus();
    } catch (e) {
        if (e.status === 400 && e.problem.errors) {
            const field = e.problem.errors[0]?.field;
            if (field === 'isotretinoinLastDose') {
                showError('last-dose-error', 'Please check this date: it cannot be in the future.', lastDose);
                lastDose.focus();
            } else {
                say('error', 'Some answers are missing', 'Please answer every question.');
            }
        } else if (e.status === 429) {
            say('error', 'Please wait a minute', 'Too many tries from this connection. Please wait a minute and send again.');
        } else if (e.status === 404 || e.status === 410) {
            form.hidden = true;
            linkDoesNotWork(e.problem);
        } else {
            say('error', 'Your answers were not sent', 'The clinic could not be reached. Please check your connection and try again.');
        }
    } finally {
        send.disabled = false;
    }
});

/** Why the link does not work, and whom to call: the answer names the clinic and its phone number. */
function linkDoesNotWork(problem) {
    if (problem.clinicName) {
        document.getElementById('clinic-name').textContent = problem.clinicName;
        document.title = `Health questions · ${problem.clinicName}`;
    }
    const call = problem.clinicPhone ? ` The clinic's phone number is ${problem.clinicPhone}.` : '';
    say('error', problem.title || 'This link does not work', `${problem.detail || 'Please ask the clinic for a new link.'}${call}`);
}

async function open() {
    if (!token) {
        say('error', 'This link is not complete', 'Please open the whole link from the clinic\'s e-mail.');
        return;
    }
    try {
        const link = await call('GET', '/public/intake/link');
        document.getElementById('clinic-name').textContent = link.clinicName;
        document.title = `Health questions · ${link.clinicName}`;
        // in the patient's own clock, with its zone named (the clinic's may differ)
        const until = new Date(link.expiresAt);
        document.getElementById('expires').textContent = `This link works once, until ${until.toLocaleString('en-GB', {
            day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}.`;
        status.replaceChildren();
        form.hidden = false;
    } catch (e) {
        if (e.status === 404 || e.status === 410) {
            linkDoesNotWork(e.problem);
        } else if (e.status === 429) {
            say('error', 'Please wait a minute', 'Too many tries from this connection. Please wait a minute and open the link again.');
        } else {
            say('error', 'The clinic could not be reached', 'Please check your connection and open the link again.');
        }
    }
}

// another link opened in this tab (only the fragment changes): start over with it
window.addEventListener('hashchange', () => location.reload());

open();
