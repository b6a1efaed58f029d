// The admin's screens over what screening and content own, reached through booking: the safety
// policy (view, and a new version from edited JSON), a patient's screening audit, message delivery.
// Kept plain on purpose; the JSON is screening's and content's, shown as they send it.

import { api, ApiError } from '../api.js';
import { h, clear } from '../dom.js';
import * as fmt from '../format.js';
import { go, reload } from '../nav.js';
import { announce, field, notice, problemNotice, statusBadge } from '../ui.js';

const table = (id, caption, headers, rows) => h('div', { class: 'table-wrap' }, h('table', { id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows)));

/** The part of the active policy an admin may change, in the shape screening's PUT /api/policy takes. */
function editable(policy) {
    return {
        windows: policy.windows,
        intervals: (policy.intervals || []).map(({ from, to, minimumDays, sameDayBlocked }) => ({ from, to, minimumDays, sameDayBlocked })),
        changeNote: '',
    };
}

export async function renderPolicy(main, { isCurrent }) {
    const policy = await api.get('/api/policy');
    if (!isCurrent()) return;
    const editor = h('textarea', { rows: '18', spellcheck: 'false', class: 'code', name: 'policy' });
    editor.value = JSON.stringify(editable(policy), null, 2);
    const result = h('div', { id: 'policy-result', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'button', id: 'policy-save' }, 'Save as a new version');
    const form = h('form', { id: 'policy-form', novalidate: true },
        field('policy-json', 'Windows, interval matrix and a note (JSON)', editor,
            'Screening checks the numbers; decisions from now on use the new version, earlier ones keep theirs.'),
        save);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(result);
        let body;
        try {
            body = JSON.parse(editor.value);
        } catch (notJson) {
            clear(result, notice('error', 'Not saved', `That is not valid JSON: ${notJson.message}`));
            editor.focus();
            return;
        }
        save.disabled = true;
        try {
            const saved = await api.put('/api/policy', body);
            announce('ok', `Policy version ${saved.version} saved`, 'Screenings from now on use it.');
            reload();
        } catch (e) {
            clear(result, problemNotice(e instanceof ApiError ? e : new ApiError(0, {}), 'Not saved'));
        } finally {
            save.disabled = false;
        }
    });
    const windows = Object.entries(policy.windows || {}).map(([name, value]) => h('tr', null,
        h('td', null, fmt.humanize(name)), h('td', null, String(value))));
    const intervals = (policy.intervals || []).map((i) => h('tr', null,
        h('td', null, fmt.humanize(i.from)), h('td', null, fmt.humanize(i.to)), h('td', null, `${i.minimumDays} days`),
        h('td', null, i.sameDayBlocked ? 'Yes' : 'No')));
    const rules = (policy.rules || []).map((r) => h('tr', null,
        h('td', null, r.id), h('td', null, statusBadge(r.outcome)), h('td', null, r.frontDeskMessage || ''), h('td', null, r.evidence || '')));
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Safety policy'),
            h('p', { class: 'muted', id: 'policy-version' },
                `Version ${policy.version}, by ${policy.createdBy || '—'} at ${fmt.dateTime(policy.createdAt)}`
                + (policy.changeNote ? `: ${policy.changeNote}` : ''))),
        h('section', { class: 'panel', 'aria-labelledby': 'windows-title' }, h('h2', { id: 'windows-title' }, 'Windows'),
            table('policy-windows', 'Windows', ['Window', 'Value'], windows)),
        h('section', { class: 'panel', 'aria-labelledby': 'intervals-title' }, h('h2', { id: 'intervals-title' }, 'Minimum intervals'),
            table('policy-intervals', 'Minimum intervals', ['After', 'Before', 'At least', 'Same day blocked'], intervals)),
        h('section', { class: 'panel', 'aria-labelledby': 'rules-title' }, h('h2', { id: 'rules-title' }, 'Rules'),
            table('policy-rules', 'Rules', ['Rule', 'Outcome', 'Front-desk message', 'Evidence'], rules)),
        h('section', { class: 'panel', 'aria-labelledby': 'edit-title' }, h('h2', { id: 'edit-title' }, 'Change the policy'), result, form));
}

