// The admin's catalog: procedures (length, buffer, room type), rooms, practitioners with their
// weekly hours and time off. Each row saves on its own; the API checks every field and names it.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { forgetCatalog, loadCatalog } from '../session.js';
import { announce, problemNotice, busy } from '../ui.js';
import { confirmAction } from '../confirm.js';
import { dayInput, dayHint } from '../dates.js';
import { stillToHappen, awayDuring } from '../calendar-data.js';
import { confirmDespiteBookings } from '../as-booked.js';
import * as fmt from '../format.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const table = (id, caption, headers, rows) => h('div', { class: 'table-wrap' }, h('table', { id, class: 'edit-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows)));

const labelled = (id, label, control) => {
    control.id = id;
    return [h('label', { for: id, class: 'visually-hidden' }, label), control];
};

/**
 * Saves one row. A refusal shows next to what was saved (in `result`, below the row's section),
 * naming and marking the row's fields it concerns; `fields` maps the API's field names to
 * [input, label].
 */
async function save(button, result, request, done, fields = {}) {
    await busy(button, async () => {
        Object.values(fields).forEach(([input]) => input.removeAttribute('aria-invalid'));
        try {
            await request();
            forgetCatalog();
            announce('ok', done, '');
            clear(result);
        } catch (e) {
            refuse(result, e, fields);
        }
    });
}

/** A number field's minutes, or null when it is empty (or not a number), so the API says it is required, not "0". */
function minutesIn(input) {
    return input.value === '' ? null : Number(input.value);
}

function refuse(result, error, fields = {}) {
    Object.keys(error.fieldErrors || {}).forEach((field) => fields[field]?.[0].setAttribute('aria-invalid', 'true'));
    clear(result, problemNotice(error, 'Not saved', (field) => fieldName(field, fields)));
    result.scrollIntoView({ block: 'nearest' });
}

/** The words for an API field: the row's label, or for weekly hours the row's number. */
function fieldName(field, fields) {
    const hours = /^weeklyHours\[(\d+)\]\.(\w+)$/.exec(field);
    if (hours) return `Weekly hours, row ${Number(hours[1]) + 1} (${{ dayOfWeek: 'day', start: 'from', end: 'to', kind: 'kind' }[hours[2]] || hours[2]})`;
    return fields[field]?.[1] || field;
}

const resultArea = (id) => h('div', { id, role: 'alert', class: 'catalog-result' });

/** The room types in use, the procedures' first (a new room most likely serves them). */
function roomTypesOf(procedures, rooms) {
    const byUse = new Map();
    procedures.forEach((p) => byUse.set(p.roomType, (byUse.get(p.roomType) || 0) + 1));
    rooms.forEach((r) => byUse.set(r.roomType, byUse.get(r.roomType) || 0));
    return [...byUse.keys()].sort((a, b) => byUse.get(b) - byUse.get(a) || a.localeCompare(b));
}

