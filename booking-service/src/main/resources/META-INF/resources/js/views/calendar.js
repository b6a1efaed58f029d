// Day and week calendars by practitioner or by room, in the clinic's time zone.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { loadCatalog, patient } from '../session.js';
import { go } from '../nav.js';
import { statusBadge } from '../ui.js';
import * as fmt from '../format.js';

const HIDDEN_BY_DEFAULT = ['CANCELLED', 'REJECTED'];

function hashFor(state) {
    const q = new URLSearchParams({ view: state.view, by: state.by, date: state.date });
    if (state.showInactive) q.set('all', '1');
    return `#/calendar?${q}`;
}

export async function renderCalendar(main, { params, isCurrent }) {
    const state = {
        view: params.get('view') === 'week' ? 'week' : 'day',
        by: params.get('by') === 'room' ? 'room' : 'practitioner',
        date: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : fmt.today(),
        showInactive: params.get('all') === '1',
    };
    const catalog = await loadCatalog();
    const first = state.view === 'week' ? fmt.mondayOf(state.date) : state.date;
    const last = state.view === 'week' ? fmt.addDays(first, 6) : state.date;
    const appointments = await api.get('/api/appointments', state.view === 'week' ? { from: first, to: last } : { date: first });
    if (!isCurrent()) return;
    const visible = appointments.filter((a) => state.showInactive || !HIDDEN_BY_DEFAULT.includes(a.status));

    const resources = state.by === 'room'
        ? catalog.rooms.filter((r) => r.active !== false).map((r) => ({ id: r.id, name: r.name, key: 'roomId' }))
        : catalog.practitioners.filter((p) => p.active !== false).map((p) => ({ id: p.id, name: p.name, key: 'practitionerId' }));

    const step = state.view === 'week' ? 7 : 1;
    const title = state.view === 'week'
        ? `Week of ${fmt.longDay(first)}`
        : fmt.longDay(first);

    const segmented = (label, key, options) => h('div', { class: 'field' },
        h('span', { class: 'label', id: `cal-${key}-label` }, label),
        h('div', { class: 'segmented', role: 'group', 'aria-labelledby': `cal-${key}-label` },
            options.map(([value, text]) => h('button', {
                type: 'button', 'aria-pressed': String(state[key] === value), id: `cal-${key}-${value}`,
                onclick: () => go(hashFor({ ...state, [key]: value })),
            }, text))));

    const dateInput = h('input', { type: 'date', id: 'cal-date', value: state.date });
    dateInput.addEventListener('change', () => {
        if (dateInput.value) go(hashFor({ ...state, date: dateInput.value }));
    });
    const inactive = h('input', { type: 'checkbox', id: 'cal-inactive', checked: state.showInactive });
    inactive.addEventListener('change', () => go(hashFor({ ...state, showInactive: inactive.checked })));

    const unit = state.view === 'week' ? 'week' : 'day';
    const controls = h('div', { class: 'calendar-controls' },
        segmented('View', 'view', [['day', 'Day'], ['week', 'Week']]),
        segmented('By', 'by', [['practitioner', 'Practitioner'], ['room', 'Room']]),
        h('div', { class: 'field' },
            h('label', { for: 'cal-date' }, 'Date'),
            dateInput),
        h('div', { class: 'date-nav', role: 'group', 'aria-label': `Move by ${unit}` },
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.addDays(state.date, -step) })) },
                h('span', { 'aria-hidden': 'true' }, '‹ '), `Previous ${unit}`),
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.today() })) }, 'Today'),
            h('button', { type: 'button', class: 'button button-quiet', onclick: () => go(hashFor({ ...state, date: fmt.addDays(state.date, step) })) },
                `Next ${unit}`, h('span', { 'aria-hidden': 'true' }, ' ›'))),
        h('label', { class: 'choice', for: 'cal-inactive' }, inactive, 'Show cancelled and rejected'));

    const summary = `${visible.length} appointment${visible.length === 1 ? '' : 's'}`;
    const body = state.view === 'week'
        ? weekTable(first, resources, visible, catalog, state.by)
        : dayGrid(resources, visible, catalog);

    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, 'Calendar'),
            h('p', { class: 'muted', id: 'cal-summary' }, `${title} · by ${state.by} · ${summary}`)),
        controls,
        h('section', { 'aria-labelledby': 'cal-title' },
            h('h2', { class: 'calendar-title', id: 'cal-title' }, title),
            body));
    fillPatientNames(main);
}

function appointmentCard(a, catalog, resourceKey, style) {
    const other = resourceKey === 'roomId' ? catalog.practitionerName(a.practitionerId) : catalog.roomName(a.roomId);
    return h('a', {
        class: `appt appt-${a.status}`,
        href: `#/appointments/${a.id}`,
        style,
        dataset: { appointmentId: a.id, status: a.status },
    },
    h('strong', null, `${fmt.time(a.start)}–${fmt.time(a.end)} ${catalog.procedureName(a.procedure)}`),
    h('span', { class: 'patient-name', dataset: { patientId: a.patientId } }, 'Patient…'),
    h('span', { class: 'visually-hidden' }, ', '),
    h('span', { class: 'small muted' }, ` · ${other} `),
    statusBadge(a.status));
}

