// Shared pieces of the screens: announcements, problem notices, status badges, field errors.

import { h, clear } from './dom.js';
import { statusLabel } from './format.js';

const flash = () => document.getElementById('flash');

/** Shows (and has screen readers read) the result of the last action at the top of the page. */
export function announce(kind, title, detail) {
    clear(flash(), notice(kind, title, detail));
}

export function clearAnnouncement() {
    clear(flash());
}

export function notice(kind, title, ...body) {
    return h('div', { class: `notice notice-${kind}` },
        title ? h('p', { class: 'notice-title' }, title) : null,
        ...body.filter((b) => b !== undefined && b !== null && b !== '').map((b) => (typeof b === 'string' ? h('p', null, b) : b)));
}

/**
 * A plain-language notice for a failed call. Field errors are listed under the words on screen for
 * each field: `labelOf` finds them (by default the label of the field {@link showFieldErrors} marked).
 */
export function problemNotice(error, what = 'That did not work', labelOf = fieldLabel) {
    const p = error.problem || {};
    let advice = null;
    if (error.status === 503) {
        advice = `Nothing was changed. Please try again${error.retryAfter ? ` in ${error.retryAfter} seconds` : ' in a moment'}.`;
    } else if (error.status === 409) {
        advice = 'Nothing was changed. Reload to see the current state.';
    } else if (error.status === 403) {
        advice = 'Your role may not do this.';
    }
    const fieldErrors = (p.errors || []).map((e) => {
        const label = labelOf(e.field);
        return h('li', null, label ? `${label}: ${e.message}` : e.message);
    });
    if (fieldErrors.length && (error.status === 400 || !p.detail)) {
        // invalid input: the field list says it all, the detail repeats it; a refusal's detail says more (who, when, why)
        return notice('error', what, h('ul', null, fieldErrors), advice);
    }
    return notice('error', `${what}: ${p.title || 'error'}`,
        p.detail || (error.status === 0 ? error.message : ''),
        advice);
}

/**
 * Why a booking or a move lost to the calendar (409: a time taken; 422: a closure, time off or change
 * of hours made meanwhile), in the desk's words, or null for any other refusal. `verb` is "booked" or
 * "moved"; nothing was changed either way, and the caller refreshes the free times.
 */
export function scheduleConflictNotice(error, verb) {
    if (['practitioner-away', 'clinic-closed', 'outside-working-hours'].includes(error.kind)) {
        // the time was made unbookable after the picker showed it: the refusal says by what
        return notice('error', `Not ${verb}: ${error.problem.detail}`,
            `Nothing was ${verb}. The free times were refreshed; please choose another.`);
    }
    const advice = {
        'slot-taken': ['that time was just taken', 'The free times were refreshed; please choose another.'],
        'patient-already-booked': ['the patient already has an appointment at that time',
            'A patient is in one place at a time: choose a time when they are free (with “Only show times this patient can have” ticked, the picker offers only those).'],
        'patient-schedule-busy': ['the patient’s appointments changed at the same moment', 'Please try again.'],
    }[error.kind];
    return advice ? notice('error', `Not ${verb}: ${advice[0]}`, `Nothing was ${verb}. ${advice[1]}`) : null;
}

/** The words on screen for an API field that {@link showFieldErrors} marked (its label or legend), else null. */
function fieldLabel(field) {
    const control = document.querySelector(`[data-api-field="${CSS.escape(field)}"]`);
    const label = control && (document.querySelector(`label[for="${CSS.escape(control.id)}"]`) || control.querySelector('legend'));
    return label ? label.textContent.trim() : null;
}

export function statusBadge(code) {
    return h('span', { class: `status status-${code}` }, statusLabel(code));
}

/**
 * Shows the API's field errors next to their fields. `fields` maps API field names to input
 * ids; the message goes into `<id>-error` and the input is marked invalid. Returns the count shown.
 */
export function showFieldErrors(form, errors, fields) {
    clearFieldErrors(form);
    let shown = 0;
    let first = null;
    Object.entries(errors).forEach(([field, message]) => {
        const id = fields[field];
        const target = id && form.querySelector(`#${id}`);
        const slot = id && form.querySelector(`#${id}-error`);
        if (!target || !slot) return;
        slot.textContent = message;
        target.setAttribute('aria-invalid', 'true');
        target.dataset.apiField = field;
        shown += 1;
        if (!first) first = target;
    });
    if (first) {
        const focusable = first.matches('fieldset') ? first.querySelector('input') : first;
        focusable?.focus();
    }
    return shown;
}

export function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    form.querySelectorAll('[data-api-field]').forEach((el) => el.removeAttribute('data-api-field'));
}

/** A labelled field: label, optional hint, the control, and its error slot, wired with aria-describedby. */
export function field(id, label, control, hint) {
    const hintId = hint ? `${id}-hint` : null;
    control.id = id;
    control.setAttribute('aria-describedby', [hintId, `${id}-error`].filter(Boolean).join(' '));
    return h('div', { class: 'field' },
        h('label', { for: id }, label),
        hint ? h('span', { class: 'hint', id: hintId }, hint) : null,
        control,
        h('span', { class: 'field-error', id: `${id}-error` }));
}

/** Moves focus to the page heading after a screen change, so keyboard and screen-reader users start there. */
export function focusHeading(root) {
    const heading = root.querySelector('h1');
    if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
    }
}

/**
 * Disables a button while its action runs, so one click is one action. `enabledAfter` says whether it
 * may be clicked again (e.g. not once the slot it books is gone); by default it may.
 */
export async function busy(button, action, { enabledAfter = () => true } = {}) {
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
        return await action();
    } finally {
        button.disabled = !enabledAfter();
        button.removeAttribute('aria-busy');
        button.textContent = label;
    }
}
