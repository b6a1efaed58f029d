// The free-time picker for booking and moving: one practitioner at a time (another practitioner is
// a deliberate choice), a row of days that says for each why it has no times for this patient (the
// screening outlook: interval or contraindication category, the earliest eligible day, one click to
// it), then that day's free times. Moving asks with the appointment's id, so it does not count
// against itself.

import { api } from './api.js';
import { h, clear } from './dom.js';
import * as fmt from './format.js';
import { timeOffOn } from './calendar-data.js';
import { whileShown } from './live.js';
import { arrowKeys } from './roving.js';

/** What each front-desk category means, in words that let the front desk act. */
export const CATEGORY_TEXT = {
    PROCEDURE_INTERVAL: 'too close to another treatment of this patient (minimum interval between treatments)',
    MEDICATION_HISTORY: 'medication history',
    SKIN_CONDITION: 'skin condition in the treatment area',
    SCARRING_HISTORY: 'scarring history',
    MEDICAL_HISTORY: 'medical history',
    INTAKE_NEEDED: 'no current intake questionnaire',
    CLINICIAN_CONFIRMATION: 'a clinician must confirm',
};

const categoryText = (categories) => (categories || []).map((c) => CATEGORY_TEXT[c] || fmt.humanize(c)).join('; ');

/**
 * options: {catalog, procedure, patientId, appointmentId (when moving), practitionerId, onlyEligible, from, days,
 * onSelect(slot|null), onPractitionerChange(id), isCurrent() (its screen is shown: then it follows time off and
 * closures live)}. Returns {element, load(overrides), selected(), selectFirstOn(day),
 * practitionerSelect}.
 */
