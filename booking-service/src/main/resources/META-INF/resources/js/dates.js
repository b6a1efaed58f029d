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

/** A day typed in the clinic's format (or as YYYY-MM-DD) as YYYY-MM-DD; null when it is not a real date. */
export function parseDay(text) {
    const value = (text || '').trim();
    if (!value) return null;
    let y; let m; let d;
    const iso = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (iso) {
        [, y, m, d] = iso;
    } else {
        const order = pattern.split(/\W/);
        const parts = value.split(/[./\-\s]+/);
        if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
        order.forEach((token, i) => {
            if (token === 'yyyy') y = parts[i];
            else if (token === 'MM') m = parts[i];
            else d = parts[i];
        });
        if (!y || y.length !== 4) return null;
    }
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
    return date.toISOString().substring(0, 10);
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
