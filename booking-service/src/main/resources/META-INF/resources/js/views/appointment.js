// One appointment: details, screening, the actions the role may take, and its messages.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { can, loadCatalog, patient } from '../session.js';
import { reload } from '../nav.js';
import { announce, notice, problemNotice, scheduleConflictNotice, statusBadge, busy, field } from '../ui.js';
import { slotPicker, describeSlot } from '../slots.js';
import { refusal, reasonList } from '../screening.js';
import { reviewForm, clinicianReasons } from './review.js';
import { confirmAction, withUndo } from '../confirm.js';
import { whileShown } from '../live.js';
import { dayInput } from '../dates.js';
import { obstaclesTo, obstacleNotices } from '../as-booked.js';
import * as fmt from '../format.js';


export async function renderAppointment(main, { id, isCurrent }) {
    const [a, catalog] = await Promise.all([api.get(`/api/appointments/${id}`), loadCatalog()]);
    const [p, obstacles] = await Promise.all([patient(a.patientId).catch(() => null), obstaclesTo(a)]);
    if (!isCurrent()) return;

    const screeningSlot = h('div', { id: 'appointment-screening' }, h('p', { class: 'loading' }, 'Loading the screening decision…'));
    const messagesSlot = h('div', { id: 'appointment-messages' }, h('p', { class: 'loading' }, 'Loading messages…'));
    const actionResult = h('div', { id: 'action-result', role: 'alert' });
    const changedSlot = h('div', { id: 'appointment-changed', role: 'status' });

    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, `${catalog.procedureName(a.procedure)}, ${fmt.dateTime(a.start)}`),
            h('span', { id: 'appointment-status' }, statusBadge(a.status))),
        h('div', { class: 'grid-2' },
            h('section', { class: 'panel', 'aria-labelledby': 'details-title' },
                h('h2', { id: 'details-title' }, 'Details'),
                h('dl', { class: 'facts' },
                    h('dt', null, 'Patient'), h('dd', null, p && can('patients') ? h('a', { href: `#/patients/${p.id}` }, fmt.fullName(p)) : (p ? fmt.fullName(p) : 'Unknown')),
                    h('dt', null, 'Procedure'), h('dd', null, catalog.procedureName(a.procedure)),
                    h('dt', null, 'When'), h('dd', null, `${fmt.dateTime(a.start)}–${fmt.time(a.end)}`),
                    h('dt', null, 'Practitioner'), h('dd', null, catalog.practitionerName(a.practitionerId)),
                    h('dt', null, 'Room'), h('dd', null, catalog.roomName(a.roomId)),
                    h('dt', null, 'Status'), h('dd', null, statusBadge(a.status)),
                    a.cancelReason ? [h('dt', null, 'Cancel reason'), h('dd', null, fmt.CANCEL_REASONS[a.cancelReason] || fmt.humanize(a.cancelReason))] : null,
                    a.checkedInAt ? [h('dt', null, 'Checked in'), h('dd', { id: 'appt-checked-in' }, fmt.dateTime(a.checkedInAt))] : null,
                    a.completedAt ? [h('dt', null, 'Completed'), h('dd', null, fmt.dateTime(a.completedAt))] : null)),
            h('section', { class: 'panel', 'aria-labelledby': 'screening-title' },
                h('h2', { id: 'screening-title' }, 'Safety screening'),
                screeningSlot)),
        changedSlot,
        obstacleNotices(obstacles, a, catalog),
        standing(a),
        actionResult,
        actionsPanel(a, catalog, actionResult, isCurrent),
        h('section', { class: 'panel', 'aria-labelledby': 'messages-title' },
            h('div', { class: 'page-head' },
                h('h2', { id: 'messages-title' }, 'Confirmation and aftercare messages'),
                h('button', { type: 'button', class: 'button button-quiet', id: 'refresh-messages', onclick: () => loadMessages(a.id, messagesSlot, isCurrent) }, 'Refresh')),
            messagesSlot));

    loadScreening(a, screeningSlot);
    loadMessages(a.id, messagesSlot, isCurrent);
    // a change made elsewhere (another desk, a re-screen) is offered, not forced: nobody loses what they were typing
    // what may be done changes at the start (complete, no-show): offered like any other change
    const untilStart = new Date(a.start) - Date.now();
    if (fmt.STILL_TO_HAPPEN.includes(a.status) && untilStart > 0 && untilStart < 12 * 3600 * 1000) {
        setTimeout(() => {
            if (!isCurrent()) return;
            clear(changedSlot, notice('info', 'The appointment has started',
                'What can be done with it now has changed. ',
                h('button', { type: 'button', class: 'button button-secondary', id: 'show-changes', onclick: () => reload({ keepAnnouncement: false }) },
                    'Show the current state')));
        }, untilStart + 1000);
    }
    whileShown(isCurrent, async (changes) => {
        if (!changes.some((c) => c.id === a.id || c.table === 'resync')) return;
        const fresh = await api.get(`/api/appointments/${a.id}`).catch(() => null);
        if (!fresh || !isCurrent()) return;
        followMessages(a.id);
        loadMessages(a.id, messagesSlot, isCurrent);
        if (fresh.status === a.status && fresh.start === a.start && fresh.rescreenDue === a.rescreenDue) return;
        clear(document.getElementById('appointment-status'), statusBadge(fresh.status));
        clear(changedSlot, notice('info', 'This appointment changed',
            `It is now ${fmt.statusLabel(fresh.status)}, ${fmt.dateTime(fresh.start)}${fresh.rescreenDue ? ', being screened again' : ''}. `,
            h('button', { type: 'button', class: 'button button-secondary', id: 'show-changes', onclick: () => reload({ keepAnnouncement: false }) },
                'Show the current state')));
    });
}

