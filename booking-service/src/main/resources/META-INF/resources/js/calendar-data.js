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
