// What stops an appointment going ahead as booked: the clinic closed its day, or its practitioner is
// away then. Shown where staff act on the appointment (its page, the review queue); the appointment
// keeps its time until the front desk moves or cancels it with the patient.

import { h } from './dom.js';
import { notice } from './ui.js';
import { confirmAction } from './confirm.js';
import { readCalendar, awayDuring } from './calendar-data.js';
import * as fmt from './format.js';

/** {closure, away} for an appointment still to happen (nulls when nothing stands in its way or it cannot be read). */
export async function obstaclesTo(a) {
    if (!fmt.STILL_TO_HAPPEN.includes(a.status)) return { closure: null, away: null };
    const day = fmt.clinicDay(a.start);
    try {
        const data = await readCalendar(day, day, { practitionerId: a.practitionerId });
        return { closure: data.closedOn(day), away: awayDuring(a, data.timeOff) };
    } catch {
        return { closure: null, away: null };
    }
}

export function obstacleNotices({ closure, away }, a, catalog) {
    // a checked-in patient is here already: moving is no longer possible, someone else may see them
    const whatToDo = a.status === 'CHECKED_IN'
        ? 'The patient is checked in: ask another practitioner to see them, or cancel with the patient.'
        : null;
    return [
        closure ? h('div', { id: 'appointment-closed' }, notice('warn', 'The clinic is closed on this day',
            `${closure.reason}. ${whatToDo || 'Move or cancel this appointment with the patient.'}`)) : null,
        away ? h('div', { id: 'appointment-away' }, notice('warn', `${catalog.practitionerName(a.practitionerId)} is away at this time`,
            `Away: ${fmt.period(away.start, away.end)}${away.reason ? ` (${away.reason})` : ''}. `
                + (whatToDo || 'Move this appointment (another practitioner or time) or cancel it, with the patient.'))) : null,
    ];
}

/**
 * Before a closure or time off over booked appointments: true at once when none is booked, else what
 * the admin answers after seeing them (at most eight listed, in the list {@code listId}).
 */
export function confirmDespiteBookings(booked, { title, listId, describe, confirmLabel }) {
    if (!booked.length) return Promise.resolve(true);
    const shown = booked.slice(0, 8);
    return confirmAction({
        title: title(booked.length === 1 ? 'an appointment' : `${booked.length} appointments`),
        body: [
            h('p', null, 'They stay booked and their patients get no reminders: the front desk moves or cancels each with the patient (they stay listed until then).'),
            h('ul', { id: listId }, shown.map(({ a, p }) => h('li', null, `${describe(a)}, ${fmt.fullName(p)}`))),
            booked.length > shown.length ? h('p', null, `and ${booked.length - shown.length} more.`) : null,
        ].filter(Boolean),
        confirmLabel,
    });
}