export async function renderAudit(main, { params, isCurrent }) {
    const query = params.get('query') || '';
    const patientId = params.get('patient') || '';
    const input = h('input', { type: 'search', name: 'query', value: query, autocomplete: 'off' });
    const search = h('form', { id: 'audit-search', role: 'search' },
        field('audit-query', 'Patient name or e-mail', input), h('button', { type: 'submit', class: 'button' }, 'Find'));
    search.addEventListener('submit', (event) => {
        event.preventDefault();
        go(`#/audit?query=${encodeURIComponent(input.value.trim())}`);
    });
    const [found, trail, patient] = await Promise.all([
        query ? api.get('/api/patients', { query }) : Promise.resolve(null),
        patientId ? api.get(`/api/patients/${encodeURIComponent(patientId)}/screenings`) : Promise.resolve(null),
        patientId ? api.get(`/api/patients/${encodeURIComponent(patientId)}`) : Promise.resolve(null),
    ]);
    if (!isCurrent()) return;
    const matches = found === null ? null : found.length === 0 ? h('p', null, 'No patient matches.')
        : h('ul', { id: 'audit-patients' }, found.map((p) => h('li', null,
            h('a', { href: `#/audit?query=${encodeURIComponent(query)}&patient=${p.id}` }, `${fmt.fullName(p)} (${p.email})`))));
    const decisions = trail === null ? null : h('section', { class: 'panel', 'aria-labelledby': 'trail-title' },
        h('h2', { id: 'trail-title' }, `Screening decisions for ${fmt.fullName(patient)}`),
        trail.length === 0 ? h('p', null, 'No screening decisions yet.')
            : table('audit-trail', 'Screening decisions, newest first',
                ['Decided', 'By', 'Procedure', 'Appointment time', 'Outcome', 'Reasons', 'Policy', 'Review'],
                trail.map((d) => h('tr', null,
                    h('td', null, fmt.dateTime(d.decidedAt)), h('td', null, d.decidedBy || '—'),
                    h('td', null, fmt.humanize(d.procedure || '')), h('td', null, fmt.dateTime(d.start)),
                    h('td', null, statusBadge(d.outcome)),
                    h('td', null, (d.reasons || []).map((r) => r.frontDeskMessage).join('; ') || '—'),
                    h('td', null, `v${d.policyVersion}`),
                    h('td', null, d.review ? `${fmt.humanize(d.review.decision)} by ${d.review.reviewedBy} at ${fmt.dateTime(d.review.reviewedAt)}` : '—')))));
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Screening audit'),
            h('p', { class: 'muted' }, 'Who decided what, when and under which policy; no medical detail.')),
        h('section', { class: 'panel' }, search, matches),
        decisions);
}

const DELIVERY_FILTERS = [
    ['', 'All messages'],
    ['FAILED,UNCERTAIN', 'Needing attention (failed or uncertain)'],
    ['FAILED_RETRYING', 'Being retried'],
    ['PENDING', 'Waiting to be sent'],
    ['SENT', 'Sent'],
];

export async function renderDelivery(main, { params, isCurrent }) {
    const status = params.get('status') || '';
    const messages = await api.get('/api/messages', { status, limit: 200 });
    if (!isCurrent()) return;
    const filter = h('select', { name: 'status' }, DELIVERY_FILTERS.map(([value, label]) => h('option', { value, selected: value === status }, label)));
    filter.addEventListener('change', () => go(`#/delivery?status=${encodeURIComponent(filter.value)}`));
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Message delivery'),
            h('p', { class: 'muted' }, 'Confirmation and aftercare e-mails by due time, latest first (at most 200).')),
        h('section', { class: 'panel' }, field('delivery-status', 'Show', filter),
            messages.length === 0 ? h('p', { id: 'delivery-empty' }, 'No messages.')
                : table('delivery-list', 'Messages', ['Due', 'Message', 'Status', 'Sent', 'Attempts', 'Last error', 'Appointment'],
                    messages.map((m) => h('tr', null,
                        h('td', null, fmt.dateTime(m.dueAt)), h('td', null, `${fmt.humanize(m.kind)} · ${m.step}`),
                        h('td', null, statusBadge(m.status)), h('td', null, fmt.dateTime(m.sentAt)),
                        h('td', null, String(m.attempts)), h('td', null, m.lastError || '—'),
                        h('td', null, h('a', { href: `#/appointments/${m.appointmentId}` }, 'Open')))))));
}
