// Finding, registering and viewing patients.

import { api, request } from '../api.js';
import { h, clear } from '../dom.js';
import { can, loadCatalog, rememberPatient } from '../session.js';
import { go } from '../nav.js';
import { announce, field, notice, problemNotice, showFieldErrors, clearFieldErrors, statusBadge, busy } from '../ui.js';
import { dayInput, dayHint, dayProblem } from '../dates.js';
import { confirmAction } from '../confirm.js';
import { whileShown } from '../live.js';
import { obstaclesTo } from '../as-booked.js';
import * as fmt from '../format.js';

export async function renderPatients(main, { params, isCurrent }) {
    const query = params.get('query') || '';
    const input = h('input', { type: 'search', name: 'query', value: query, autocomplete: 'off' });
    const results = h('div', { id: 'patient-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Find a patient' },
        field('patient-query', 'Name, phone, e-mail or date of birth', input, 'A name in any order, e.g. “Walk Alpha”; a phone number however it is spaced; a date of birth as on the card'),
        h('button', { type: 'submit', class: 'button', id: 'patient-search' }, 'Search'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        go(`#/patients?query=${encodeURIComponent(input.value.trim())}`);
    });

    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, 'Patients'),
            can('register-patient') ? h('a', { class: 'button', href: '#/patients/new', id: 'new-patient' }, 'New patient') : null),
        h('section', { class: 'panel', 'aria-label': 'Search' }, form),
        h('section', { 'aria-labelledby': 'results-title' }, h('h2', { id: 'results-title', class: 'visually-hidden' }, 'Results'), results));

    if (!query) {
        clear(results, h('p', { class: 'muted' }, 'Search by name, phone number, e-mail or date of birth.'));
        return;
    }
    const found = await api.get('/api/patients', { query });
    if (!isCurrent()) return;
    found.forEach(rememberPatient);
    clear(results, found.length
        ? h('div', { class: 'panel table-wrap' }, h('table', null,
            h('caption', null, `${found.length} patient${found.length === 1 ? '' : 's'} found for “${query}”`),
            h('thead', null, h('tr', null, ['Name', 'Date of birth', 'E-mail', 'Phone'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, found.map((p) => h('tr', null,
                h('td', null, h('a', { href: `#/patients/${p.id}` }, fmt.fullName(p))),
                h('td', null, fmt.plainDate(p.dateOfBirth)),
                h('td', null, p.email),
                h('td', null, p.phone || '—'))))))
        : h('div', { class: 'notice notice-info' },
            h('p', null, `No patient matches “${query}”.`),
            can('register-patient') ? h('a', { href: '#/patients/new' }, 'Register a new patient') : null));
}

/**
 * The patient's details as a form part, for registering and for correcting: the inputs (filled from
 * `p` when given), their fields with ids `${prefix}-<name>`, the check of what is required, and the
 * request body.
 */
function patientDetails(prefix, { p = {}, emailHint, dateOfBirthHint }) {
    const inputs = {
        firstName: h('input', { type: 'text', autocomplete: 'off', required: true, maxlength: '100', value: p.firstName || '' }),
        lastName: h('input', { type: 'text', autocomplete: 'off', required: true, maxlength: '100', value: p.lastName || '' }),
        email: h('input', { type: 'email', autocomplete: 'off', required: true, maxlength: '254', value: p.email || '' }),
        dateOfBirth: dayInput({ required: true, value: p.dateOfBirth }),
        // the same characters booking accepts (PatientDetails.phone): checked here too, with every other field at once
        phone: h('input', { type: 'tel', autocomplete: 'off', maxlength: '40', pattern: '[+0-9 \\(\\)\\-]*', value: p.phone || '' }),
    };
    const ids = Object.fromEntries(Object.keys(inputs).map((name) => [name, `${prefix}-${name}`]));
    return {
        ids,
        fields: h('div', { class: 'grid-2' },
            field(ids.firstName, 'First name', inputs.firstName),
            field(ids.lastName, 'Last name', inputs.lastName),
            field(ids.email, 'E-mail', inputs.email, emailHint),
            field(ids.dateOfBirth, 'Date of birth', inputs.dateOfBirth, dateOfBirthHint),
            field(ids.phone, 'Phone (optional)', inputs.phone, 'Digits, spaces, + ( ) -')),
        /** What is missing or malformed, by field name (empty when the details can be sent). */
        missing() {
            const missing = {};
            ['firstName', 'lastName', 'email', 'dateOfBirth'].forEach((k) => {
                if (!inputs[k].value.trim()) missing[k] = 'is required';
            });
            if (!missing.dateOfBirth && dayProblem(inputs.dateOfBirth.value)) missing.dateOfBirth = dayProblem(inputs.dateOfBirth.value);
            if (!missing.email && inputs.email.validity.typeMismatch) missing.email = 'must be a well-formed email address';
            if (inputs.phone.validity.patternMismatch) missing.phone = 'may contain only digits, spaces, + ( ) -';
            return missing;
        },
        body: () => ({
            firstName: inputs.firstName.value.trim(),
            lastName: inputs.lastName.value.trim(),
            email: inputs.email.value.trim(),
            dateOfBirth: inputs.dateOfBirth.day,
            phone: inputs.phone.value.trim() || null,
        }),
    };
}

export async function renderNewPatient(main) {
    const details = patientDetails('np', {
        emailHint: 'Confirmations and aftercare are sent here.', dateOfBirthHint: dayHint('Tells apart patients with the same name'),
    });
    const result = h('div', { id: 'new-patient-result', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button', id: 'np-submit' }, 'Register patient');
    const form = h('form', { id: 'new-patient-form', novalidate: true, 'aria-labelledby': 'np-title' },
        details.fields,
        h('div', { class: 'button-row' }, submit, h('a', { href: '#/patients', class: 'button button-quiet' }, 'Cancel')));

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(result);
        clearFieldErrors(form);
        if (showFieldErrors(form, details.missing(), details.ids)) {
            clear(result, h('p', { class: 'visually-hidden' }, 'Some fields need attention.'));
            return;
        }
        await busy(submit, () => sendDetails({
            method: 'POST', path: '/api/patients', details, form, result, notSent: 'Could not register the patient',
            likelySame: {
                title: 'This patient may be registered already',
                advice: 'Open the record if it is this patient. Register a new one only after checking that this is someone else.',
                anywayLabel: 'Register as a different person',
            },
            done: async (created) => {
                rememberPatient(created);
                const shared = sharedInbox(created.sharesEmailWith);
                announce(shared ? 'warn' : 'ok', 'Patient registered',
                    `${fmt.fullName(created)} is registered. Record the intake before booking a treatment.${shared}`);
                go(`#/patients/${created.id}`, { keepAnnouncement: true });
            },
        }));
    });

    clear(main,
        h('div', { class: 'page-head' }, h('h1', { id: 'np-title' }, 'New patient')),
        h('section', { class: 'panel' }, result, form));
}

/**
 * Sends a patient's details (a registration or a correction) and shows what came back: the records
 * that are probably this person, with a way to go ahead once the desk has checked, or the field errors.
 */
async function sendDetails(send, differentPerson = false) {
    const { method, path, details, form, result, notSent, likelySame, done } = send;
    try {
        done(await request(method, path,
            { body: details.body(), query: differentPerson ? { differentPerson: true } : undefined, idempotent: true }));
    } catch (e) {
        if (e.kind === 'possible-duplicate-patient') {
            clear(result, likelySameNotice(e.problem.likelySame || [], { ...likelySame, anyway: () => sendDetails(send, true) }));
            result.querySelector('a')?.focus();
            return;
        }
        const shown = showFieldErrors(form, e.fieldErrors, details.ids);
        clear(result, problemNotice(e, shown ? 'Please correct the marked fields' : notSent));
    }
}

/**
 * Records that are probably the person being registered or corrected: the desk opens one of them, or,
 * once it has checked that this is someone else, goes ahead anyway.
 */
function likelySameNotice(records, { title, advice, anywayLabel, anyway }) {
    const button = h('button', { type: 'button', class: 'button button-secondary', id: 'likely-same-anyway' }, anywayLabel);
    button.addEventListener('click', () => busy(button, anyway));
    return notice('warn', title,
        'A patient with this date of birth and the same name or e-mail is on file. A second record for one person '
            + 'hides their treatment history from the safety checks.',
        h('ul', { id: 'likely-same' }, ...records.map((p) => h('li', null,
            h('a', { href: `#/patients/${p.id}` }, fmt.fullName(p)),
            `, born ${fmt.plainDate(p.dateOfBirth)}, ${p.email}`))),
        advice,
        h('div', { class: 'button-row' }, button));
}

export async function renderPatient(main, context) {
    const { id, isCurrent } = context;
    let p;
    let appointments;
    let catalog;
    try {
        [p, appointments, catalog] = await Promise.all([
            api.get(`/api/patients/${id}`),
            api.get(`/api/patients/${id}/appointments`),
            loadCatalog(),
        ]);
    } catch (e) {
        if (e.status !== 410 || !isCurrent()) throw e;
        clear(main, ...goneRecord(e));
        return;
    }
    if (!isCurrent()) return;
    rememberPatient(p);
    const actions = h('div', { class: 'button-row' },
        can('book') ? h('a', { class: 'button', href: `#/book?patientId=${p.id}`, id: 'book-for-patient' }, 'Book an appointment') : null,
        can('intake') ? h('a', { class: 'button button-secondary', href: `#/patients/${p.id}/intake`, id: 'record-intake' }, 'Record intake') : null,
        can('correct-patient') ? h('button', { type: 'button', class: 'button button-secondary', id: 'correct-patient' }, 'Correct details') : null);
    const correctionSlot = h('div', { id: 'correction-area' });
    actions.querySelector('#correct-patient')?.addEventListener('click', (event) => {
        event.target.disabled = true;
        clear(correctionSlot, correctionForm(p, () => renderPatient(main, context), () => {
            clear(correctionSlot);
            event.target.disabled = false;
            event.target.focus();
        }));
        correctionSlot.querySelector('input')?.focus();
    });

    const intakeSlot = h('div', { id: 'intake-status' }, h('p', { class: 'loading' }, 'Loading the intake’s status…'));
    const appointmentsSlot = h('div', { id: 'patient-appointments-area' });
    const messagesSlot = h('div', { id: 'patient-messages' }, h('p', { class: 'loading' }, 'Loading messages…'));
    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, fmt.fullName(p)),
            h('a', { href: '#/patients' }, 'Back to patients')),
        h('div', { class: 'grid-2' },
            h('section', { class: 'panel', 'aria-labelledby': 'contact-title' },
                h('h2', { id: 'contact-title' }, 'Contact details'),
                h('dl', { class: 'facts' },
                    h('dt', null, 'Date of birth'), h('dd', null, fmt.plainDate(p.dateOfBirth)),
                    h('dt', null, 'E-mail'), h('dd', null, p.email),
                    h('dt', null, 'Phone'), h('dd', null, p.phone || '—')),
                actions, correctionSlot),
            h('section', { class: 'panel', 'aria-labelledby': 'intake-title' },
                h('h2', { id: 'intake-title' }, 'Intake questionnaire'),
                intakeSlot,
                h('p', { class: 'small muted' }, 'The answers are kept by the screening service and shown to clinicians only.'))),
        h('section', { class: 'panel', 'aria-labelledby': 'appts-title' },
            h('h2', { id: 'appts-title' }, 'Appointments'), appointmentsSlot),
        h('section', { class: 'panel', 'aria-labelledby': 'patient-messages-title' },
            h('h2', { id: 'patient-messages-title' }, 'Messages to the patient'), messagesSlot),
        can('merge-patient') || can('erase-patient') ? recordPanel(p, () => renderPatient(main, context)) : null);

    drawAppointments(appointmentsSlot, appointments, catalog);
    // a link e-mailed to the patient is one of their messages: listed at once
    const linkSent = () => loadMessages(p, messagesSlot, isCurrent);
    loadIntakeStatus(p, intakeSlot, linkSent);
    loadMessages(p, messagesSlot, isCurrent);
    // an appointment of this patient booked, moved or re-screened elsewhere shows up here; the record
    // itself corrected, merged or erased elsewhere draws the page again (merged or erased, it says so),
    // unless a correction is being typed here. Each drawing listens until the next replaces it.
    const shown = () => isCurrent() && appointmentsSlot.isConnected;
    whileShown(shown, async (changes) => {
        if (changes.some((c) => c.table === 'patient' && c.id === id) && !correctionSlot.hasChildNodes()) {
            renderPatient(main, context).catch(() => {}); // unreachable now: the next change or a reload draws it
            return;
        }
        if (!changes.some((c) => c.table === 'appointment' || c.table === 'resync')) return;
        const fresh = await api.get(`/api/patients/${id}/appointments`).catch(() => null);
        if (fresh && shown()) {
            drawAppointments(appointmentsSlot, fresh, catalog);
            loadIntakeStatus(p, intakeSlot, linkSent);
        }
    });
}

