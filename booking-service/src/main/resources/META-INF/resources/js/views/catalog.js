// The catalog, read-only: procedures, practitioners with weekly hours, rooms.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import * as fmt from '../format.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function renderCatalog(main, { isCurrent }) {
    const [procedures, practitioners, rooms] = await Promise.all([
        api.get('/api/catalog/procedures'), api.get('/api/catalog/practitioners'), api.get('/api/catalog/rooms')]);
    if (!isCurrent()) return;
    const table = (id, caption, headers, rows) => h('div', { class: 'table-wrap' }, h('table', { id },
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, rows)));
    const hours = (blocks) => {
        const work = blocks.filter((b) => b.kind !== 'BREAK');
        const breaks = blocks.filter((b) => b.kind === 'BREAK');
        const text = (list) => list.map((b) => `${WEEKDAYS[b.dayOfWeek - 1]} ${b.start.substring(0, 5)}–${b.end.substring(0, 5)}`).join(', ');
        return [text(work) || '—', breaks.length ? h('div', { class: 'small muted' }, `Breaks: ${text(breaks)}`) : null];
    };
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Catalog'), h('p', { class: 'muted' }, 'Read-only here; changes go through the catalog API.')),
        h('section', { class: 'panel', 'aria-labelledby': 'proc-title' }, h('h2', { id: 'proc-title' }, 'Procedures'),
            table('catalog-procedures', 'Procedures', ['Procedure', 'Duration', 'Buffer after', 'Room type'], procedures.map((p) => h('tr', null,
                h('td', null, p.name, h('span', { class: 'small muted' }, ` (${p.code})`)),
                h('td', null, `${p.durationMinutes} min`), h('td', null, `${p.bufferAfterMinutes} min`), h('td', null, fmt.humanize(p.roomType)))))),
        h('section', { class: 'panel', 'aria-labelledby': 'prac-title' }, h('h2', { id: 'prac-title' }, 'Practitioners'),
            table('catalog-practitioners', 'Practitioners', ['Name', 'Weekly hours (clinic time)', 'Active'], practitioners.map((p) => h('tr', null,
                h('td', null, p.name), h('td', null, hours(p.weeklyHours || [])), h('td', null, p.active === false ? 'No' : 'Yes'))))),
        h('section', { class: 'panel', 'aria-labelledby': 'room-title' }, h('h2', { id: 'room-title' }, 'Rooms'),
            table('catalog-rooms', 'Rooms', ['Name', 'Room type', 'Active'], rooms.map((r) => h('tr', null,
                h('td', null, r.name), h('td', null, fmt.humanize(r.roomType)), h('td', null, r.active === false ? 'No' : 'Yes'))))));
}
