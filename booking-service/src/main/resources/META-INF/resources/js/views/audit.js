// The admin's screening audit by patient: who decided what, when and under which policy, read from
// screening through booking, with the front-desk-safe reasons only.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import * as fmt from '../format.js';
import { go } from '../nav.js';
import { field, statusBadge } from '../ui.js';

const table = (id, caption, headers, rows) => h('div', { class: 'table-wrap' }, h('table', { id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows)));

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
                    h('td', null, d.review ? `${fmt.verdictLabel(d.review.decision)} by ${d.review.reviewedBy} at ${fmt.dateTime(d.review.reviewedAt)}` : '—')))));
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Screening audit'),
            h('p', { class: 'muted' }, 'Who decided what, when and under which policy; no medical detail.')),
        h('section', { class: 'panel' }, search, matches),
        decisions);
}
