// Finding, registering and viewing patients.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { can, loadCatalog, rememberPatient } from '../session.js';
import { go } from '../nav.js';
import { announce, field, problemNotice, showFieldErrors, clearFieldErrors, statusBadge, busy } from '../ui.js';
import * as fmt from '../format.js';

export async function renderPatients(main, { params, isCurrent }) {
    const query = params.get('query') || '';
    const input = h('input', { type: 'search', name: 'query', value: query, autocomplete: 'off' });
    const results = h('div', { id: 'patient-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Find a patient' },
        field('patient-query', 'Name or e-mail', input),
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
        clear(results, h('p', { class: 'muted' }, 'Search by first name, last name or e-mail.'));
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

const PATIENT_FIELDS = {
    firstName: 'np-firstName', lastName: 'np-lastName', email: 'np-email', dateOfBirth: 'np-dateOfBirth', phone: 'np-phone',
};

export async function renderNewPatient(main) {
    const inputs = {
        firstName: h('input', { type: 'text', autocomplete: 'off', required: true, maxlength: '100' }),
        lastName: h('input', { type: 'text', autocomplete: 'off', required: true, maxlength: '100' }),
        email: h('input', { type: 'email', autocomplete: 'off', required: true, maxlength: '254' }),
        dateOfBirth: h('input', { type: 'date', required: true, max: fmt.today() }),
        phone: h('input', { type: 'tel', autocomplete: 'off', maxlength: '40' }),
    };
    const result = h('div', { id: 'new-patient-result', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button', id: 'np-submit' }, 'Register patient');
    const form = h('form', { id: 'new-patient-form', novalidate: true, 'aria-labelledby': 'np-title' },
        h('div', { class: 'grid-2' },
            field('np-firstName', 'First name', inputs.firstName),
            field('np-lastName', 'Last name', inputs.lastName),
            field('np-email', 'E-mail', inputs.email, 'Confirmations and aftercare are sent here.'),
            field('np-dateOfBirth', 'Date of birth', inputs.dateOfBirth, 'Tells apart patients with the same name.'),
            field('np-phone', 'Phone (optional)', inputs.phone, 'Digits, spaces, + ( ) -')),
        h('div', { class: 'button-row' }, submit, h('a', { href: '#/patients', class: 'button button-quiet' }, 'Cancel')));

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(result);
        clearFieldErrors(form);
        const missing = {};
        ['firstName', 'lastName', 'email', 'dateOfBirth'].forEach((k) => {
            if (!inputs[k].value.trim()) missing[k] = 'is required';
        });
        if (showFieldErrors(form, missing, PATIENT_FIELDS)) {
            clear(result, h('p', { class: 'visually-hidden' }, 'Some fields need attention.'));
            return;
        }
        const body = {
            firstName: inputs.firstName.value.trim(),
            lastName: inputs.lastName.value.trim(),
            email: inputs.email.value.trim(),
            dateOfBirth: inputs.dateOfBirth.value,
            phone: inputs.phone.value.trim() || null,
        };
        await busy(submit, async () => {
            try {
                const created = await api.post('/api/patients', body);
                rememberPatient(created);
                announce('ok', 'Patient registered', `${fmt.fullName(created)} is registered. Record the intake before booking a treatment.`);
                go(`#/patients/${created.id}`, { keepAnnouncement: true });
            } catch (e) {
                const shown = showFieldErrors(form, e.fieldErrors, PATIENT_FIELDS);
                clear(result, problemNotice(e, shown ? 'Please correct the marked fields' : 'Could not register the patient'));
            }
        });
    });

    clear(main,
        h('div', { class: 'page-head' }, h('h1', { id: 'np-title' }, 'New patient')),
        h('section', { class: 'panel' }, result, form));
}

export async function renderPatient(main, { id, isCurrent }) {
    const [p, appointments, catalog] = await Promise.all([
        api.get(`/api/patients/${id}`),
        api.get(`/api/patients/${id}/appointments`),
        loadCatalog(),
    ]);
    if (!isCurrent()) return;
    rememberPatient(p);
    const actions = h('div', { class: 'button-row' },
        can('book') ? h('a', { class: 'button', href: `#/book?patientId=${p.id}`, id: 'book-for-patient' }, 'Book an appointment') : null,
        can('intake') ? h('a', { class: 'button button-secondary', href: `#/patients/${p.id}/intake`, id: 'record-intake' }, 'Record intake') : null);

    const upcoming = appointments.slice().reverse();
    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, fmt.fullName(p)),
            h('a', { href: '#/patients' }, 'Back to patients')),
        h('section', { class: 'panel', 'aria-labelledby': 'contact-title' },
            h('h2', { id: 'contact-title' }, 'Contact details'),
            h('dl', { class: 'facts' },
                h('dt', null, 'Date of birth'), h('dd', null, fmt.plainDate(p.dateOfBirth)),
                h('dt', null, 'E-mail'), h('dd', null, p.email),
                h('dt', null, 'Phone'), h('dd', null, p.phone || '—')),
            h('p', { class: 'small muted' }, 'Medical answers (the intake) are kept by the screening service and are not shown here.'),
            actions),
        h('section', { class: 'panel', 'aria-labelledby': 'appts-title' },
            h('h2', { id: 'appts-title' }, 'Appointments'),
            upcoming.length
                ? h('div', { class: 'table-wrap' }, h('table', { id: 'patient-appointments' },
                    h('thead', null, h('tr', null, ['When', 'Procedure', 'Practitioner', 'Room', 'Status'].map((t) => h('th', { scope: 'col' }, t)))),
                    h('tbody', null, upcoming.map((a) => h('tr', null,
                        h('td', null, h('a', { href: `#/appointments/${a.id}` }, fmt.dateTime(a.start))),
                        h('td', null, catalog.procedureName(a.procedure)),
                        h('td', null, catalog.practitionerName(a.practitionerId)),
                        h('td', null, catalog.roomName(a.roomId)),
                        h('td', null, statusBadge(a.status)))))))
                : h('p', { class: 'muted' }, 'No appointments yet.')));
}
