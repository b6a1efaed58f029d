// Reads a calendar range in one request (appointments with their patients' names, closures, time off).

import { api } from './api.js';
import { rememberPatient } from './session.js';
import * as fmt from './format.js';

/** {appointments, patients: Map(id → patient), closures, timeOff, closedOn(day) → closure|null}. */
export async function readCalendar(from, to, { practitionerId, roomId } = {}) {
    const data = await api.get('/api/calendar', { from, to, practitionerId, roomId });
    const patients = new Map();
    data.patients.forEach((p) => {
        patients.set(p.id, p);
        // the patient pages opened from here need no second request for the name
        rememberPatient({ ...p });
    });
    return {
        ...data,
        patients,
        closedOn: (day) => data.closures.find((c) => c.firstDay <= day && day <= c.lastDay) || null,
        nameOf: (id) => fmt.fullName(patients.get(id)),
    };
}

/**
 * The appointments still to happen on the days (of one practitioner, when named), each with its
 * patient ({a, p}), read through the calendar (at most 42 days a request): what a closure or a
 * practitioner's time off leaves the desk to move or cancel.
 */
export async function stillToHappen(first, last, { practitionerId } = {}) {
    const found = [];
    for (let from = first; from <= last; from = fmt.addDays(from, 42)) {
        const to = fmt.addDays(from, 41) < last ? fmt.addDays(from, 41) : last;
        const data = await readCalendar(from, to, { practitionerId });
        found.push(...data.appointments.filter((a) => fmt.STILL_TO_HAPPEN.includes(a.status))
            .map((a) => ({ a, p: data.patients.get(a.patientId) })));
    }
    return found;
}

/** The practitioner's time off that overlaps the appointment, or null. */
export const awayDuring = (a, timeOff) => timeOff.find((t) => t.practitionerId === a.practitionerId
    && new Date(t.start) < new Date(a.end) && new Date(a.start) < new Date(t.end)) || null;

/**
 * The practitioner's time off that overlaps the clinic day, each with `allDay` when it covers all of it.
 * Entries without a practitionerId (one practitioner's own list, from the catalog) count as theirs.
 */
export function timeOffOn(timeOff, day, practitionerId) {
    const from = new Date(fmt.clinicInstant(day, 0, 0));
    const to = new Date(fmt.clinicInstant(fmt.addDays(day, 1), 0, 0));
    return timeOff.filter((t) => (!t.practitionerId || t.practitionerId === practitionerId)
        && new Date(t.start) < to && from < new Date(t.end))
        .map((t) => ({ ...t, allDay: new Date(t.start) <= from && to <= new Date(t.end) }));
}
