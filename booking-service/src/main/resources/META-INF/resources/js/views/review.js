// The clinician's review queue: appointments screening sent to review, with the clinical detail.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { loadCatalog, patient } from '../session.js';
import { go } from '../nav.js';
import { announce, notice, problemNotice, statusBadge, busy, showFieldErrors, clearFieldErrors } from '../ui.js';
import { fillPatientNames } from './calendar.js';
import { obstaclesTo, obstacleNotices } from '../as-booked.js';
import * as fmt from '../format.js';

export async function renderReview(main, { params, isCurrent }) {
    const [pending, catalog] = await Promise.all([api.get('/api/appointments/pending-review'), loadCatalog()]);
    if (!isCurrent()) return;
    const detail = h('div', { id: 'review-detail' });
    const result = h('div', { id: 'review-result', role: 'alert' });

    const list = pending.length
        ? h('ul', { class: 'plain-list', id: 'review-list' }, pending.map((a) => h('li', null,
            h('button', {
                type: 'button', class: 'button button-quiet', dataset: { appointmentId: a.id },
                'aria-controls': 'review-detail',
                onclick: () => openItem(a),
            // one child: the button spaces its children apart, which put a gap before the colon
            }, h('span', null, h('span', { dataset: { patientId: a.patientId } }, 'Patient…'),
                `: ${catalog.procedureName(a.procedure)}, ${fmt.dateTime(a.start)}`)))))
        : h('p', { class: 'muted', id: 'review-empty' }, 'Nothing is waiting for review.');

    async function openItem(a) {
        clear(result);
        clear(detail, h('p', { class: 'loading' }, 'Loading the decision…'));
        document.querySelectorAll('#review-list button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.appointmentId === a.id)));
        let d = null;
        try {
            d = await api.get(`/api/appointments/${a.id}/screening`);
        } catch (e) {
            clear(detail, problemNotice(e, 'Could not load the decision'));
            return;
        }
        const [p, obstacles] = await Promise.all([patient(a.patientId).catch(() => null), obstaclesTo(a)]);
        clear(detail, h('section', { class: 'panel', 'aria-labelledby': 'review-item-title' },
            h('h2', { id: 'review-item-title', tabindex: '-1' }, `${p ? fmt.fullName(p) : 'Patient'}: ${catalog.procedureName(a.procedure)}`),
            h('dl', { class: 'facts' },
                h('dt', null, 'When'), h('dd', null, `${fmt.dateTime(a.start)}–${fmt.time(a.end)}`),
                h('dt', null, 'Practitioner'), h('dd', null, catalog.practitionerName(a.practitionerId)),
                h('dt', null, 'Screening'), h('dd', null, statusBadge(d.outcome)),
                d.inputs?.intakeVersion != null ? [h('dt', null, 'Intake version'), h('dd', null, String(d.inputs.intakeVersion))] : null),
            obstacleNotices(obstacles, a, catalog),
            h('h3', null, 'Why it needs review'),
            clinicianReasons(d),
            h('p', null, h('a', { href: `#/appointments/${a.id}` }, 'Open the appointment')),
            h('h3', null, 'Your decision'),
            reviewForm(a, result, (updated) => {
                // confirmed on a closed day or while the practitioner is away: no confirmation goes out until it is moved
                const blocked = updated.status === 'CONFIRMED' && (obstacles.closure || obstacles.away);
                announce(blocked ? 'warn' : 'ok', updated.status === 'CONFIRMED' ? 'Approved: the appointment is confirmed' : 'Denied: the appointment is rejected',
                    `${p ? fmt.fullName(p) : 'The patient'}, ${catalog.procedureName(a.procedure)} on ${fmt.dateTime(a.start)}.`
                    + (blocked ? ` ${obstacles.closure ? 'The clinic is closed that day' : 'The practitioner is away then'}:`
                        + ' the patient gets no confirmation until the front desk moves it.' : ''));
                document.querySelector(`#review-list button[data-appointment-id="${a.id}"]`)?.closest('li')?.remove();
                clear(detail);
                document.getElementById('review-count').textContent = `${document.querySelectorAll('#review-list li').length} waiting`;
                const next = document.querySelector('#review-list button');
                if (next) next.focus();
                else clear(document.getElementById('review-queue'), h('p', { class: 'muted', id: 'review-empty', tabindex: '-1' }, 'Nothing is waiting for review.'));
            })));
        detail.querySelector('h2').focus();
    }

    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, 'Review queue'),
            h('p', { class: 'muted', id: 'review-count' }, `${pending.length} waiting`)),
        h('div', { class: 'grid-2' },
            h('section', { class: 'panel', 'aria-labelledby': 'queue-title' },
                h('h2', { id: 'queue-title' }, 'Waiting for review, soonest first'),
                h('div', { id: 'review-queue' }, list)),
            h('div', null, result, detail)));
    fillPatientNames(main);
    const wanted = params.get('appointment');
    const first = pending.find((a) => a.id === wanted);
    if (first) openItem(first);
}