async function loadScreening(a, slot) {
    if (!a.screening?.decisionId) {
        clear(slot, h('p', { class: 'muted' }, 'No screening decision is recorded for this appointment.'));
        return;
    }
    try {
        const d = await api.get(`/api/appointments/${a.id}/screening`);
        const clinician = can('screening-detail');
        clear(slot,
            h('p', null, 'Outcome: ', statusBadge(d.outcome)),
            // once reviewed, the reasons are what the clinician was asked about, not a request still open
            d.review ? h('p', { id: 'screening-review-asked' }, 'Screening asked a clinician to review this appointment because:') : null,
            clinician ? clinicianReasons(d) : reasonList(d),
            d.earliestEligibleStart ? h('p', null, 'Earliest eligible date: ', fmt.longDay(fmt.clinicDay(d.earliestEligibleStart))) : null,
            d.review ? h('p', { class: 'small' }, fmt.verdictLabel(d.review.decision),
                d.review.reviewedBy ? ` by ${d.review.reviewedBy}` : '', d.review.reviewedAt ? `, ${fmt.dateTime(d.review.reviewedAt)}` : '',
                d.review.reason ? ` – “${d.review.reason}”` : '') : null,
            clinician ? null : h('p', { class: 'small muted' }, 'Clinical details are shown to clinicians only.'));
    } catch (e) {
        clear(slot, e.status === 503
            ? notice('warn', 'Screening service unavailable', 'The decision cannot be shown right now; the appointment is unaffected.')
            : problemNotice(e, 'Could not load the decision'));
    }
}

/** What the front desk must know before acting: a re-screen still owed, or why the appointment is on hold. */
function standing(a) {
    if (a.rescreenDue) {
        return notice('warn', 'Safety screening is being repeated',
            'The patient’s intake or the clinic’s safety policy changed after this appointment was screened. It is being '
            + 'screened again; check-in is possible once that is done.');
    }
    if (a.status === 'ON_HOLD') {
        return notice('error', 'On hold', fmt.holdAdvice(a));
    }
    return null;
}

const SETTLED = ['SENT', 'FAILED', 'CANCELLED', 'SKIPPED', 'UNCERTAIN'];

// After the appointment changes, content-service plans or withdraws its messages a moment later (the
// change reaches it as an event): meanwhile the list is looked at again every 2 s, settled or not.
const FOLLOW_MS = 60000;
const followingUntil = new Map();

function followMessages(id) {
    followingUntil.set(id, Date.now() + FOLLOW_MS);
}

function reloadAfterChange(id) {
    followMessages(id);
    reload();
}

