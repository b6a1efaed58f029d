// Day and week calendars by practitioner or by room, in the clinic's time zone: who is coming at a
// glance (name, procedure, status on every card), filtered by practitioner and room, one request
// per screen, updated live when appointments, time off or closures change, and printable.

import { h, clear } from '../dom.js';
import { loadCatalog, patient } from '../session.js';
import { go } from '../nav.js';
import { statusBadge, problemNotice } from '../ui.js';
import { readCalendar, awayDuring, timeOffOn } from '../calendar-data.js';
import { whileShown } from '../live.js';
import { dayInput, dayHint } from '../dates.js';
import * as fmt from '../format.js';

const HIDDEN_BY_DEFAULT = ['CANCELLED', 'REJECTED'];
const HOUR_HEIGHT = 104;

function hashFor(state) {
    const q = new URLSearchParams({ view: state.view, by: state.by, date: state.date });
    if (state.showInactive) q.set('all', '1');
    if (state.practitionerId) q.set('practitioner', state.practitionerId);
    if (state.roomId) q.set('room', state.roomId);
    return `#/calendar?${q}`;
}

export async function renderCalendar(main, { params, isCurrent }) {
    const state = {
        view: params.get('view') === 'week' ? 'week' : 'day',
        by: params.get('by') === 'room' ? 'room' : 'practitioner',
        date: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : fmt.today(),
        showInactive: params.get('all') === '1',
        practitionerId: params.get('practitioner') || '',
        roomId: params.get('room') || '',
    };
    const catalog = await loadCatalog();
    const first = state.view === 'week' ? fmt.mondayOf(state.date) : state.date;
    const last = state.view === 'week' ? fmt.addDays(first, 6) : state.date;
    const step = state.view === 'week' ? 7 : 1;
    const unit = state.view === 'week' ? 'week' : 'day';
    const title = state.view === 'week' ? `Week of ${fmt.longDay(first)}` : fmt.longDay(first);

    const segmented = (label, key, options) => h('div', { class: 'field' },
        h('span', { class: 'label', id: `cal-${key}-label` }, label),
        h('div', { class: 'segmented', role: 'group', 'aria-labelledby': `cal-${key}-label` },
            options.map(([value, text]) => h('button', {
                type: 'button', 'aria-pressed': String(state[key] === value), id: `cal-${key}-${value}`,
                onclick: () => go(hashFor({ ...state, [key]: value })),
            }, text))));
    const select = (id, label, key, items, allLabel) => {
        const control = h('select', { id }, h('option', { value: '' }, allLabel),
            items.map((x) => h('option', { value: x.id }, x.name)));
        control.value = state[key];
        control.addEventListener('change', () => go(hashFor({ ...state, [key]: control.value })));
        return h('div', { class: 'field' }, h('label', { for: id }, label), control);
    };

    const dateInput = dayInput({ id: 'cal-date', value: state.date, 'aria-describedby': 'cal-date-hint' });
    const dateForm = h('form', { class: 'date-jump', 'aria-label': 'Go to a date' },
        h('div', { class: 'field' }, h('label', { for: 'cal-date' }, 'Date'),
            h('span', { class: 'hint', id: 'cal-date-hint' }, dayHint()), dateInput),
        h('button', { type: 'submit', class: 'button button-quiet', id: 'cal-go' }, 'Go'));
    dateForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const day = dateInput.day;
        if (day) go(hashFor({ ...state, date: day }));
        else dateInput.setAttribute('aria-invalid', 'true');
    });
    // a date set by a script or a picker (change without submit) is taken at once, like a typed Enter
    dateInput.addEventListener('change', () => {
        const day = dateInput.day;
        if (day && day !== state.date) go(hashFor({ ...state, date: day }));
    });
    const inactive = h('input', { type: 'checkbox', id: 'cal-inactive', checked: state.showInactive });
    inactive.addEventListener('change', () => go(hashFor({ ...state, showInactive: inactive.checked })));

    const controls = h('div', { class: 'calendar-controls no-print' },
        segmented('View', 'view', [['day', 'Day'], ['week', 'Week']]),
        segmented('Columns', 'by', [['practitioner', 'Practitioner'], ['room', 'Room']]),
        select('cal-practitioner', 'Practitioner', 'practitionerId', catalog.practitioners.filter((p) => p.active !== false), 'All practitioners'),
        select('cal-room', 'Room', 'roomId', catalog.rooms.filter((r) => r.active !== false), 'All rooms'),
        dateForm,
        h('div', { class: 'date-nav', role: 'group', 'aria-label': `Move by ${unit}` },
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.addDays(state.date, -step) })) },
                h('span', { 'aria-hidden': 'true' }, '‹ '), `Previous ${unit}`),
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.today() })) }, 'Today'),
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.addDays(state.date, step) })) },
                `Next ${unit}`, h('span', { 'aria-hidden': 'true' }, ' ›'))),
        h('label', { class: 'choice', for: 'cal-inactive' }, inactive, 'Show cancelled and rejected'),
        h('button', { type: 'button', class: 'button button-secondary', id: 'cal-print', onclick: () => window.print() }, 'Print'));

    const summary = h('p', { class: 'muted', id: 'cal-summary', 'aria-live': 'polite' }, `${title} · by ${state.by}`);
    const body = h('div', { id: 'cal-body' }, h('p', { class: 'loading' }, 'Loading…'));
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Calendar'), summary),
        controls,
        h('section', { 'aria-labelledby': 'cal-title' },
            h('h2', { class: 'calendar-title', id: 'cal-title' }, title,
                state.practitionerId ? ` · ${catalog.practitionerName(state.practitionerId)}` : '',
                state.roomId ? ` · ${catalog.roomName(state.roomId)}` : ''),
            body));

    async function draw() {
        let data;
        try {
            data = await readCalendar(first, last, { practitionerId: state.practitionerId || null, roomId: state.roomId || null });
        } catch (e) {
            if (isCurrent()) clear(body, problemNotice(e, 'The calendar could not be loaded'));
            return;
        }
        if (!isCurrent()) return;
        const visible = data.appointments.filter((a) => state.showInactive || !HIDDEN_BY_DEFAULT.includes(a.status));
        // a practitioner or room out of use keeps a column while appointments in view still name it:
        // every appointment on the calendar is drawn somewhere
        const key = state.by === 'room' ? 'roomId' : 'practitionerId';
        const named = new Set(visible.map((a) => a[key]));
        let resources = (state.by === 'room' ? catalog.rooms : catalog.practitioners)
            .filter((r) => r.active !== false || named.has(r.id)).map((r) => ({ id: r.id, name: r.name, key }));
        if (state.practitionerId && state.by === 'practitioner') resources = resources.filter((r) => r.id === state.practitionerId);
        if (state.roomId && state.by === 'room') resources = resources.filter((r) => r.id === state.roomId);
        const focusedId = document.activeElement?.closest?.('[data-appointment-id]')?.dataset.appointmentId;
        summary.textContent = `${title} · by ${state.by} · ${visible.length} appointment${visible.length === 1 ? '' : 's'}`;
        clear(body,
            closureNotices(data, first, last),
            state.view === 'week'
                ? weekTable(first, resources, visible, catalog, data, state)
                : dayGrid(resources, visible, catalog, data, state.date, state.by));
        if (focusedId) body.querySelector(`[data-appointment-id="${focusedId}"]`)?.focus();
    }

    await draw();
    // a day opens where its appointments are (or now, today), not at eight in the morning
    if (state.view === 'day' && isCurrent()) {
        const cards = [...body.querySelectorAll('.appt')];
        const now = new Date();
        const target = cards.find((c) => new Date(c.dataset.end) >= now) || cards[0];
        // after the screen change has put focus on the heading (which scrolls to the top)
        setTimeout(() => { if (isCurrent()) target?.scrollIntoView({ block: 'center', inline: 'nearest' }); }, 0);
    }
    // another desk's booking, a check-in or a closure shows up here without a reload
    whileShown(isCurrent, () => draw());
}

