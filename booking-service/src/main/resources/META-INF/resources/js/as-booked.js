// What stops an appointment going ahead as booked: the clinic closed its day, or its practitioner is
// away then. Shown where staff act on the appointment (its page, the review queue); the appointment
// keeps its time until the front desk moves or cancels it with the patient.

import { h } from './dom.js';
import { notice } from './ui.js';
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
    return [
        closure ? h('div', { id: 'appointment-closed' }, notice('warn', 'The clinic is closed on this day',
            `${closure.reason}. Move or cancel this appointment with the patient.`)) : null,
        away ? h('div', { id: 'appointment-away' }, notice('warn', `${catalog.practitionerName(a.practitionerId)} is away at this time`,
            `${away.reason || 'Time off'}. Move this appointment (another practitioner or time) or cancel it, with the patient.`)) : null,
    ];
}
