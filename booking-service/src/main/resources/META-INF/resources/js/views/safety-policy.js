// The safety policy's numbers an admin may change (the clinic's own choices: washout and intake
// validity windows, minimum days between treatments, same-day bans that are policy), with the
// version history. What the evidence decides is shown but locked; screening refuses to weaken it.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { reload } from '../nav.js';
import { announce, notice, problemNotice, showFieldErrors, clearFieldErrors, busy } from '../ui.js';
import { confirmAction } from '../confirm.js';
import * as fmt from '../format.js';

const PROCEDURE = { MICRONEEDLING: 'microneedling', MICRODERMABRASION: 'microdermabrasion' };

export async function renderSafetyPolicy(main, { isCurrent }) {
    const [policy, versions] = await Promise.all([api.get('/api/policy'), api.get('/api/policy/versions')]);
    if (!isCurrent()) return;
    const result = h('div', { id: 'policy-result', role: 'alert' });
    // an empty box is sent as null, never as 0 (which Number('') is): screening refuses it, naming the field
    const whole = (input) => (input.value.trim() === '' ? null : Number(input.value));
    const number = (id, value, min, max) => h('input', { type: 'number', id, value: String(value), min: String(min), max: String(max), class: 'narrow', required: true });
    const washout = number('policy-washout', policy.windows.isotretinoinWashoutMonths, 1, 120);
    const validity = number('policy-validity', policy.windows.intakeValidityDays, 1, 3650);
    const rows = policy.intervals.map((cell, i) => {
        const days = number(`policy-interval-${i}`, cell.minimumDays, 0, 3650);
        const locked = Boolean(cell.sameDayEvidence);
        const sameDay = h('input', { type: 'checkbox', id: `policy-sameday-${i}`, checked: cell.sameDayBlocked, disabled: locked && cell.sameDayBlocked });
        return { cell, days, sameDay, row: h('tr', null,
            h('th', { scope: 'row' }, `${fmt.humanize(PROCEDURE[cell.from] || cell.from)} then ${PROCEDURE[cell.to] || cell.to}`),
            h('td', null, h('label', { for: `policy-interval-${i}`, class: 'visually-hidden' }, 'Minimum days'), days,
                h('span', { class: 'field-error', id: `policy-interval-${i}-error` })),
            h('td', null, h('label', { class: 'choice', for: `policy-sameday-${i}` }, sameDay, 'Never on the same day'),
                locked ? h('span', { class: 'small muted' }, ` Evidence-based (${cell.sameDayEvidence}): cannot be switched off.`) : null,
                h('span', { class: 'field-error', id: `policy-sameday-${i}-error` }))) };
    });
    const note = h('textarea', { id: 'policy-note', maxlength: '1000', rows: '2', required: true });
    const submit = h('button', { type: 'submit', class: 'button', id: 'policy-save' }, 'Save as a new version');
    const form = h('form', { id: 'policy-form', novalidate: true, 'aria-labelledby': 'policy-form-title' },
        h('h2', { id: 'policy-form-title' }, 'Numbers the clinic chooses'),
        h('div', { class: 'inline-form' },
            h('div', { class: 'field' }, h('label', { for: 'policy-washout' }, 'Isotretinoin washout (months)'), washout,
                h('span', { class: 'field-error', id: 'policy-washout-error' })),
            h('div', { class: 'field' }, h('label', { for: 'policy-validity' }, 'An intake is valid for (days)'), validity,
                h('span', { class: 'field-error', id: 'policy-validity-error' }))),
        h('div', { class: 'table-wrap' }, h('table', { id: 'policy-intervals' },
            h('caption', null, 'Minimum days between treatments (from the earlier one’s day)'),
            h('thead', null, h('tr', null, ['Order', 'Minimum days', 'Same day'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, rows.map((r) => r.row)))),
        h('div', { class: 'field' }, h('label', { for: 'policy-note' }, 'What changed and why'), note,
            h('span', { class: 'field-error', id: 'policy-note-error' })),
        h('div', { class: 'button-row' }, submit));
    const fieldIds = {
        'windows.isotretinoinWashoutMonths': 'policy-washout', 'windows.intakeValidityDays': 'policy-validity', changeNote: 'policy-note',
    };
    rows.forEach((r, i) => {
        fieldIds[`intervals[${i}].minimumDays`] = `policy-interval-${i}`;
        fieldIds[`intervals[${i}].sameDayBlocked`] = `policy-sameday-${i}`;
    });
    const numberFields = [['windows.isotretinoinWashoutMonths', washout], ['windows.intakeValidityDays', validity],
        ...rows.map((r, i) => [`intervals[${i}].minimumDays`, r.days])];
    /** What the form can tell before asking to confirm (screening checks it all again). */
    const problems = () => {
        const found = {};
        numberFields.forEach(([name, input]) => {
            const value = whole(input);
            if (value === null) found[name] = 'is required';
            else if (!Number.isInteger(value) || value < Number(input.min) || value > Number(input.max)) {
                found[name] = `must be a whole number from ${input.min} to ${input.max}`;
            }
        });
        if (!note.value.trim()) found.changeNote = 'is required';
        return found;
    };
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        clear(result);
        const found = problems();
        if (Object.keys(found).length) {
            showFieldErrors(form, found, fieldIds);
            clear(result, notice('error', 'Please correct the marked fields', 'Nothing was saved.'));
            return;
        }
        busy(submit, async () => {
            const ok = await confirmAction({
                title: 'Save a new policy version?',
                body: 'Every upcoming appointment is screened again under it; some may need a clinician’s review or a new date.',
                confirmLabel: 'Save the new version',
            });
            if (!ok) return;
            try {
                const saved = await api.put('/api/policy', {
                    windows: { isotretinoinWashoutMonths: whole(washout), intakeValidityDays: whole(validity) },
                    intervals: rows.map((r) => ({ from: r.cell.from, to: r.cell.to, minimumDays: whole(r.days), sameDayBlocked: r.sameDay.checked })),
                    changeNote: note.value.trim() || null,
                });
                announce('ok', `Policy version ${saved.version} saved`, 'Screenings from now on use it; upcoming appointments are screened again.');
                reload();
            } catch (e) {
                const shown = showFieldErrors(form, e.fieldErrors, fieldIds);
                clear(result, problemNotice(e, shown ? 'Please correct the marked fields' : 'Not saved'));
            }
        });
    });

    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Safety policy'),
            h('p', { class: 'muted', id: 'policy-version' }, `Version ${policy.version} in force since ${fmt.dateTime(policy.createdAt)}`)),
        h('section', { class: 'panel' }, result, form),
        h('section', { class: 'panel', 'aria-labelledby': 'rules-title' },
            h('h2', { id: 'rules-title' }, 'What the intake answers lead to'),
            h('p', { class: 'small muted' }, 'Set by the clinical evidence, not on this page; they can never be made weaker. To make one stricter, ask the clinic’s system administrator.'),
            h('ul', { class: 'plain-list' }, policy.rules.map((r) => h('li', null, h('strong', null, fmt.humanize(r.id)), `: ${fmt.statusLabel(r.outcome)} for ${r.procedures.map((p) => PROCEDURE[p] || p).join(' and ')}`, h('span', { class: 'small muted' }, ` (${r.evidence})`))))),
        h('section', { class: 'panel', 'aria-labelledby': 'versions-title' },
            h('h2', { id: 'versions-title' }, 'Version history'),
            h('div', { class: 'table-wrap' }, h('table', { id: 'policy-versions' },
                h('caption', { class: 'visually-hidden' }, 'Policy versions, newest first'),
                h('thead', null, h('tr', null, ['Version', 'Since', 'By', 'What changed'].map((t) => h('th', { scope: 'col' }, t)))),
                h('tbody', null, versions.map((v) => h('tr', null,
                    h('td', null, String(v.version), v.active ? h('span', { class: 'small' }, ' (in force)') : null),
                    h('td', null, fmt.dateTime(v.createdAt)), h('td', null, v.createdBy || '—'), h('td', null, v.changeNote || '—'))))))));
}