function closureNotices(data, first, last) {
    if (!data.closures.length) return null;
    return h('div', { class: 'notice notice-warn', id: 'cal-closures' },
        h('p', { class: 'notice-title' }, 'Clinic closed'),
        h('ul', null, data.closures.map((c) => {
            // appointments booked before the closure stay until the desk moves or cancels them with the patient
            const booked = data.appointments.filter((a) => fmt.STILL_TO_HAPPEN.includes(a.status)
                && c.firstDay <= fmt.clinicDay(a.start) && fmt.clinicDay(a.start) <= c.lastDay).length;
            return h('li', null,
                c.firstDay === c.lastDay ? fmt.longDay(c.firstDay) : `${fmt.longDay(c.firstDay < first ? first : c.firstDay)} to ${fmt.longDay(c.lastDay > last ? last : c.lastDay)}`,
                `: ${c.reason}. No times are offered.`,
                booked ? h('strong', null, ` ${booked === 1 ? 'One appointment is' : `${booked} appointments are`} still booked then: move or cancel ${booked === 1 ? 'it' : 'them'} with the patient.`) : null);
        })));
}

/** One appointment: name first, then status and procedure, then the time and the other resource. */
function appointmentCard(a, catalog, data, by, style) {
    const other = by === 'room' ? catalog.practitionerName(a.practitionerId) : catalog.roomName(a.roomId);
    const name = data.nameOf(a.patientId);
    const when = `${fmt.time(a.start)}–${fmt.time(a.end)}`;
    const what = catalog.procedureName(a.procedure);
    return h('a', {
        class: `appt appt-${a.status}`,
        href: `#/appointments/${a.id}`,
        style,
        title: `${name}, ${what}, ${when}, ${fmt.statusLabel(a.status)}`,
        dataset: { appointmentId: a.id, status: a.status, end: a.end },
    },
    h('strong', { class: 'patient-name appt-name', dataset: { patientId: a.patientId } }, name),
    h('span', { class: 'visually-hidden' }, ', '),
    h('span', { class: 'appt-line' }, statusBadge(a.status), a.rescreenDue ? h('span', { class: 'appt-flag' }, ' re-screen') : null,
        fmt.STILL_TO_HAPPEN.includes(a.status) && awayDuring(a, data.timeOff)
            ? h('span', { class: 'appt-flag', dataset: { away: 'true' } }, ' practitioner away') : null,
        h('span', { class: 'appt-what' }, ` ${what}`)),
    h('span', { class: 'visually-hidden' }, ', '),
    h('span', { class: 'appt-when small' }, `${when} · ${other}`));
}

