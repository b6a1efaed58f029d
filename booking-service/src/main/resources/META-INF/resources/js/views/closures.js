// Clinic closures and holidays (admin): whole days on which no time is offered. Closing days that
// already have appointments asks first; those still booked on coming closures are listed until moved or cancelled.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { loadCatalog } from '../session.js';
import { reload } from '../nav.js';
import { announce, field, problemNotice, showFieldErrors, clearFieldErrors, statusBadge, busy } from '../ui.js';
import { confirmAction } from '../confirm.js';
import { stillToHappen } from '../calendar-data.js';
import { confirmDespiteBookings } from '../as-booked.js';
import { dayInput, dayHint } from '../dates.js';
import * as fmt from '../format.js';

/** Days without bookings close at once; with bookings, the admin sees them and decides first. */
async function closeDespiteBookings(first, last, catalog) {
    return confirmDespiteBookings(await stillToHappen(first, last), {
        title: (count) => `Close the clinic on days with ${count}?`,
        listId: 'closure-booked',
        describe: (a) => `${fmt.dateTime(a.start)}, ${catalog.procedureName(a.procedure)}, ${catalog.practitionerName(a.practitionerId)}`,
        confirmLabel: 'Close anyway',
    });
}

export async function renderClosures(main, { isCurrent }) {
    const [closures, catalog] = await Promise.all([api.get('/api/closures', { from: fmt.today() }), loadCatalog()]);
    // the work the coming closures leave: appointments booked before them, to move or cancel with the patients
    const stillBooked = (await Promise.all(closures.map((c) => stillToHappen(c.firstDay < fmt.today() ? fmt.today() : c.firstDay, c.lastDay))))
        .flat().sort((x, y) => x.a.start.localeCompare(y.a.start));
    if (!isCurrent()) return;
    const firstDay = dayInput({ required: true });
    const lastDay = dayInput();
    const reason = h('input', { type: 'text', maxlength: '200', required: true });
    const result = h('div', { id: 'closure-result', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button', id: 'closure-add' }, 'Close the clinic on these days');
    const form = h('form', { id: 'closure-form', novalidate: true, 'aria-labelledby': 'closure-form-title' },
        h('h2', { id: 'closure-form-title' }, 'Close the clinic'),
        h('div', { class: 'inline-form' },
            field('closure-first', 'First day', firstDay, dayHint()),
            field('closure-last', 'Last day (optional)', lastDay, 'Empty for one day'),
            field('closure-reason', 'Reason', reason, 'e.g. Christmas Day; shown to the front desk')),
        h('div', { class: 'button-row' }, submit));
    const fields = { firstDay: 'closure-first', lastDay: 'closure-last', reason: 'closure-reason' };
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        clear(result);
        const errors = {};
        if (!firstDay.day) errors.firstDay = `Write the first day as ${dayHint()}.`;
        if (lastDay.day === undefined) errors.lastDay = `Write the last day as ${dayHint()}, or leave it empty.`;
        if (!reason.value.trim()) errors.reason = 'Say why the clinic is closed.';
        if (showFieldErrors(form, errors, fields)) return;
        busy(submit, async () => {
            try {
                if (!await closeDespiteBookings(firstDay.day, lastDay.day || firstDay.day, catalog)) return;
                const added = await api.post('/api/closures', { firstDay: firstDay.day, lastDay: lastDay.day || firstDay.day, reason: reason.value.trim() });
                const affected = added.affected || [];
                announce(affected.length ? 'warn' : 'ok', 'Clinic closed on those days',
                    affected.length ? `${affected.length} appointment(s) are booked then: move or cancel them with the patients (listed below).`
                        : 'No times are offered on those days.');
                reload();
            } catch (e) {
                const shown = showFieldErrors(form, e.fieldErrors, fields);
                clear(result, problemNotice(e, shown ? 'Please correct the marked fields' : 'Not closed'));
            }
        });
    });

    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Closures and holidays'),
            h('p', { class: 'muted' }, 'No time is offered on these days, and nothing can be booked or moved into them.')),
        stillBooked.length ? h('section', { class: 'notice notice-warn', id: 'closure-affected', 'aria-labelledby': 'affected-title' },
            h('h2', { id: 'affected-title', class: 'notice-title' }, 'Appointments still booked on closed days'),
            h('p', null, 'Move or cancel each with the patient; the list empties as they are.'),
            h('ul', null, stillBooked.map(({ a, p }) => h('li', null,
                h('a', { href: `#/appointments/${a.id}` }, `${fmt.dateTime(a.start)}, ${fmt.fullName(p)}, ${catalog.procedureName(a.procedure)}, ${catalog.practitionerName(a.practitionerId)}`),
                p?.phone ? ` · ${p.phone}` : '', ' ', statusBadge(a.status))))) : null,
        h('section', { class: 'panel' }, result, form),
        h('section', { class: 'panel', 'aria-labelledby': 'closures-title' },
            h('h2', { id: 'closures-title' }, 'Coming closures'),
            closures.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'closures-table' },
                h('caption', { class: 'visually-hidden' }, 'Coming closures'),
                h('thead', null, h('tr', null, ['Days', 'Reason', 'Added by', ''].map((t) => h('th', { scope: 'col' }, t || h('span', { class: 'visually-hidden' }, 'Action'))))),
                h('tbody', null, closures.map((c) => h('tr', { dataset: { closureId: c.id } },
                    h('td', null, c.firstDay === c.lastDay ? fmt.longDay(c.firstDay) : `${fmt.longDay(c.firstDay)} to ${fmt.longDay(c.lastDay)}`),
                    h('td', null, c.reason),
                    h('td', null, c.createdBy),
                    h('td', null, h('button', { type: 'button', class: 'button button-quiet', onclick: async (event) => {
                        const ok = await confirmAction({ title: 'Open the clinic again on these days?', body: `${c.reason}: times are offered again.`, confirmLabel: 'Open again' });
                        if (!ok) return;
                        busy(event.target, async () => {
                            try {
                                await api.request('DELETE', `/api/closures/${c.id}`);
                                announce('ok', 'Closure removed', 'Times are offered again on those days.');
                                reload();
                            } catch (e) {
                                clear(result, problemNotice(e, 'Not removed'));
                            }
                        });
                    } }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${c.reason}`))))))))
                : h('p', { class: 'muted' }, 'No closures planned.')));

}