/** Reasons with the clinician's detail (clinicians only reach this). */
export function clinicianReasons(d) {
    const reasons = d?.reasons || [];
    if (!reasons.length) return h('p', { class: 'muted' }, 'No rule fired.');
    return h('ul', { class: 'reasons' }, reasons.map((r) => h('li', null,
        h('span', { class: 'reason-text' }, r.clinicianMessage || r.frontDeskMessage || fmt.humanize(r.ruleId)),
        h('span', { class: 'small muted' }, ` (${fmt.statusLabel(r.severity)}${r.evidence ? `; evidence: ${r.evidence}` : ''})`))));
}

/** Approve or deny with a reason; `onDone(updatedAppointment)` after the clinic accepted it. */
export function reviewForm(a, result, onDone) {
    const reason = h('textarea', { id: 'review-reason', name: 'reason', maxlength: '2000', 'aria-describedby': 'review-reason-hint review-reason-error' });
    const submit = h('button', { type: 'submit', class: 'button', id: 'review-submit' }, 'Record decision');
    const option = (value, label) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'decision', value, id: `review-${value.toLowerCase()}` }), label);
    const form = h('form', { id: 'review-form', novalidate: true, 'aria-label': 'Review decision' },
        h('fieldset', { id: 'review-decision', 'aria-describedby': 'review-decision-error' },
            h('legend', null, 'Decision'),
            h('div', { class: 'choice-row' }, option('APPROVE', 'Approve: confirm the appointment'), option('DENY', 'Deny: reject the appointment')),
            h('span', { class: 'field-error', id: 'review-decision-error' })),
        h('div', { class: 'field' },
            h('label', { for: 'review-reason' }, 'Reason'),
            h('span', { class: 'hint', id: 'review-reason-hint' }, 'Recorded with the decision for the audit trail.'),
            reason,
            h('span', { class: 'field-error', id: 'review-reason-error' })),
        h('div', { class: 'button-row' }, submit));
    const fields = { decision: 'review-decision', reason: 'review-reason' };
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        clear(result);
        const decision = new FormData(form).get('decision');
        const missing = {};
        if (!decision) missing.decision = 'Choose approve or deny.';
        if (!reason.value.trim()) missing.reason = 'Give a reason.';
        if (showFieldErrors(form, missing, fields)) return;
        busy(submit, async () => {
            try {
                // name the decision read, so a verdict never lands on one that replaced it meanwhile
                const updated = await api.post(`/api/appointments/${a.id}/review`,
                    { decision, reason: reason.value.trim(), decisionId: a.screening?.decisionId });
                onDone(updated);
            } catch (e) {
                if (e.kind === 'decision-replaced') {
                    // the verdict was for a decision read before a move or a re-screen: the current one is read first
                    clear(result, notice('warn', 'Not recorded: the appointment was moved or screened again meanwhile',
                        'Your verdict was for the earlier decision, so nothing was changed. Read the current decision before deciding.',
                        h('button', { type: 'button', class: 'button button-secondary', id: 'review-current', onclick: () => go(`#/appointments/${a.id}`) },
                            'Show the current decision')));
                    return;
                }
                const shown = showFieldErrors(form, e.fieldErrors, fields);
                clear(result, e.status === 503
                    ? notice('error', 'Not recorded: screening is unavailable', 'Nothing changed. Try again in a moment.')
                    : problemNotice(e, shown ? 'Please correct the marked fields' : 'The review was not recorded'));
            }
        });
    });
    return form;
}