function dayGrid(resources, appointments, catalog, data, day, by) {
    let startHour = 8;
    let endHour = 19;
    appointments.forEach((a) => {
        startHour = Math.min(startHour, Math.floor(fmt.minutesOfDay(a.start) / 60));
        endHour = Math.max(endHour, Math.ceil(fmt.minutesOfDay(a.end) / 60) || 24);
    });
    const height = (endHour - startHour) * HOUR_HEIGHT;
    const top = (instant) => Math.max(0, ((fmt.minutesOfDay(instant) - startHour * 60) / 60) * HOUR_HEIGHT);

    const axis = h('div', { class: 'time-axis', style: `height:${height}px`, 'aria-hidden': 'true' },
        h('span', { class: 'first-hour' }, `${String(startHour).padStart(2, '0')}:00`));
    for (let hour = startHour + 1; hour < endHour; hour += 1) {
        axis.append(h('span', { style: `top:${(hour - startHour) * HOUR_HEIGHT}px` }, `${String(hour).padStart(2, '0')}:00`));
    }
    const grid = h('div', { class: 'day-grid', style: `grid-template-columns: 3.5rem repeat(${resources.length}, minmax(11rem, 1fr))` });
    grid.append(h('div', { class: 'day-grid-head', 'aria-hidden': 'true' }));
    resources.forEach((r) => grid.append(h('div', { class: 'day-grid-head' }, h('h3', null, r.name))));
    grid.append(axis);
    const closed = data.closedOn(day);
    resources.forEach((r) => {
        const column = h('div', { class: `resource-column${closed ? ' closed' : ''}`, style: `height:${height}px`, 'aria-label': r.name, role: 'group' });
        for (let hour = startHour + 1; hour < endHour; hour += 1) {
            column.append(h('div', { class: 'hour-line', style: `top:${(hour - startHour) * HOUR_HEIGHT}px`, 'aria-hidden': 'true' }));
        }
        if (r.key === 'practitionerId') {
            data.timeOff.filter((t) => t.practitionerId === r.id).forEach((t) => {
                const y = fmt.clinicDay(t.start) < day ? 0 : top(t.start);
                const y2 = fmt.clinicDay(t.end) > day ? height : top(t.end);
                if (y2 > y) {
                    column.append(h('div', { class: 'time-off', style: `top:${y}px;height:${y2 - y}px` },
                        h('span', null, `Away${t.reason ? `: ${t.reason}` : ''}`)));
                }
            });
        }
        const mine = appointments.filter((a) => a[r.key] === r.id).sort((x, y) => x.start.localeCompare(y.start));
        const list = h('ol', { 'aria-label': `${r.name}: ${mine.length} appointment${mine.length === 1 ? '' : 's'}` });
        let previousEnd = null;
        let indent = false;
        mine.forEach((a) => {
            // overlapping cards (e.g. a cancelled one under its replacement) sit side by side
            indent = previousEnd !== null && a.start < previousEnd ? !indent : false;
            const y = top(a.start);
            const tall = Math.max(top(a.end) - y - 2, 50);
            const style = `top:${y}px;height:${tall}px;${indent ? 'left:50%;' : ''}`;
            const card = appointmentCard(a, catalog, data, by, style);
            if (tall < 64) card.classList.add('appt-short');
            list.append(h('li', null, card));
            previousEnd = previousEnd === null || a.end > previousEnd ? a.end : previousEnd;
        });
        if (!mine.length) list.append(h('li', { class: 'visually-hidden' }, 'No appointments'));
        column.append(list);
        grid.append(column);
    });
    return h('div', { class: 'day-grid-scroll', tabindex: '0', role: 'region', 'aria-label': 'Day schedule, scrolls sideways' }, grid);
}