export async function renderCatalog(main, { isCurrent }) {
    const [procedures, practitioners, rooms] = await Promise.all([
        api.get('/api/catalog/procedures'), api.get('/api/catalog/practitioners'), api.get('/api/catalog/rooms')]);
    if (!isCurrent()) return;
    const procedureResult = resultArea('catalog-procedures-result');
    const roomResult = resultArea('catalog-rooms-result');
    const roomTypes = roomTypesOf(procedures, rooms);
    const roomsHave = new Set(rooms.map((r) => r.roomType));

    const procedureRows = procedures.map((p) => {
        const name = h('input', { type: 'text', value: p.name, maxlength: '100' });
        const duration = h('input', { type: 'number', value: String(p.durationMinutes), min: '5', max: '480', class: 'narrow' });
        const buffer = h('input', { type: 'number', value: String(p.bufferAfterMinutes), min: '0', max: '240', class: 'narrow' });
        // a procedure is booked into a room of its type: only types some room has can be chosen
        const roomType = h('select', null, [...new Set([...roomTypes.filter((t) => roomsHave.has(t)), p.roomType])]
            .map((t) => h('option', { value: t }, roomsHave.has(t) ? t : `${t} (no room has it)`)));
        roomType.value = p.roomType;
        const saveButton = h('button', { type: 'button', class: 'button button-secondary', id: `save-procedure-${p.code}` }, 'Save');
        saveButton.addEventListener('click', () => save(saveButton, procedureResult, () => api.put(`/api/catalog/procedures/${p.code}`, {
            code: p.code, name: name.value.trim(), durationMinutes: minutesIn(duration), bufferAfterMinutes: minutesIn(buffer),
            roomType: roomType.value,
        }), `${name.value.trim()} saved`, {
            name: [name, `${p.code}: Name`], durationMinutes: [duration, `${p.code}: Minutes`],
            bufferAfterMinutes: [buffer, `${p.code}: Buffer after`], roomType: [roomType, `${p.code}: Room type`],
        }));
        return h('tr', null,
            h('th', { scope: 'row' }, p.code),
            h('td', null, labelled(`proc-${p.code}-name`, `${p.code} name`, name)),
            h('td', null, labelled(`proc-${p.code}-duration`, `${p.code} duration in minutes`, duration)),
            h('td', null, labelled(`proc-${p.code}-buffer`, `${p.code} buffer after, minutes`, buffer)),
            h('td', null, labelled(`proc-${p.code}-room`, `${p.code} room type`, roomType)),
            h('td', null, saveButton));
    });

    const roomRow = (r) => {
        const name = h('input', { type: 'text', value: r?.name || '', maxlength: '100' });
        // the types in use to choose from; a new type is for a procedure that will use it
        const type = h('input', { type: 'text', value: r?.roomType || roomTypes[0] || '', maxlength: '60', list: 'catalog-room-types' });
        const active = h('input', { type: 'checkbox', checked: r ? r.active !== false : true });
        const key = r ? r.id : 'new';
        const saveButton = h('button', { type: 'button', class: 'button button-secondary', id: `save-room-${key}` }, r ? 'Save' : 'Add room');
        saveButton.addEventListener('click', () => save(saveButton, roomResult, async () => {
            const body = { name: name.value.trim(), roomType: type.value.trim(), active: active.checked };
            if (r) await api.put(`/api/catalog/rooms/${r.id}`, body);
            else await api.post('/api/catalog/rooms', body);
            if (!r) renderCatalog(main, { isCurrent });
        }, r ? `${name.value.trim()} saved` : 'Room added', {
            name: [name, r ? `${r.name}: Name` : 'New room: Name'], roomType: [type, r ? `${r.name}: Room type` : 'New room: Room type'],
        }));
        return h('tr', null,
            h('td', null, labelled(`room-${key}-name`, r ? `Name of ${r.name}` : 'New room name', name)),
            h('td', null, labelled(`room-${key}-type`, r ? `Room type of ${r.name}` : 'New room type', type)),
            h('td', null, h('label', { class: 'choice' }, active, 'In use')),
            h('td', null, saveButton));
    };

    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Catalog'),
            h('p', { class: 'muted' }, 'Procedures, rooms and who works when. Changes apply to bookings made from now on.')),
        h('section', { class: 'panel', 'aria-labelledby': 'proc-title' }, h('h2', { id: 'proc-title' }, 'Procedures'),
            table('catalog-procedures', 'Procedures', ['Code', 'Name', 'Minutes', 'Buffer after (min)', 'Room type', ''], procedureRows),
            h('p', { class: 'small muted' }, 'A procedure is booked into a free room of its type.'),
            procedureResult),
        h('section', { class: 'panel', 'aria-labelledby': 'room-title' }, h('h2', { id: 'room-title' }, 'Rooms'),
            h('datalist', { id: 'catalog-room-types' }, roomTypes.map((t) => h('option', { value: t }))),
            table('catalog-rooms', 'Rooms', ['Name', 'Room type', 'In use', ''], rooms.map(roomRow)),
            h('h3', null, 'Add a room'),
            table('catalog-new-room', 'New room', ['Name', 'Room type', 'In use', ''], [roomRow(null)]),
            roomResult),
        h('section', { class: 'panel', 'aria-labelledby': 'prac-title' }, h('h2', { id: 'prac-title' }, 'Practitioners'),
            h('div', { id: 'catalog-practitioners' }, practitioners.map((p) => practitionerEditor(p, main, isCurrent))),
            newPractitioner(main, isCurrent)));
}

