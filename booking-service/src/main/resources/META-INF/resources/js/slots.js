// Free-slot picker shared by booking and rescheduling: a row of days, then the free times of the chosen day.

import { api } from './api.js';
import { h, clear } from './dom.js';
import * as fmt from './format.js';

/**
 * options: {procedure, patientId, appointmentId (when moving one), practitionerId, onlyEligible, from, days, catalog, onSelect}.
 * Returns {element, load(overrides), selected(), selectFirstOn(day)}.
 */
export function slotPicker(options) {
    const state = { ...options, days: options.days || 7, slots: [], byDay: new Map(), day: null, selected: null };
    const status = h('p', { class: 'muted', id: 'slot-status', role: 'status', 'aria-live': 'polite' });
    const dayRow = h('div', { class: 'slot-list', role: 'group', 'aria-label': 'Days with free slots', id: 'slot-days' });
    const times = h('div', { id: 'slot-times' });
    const element = h('div', { class: 'slot-days' }, status, dayRow, times);

    let loads = 0;

    async function load(overrides = {}) {
        Object.assign(state, overrides);
        // a newer search wins even when an older answer arrives after it
        const mine = ++loads;
        state.selected = null;
        state.onSelect?.(null);
        clear(dayRow);
        clear(times);
        status.textContent = 'Looking for free slots…';
        const to = fmt.addDays(state.from, state.days - 1);
        let slots;
        try {
            slots = await api.get('/api/availability', {
                procedure: state.procedure,
                from: state.from,
                to,
                practitionerId: state.practitionerId,
                patientId: state.onlyEligible && !state.appointmentId ? state.patientId : null,
                // moving an appointment: it does not count against itself (its time, its own intervals)
                appointmentId: state.appointmentId || null,
            });
        } catch (e) {
            if (mine !== loads) return state.slots;
            status.textContent = `Free slots could not be loaded: ${e.problem?.detail || e.message}`;
            throw e;
        }
        if (mine !== loads) return state.slots;
        // one choice per start and practitioner; the room of the first free one is booked with it
        const seen = new Set();
        state.slots = slots.filter((s) => {
            const key = `${s.start}|${s.practitionerId}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
        state.byDay = new Map();
        state.slots.forEach((s) => {
            const day = fmt.clinicDay(s.start);
            if (!state.byDay.has(day)) state.byDay.set(day, []);
            state.byDay.get(day).push(s);
        });
        const range = `${fmt.shortDay(state.from)} to ${fmt.shortDay(to)}`;
        status.textContent = state.slots.length
            ? `${state.slots.length} free slots from ${range}${state.onlyEligible && state.patientId ? ' that this patient can have' : ''}.`
            : `No free slots from ${range}. Try later dates.`;
        renderDays();
        const firstDay = [...state.byDay.keys()][0];
        if (firstDay) showDay(firstDay);
        return state.slots;
    }

    function renderDays() {
        clear(dayRow, [...state.byDay.entries()].map(([day, list]) => h('button', {
            type: 'button', class: 'slot', 'aria-pressed': String(day === state.day), dataset: { day },
            onclick: () => showDay(day, true),
        }, fmt.shortDay(day), h('small', null, `${list.length} free`))));
    }

    function showDay(day, focusFirst = false) {
        state.day = day;
        dayRow.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.day === day)));
        const list = state.byDay.get(day) || [];
        clear(times, h('h3', { id: 'slot-day-title' }, `Free times on ${fmt.longDay(day)}`),
            h('ul', { class: 'slot-times', 'aria-labelledby': 'slot-day-title' }, list.map((s) => h('li', null, h('button', {
                type: 'button', class: 'slot', 'aria-pressed': String(state.selected === s), dataset: { start: s.start },
                onclick: (event) => select(s, event.currentTarget),
            }, fmt.time(s.start), h('small', null, `${state.catalog.practitionerName(s.practitionerId)} · ${state.catalog.roomName(s.roomId)}`))))));
        if (focusFirst) times.querySelector('button')?.focus();
    }

    function select(slot, button) {
        state.selected = slot;
        times.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
        state.onSelect?.(slot);
    }

    /** Selects the first free slot on or after the day (for "book the earliest eligible date instead"). */
    function selectFirstOn(day) {
        const target = [...state.byDay.keys()].find((d) => d >= day);
        if (!target) return null;
        showDay(target);
        const button = times.querySelector('button');
        select(state.byDay.get(target)[0], button);
        return state.selected;
    }

    return { element, load, selected: () => state.selected, selectFirstOn };
}

/** How the slot will read in confirmations: "Mon, 30 Nov 2026, 09:00 with Dr Anna Nowak in Room 1". */
export function describeSlot(slot, catalog) {
    return `${fmt.dateTime(slot.start)} with ${catalog.practitionerName(slot.practitionerId)} in ${catalog.roomName(slot.roomId)}`;
}