/** The patient's details as the front desk corrects them; messages not yet sent use the corrected name and e-mail. */
function correctionForm(p, corrected, cancelled) {
    const details = patientDetails('cp', { p, emailHint: 'Messages not yet sent go to the corrected address.', dateOfBirthHint: dayHint() });
    const result = h('div', { id: 'correction-result', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'button', id: 'cp-submit' }, 'Save the correction');
    const cancel = h('button', { type: 'button', class: 'button button-quiet', id: 'cp-cancel' }, 'Cancel');
    cancel.addEventListener('click', cancelled);
    const form = h('form', { id: 'correction-form', novalidate: true, 'aria-label': 'Correct the patient’s details' },
        details.fields,
        h('div', { class: 'button-row' }, save, cancel));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(result);
        clearFieldErrors(form);
        if (showFieldErrors(form, details.missing(), details.ids)) return;
        await busy(save, () => sendDetails({
            method: 'PUT', path: `/api/patients/${p.id}`, details, form, result, notSent: 'The details were not corrected',
            likelySame: {
                title: 'With these details, this may be the same person as another record',
                advice: 'If it is one person, ask an admin to merge the two records. Save the correction only after checking that this is someone else.',
                anywayLabel: 'Save as a different person',
            },
            done: async (saved) => {
                rememberPatient(saved);
                const shared = sharedInbox(saved.sharesEmailWith);
                announce(shared ? 'warn' : 'ok', 'Details corrected', `Messages not yet sent go to ${saved.email}.${shared}`);
                corrected();
            },
        }));
    });
    return h('div', null, result, form);
}