export function slotPicker(options) {
    const active = options.catalog.practitioners.filter((p) => p.active !== false);
    const state = { days: 14, ...options, practitionerId: options.practitionerId || active[0]?.id, byDay: new Map(),
        outlook: [], closures: [], timeOff: [], day: null, selected: null, count: 0 };
    const originalPractitioner = state.practitionerId;
    const practitioner = h('select', { id: 'slot-practitioner', 'aria-describedby': 'slot-practitioner-hint' },
        active.map((p) => h('option', { value: p.id }, p.name)));
    practitioner.value = state.practitionerId;
    const practitionerNote = h('span', { class: 'hint', id: 'slot-practitioner-hint' },
        options.appointmentId ? 'The appointment stays with this practitioner unless you choose another.' : 'Free times of one practitioner at a time.');
    practitioner.addEventListener('change', () => {
        const changed = options.appointmentId && practitioner.value !== originalPractitioner;
        practitionerNote.textContent = changed
            ? `Moving to ${options.catalog.practitionerName(practitioner.value)} instead of ${options.catalog.practitionerName(originalPractitioner)}: tell the patient.`
            : practitionerNote.dataset.original;
        practitionerNote.classList.toggle('hint-warn', Boolean(changed));
        options.onPractitionerChange?.(practitioner.value);
        load({ practitionerId: practitioner.value });
    });
    practitionerNote.dataset.original = practitionerNote.textContent;
    const status = h('p', { class: 'muted', id: 'slot-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
    const dayRow = h('div', { class: 'slot-list day-row', role: 'group', 'aria-label': 'Days', id: 'slot-days' });
    const times = h('div', { id: 'slot-times' });
    const element = h('div', { class: 'slot-days' },
        h('div', { class: 'field' }, h('label', { for: 'slot-practitioner' }, 'Practitioner'), practitionerNote, practitioner),
        status, dayRow, times);

    let loads = 0;

    async function load(overrides = {}) {
        Object.assign(state, overrides);
        practitioner.value = state.practitionerId;
        const mine = ++loads;
        state.selected = null;
        state.onSelect?.(null);
        clear(dayRow);
        clear(times);
        status.textContent = 'Looking for free times…';
        const to = fmt.addDays(state.from, state.days - 1);
        const who = state.appointmentId ? { appointmentId: state.appointmentId } : { patientId: state.patientId };
        let slots;
        let outlook;
        let closures;
        let timeOff;
        try {
            [slots, outlook, closures, timeOff] = await Promise.all([
                api.get('/api/availability', {
                    procedure: state.procedure, from: state.from, to, practitionerId: state.practitionerId,
                    patientId: state.onlyEligible && !state.appointmentId ? state.patientId : null,
                    appointmentId: state.appointmentId || null,
                }),
                who.appointmentId || who.patientId
                    ? api.get('/api/availability/outlook', { procedure: state.procedure, from: state.from, to, ...who })
                        .then((o) => o.days).catch(() => [])
                    : Promise.resolve([]),
                api.get('/api/closures', { from: state.from, to }),
                // only to say why a day has no times; the free times already leave it out
                api.get(`/api/catalog/practitioners/${state.practitionerId}/time-off`).catch(() => []),
            ]);
        } catch (e) {
            if (mine !== loads) return [];
            status.textContent = `Free times could not be loaded: ${e.problem?.detail || e.message}`;
            throw e;
        }
        if (mine !== loads) return [];
        state.outlook = outlook;
        state.closures = closures;
        state.timeOff = timeOff;
        state.byDay = new Map();
        const seen = new Set();
        slots.forEach((s) => {
            // one choice per start; the room of the first free one is booked with it
            if (seen.has(s.start)) return;
            seen.add(s.start);
            const day = fmt.clinicDay(s.start);
            if (!state.byDay.has(day)) state.byDay.set(day, []);
            state.byDay.get(day).push(s);
        });
        // for one patient, only the days screening lets them have count: a free slot on a day that needs an intake is not one
        const forPatient = state.onlyEligible && state.patientId;
        state.count = forPatient
            ? [...state.byDay].filter(([day]) => bookable(outlookOn(day))).reduce((n, [, list]) => n + list.length, 0)
            : seen.size;
        const range = `${fmt.shortDay(state.from)} to ${fmt.shortDay(to)}`;
        const name = state.catalog.practitionerName(state.practitionerId);
        status.textContent = state.count
            ? `${state.count} free slots from ${range} with ${name}${forPatient ? ' that this patient can have' : ''}.`
            : seen.size || (forPatient && state.outlook.some((run) => !bookable(run)))
                ? `No times from ${range} with ${name} that this patient can have: each day says why.`
                : `No free times from ${range} with ${name}. Try later dates or another practitioner.`;
        renderDays(to);
        const firstDay = [...state.byDay.keys()].find((d) => bookable(outlookOn(d)));
        if (firstDay) showDay(firstDay);
        return slots;
    }

    const outlookOn = (day) => state.outlook.find((run) => run.first <= day && day <= run.last) || null;
    const closureOn = (day) => state.closures.find((c) => c.firstDay <= day && day <= c.lastDay) || null;
    const awayOn = (day) => timeOffOn(state.timeOff, day, state.practitionerId);
    const bookable = (run) => !run || run.outcome === 'CLEARED' || run.outcome === 'NEEDS_REVIEW';

    function renderDays(to) {
        const buttons = [];
        for (let day = state.from; day <= to; day = fmt.addDays(day, 1)) {
            const free = state.byDay.get(day) || [];
            const run = outlookOn(day);
            const closed = closureOn(day);
            const away = awayOn(day).length > 0;
            let note;
            if (closed) note = 'Clinic closed';
            else if (away && !free.length) note = 'Practitioner away';
            else if (!bookable(run)) note = run.outcome === 'NEEDS_INTAKE' ? 'Intake needed' : 'Not for this patient';
            else if (free.length) note = `${free.length} free`;
            else note = 'No free times';
            const explain = !closed && !bookable(run);
            buttons.push(h('button', {
                type: 'button', class: `slot day${explain ? ' day-blocked' : ''}`, 'aria-pressed': String(day === state.day),
                disabled: !free.length && !explain && !closed && !away ? true : null,
                dataset: { day, ...(free.length ? { free: String(free.length) } : {}), ...(explain ? { blocked: run.outcome } : {}) },
                onclick: () => showDay(day, true),
            }, fmt.shortDay(day), h('small', null, note)));
        }
        clear(dayRow, buttons);
        arrowKeys(dayRow, 'button');
    }

    function showDay(day, focusFirst = false) {
        state.day = day;
        state.selected = null;
        state.onSelect?.(null);
        dayRow.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.day === day)));
        arrowKeys(dayRow, 'button');
        const list = state.byDay.get(day) || [];
        const run = outlookOn(day);
        const closed = closureOn(day);
        const parts = [h('h3', { id: 'slot-day-title', tabindex: '-1' }, `${fmt.longDay(day)}`)];
        if (closed) {
            parts.push(h('p', { class: 'notice notice-warn', id: 'slot-day-reason' }, `The clinic is closed: ${closed.reason}.`));
        } else if (!bookable(run)) {
            parts.push(dayRefusal(run));
        } else if (run?.outcome === 'NEEDS_REVIEW') {
            parts.push(h('p', { class: 'notice notice-warn', id: 'slot-day-reason' },
                `A booking on this day waits for a clinician's review (${categoryText(run.categories)}); the time is held meanwhile.`));
        }
        const away = closed ? [] : awayOn(day);
        if (away.length) {
            const name = state.catalog.practitionerName(state.practitionerId);
            parts.push(h('p', { class: 'notice notice-warn', id: 'slot-day-away' }, away.map((t) =>
                `${name} is away: ${fmt.period(t.start, t.end)}${t.reason ? ` (${t.reason})` : ''}.`).join(' ')));
        }
        // times on a day screening would refuse are shown only when the desk asked for every time
        if (list.length && (bookable(run) || !state.onlyEligible)) {
            parts.push(h('ul', { class: 'slot-times', 'aria-labelledby': 'slot-day-title' }, list.map((s) => h('li', null, h('button', {
                type: 'button', class: 'slot', 'aria-pressed': 'false', dataset: { start: s.start },
                onclick: (event) => select(s, event.currentTarget),
            }, fmt.time(s.start), h('small', null, state.catalog.roomName(s.roomId)))))));
        } else if (!closed && bookable(run) && !away.length) {
            parts.push(h('p', { class: 'muted' }, 'No free times on this day.'));
        }
        clear(times, parts);
        const timeList = times.querySelector('ul');
        if (timeList) arrowKeys(timeList, 'button');
        if (focusFirst) (times.querySelector('ul button') || times.querySelector('#slot-earliest') || times.querySelector('#go-intake') || times.querySelector('h3')).focus();
    }

    function dayRefusal(run) {
        const earliest = run.earliestEligibleDay;
        return h('div', { class: 'notice notice-error', id: 'slot-day-reason' },
            h('p', { class: 'notice-title' }, run.outcome === 'NEEDS_INTAKE'
                ? 'No times for this patient on this day: an up-to-date intake is needed first'
                : 'No times for this patient on this day'),
            h('p', null, `Why: ${categoryText(run.categories)}.`),
            earliest
                ? h('p', null, 'Earliest eligible date: ', h('strong', { id: 'slot-earliest-date' }, fmt.longDay(earliest)), ' ',
                    h('button', { type: 'button', class: 'button', id: 'slot-earliest', onclick: () => jumpTo(earliest) },
                        `Show free times from ${fmt.shortDay(earliest)}`))
                : h('p', null, run.outcome === 'NEEDS_INTAKE'
                    ? ['Record the intake, or send the patient the link to fill it in, then look again. ',
                        state.patientId ? h('a', { class: 'button', href: `#/patients/${state.patientId}/intake`, id: 'go-intake' }, 'Record the intake') : null]
                    : 'No date within two years clears screening: time alone does not lift this. Record a new intake once the reason has cleared.'));
    }

    async function jumpTo(day) {
        await load({ from: day }).catch(() => {});
        if (selectFirstOn(day)) times.querySelector('ul button[aria-pressed=true]')?.focus();
        else status.focus();
        options.onJump?.(day);
    }

    function select(slot, button) {
        state.selected = slot;
        times.querySelectorAll('ul button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
        if (button) arrowKeys(button.closest('ul'), 'button');
        state.onSelect?.(slot);
    }

    /** Selects the first free time on or after the day (for "book the earliest eligible date instead"). */
    function selectFirstOn(day) {
        const target = [...state.byDay.keys()].find((d) => d >= day && bookable(outlookOn(d)));
        if (!target) return null;
        showDay(target);
        const button = times.querySelector('ul button');
        select(state.byDay.get(target)[0], button);
        return state.selected;
    }

    // time off or a closure added or removed meanwhile (by an admin elsewhere) changes which times are free
    if (options.isCurrent) {
        whileShown(() => options.isCurrent() && element.isConnected, (changes) => {
            if (loads && changes.some((c) => ['time_off', 'clinic_closure', 'resync'].includes(c.table))) load().catch(() => {});
        });
    }

    return { element, load, selected: () => state.selected, selectFirstOn, practitioner: () => state.practitionerId };
}

/** How the slot will read in confirmations: "Mon, 30 Nov 2026, 09:00 with Dr Anna Nowak in Room 1". */
export function describeSlot(slot, catalog) {
    return `${fmt.dateTime(slot.start)} with ${catalog.practitionerName(slot.practitionerId)} in ${catalog.roomName(slot.roomId)}`;
}