function hoursRow(block, onRemove) {
    const day = h('select', null, WEEKDAYS.map((d, i) => h('option', { value: String(i + 1) }, d)));
    day.value = String(block.dayOfWeek || 1);
    const start = h('input', { type: 'text', value: (block.start || '09:00').substring(0, 5), maxlength: '5', size: '6', inputmode: 'numeric', class: 'narrow' });
    const end = h('input', { type: 'text', value: (block.end || '17:00').substring(0, 5), maxlength: '5', size: '6', inputmode: 'numeric', class: 'narrow' });
    const kind = h('select', null, h('option', { value: 'WORK' }, 'Work'), h('option', { value: 'BREAK' }, 'Break'));
    kind.value = block.kind || 'WORK';
    const row = h('li', { class: 'hours-row' },
        h('label', { class: 'inline-label' }, 'Day ', day), h('label', { class: 'inline-label' }, 'From ', start),
        h('label', { class: 'inline-label' }, 'to ', end), h('label', { class: 'inline-label' }, 'Kind ', kind),
        h('button', { type: 'button', class: 'button button-quiet', onclick: () => { row.remove(); onRemove?.(); } }, 'Remove'));
    row.read = () => ({ dayOfWeek: Number(day.value), start: start.value.trim(), end: end.value.trim(), kind: kind.value });
    row.valid = () => TIME.test(start.value.trim()) && TIME.test(end.value.trim());
    return row;
}

function practitionerEditor(p, main, isCurrent) {
    const idBase = `prac-${p.id}`;
    const result = resultArea(`${idBase}-result`);
    const name = h('input', { type: 'text', id: `${idBase}-name`, value: p.name, maxlength: '100' });
    const active = h('input', { type: 'checkbox', id: `${idBase}-active`, checked: p.active !== false });
    const list = h('ul', { class: 'hours-list', 'aria-label': `Weekly hours of ${p.name}` },
        (p.weeklyHours || []).map((b) => hoursRow(b)));
    const add = h('button', { type: 'button', class: 'button button-quiet', onclick: () => {
        const row = hoursRow({});
        list.append(row);
        row.querySelector('select').focus();
    } }, 'Add hours');
    const saveButton = h('button', { type: 'button', class: 'button', id: `save-${idBase}` }, 'Save hours');
    saveButton.addEventListener('click', () => {
        const rows = [...list.children];
        if (rows.some((r) => !r.valid())) {
            refuse(result, { status: 400, problem: { title: 'Times are HH:MM', detail: 'Write every time as HH:MM, e.g. 09:00.' } });
            return;
        }
        save(saveButton, result, () => api.put(`/api/catalog/practitioners/${p.id}`, {
            name: name.value.trim(), active: active.checked, weeklyHours: rows.map((r) => r.read()),
        }), `${name.value.trim()} saved`, { name: [name, 'Name'] });
    });
    const timeOff = h('div', { id: `${idBase}-time-off` }, h('p', { class: 'loading' }, 'Loading time off…'));
    loadTimeOff(p, timeOff, result);
    return h('details', { class: 'practitioner-editor', id: idBase },
        h('summary', null, p.name, p.active === false ? ' (not working here)' : ''),
        h('div', { class: 'inline-form' },
            h('div', { class: 'field' }, h('label', { for: `${idBase}-name` }, 'Name'), name),
            h('label', { class: 'choice', for: `${idBase}-active` }, active, 'Works here')),
        h('h3', null, 'Weekly hours (clinic time)'), list,
        h('div', { class: 'button-row' }, add, saveButton),
        h('h3', null, 'Time off'), timeOff, result);
}