/** The admin's record actions: merge a duplicate into this record, erase the patient on request. */
function recordPanel(p, refresh) {
    const slot = h('div', { id: 'record-result', role: 'alert' });
    const parts = [];
    if (can('merge-patient')) {
        const query = h('input', { type: 'search', autocomplete: 'off' });
        const found = h('div', { id: 'duplicate-results', 'aria-live': 'polite' });
        const find = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Find the duplicate record' },
            field('duplicate-query', 'Find the duplicate record', query, 'Its appointments, intakes and messages move to this record; this record’s details are kept'),
            h('button', { type: 'submit', class: 'button button-secondary', id: 'duplicate-search' }, 'Search'));
        find.addEventListener('submit', async (event) => {
            event.preventDefault();
            if (!query.value.trim()) return;
            let list;
            try {
                list = (await api.get('/api/patients', { query: query.value.trim() })).filter((d) => d.id !== p.id);
            } catch (e) {
                clear(found, problemNotice(e, 'Could not search'));
                return;
            }
            clear(found, list.length ? h('ul', { class: 'plain-list', id: 'duplicate-list' }, list.map((d) => {
                const merge = h('button', { type: 'button', class: 'button button-secondary', dataset: { patientId: d.id } }, 'Merge into this record');
                merge.addEventListener('click', () => mergeDuplicate(p, d, slot, refresh));
                return h('li', null, `${fmt.fullName(d)}, born ${fmt.plainDate(d.dateOfBirth)}, ${d.email} `, merge);
            })) : h('p', { class: 'muted' }, 'No other record matches.'));
        });
        parts.push(find, found);
    }
    if (can('erase-patient')) {
        const erase = h('button', { type: 'button', class: 'button button-danger', id: 'erase-patient' }, 'Erase this patient');
        erase.addEventListener('click', () => erasePatient(p, slot));
        parts.push(h('div', { class: 'button-row' }, erase));
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'record-title' },
        h('h2', { id: 'record-title' }, 'Patient record'), slot, ...parts);
}

