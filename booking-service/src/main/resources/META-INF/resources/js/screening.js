// Shows a screening decision to the front desk: outcome, safe reasons, and the earliest eligible date.

import { h } from './dom.js';
import { statusBadge } from './ui.js';
import * as fmt from './format.js';

const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The reasons list: front-desk-safe messages only (clinical detail is for clinicians, elsewhere). */
export function reasonList(decision) {
    const reasons = (decision?.reasons || []).filter((r) => r.frontDeskMessage || r.ruleId);
    if (!reasons.length) return null;
    return h('ul', { class: 'reasons' }, reasons.map((r) => h('li', null, sentence(r.frontDeskMessage || fmt.humanize(r.ruleId)))));
}

/**
 * A refused booking (422 with a decision): why, and what to do. `onEarliest(day)` is offered as
 * one button when screening names the earliest eligible start.
 */
export function refusal(decision, { patientId, onEarliest, verb = 'booked' }) {
    const outcome = decision?.outcome;
    const earliest = decision?.earliestEligibleStart;
    const earliestDay = earliest ? fmt.clinicDay(earliest) : null;
    const title = outcome === 'NEEDS_INTAKE'
        ? `Not ${verb}: the patient needs a current intake first`
        : `Not ${verb}: screening blocked this date`;
    return h('div', { class: 'notice notice-error', id: 'screening-refusal' },
        h('p', { class: 'notice-title' }, title, ' ', statusBadge(outcome || 'BLOCKED')),
        reasonList(decision),
        earliestDay ? h('p', { id: 'earliest-eligible' }, 'Earliest eligible date: ', h('strong', null, fmt.longDay(earliestDay))) : null,
        h('div', { class: 'button-row' },
            earliestDay && onEarliest ? h('button', {
                type: 'button', class: 'button', id: 'book-earliest', onclick: () => onEarliest(earliestDay),
            }, `Show free slots from ${fmt.shortDay(earliestDay)}`) : null,
            outcome === 'NEEDS_INTAKE' && patientId ? h('a', { class: 'button', href: `#/patients/${patientId}/intake`, id: 'go-intake' }, 'Record the intake') : null));
}