function weekTable(monday, resources, appointments, catalog, data, state) {
    const days = [0, 1, 2, 3, 4, 5, 6].map((n) => fmt.addDays(monday, n));
    const today = fmt.today();
    const rows = resources.map((r) => h('tr', null,
        h('th', { scope: 'row' }, r.name),
        days.map((day) => {
            const mine = appointments.filter((a) => a[r.key] === r.id && fmt.clinicDay(a.start) === day)
                .sort((x, y) => x.start.localeCompare(y.start));
            const closed = data.closedOn(day);
            const away = r.key === 'practitionerId' && !closed ? timeOffOn(data.timeOff, day, r.id) : [];
            const allDayAway = away.some((t) => t.allDay);
            return h('td', { class: [day === today ? 'today' : '', closed ? 'closed' : '', allDayAway ? 'away' : ''].join(' ').trim() || null },
                away.map((t) => h('span', { class: 'week-away', dataset: { timeOff: t.id } },
                    `Away ${t.allDay ? 'all day' : awayHours(t, day)}${t.reason ? `: ${t.reason}` : ''}`)),
                mine.length
                    ? h('ul', null, mine.map((a) => h('li', null, appointmentCard(a, catalog, data, state.by))))
                    : allDayAway ? null : h('span', { class: 'empty' }, h('span', { 'aria-hidden': 'true' }, closed ? 'Closed' : '–'),
                        h('span', { class: 'visually-hidden' }, closed ? 'Clinic closed' : 'No appointments')));
        })));
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Week schedule, scrolls sideways' },
        h('table', { class: 'week-table' },
            h('thead', null, h('tr', null,
                h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Resource')),
                days.map((day) => h('th', { scope: 'col', class: day === today ? 'today' : null },
                    h('a', { href: hashFor({ ...state, view: 'day', date: day }) }, fmt.shortDay(day)),
                    data.closedOn(day) ? h('span', { class: 'closed-label' }, ` Closed`) : null)))),
            h('tbody', null, rows)));
}

/** The hours of the day a time off that does not cover all of it takes ("12:00–16:00", "15:00–24:00"). */
function awayHours(t, day) {
    const from = fmt.clinicDay(t.start) < day ? '00:00' : fmt.time(t.start);
    const to = fmt.clinicDay(t.end) > day ? '24:00' : fmt.time(t.end);
    return `${from}–${to}`;
}

/** Screens that show appointments without names (the review queue) fill them in, once per patient. */
export function fillPatientNames(root) {
    root.querySelectorAll('[data-patient-id]').forEach((el) => {
        patient(el.dataset.patientId)
            .then((p) => { el.textContent = fmt.fullName(p); })
            .catch(() => { el.textContent = 'Patient'; });
    });
}