async function loadTimeOff(p, slot, result) {
    let entries;
    try {
        entries = await api.get(`/api/catalog/practitioners/${p.id}/time-off`);
    } catch (e) {
        clear(slot, problemNotice(e, 'Could not load the time off'));
        return;
    }
    const upcoming = entries.filter((t) => new Date(t.end) > new Date());
    const idBase = `off-${p.id}`;
    const fromDay = dayInput({ id: `${idBase}-from`, 'aria-describedby': `${idBase}-from-hint` });
    const toDay = dayInput({ id: `${idBase}-to`, 'aria-describedby': `${idBase}-from-hint` });
    const reason = h('input', { type: 'text', id: `${idBase}-reason`, maxlength: '200' });
    const addButton = h('button', { type: 'button', class: 'button button-secondary', id: `${idBase}-add` }, 'Add time off');
    addButton.addEventListener('click', async () => {
        const first = fromDay.day;
        const last = toDay.day || first;
        fromDay.removeAttribute('aria-invalid');
        toDay.removeAttribute('aria-invalid');
        if (!first || last === undefined || last < first) {
            (first ? toDay : fromDay).setAttribute('aria-invalid', 'true');
            refuse(result, { status: 400, problem: { title: 'Days needed', detail: `Write the first and last day away as ${dayHint()}; the last not before the first.` } });
            return;
        }
        if (!await awayDespiteBookings(p, first, last, result)) return;
        save(addButton, result, async () => {
            await api.post(`/api/catalog/practitioners/${p.id}/time-off`, {
                start: fmt.clinicInstant(first, 0, 0), end: fmt.clinicInstant(fmt.addDays(last, 1), 0, 0), reason: reason.value.trim() || null,
            });
            loadTimeOff(p, slot, result);
        }, 'Time off added; no times are offered then', { start: [fromDay, 'First day away'], end: [toDay, 'Last day away'] });
    });
    clear(slot,
        upcoming.length ? h('ul', { class: 'plain-list' }, upcoming.map((t) => h('li', { dataset: { timeOffId: t.id } },
            `${fmt.period(t.start, t.end)}${t.reason ? `: ${t.reason}` : ''} `,
            bookedWhileAway(p, t),
            h('button', { type: 'button', class: 'button button-quiet', onclick: async (event) => {
                const ok = await confirmAction({ title: 'Remove this time off?', body: 'Its times are offered for booking again.', confirmLabel: 'Remove' });
                if (!ok) return;
                save(event.target, result, async () => {
                    await api.request('DELETE', `/api/catalog/practitioners/${p.id}/time-off/${t.id}`);
                    loadTimeOff(p, slot, result);
                }, 'Time off removed');
            } }, 'Remove')))) : h('p', { class: 'muted' }, 'No time off planned.'),
        h('div', { class: 'inline-form' },
            h('div', { class: 'field' }, h('label', { for: `${idBase}-from` }, 'First day away'),
                h('span', { class: 'hint', id: `${idBase}-from-hint` }, dayHint()), fromDay),
            h('div', { class: 'field' }, h('label', { for: `${idBase}-to` }, 'Last day away'), toDay),
            h('div', { class: 'field' }, h('label', { for: `${idBase}-reason` }, 'Reason (optional)'), reason),
            h('div', { class: 'field' }, addButton)));
}

/** Days away without bookings are saved at once; with bookings, the admin sees them and decides first. */
async function awayDespiteBookings(p, first, last, result) {
    let booked;
    let catalog;
    try {
        [booked, catalog] = await Promise.all([stillToHappen(first, last, { practitionerId: p.id }), loadCatalog()]);
    } catch (e) {
        clear(result, problemNotice(e, 'Not saved: the appointments on those days could not be read'));
        return false;
    }
    return confirmDespiteBookings(booked, {
        title: (count) => `${p.name} has ${count} on those days`,
        listId: 'time-off-booked',
        describe: (a) => `${fmt.dateTime(a.start)}, ${catalog.procedureName(a.procedure)}`,
        confirmLabel: 'Add time off anyway',
    });
}

/** The appointments still booked with the practitioner while away, to move or cancel (filled in when read). */
function bookedWhileAway(p, t) {
    const slot = h('span', { class: 'time-off-booked' });
    const lastDay = fmt.clinicDay(new Date(new Date(t.end).getTime() - 1));
    stillToHappen(fmt.clinicDay(t.start), lastDay, { practitionerId: p.id }).then((booked) => {
        // the catalog's time off names no practitioner: it is this one's
        const affected = booked.filter(({ a }) => awayDuring(a, [{ ...t, practitionerId: p.id }]));
        if (!affected.length) return;
        clear(slot, h('span', { class: 'notice-inline' }, `${affected.length} still booked, to move or cancel: `),
            affected.map(({ a, p: patient }, i) => [i ? ', ' : '',
                h('a', { href: `#/appointments/${a.id}` }, `${fmt.dateTime(a.start)}, ${fmt.fullName(patient)}`)]), ' ');
    }).catch(() => clear(slot, h('span', { class: 'small muted' }, '(its appointments could not be read) ')));
    return slot;
}

function newPractitioner(main, isCurrent) {
    const result = resultArea('new-practitioner-result');
    const name = h('input', { type: 'text', id: 'new-practitioner-name', maxlength: '100' });
    const add = h('button', { type: 'button', class: 'button button-secondary', id: 'add-practitioner' }, 'Add practitioner');
    add.addEventListener('click', () => save(add, result, async () => {
        await api.post('/api/catalog/practitioners', { name: name.value.trim(), weeklyHours: [] });
        renderCatalog(main, { isCurrent });
    }, 'Practitioner added: set their weekly hours next', { name: [name, 'New practitioner'] }));
    return [h('div', { class: 'inline-form' },
        h('div', { class: 'field' }, h('label', { for: 'new-practitioner-name' }, 'New practitioner'), name),
        h('div', { class: 'field' }, add)), result];
}
