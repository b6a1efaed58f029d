// Dates as the clinic writes them (e.g. 30.11.2026), shown and typed the same way whatever the
// browser's language: the pattern comes from the clinic (GET /api/clinic), never from the browser.

import { h } from './dom.js';

let pattern = 'dd.MM.yyyy';

/** Uses the clinic's pattern (dd, MM and yyyy with separators) from now on. */
export function useClinicPattern(clinicPattern) {
    if (/^(dd|MM|yyyy)\W(dd|MM|yyyy)\W(dd|MM|yyyy)$/.test(clinicPattern || '')) pattern = clinicPattern;
}

/** What to type, for hints: DD.MM.YYYY. */
export const typedPattern = () => pattern.toUpperCase();

/** A calendar day (YYYY-MM-DD) in the clinic's numeric format. */
export function formatDay(iso) {
    if (!iso) return '—';
    const [y, m, d] = iso.substring(0, 10).split('-');
    return pattern.replace('yyyy', y).replace('MM', m).replace('dd', d);
}

/** The year, month and day of what was typed in the clinic's format (or as YYYY-MM-DD); null when its shape is not a date's. */
function dayParts(value) {
    const iso = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (iso) return { y: iso[1], m: iso[2], d: iso[3] };
    const order = pattern.split(/\W/);
    const parts = value.split(/[./\-\s]+/);
    if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
    const day = {};
    order.forEach((token, i) => {
        if (token === 'yyyy') day.y = parts[i];
        else if (token === 'MM') day.m = parts[i];
        else day.d = parts[i];
    });
    return day.y && day.y.length === 4 ? day : null;
}

/** The parts as YYYY-MM-DD when they name a day of the calendar (not 31.02), else null. */
function calendarDay({ y, m, d }) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
    return date.toISOString().substring(0, 10);
}

/** A day typed in the clinic's format (or as YYYY-MM-DD) as YYYY-MM-DD; null when it is not a real date. */
export function parseDay(text) {
    const value = (text || '').trim();
    const parts = value ? dayParts(value) : null;
    return parts ? calendarDay(parts) : null;
}

/** What is wrong with a typed day, for its field: its shape, or a day the calendar does not have; null when fine or empty. */
export function dayProblem(text) {
    const value = (text || '').trim();
    if (!value) return null;
    const parts = dayParts(value);
    if (!parts) return `is not a date: write it as ${typedPattern()}`;
    return calendarDay(parts) ? null : `there is no such day in the calendar (${value})`;
}

/**
 * A text input for a day in the clinic's format. Its `day` property is the day as YYYY-MM-DD
 * (null when empty, undefined when what was typed is not a date); what is typed is rewritten in
 * the clinic's format when the field is left.
 */
export function dayInput(attrs = {}) {
    const { value, ...rest } = attrs;
    const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '10', size: '11',
        spellcheck: 'false', placeholder: typedPattern(), ...rest });
    if (value) input.value = formatDay(value);
    Object.defineProperty(input, 'day', {
        get() {
            if (!input.value.trim()) return null;
            return parseDay(input.value) || undefined;
        },
        set(iso) {
            input.value = iso ? formatDay(iso) : '';
        },
    });
    input.addEventListener('change', () => {
        const day = parseDay(input.value);
        if (day) {
            input.value = formatDay(day);
            input.removeAttribute('aria-invalid');
        } else if (input.value.trim()) {
            input.setAttribute('aria-invalid', 'true');
        }
    });
    return input;
}

/** The hint every day field shows. */
export const dayHint = (extra) => `${typedPattern()}${extra ? `. ${extra}` : ''}`;
