// Who is signed in, what they may do, and the catalog every screen names things from.

import { api } from './api.js';
import { useClinicPattern } from './dates.js';

export const session = { me: null, catalog: null };

// What each role may do in these screens (the API enforces it as well; this only hides what would be refused).
const PERMISSIONS = {
    'register-patient': ['front-desk'],
    intake: ['front-desk', 'clinician'],
    book: ['front-desk'],
    reschedule: ['front-desk'],
    cancel: ['front-desk', 'clinician'],
    'check-in': ['front-desk', 'clinician'],
    'no-show': ['front-desk'],
    complete: ['clinician'],
    review: ['clinician'],
    'screening-detail': ['clinician'],
    patients: ['front-desk', 'clinician', 'admin'],
    'correct-patient': ['front-desk', 'admin'],
    'merge-patient': ['admin'],
    'erase-patient': ['admin'],
    catalog: ['admin'],
    arrivals: ['front-desk', 'clinician'],
    closures: ['admin'],
    'safety-policy': ['admin'],
    audit: ['admin'],
    messages: ['front-desk', 'clinician', 'admin'],
    'message-actions': ['front-desk', 'admin'],
    'intake-link': ['front-desk', 'clinician'],
};

export function can(action) {
    const roles = session.me?.roles || [];
    return (PERMISSIONS[action] || []).some((role) => roles.includes(role));
}

export async function loadCatalog() {
    if (session.catalog) return session.catalog;
    const [procedures, practitioners, rooms, clinic] = await Promise.all([
        api.get('/api/catalog/procedures'),
        api.get('/api/catalog/practitioners'),
        api.get('/api/catalog/rooms'),
        api.get('/api/clinic'),
    ]);
    useClinicPattern(clinic.dateFormat);
    session.catalog = {
        procedures,
        practitioners,
        rooms,
        procedureName: (code) => procedures.find((p) => p.code === code)?.name || code,
        practitionerName: (id) => practitioners.find((p) => p.id === id)?.name || 'Any practitioner',
        roomName: (id) => rooms.find((r) => r.id === id)?.name || 'Any room',
    };
    return session.catalog;
}

const patients = new Map();

/** A patient by id, fetched once per page load (the calendar shows names, appointments carry ids). */
export function patient(id) {
    if (!patients.has(id)) {
        const pending = api.get(`/api/patients/${encodeURIComponent(id)}`).catch((e) => {
            patients.delete(id);
            throw e;
        });
        patients.set(id, pending);
    }
    return patients.get(id);
}

/** Drops what this page load knows of the catalog, after an admin changed it. */
export function forgetCatalog() {
    session.catalog = null;
}

export function rememberPatient(p) {
    // a calendar knows only the name and phone; a full record read before is kept
    if (p.email === undefined && patients.has(p.id)) return;
    patients.set(p.id, Promise.resolve(p));
}

export function resetSession() {
    session.me = null;
    session.catalog = null;
    patients.clear();
}