async function loadMessages(id, slot, isCurrent = () => true) {
    clearTimeout(slot.refreshTimer);
    try {
        // 404: the message service has not received this appointment's first event yet
        const messages = await api.get(`/api/appointments/${id}/messages`).catch((e) => {
            if (e.status === 404) return [];
            throw e;
        });
        clear(slot, messages.length
            ? h('div', { class: 'table-wrap' }, h('table', { id: 'messages-table' },
                h('thead', null, h('tr', null, ['Message', 'Due', 'Status', 'Sent', 'Attempts'].map((t) => h('th', { scope: 'col' }, t)))),
                h('tbody', null, messages.map((m) => h('tr', { dataset: { kind: m.kind, status: m.status } },
                    h('td', null, fmt.messageName(m),
                        m.essential ? null : h('span', { class: 'small muted' }, ' (optional)')),
                    h('td', null, fmt.dateTime(m.dueAt)),
                    h('td', null, statusBadge(m.status), m.lastError && m.status !== 'SENT' ? h('span', { class: 'small muted' }, ` ${m.lastError}`) : null),
                    h('td', null, m.sentAt ? fmt.dateTime(m.sentAt) : '—'),
                    h('td', null, String(m.attempts ?? 0)))))))
            : h('p', { class: 'muted' }, 'No messages yet. The confirmation is planned once the appointment is confirmed; aftercare once it is completed.'));
        // messages on their way are looked at again until they are settled; the page updates itself
        const following = (followingUntil.get(id) || 0) > Date.now();
        if (following || messages.some((m) => !SETTLED.includes(m.status))) {
            slot.refreshTimer = setTimeout(() => { if (isCurrent()) loadMessages(id, slot, isCurrent); }, following ? 2000 : 5000);
        }
    } catch (e) {
        clear(slot, e.status === 503
            ? notice('warn', 'Message service unavailable', 'The list cannot be shown right now; the appointment and its messages are unaffected.')
            : problemNotice(e, 'Could not load the messages'));
    }
}

function actionsPanel(a, catalog, result, isCurrent) {
    const buttons = [];
    const post = async (path, body, done, failed) => {
        try {
            const updated = await api.post(`/api/appointments/${a.id}/${path}`, body);
            if (!updated) return;
            announce('ok', done, `Status is now: ${fmt.statusLabel(updated.status)}.`);
            reloadAfterChange(a.id);
        } catch (e) {
            clear(result, problemNotice(e, failed));
        }
    };
    const button = (action, label, onclick, extraClass = '') => h('button', {
        type: 'button', class: `button ${extraClass}`.trim(), id: `action-${action}`, onclick: (event) => busy(event.currentTarget, onclick),
    }, label);

    // the server says what its time rules allow now (no check-in before the day, no completion before the start)
    const open = (action) => (a.actions || []).includes(action);
    if (can('check-in') && open('CHECK_IN')) {
        // nothing is sent on check-in, so it can wait a few seconds for an Undo instead of asking first
        buttons.push(button('check-in', 'Check in', async () => {
            try {
                const updated = await withUndo({ message: 'Checking the patient in', action: () => api.post(`/api/appointments/${a.id}/check-in`) });
                if (!updated) return;
                announce('ok', 'Patient checked in', `Status is now: ${fmt.statusLabel(updated.status)}.`);
                reloadAfterChange(a.id);
            } catch (e) {
                clear(result, problemNotice(e, 'Check-in did not work'));
            }
        }));
    }
    if (can('complete') && open('COMPLETE')) {
        buttons.push(button('complete', 'Mark completed', async () => {
            // the time it ended on the appointment's own day, also when it is recorded a day or more later
            const day = fmt.clinicDay(a.start);
            const ended = h('input', { type: 'text', id: 'completed-time', inputmode: 'numeric', maxlength: '5', size: '6',
                placeholder: 'HH:MM', 'aria-describedby': 'completed-time-hint' });
            const ok = await confirmAction({
                title: 'Mark the procedure completed?',
                body: 'This cannot be undone. The aftercare e-mails start from the completion time.',
                extra: h('div', { class: 'field' }, h('label', { for: 'completed-time' }, 'Ended at (optional)'),
                    h('span', { class: 'hint', id: 'completed-time-hint' }, `HH:MM on ${day === fmt.today() ? 'today' : fmt.shortDay(day)}, in the clinic’s time; empty means now`), ended),
                confirmLabel: 'Mark completed',
            });
            if (!ok) return;
            const body = {};
            const typed = ended.value.trim();
            const hhmm = typed.match(/^(\d{1,2}):(\d{2})$/);
            if (typed && (!hhmm || Number(hhmm[1]) > 23 || Number(hhmm[2]) > 59)) {
                clear(result, notice('error', 'Not marked completed', `“${typed}” is not a time: write when it ended as HH:MM, or leave it empty for now.`));
                return;
            }
            if (hhmm) body.completedAt = fmt.clinicInstant(day, Number(hhmm[1]), Number(hhmm[2]));
            await post('complete', body, 'Procedure completed; aftercare is planned', `Not marked completed (ended at ${typed || 'now'})`);
        }));
    }
    if (can('no-show') && open('NO_SHOW')) {
        buttons.push(button('no-show', 'Mark no-show', async () => {
            const ok = await confirmAction({
                title: 'Mark as no-show?',
                body: 'The patient did not come. This cannot be undone; to see the patient later, book a new appointment.',
                confirmLabel: 'Mark no-show', danger: true,
            });
            if (ok) await post('no-show', undefined, 'Marked as no-show', 'Not marked as no-show');
        }, 'button-secondary'));
    }

    const sections = [];
    if (buttons.length) sections.push(h('div', { class: 'button-row' }, buttons));
    if (can('review') && open('REVIEW')) {
        sections.push(h('div', null, h('h3', null, 'Clinician review'), reviewForm(a, result, () => reloadAfterChange(a.id))));
    }
    if (can('reschedule') && open('RESCHEDULE')) sections.push(rescheduleSection(a, catalog, result, isCurrent));
    if (can('cancel') && open('CANCEL')) sections.push(cancelSection(a, result));
    if (!sections.length) return null;
    return h('section', { class: 'panel', 'aria-labelledby': 'actions-title' },
        h('h2', { id: 'actions-title' }, 'Actions'), sections);
}