async function mergeDuplicate(p, duplicate, slot, refresh) {
    const ok = await confirmAction({
        title: 'Merge the duplicate record?',
        body: h('div', null,
            h('p', null, `${fmt.fullName(duplicate)} (${duplicate.email}) becomes part of ${fmt.fullName(p)} (${p.email}).`),
            h('p', null, 'Its appointments, intakes and messages move to this record, and messages not yet sent go to this record’s e-mail. This cannot be undone.')),
        confirmLabel: 'Merge',
        danger: true,
    });
    if (!ok) return;
    try {
        const merged = await api.post(`/api/patients/${p.id}/merge`, { duplicateId: duplicate.id });
        announce('ok', 'Records merged', `${merged.appointmentsMoved} appointment(s) moved to this record.`);
        refresh();
    } catch (e) {
        clear(slot, problemNotice(e, 'The records were not merged'));
    }
}

async function erasePatient(p, slot) {
    const ok = await confirmAction({
        title: `Erase ${fmt.fullName(p)}?`,
        body: h('div', null,
            h('p', null, 'Only on the patient’s request. Their contact details, intake answers no decision rests on, and messages are erased or anonymised in every service; messages not yet sent are cancelled.'),
            h('p', null, 'Kept without anything identifying the patient: past appointments and the screening audit, as the law requires. This cannot be undone.')),
        confirmLabel: 'Erase the patient',
        danger: true,
    });
    if (!ok) return;
    try {
        await api.request('DELETE', `/api/patients/${p.id}`);
        announce('ok', 'Patient erased', 'The other services erase their data in a moment.');
        go('#/patients', { keepAnnouncement: true });
    } catch (e) {
        clear(slot, problemNotice(e, 'The patient was not erased'));
    }
}