function dayGrid(resources, appointments, catalog) {
    const hourHeight = 64;
    let startHour = 8;
    let endHour = 19;
    appointments.forEach((a) => {
        startHour = Math.min(startHour, Math.floor(fmt.minutesOfDay(a.start) / 60));
        endHour = Math.max(endHour, Math.ceil(fmt.minutesOfDay(a.end) / 60) || 24);
    });
    const height = (endHour - startHour) * hourHeight;
    const top = (instant) => ((fmt.minutesOfDay(instant) - startHour * 60) / 60) * hourHeight;

    const axis = h('div', { class: 'time-axis', style: `height:${height}px`, 'aria-hidden': 'true' },
        h('span', { class: 'first-hour' }, `${String(startHour).padStart(2, '0')}:00`));
    for (let hour = startHour + 1; hour < endHour; hour += 1) {
        axis.append(h('span', { style: `top:${(hour - startHour) * hourHeight}px` }, `${String(hour).padStart(2, '0')}:00`));
    }
    const grid = h('div', { class: 'day-grid', style: `grid-template-columns: 3.5rem repeat(${resources.length}, minmax(11rem, 1fr))` });
    grid.append(h('div', { class: 'day-grid-head', 'aria-hidden': 'true' }));
    resources.forEach((r) => grid.append(h('div', { class: 'day-grid-head' }, h('h3', null, r.name))));
    grid.append(axis);
    resources.forEach((r) => {
        const column = h('div', { class: 'resource-column', style: `height:${height}px`, 'aria-label': r.name, role: 'group' });
        for (let hour = startHour + 1; hour < endHour; hour += 1) {
            column.append(h('div', { class: 'hour-line', style: `top:${(hour - startHour) * hourHeight}px`, 'aria-hidden': 'true' }));
        }
        const mine = appointments.filter((a) => a[r.key] === r.id).sort((x, y) => x.start.localeCompare(y.start));
        const list = h('ol', { 'aria-label': `${r.name}: ${mine.length} appointment${mine.length === 1 ? '' : 's'}` });
        let previousEnd = null;
        let indent = false;
        mine.forEach((a) => {
            // overlapping cards (e.g. a cancelled one under its replacement) sit side by side
            indent = previousEnd !== null && a.start < previousEnd ? !indent : false;
            const y = top(a.start);
            const tall = Math.max(top(a.end) - y - 2, 26);
            const style = `top:${y}px;height:${tall}px;${indent ? 'left:50%;' : ''}`;
            const card = appointmentCard(a, catalog, r.key, style);
            // short appointments get one line instead of a clipped second one
            if (tall < 48) card.classList.add('appt-compact');
            list.append(h('li', null, card));
            previousEnd = previousEnd === null || a.end > previousEnd ? a.end : previousEnd;
        });
        if (!mine.length) list.append(h('li', { class: 'visually-hidden' }, 'No appointments'));
        column.append(list);
        grid.append(column);
    });
    return h('div', { class: 'day-grid-scroll', tabindex: '0', role: 'region', 'aria-label': 'Day schedule, scrolls sideways' }, grid);
}

function weekTable(monday, resources, appointments, catalog, by) {
    const days = [0, 1, 2, 3, 4, 5, 6].map((n) => fmt.addDays(monday, n));
    const today = fmt.today();
    const rows = resources.map((r) => h('tr', null,
        h('th', { scope: 'row' }, r.name),
        days.map((day) => {
            const mine = appointments.filter((a) => a[r.key] === r.id && fmt.clinicDay(a.start) === day)
                .sort((x, y) => x.start.localeCompare(y.start));
            return h('td', { class: day === today ? 'today' : null },
                mine.length
                    ? h('ul', null, mine.map((a) => h('li', null, appointmentCard(a, catalog, r.key))))
                    : h('span', { class: 'empty' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'visually-hidden' }, 'No appointments')));
        })));
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Week schedule, scrolls sideways' },
        h('table', { class: 'week-table' },
            h('thead', null, h('tr', null,
                h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Resource')),
                days.map((day) => h('th', { scope: 'col', class: day === today ? 'today' : null },
                    h('a', { href: hashFor({ view: 'day', by, date: day }) }, fmt.shortDay(day)))))),
            h('tbody', null, rows)));
}

/** Appointments carry patient ids; names are looked up once each and filled in. */
export function fillPatientNames(root) {
    root.querySelectorAll('[data-patient-id]').forEach((el) => {
        patient(el.dataset.patientId)
            .then((p) => { el.textContent = fmt.fullName(p); })
            .catch(() => { el.textContent = 'Patient'; });
    });
}