function cancelSection(a, result) {
    const reason = h('select', { name: 'reason' },
        h('option', { value: '' }, 'Choose a reason…'),
        ['PATIENT_REQUEST', 'CLINIC_REQUEST', 'PRACTITIONER_UNAVAILABLE', 'OTHER'].map((r) => h('option', { value: r }, fmt.CANCEL_REASONS[r])));
    const submit = h('button', { type: 'submit', class: 'button button-danger', id: 'action-cancel' }, 'Cancel appointment');
    const form = h('form', { class: 'inline-form', id: 'cancel-form', novalidate: true, 'aria-label': 'Cancel the appointment' },
        field('cancel-reason', 'Cancel reason', reason), h('div', { class: 'field' }, submit));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const error = form.querySelector('#cancel-reason-error');
        if (!reason.value) {
            error.textContent = 'Choose why the appointment is cancelled.';
            reason.setAttribute('aria-invalid', 'true');
            reason.focus();
            return;
        }
        error.textContent = '';
        reason.removeAttribute('aria-invalid');
        busy(submit, async () => {
            const ok = await confirmAction({
                title: 'Cancel this appointment?',
                body: `Reason: ${fmt.CANCEL_REASONS[reason.value]}. The patient is told by e-mail, and a cancelled appointment cannot be restored.`,
                confirmLabel: 'Cancel the appointment', cancelLabel: 'Keep it', danger: true,
            });
            if (!ok) return;
            try {
                await api.post(`/api/appointments/${a.id}/cancel`, { reason: reason.value });
                announce('ok', 'Appointment cancelled', `Reason: ${fmt.CANCEL_REASONS[reason.value]}. The patient is told by e-mail.`);
                reloadAfterChange(a.id);
            } catch (e) {
                clear(result, problemNotice(e, 'Cancelling did not work'));
            }
        });
    });
    return h('div', null, h('h3', null, 'Cancel'), form);
}

