// Today's arrivals: everyone expected today, by time, with check-in at hand (and a few seconds to
// undo it), updated live and printable as the day's list.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { can, loadCatalog } from '../session.js';
import { go } from '../nav.js';
import { announce, problemNotice, statusBadge } from '../ui.js';
import { readCalendar, awayDuring } from '../calendar-data.js';
import { whileShown } from '../live.js';
import { withUndo } from '../confirm.js';
import { dayInput, dayHint } from '../dates.js';
import * as fmt from '../format.js';

const NOT_COMING = ['CANCELLED', 'REJECTED'];

export async function renderArrivals(main, { params, isCurrent }) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : fmt.today();
    const catalog = await loadCatalog();
    const list = h('div', { id: 'arrivals-list' }, h('p', { class: 'loading' }, 'Loading…'));
    const count = h('p', { class: 'muted', id: 'arrivals-count', 'aria-live': 'polite' });
    const dateInput = dayInput({ id: 'arrivals-date', value: day, 'aria-describedby': 'arrivals-date-hint' });
    const dateForm = h('form', { class: 'inline-form no-print', 'aria-label': 'Arrivals of another day' },
        h('div', { class: 'field' }, h('label', { for: 'arrivals-date' }, 'Day'),
            h('span', { class: 'hint', id: 'arrivals-date-hint' }, dayHint()), dateInput),
        h('button', { type: 'submit', class: 'button button-quiet' }, 'Show'),
        day !== fmt.today() ? h('a', { class: 'button button-quiet', href: '#/arrivals' }, 'Today') : null,
        h('button', { type: 'button', class: 'button button-secondary', id: 'arrivals-print', onclick: () => window.print() }, 'Print the list'));
    dateForm.addEventListener('submit', (event) => {
        event.preventDefault();
        if (dateInput.day) go(`#/arrivals?date=${dateInput.day}`);
        else dateInput.setAttribute('aria-invalid', 'true');
    });
    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, day === fmt.today() ? 'Today’s arrivals' : 'Arrivals'),
            h('p', { class: 'muted' }, fmt.longDay(day))),
        dateForm, count, list);

    async function draw() {
        let data;
        try {
            data = await readCalendar(day, day);
        } catch (e) {
            if (isCurrent()) clear(list, problemNotice(e, 'The arrivals could not be loaded'));
            return;
        }
        if (!isCurrent()) return;
        const listed = data.appointments.filter((a) => !NOT_COMING.includes(a.status)).sort((x, y) => x.start.localeCompare(y.start));
        // a patient checked in stays arrived while a review or hold that came after is settled
        const expected = listed.filter((a) => a.status !== 'NO_SHOW');
        const notYet = expected.filter((a) => !a.checkedInAt && a.status !== 'COMPLETED').length;
        const noShows = listed.length - expected.length;
        // every row counted once: not yet here, here (or treated already), did not come
        count.textContent = `${listed.length} today: ${notYet} not yet arrived, ${expected.length - notYet} arrived`
            + `${noShows ? `, ${noShows} did not come` : ''}`;
        const closed = data.closedOn(day);
        clear(list,
            closed ? h('p', { class: 'notice notice-warn' }, `The clinic is closed: ${closed.reason}.`) : null,
            listed.length
                ? h('div', { class: 'panel table-wrap' }, h('table', { id: 'arrivals-table' },
                    h('caption', { class: 'visually-hidden' }, `Arrivals on ${fmt.longDay(day)}, by time`),
                    h('thead', null, h('tr', null, ['Time', 'Patient', 'Phone', 'Procedure', 'Practitioner', 'Room', 'Status', ''].map((t, i) => h('th', { scope: 'col', class: i === 7 ? 'no-print' : null }, t || h('span', { class: 'visually-hidden' }, 'Action'))))),
                    h('tbody', null, listed.map((a) => row(a, data, catalog)))))
                : h('p', { class: 'muted' }, 'Nobody is expected on this day.'));
    }

    function row(a, data, catalog) {
        const p = data.patients.get(a.patientId);
        const open = (action) => (a.actions || []).includes(action);
        let action = null;
        if (can('check-in') && open('CHECK_IN')) {
            action = h('button', { type: 'button', class: 'button', id: `check-in-${a.id}`, dataset: { appointmentId: a.id },
                onclick: (event) => checkIn(a, p, event.currentTarget) }, 'Check in',
            h('span', { class: 'visually-hidden' }, ` ${fmt.fullName(p)}`));
        } else if (a.checkedInAt && a.status !== 'CHECKED_IN' && a.status !== 'COMPLETED') {
            action = h('a', { href: `#/appointments/${a.id}` }, `Arrived ${fmt.time(a.checkedInAt)}: ${a.status === 'ON_HOLD'
                ? 'on hold, see why' : 'waiting for a clinician’s review'}`);
        } else if (a.rescreenDue) {
            action = h('span', { class: 'small' }, 'Screening is being repeated: check-in once it is done');
        } else if (a.status === 'ON_HOLD') {
            action = h('a', { href: `#/appointments/${a.id}` }, 'On hold: see why');
        }
        // each cell names its column, for the stacked rows of a narrow screen
        return h('tr', { dataset: { appointmentId: a.id, status: a.status } },
            h('td', { dataset: { label: 'Time' } }, `${fmt.time(a.start)}–${fmt.time(a.end)}`),
            h('td', { dataset: { label: 'Patient' } }, h('a', { href: `#/appointments/${a.id}` }, fmt.fullName(p))),
            h('td', { dataset: { label: 'Phone' }, class: 'nowrap' }, p?.phone || '—'),
            h('td', { dataset: { label: 'Procedure' } }, catalog.procedureName(a.procedure)),
            h('td', { dataset: { label: 'Practitioner' } }, catalog.practitionerName(a.practitionerId),
                fmt.STILL_TO_HAPPEN.includes(a.status) && awayDuring(a, data.timeOff)
                    ? h('span', { class: 'appt-flag', dataset: { away: 'true' } }, ' (away at this time)') : null),
            h('td', { dataset: { label: 'Room' } }, catalog.roomName(a.roomId)),
            h('td', { dataset: { label: 'Status' } }, statusBadge(a.status)),
            h('td', { class: 'no-print' }, action));
    }

    async function checkIn(a, p, button) {
        button.disabled = true;
        try {
            const updated = await withUndo({ message: `Checking in ${fmt.fullName(p)}`, action: () => api.post(`/api/appointments/${a.id}/check-in`) });
            if (updated) announce('ok', 'Patient checked in', `${fmt.fullName(p)}, ${catalog.procedureName(a.procedure)} at ${fmt.time(a.start)}.`);
        } catch (e) {
            announce('error', 'Not checked in', e.problem?.detail || e.message);
        }
        if (isCurrent()) await draw();
        if (!document.body.contains(button)) document.querySelector(`#arrivals-table tr[data-appointment-id="${a.id}"] a`)?.focus();
        else button.disabled = false;
    }

    await draw();
    whileShown(isCurrent, () => draw());
}
