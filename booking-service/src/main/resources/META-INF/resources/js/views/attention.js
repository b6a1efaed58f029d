// Messages that need attention (admin): e-mails that failed, may not have arrived, or keep being
// retried, for the appointments of a few weeks around today. Built on each appointment's message
// list (content-service's per-appointment API), read a few at a time.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { loadCatalog } from '../session.js';
import { problemNotice, statusBadge } from '../ui.js';
import { readCalendar } from '../calendar-data.js';
import * as fmt from '../format.js';

const ATTENTION = ['FAILED', 'UNCERTAIN', 'FAILED_RETRYING'];
const WHAT_TO_DO = {
    FAILED: 'The mail server refused it: check the e-mail address with the patient.',
    UNCERTAIN: 'It may or may not have arrived: ask the patient.',
    FAILED_RETRYING: 'Not delivered yet; it is tried again automatically.',
};

export async function renderAttention(main, { isCurrent }) {
    const catalog = await loadCatalog();
    const from = fmt.addDays(fmt.today(), -14);
    const to = fmt.addDays(fmt.today(), 27);
    const status = h('p', { class: 'muted', id: 'attention-status', role: 'status' }, 'Looking through the messages…');
    const list = h('div', { id: 'attention-list' });
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Messages that need attention'),
            h('p', { class: 'muted' }, `Appointments from ${fmt.longDay(from)} to ${fmt.longDay(to)}`)),
        status, list);
    let data;
    try {
        data = await readCalendar(from, to);
    } catch (e) {
        clear(list, problemNotice(e, 'Could not load the appointments'));
        return;
    }
    const found = [];
    const queue = [...data.appointments];
    // a few at a time: the message service is asked per appointment
    const worker = async () => {
        while (queue.length && isCurrent()) {
            const a = queue.shift();
            const messages = await api.get(`/api/appointments/${a.id}/messages`).catch(() => []);
            messages.filter((m) => ATTENTION.includes(m.status)).forEach((m) => found.push({ a, m }));
        }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (!isCurrent()) return;
    status.textContent = `${found.length} message${found.length === 1 ? '' : 's'} need attention (${data.appointments.length} appointments looked at).`;
    found.sort((x, y) => (x.m.dueAt || '').localeCompare(y.m.dueAt || ''));
    clear(list, found.length ? h('div', { class: 'panel table-wrap' }, h('table', { id: 'attention-table' },
        h('caption', { class: 'visually-hidden' }, 'Messages that need attention'),
        h('thead', null, h('tr', null, ['Patient', 'Appointment', 'Message', 'Status', 'What to do'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, found.map(({ a, m }) => h('tr', null,
            h('td', null, h('a', { href: `#/patients/${a.patientId}` }, data.nameOf(a.patientId))),
            h('td', null, h('a', { href: `#/appointments/${a.id}` }, `${catalog.procedureName(a.procedure)}, ${fmt.dateTime(a.start)}`)),
            h('td', null, fmt.humanize(m.step)),
            h('td', null, statusBadge(m.status), m.lastError ? h('span', { class: 'small muted' }, ` ${m.lastError}`) : null),
            h('td', null, WHAT_TO_DO[m.status]))))))
        : h('p', { class: 'notice notice-ok' }, 'Every message was delivered or is on its way.'));
}