function rescheduleSection(a, catalog, result, isCurrent) {
    const container = h('div', { id: 'reschedule-area' });
    const moveButton = h('button', { type: 'button', class: 'button', id: 'reschedule-confirm', disabled: true }, 'Move to this slot');
    const chosen = h('p', { class: 'muted', id: 'reschedule-chosen' }, 'No new time chosen yet.');
    const from = dayInput({ value: fmt.today() });
    let picker = null;
    const open = h('button', { type: 'button', class: 'button button-secondary', id: 'action-reschedule', 'aria-expanded': 'false', 'aria-controls': 'reschedule-area' }, 'Reschedule…');

    const showFrom = async (day) => {
        from.day = day;
        await picker.load({ from: day }).catch(() => {});
        if (picker.selectFirstOn(day)) moveButton.focus();
    };

    open.addEventListener('click', async () => {
        const expanded = open.getAttribute('aria-expanded') === 'true';
        open.setAttribute('aria-expanded', String(!expanded));
        if (expanded) {
            clear(container);
            return;
        }
        picker = slotPicker({
            catalog, isCurrent, patientId: a.patientId, appointmentId: a.id, procedure: a.procedure, from: from.day || fmt.today(), onlyEligible: true,
            practitionerId: a.practitionerId,
            onJump: (day) => { from.day = day; },
            onSelect: (slot) => {
                moveButton.disabled = !slot;
                chosen.textContent = slot ? `New time: ${describeSlot(slot, catalog)}` : 'No new time chosen yet.';
            },
        });
        const search = h('form', { class: 'inline-form', 'aria-label': 'Find new times' },
            field('reschedule-from', 'Free times from', from), h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button button-quiet' }, 'Show')));
        search.addEventListener('submit', (event) => {
            event.preventDefault();
            picker.load({ from: from.day && from.day > fmt.today() ? from.day : fmt.today() }).catch(() => {});
        });
        clear(container, search, picker.element, chosen, h('div', { class: 'button-row' }, moveButton));
        await picker.load().catch(() => {});
        container.querySelector('#slot-status')?.setAttribute('tabindex', '-1');
    });

    moveButton.addEventListener('click', () => busy(moveButton, async () => {
        const slot = picker?.selected();
        if (!slot) return;
        const otherPractitioner = slot.practitionerId !== a.practitionerId;
        const ok = await confirmAction({
            title: 'Move the appointment?',
            body: h('div', null,
                h('p', null, `From ${fmt.dateTime(a.start)} to ${describeSlot(slot, catalog)}.`),
                otherPractitioner ? h('p', { class: 'notice notice-warn' },
                    `With another practitioner: ${catalog.practitionerName(slot.practitionerId)} instead of ${catalog.practitionerName(a.practitionerId)}.`) : null,
                h('p', null, 'It is screened again for the new day, and the patient gets the new time by e-mail.'),
                a.screening?.reviewVerdict === 'APPROVE' ? h('p', { class: 'notice notice-warn', id: 'reschedule-approval' },
                    'The clinician’s approval was for the current time and does not move with it: if screening refers the new time, '
                    + 'it waits for a clinician’s review again before it is confirmed.') : null),
            confirmLabel: 'Move it',
        });
        if (!ok) return;
        try {
            const moved = await api.post(`/api/appointments/${a.id}/reschedule`, {
                start: slot.start, practitionerId: slot.practitionerId, roomId: slot.roomId,
            });
            announce(moved.status === 'PENDING_REVIEW' ? 'warn' : 'ok', 'Appointment moved',
                `${fmt.dateTime(moved.start)}; status: ${fmt.statusLabel(moved.status)}.`);
            reloadAfterChange(a.id);
        } catch (e) {
            if (e.status === 422 && e.problem.screening) {
                clear(result, refusal(e.problem.screening, { patientId: a.patientId, onEarliest: showFrom, verb: 'moved' }));
            } else {
                const conflict = scheduleConflictNotice(e, 'moved');
                clear(result, conflict || problemNotice(e, 'Not moved'));
                if (conflict) picker.load().catch(() => {});
            }
        }
    }, { enabledAfter: () => Boolean(picker?.selected()) }));

    return h('div', null, h('h3', null, 'Reschedule'), h('div', { class: 'button-row' }, open), container);
}