function drawAppointments(slot, appointments, catalog) {
    const now = new Date();
    const upcoming = appointments.filter((a) => new Date(a.end) >= now
        && fmt.STILL_TO_HAPPEN.includes(a.status));
    // earlier ones and those that will not happen (cancelled, also when their day is still to come)
    const past = appointments.filter((a) => !upcoming.includes(a)).reverse();
    const table = (id, caption, list) => h('div', { class: 'table-wrap' }, h('table', { id },
        h('caption', null, caption),
        h('thead', null, h('tr', null, ['When', 'Procedure', 'Practitioner', 'Room', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, list.map((a) => h('tr', { dataset: { appointmentId: a.id } },
            h('td', null, h('a', { href: `#/appointments/${a.id}` }, fmt.dateTime(a.start))),
            h('td', null, catalog.procedureName(a.procedure)),
            h('td', null, catalog.practitionerName(a.practitionerId)),
            h('td', null, catalog.roomName(a.roomId)),
            h('td', null, statusBadge(a.status), a.rescreenDue ? h('span', { class: 'small' }, ' being screened again') : null))))));
    clear(slot,
        upcoming.length ? table('patient-appointments', `Upcoming (${upcoming.length})`, upcoming)
            : h('p', { class: 'muted', id: 'patient-no-upcoming' }, 'No upcoming appointments.'),
        past.length ? table('patient-past-appointments', `Earlier or cancelled (${past.length})`, past) : null);
    // what stands in the way of an upcoming one (a closed day, the practitioner away), filled in when read
    upcoming.forEach((a) => obstaclesTo(a).then(({ closure, away }) => {
        const flag = closure ? ' clinic closed that day' : away ? ' practitioner away' : null;
        const cell = slot.querySelector(`#patient-appointments tr[data-appointment-id="${a.id}"] td:last-child`);
        if (flag && cell) cell.append(h('span', { class: 'appt-flag', dataset: { away: String(Boolean(away)) } }, flag));
    }));
}

const INVITATION_TEXT = {
    WAITING: 'The patient has not answered yet',
    RECEIVED: 'The patient answered through the link',
    EXPIRED: 'The patient did not answer before the link expired',
    REPLACED: 'A newer link was sent',
};

async function loadIntakeStatus(p, slot, linkSent) {
    let s;
    try {
        s = await api.get(`/api/patients/${p.id}/intake-status`);
    } catch (e) {
        clear(slot, e.status === 503
            ? notice('warn', 'Screening service unavailable', 'The intake’s status cannot be shown right now.')
            : problemNotice(e, 'Could not load the intake’s status'));
        return;
    }
    const inv = s.invitation;
    let headline;
    if (s.state === 'NONE') headline = h('p', { id: 'intake-state' }, statusBadge('NO_INTAKE'), ' No intake on file: treatments need one.');
    else if (s.state === 'VALID') {
        headline = h('p', { id: 'intake-state' }, statusBadge('INTAKE_VALID'),
            ` until ${fmt.plainDate(s.validUntil)} (completed ${fmt.plainDate(s.completedOn)}${s.answeredByPatient ? ', answered by the patient' : ''}).`);
    } else {
        headline = h('p', { id: 'intake-state' }, statusBadge('INTAKE_EXPIRED'),
            ` on ${fmt.plainDate(s.validUntil)} (completed ${fmt.plainDate(s.completedOn)}). Treatments need a new one.`);
    }
    const invitationLine = inv ? h('p', { id: 'intake-invitation', dataset: { state: inv.state } },
        statusBadge(`INVITATION_${inv.state}`), ` ${INVITATION_TEXT[inv.state] || fmt.humanize(inv.state)}`,
        inv.state === 'WAITING' ? ` (sent ${fmt.dateTime(inv.createdAt)}, works until ${fmt.dateTime(inv.expiresAt)})` : '',
        inv.state === 'RECEIVED' && inv.usedAt ? ` on ${fmt.dateTime(inv.usedAt)}` : '') : null;
    const send = can('intake-link') ? h('button', { type: 'button', class: 'button button-secondary', id: 'send-intake-link' },
        inv?.state === 'WAITING' ? 'Send a new link' : 'E-mail the patient a link to fill it in') : null;
    send?.addEventListener('click', async () => {
        const ok = await confirmAction({
            title: 'E-mail the intake link?',
            body: h('div', null,
                h('p', null, `${fmt.fullName(p)} gets an e-mail at ${p.email} with a link to answer the health questions. The link works once and expires after a few days.`),
                inv?.state === 'WAITING' ? h('p', null, 'The link sent before stops working.') : null),
            confirmLabel: 'Send the link',
        });
        if (!ok) return;
        send.disabled = true;
        try {
            const sent = await api.post(`/api/patients/${p.id}/intake-invitations`);
            announce('ok', 'Intake link sent', `To ${sent.email}; it works until ${fmt.dateTime(sent.expiresAt)}.`);
            await loadIntakeStatus(p, slot, linkSent);
            slot.querySelector('#intake-state')?.setAttribute('tabindex', '-1');
            linkSent();
        } catch (e) {
            clear(slot, problemNotice(e, 'The link was not sent'));
        } finally {
            send.disabled = false;
        }
    });
    clear(slot, headline, invitationLine, send ? h('div', { class: 'button-row' }, send) : null);
}

/** A record that is no longer live, said plainly: merged (with the way to the record kept) or erased. */
function goneRecord(e) {
    if (e.kind === 'patient-merged') {
        return [h('h1', null, 'Record merged'),
            h('p', null, 'This record was a duplicate and was merged into another; its appointments and messages are there now. ',
                h('a', { href: `#/patients/${e.problem.mergedInto}`, id: 'merged-into' }, 'Open the record kept'))];
    }
    return [h('div', { class: 'page-head' }, h('h1', null, 'Patient erased'), h('a', { href: '#/patients' }, 'Back to patients')),
        h('p', null, 'This patient’s data was erased on request; only appointments kept for the clinic’s records remain.')];
}

/**
 * The other records with the saved e-mail, as booking answers a registration or correction. Their
 * messages (confirmations, intake links) go to one inbox: a family's may be meant to, a typo is not.
 */
const sharedInbox = (others = []) => (others.length
    ? ` This e-mail is also on the record of ${others.map(fmt.fullName).join(', ')}: messages to each go to the same inbox. If that is a mistake, correct it now.`
    : '');

const FINAL = ['SENT', 'FAILED', 'CANCELLED', 'SKIPPED', 'UNCERTAIN'];

/** A sent message's content is purged after the retention period; its delivery record stays. */
const subjectOf = (m) => m.subject ?? `${fmt.humanize(m.kind)} (content no longer kept)`;

async function loadMessages(p, slot, isCurrent) {
    let list;
    let preferences;
    try {
        [list, preferences] = await Promise.all([api.get(`/api/patients/${p.id}/messages`),
            api.get(`/api/patients/${p.id}/message-preferences`).catch(() => null)]);
    } catch (e) {
        clear(slot, e.status === 503
            ? notice('warn', 'Message service unavailable', 'The list cannot be shown right now; nothing is lost.')
            : problemNotice(e, 'Could not load the messages'));
        return;
    }
    if (!isCurrent()) return;
    const optedOut = preferences && preferences.nonEssential === false;
    // while the patient has opted out, a non-essential message still to go is skipped when it falls due
    const statusOf = (m) => (optedOut && !m.essential && ['PENDING', 'FAILED_RETRYING'].includes(m.status)
        ? h('span', { class: 'small' }, 'Will be skipped (opted out)') : statusBadge(m.status));
    clear(slot, optedOut ? notice('info', 'The patient stopped non-essential messages',
        `Since ${fmt.dateTime(preferences.optedOutAt)}: reminders and later aftercare are not sent; confirmations, changes and the first aftercare still are.`,
        can('message-actions') ? h('p', null, h('a', { href: '#/messages' }, 'Opt back in on the patient’s word (Messages)')) : null) : null,
    list.length
        ? h('div', { class: 'table-wrap' }, h('table', { id: 'patient-messages-table', 'aria-labelledby': 'patient-messages-title' },
            h('thead', null, h('tr', null, ['Message', 'Due', 'Status', 'Sent'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, list.map((m) => h('tr', { dataset: { kind: m.kind } },
                h('td', null, m.appointmentId ? h('a', { href: `#/appointments/${m.appointmentId}` }, subjectOf(m)) : subjectOf(m)),
                h('td', null, fmt.dateTime(m.dueAt)),
                h('td', null, statusOf(m)),
                h('td', null, m.sentAt ? fmt.dateTime(m.sentAt) : '—'))))))
        : h('p', { class: 'muted' }, 'No messages yet.'));
    // messages on their way are looked at again until they are settled
    if (list.some((m) => !FINAL.includes(m.status))) {
        setTimeout(() => { if (isCurrent()) loadMessages(p, slot, isCurrent); }, 5000);
    }
}
