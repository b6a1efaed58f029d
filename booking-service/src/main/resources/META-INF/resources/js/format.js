// Dates and times as the clinic sees them: always in the clinic's zone, never the browser's.

import { formatDay } from './dates.js';

export const CLINIC_TIME_ZONE = 'Europe/Warsaw';
const LOCALE = 'en-GB';

const timeFmt = new Intl.DateTimeFormat(LOCALE, { timeZone: CLINIC_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateTimeFmt = new Intl.DateTimeFormat(LOCALE, {
    timeZone: CLINIC_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const isoDayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFmt = new Intl.DateTimeFormat('en-GB', { timeZone: CLINIC_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
// calendar days (YYYY-MM-DD) have no zone; format them as UTC so they never shift
const dayFmt = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDayFmt = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const plainDateFmt = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const weekdayDateFmt = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

const asDate = (value) => (value instanceof Date ? value : new Date(value));

/** 09:30 in the clinic's zone. */
export const time = (instant) => timeFmt.format(asDate(instant));

/** Mon, 30 Nov 2026, 09:30 in the clinic's zone. */
export const dateTime = (instant) => (instant ? dateTimeFmt.format(asDate(instant)) : '—');

/**
 * A stretch of time as the desk reads it: whole days as days ("Tue, 8 Dec 2026, whole day", "Tue, 8 Dec
 * 2026 to Fri, 11 Dec 2026, whole days"), hours within a day as "Tue, 8 Dec 2026, 08:00 to 12:30" (or
 * "... 15:00 to the end of the day").
 */
export function period(start, end) {
    if (minutesOfDay(start) === 0 && minutesOfDay(end) === 0) {
        const first = clinicDay(start);
        const last = clinicDay(new Date(asDate(end).getTime() - 1));
        const day = (d) => weekdayDateFmt.format(utcDay(d));
        return first === last ? `${day(first)}, whole day` : `${day(first)} to ${day(last)}, whole days`;
    }
    if (clinicDay(start) === clinicDay(end)) return `${dateTime(start)} to ${time(end)}`;
    if (minutesOfDay(end) === 0 && addDays(clinicDay(start), 1) === clinicDay(end)) return `${dateTime(start)} to the end of the day`;
    return `${dateTime(start)} to ${dateTime(end)}`;
}

/** The clinic-zone calendar day (YYYY-MM-DD) of an instant. */
export const clinicDay = (instant) => isoDayFmt.format(asDate(instant));

/** Today in the clinic (YYYY-MM-DD). */
export const today = () => clinicDay(new Date());

const wallFmt = new Intl.DateTimeFormat('en-GB', { timeZone: CLINIC_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant (ISO, UTC) of a wall-clock time on a clinic day, in the clinic's zone whatever the browser's. */
export function clinicInstant(day, hour, minute) {
    const [y, m, d] = day.split('-').map(Number);
    const wanted = Date.UTC(y, m - 1, d, hour, minute);
    const wall = (t) => {
        const parts = wallFmt.formatToParts(new Date(t));
        const get = (type) => Number(parts.find((p) => p.type === type).value);
        return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    };
    let t = wanted - (wall(wanted) - wanted);
    t -= wall(t) - wanted;
    return new Date(t).toISOString();
}

/** Minutes since the clinic-zone midnight. */
export function minutesOfDay(instant) {
    const parts = partsFmt.formatToParts(asDate(instant));
    const hour = Number(parts.find((p) => p.type === 'hour').value);
    const minute = Number(parts.find((p) => p.type === 'minute').value);
    return hour * 60 + minute;
}

const utcDay = (day) => new Date(`${day}T00:00:00Z`);

/** Monday, 30 November 2026. */
export const longDay = (day) => dayFmt.format(utcDay(day));
/** Mon, 30 Nov. */
export const shortDay = (day) => shortDayFmt.format(utcDay(day));
/** 30.11.2026 in the clinic's format (for dates such as birth dates). */
export const plainDate = (day) => (day ? formatDay(day) : '—');

/** Mon, 30 Nov 2026 (a day written out, where a weekday helps). */
export const mediumDay = (day) => (day ? plainDateFmt.format(utcDay(day)) : '—');

/** A calendar day plus n days. */
export function addDays(day, n) {
    const d = utcDay(day);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().substring(0, 10);
}

/** The Monday of the week that holds the day. */
export function mondayOf(day) {
    const weekday = (utcDay(day).getUTCDay() + 6) % 7;
    return addDays(day, -weekday);
}

export const STATUS_LABELS = {
    PENDING_REVIEW: 'Waiting for review',
    CONFIRMED: 'Confirmed',
    ON_HOLD: 'On hold',
    REJECTED: 'Rejected',
    CANCELLED: 'Cancelled',
    CHECKED_IN: 'Checked in',
    COMPLETED: 'Completed',
    NO_SHOW: 'No-show',
    CLEARED: 'Cleared',
    NEEDS_REVIEW: 'Needs clinician review',
    BLOCKED: 'Blocked',
    NEEDS_INTAKE: 'Intake needed',
    PENDING: 'Scheduled',
    SENDING: 'Sending',
    SENT: 'Sent',
    FAILED_RETRYING: 'Retrying',
    FAILED: 'Failed',
    SKIPPED: 'Skipped (opted out)',
    UNCERTAIN: 'Outcome unknown: sending again',
    DROPPED: 'Not delivered in time',
    CLOSED: 'Closed by staff',
    NO_INTAKE: 'No intake',
    INTAKE_VALID: 'Valid',
    INTAKE_EXPIRED: 'Expired',
    INVITATION_WAITING: 'Waiting for the patient',
    INVITATION_RECEIVED: 'Intake received',
    INVITATION_EXPIRED: 'Link expired',
    INVITATION_REPLACED: 'Link replaced',
};

export const statusLabel = (code) => STATUS_LABELS[code] || humanize(code);

/** A clinician's review verdict as the screens write it: "Approved" or "Denied". */
export const verdictLabel = (decision) => (decision === 'DENY' ? 'Denied' : 'Approved');

/** Statuses of an appointment still to happen (booking's AppointmentStatus.SCREENED). */
export const STILL_TO_HAPPEN = ['CONFIRMED', 'PENDING_REVIEW', 'ON_HOLD', 'CHECKED_IN'];

/**
 * Why an appointment is on hold and what the desk does, in words it can act on: a block that passes
 * with time (days between treatments, a washout) has an earliest date that clears; one that does not
 * (a condition) needs new intake answers once it has cleared.
 */
export function holdAdvice(a) {
    const asked = 'The patient has been asked to call.';
    if (a.holdReason === 'INTAKE_NEEDED') {
        return `An up-to-date intake questionnaire is needed before it can go ahead. ${asked}`;
    }
    const earliest = a.screening?.earliestEligibleStart;
    return earliest
        ? `Screening no longer clears this time; the earliest date that does is ${dateTime(earliest)}. Move it there or later, or cancel it. ${asked}`
        : `Screening no longer clears this appointment, and no later date would: the reason does not pass with time. Record a new intake once it has cleared, or cancel it. ${asked}`;
}

export const CANCEL_REASONS = {
    PATIENT_REQUEST: 'Patient asked to cancel',
    CLINIC_REQUEST: 'Clinic request',
    PRACTITIONER_UNAVAILABLE: 'Practitioner unavailable',
    OTHER: 'Other',
    RESCREENING_BLOCKED: 'Blocked on re-screening',
};

export function humanize(code) {
    if (!code) return '';
    const text = String(code).replace(/[_-]+/g, ' ').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// an erased patient's kept appointments name nobody
export const fullName = (p) => (!p ? 'Unknown patient' : p.firstName == null ? 'Erased patient' : `${p.firstName} ${p.lastName}`);

/**
 * A message to a patient in words: "Confirmation", "Aftercare 24h", "Reminder: day before". The event
 * number content-service appends to a step to keep repeated ones apart ("UPDATE-2") is left out.
 */
export function messageName(m) {
    const kind = humanize(m.kind);
    if (!m.step) return kind;
    const step = humanize(m.step.replace(/-\d+$/, ''));
    return step.toLowerCase().startsWith(kind.toLowerCase()) ? step : `${kind}: ${step}`;
}
