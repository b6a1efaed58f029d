// Messages that did not reach a patient (send again, or close with a note) and patients who opted
// out of non-essential messages (opt back in on the patient's word). Names come from booking; the
// message service knows ids only.

import { api } from '../api.js';
import { h, clear, uid } from '../dom.js';
import { can } from '../session.js';
import { reload } from '../nav.js';
import { announce, notice, problemNotice, statusBadge, busy } from '../ui.js';
import { fillPatientNames } from './calendar.js';
import * as fmt from '../format.js';

const RETRYING = ['FAILED_RETRYING', 'UNCERTAIN'];

export async function renderMessages(main, { isCurrent }) {
    const attentionSlot = h('div', { id: 'attention' }, h('p', { class: 'loading' }, 'Loading messages…'));
    const optOutSlot = h('div', { id: 'opt-outs' }, h('p', { class: 'loading' }, 'Loading…'));
    const result = h('div', { id: 'messages-result', role: 'alert' });
    if (!isCurrent()) return;
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Messages')),
        h('p', { class: 'muted' }, 'E-mails to patients that failed or are still being retried. A message sent again keeps its '
            + 'identity, so a patient who did get it sees it once.'),
        result,
        h('section', { class: 'panel', 'aria-labelledby': 'attention-title' },
            h('div', { class: 'page-head' },
                h('h2', { id: 'attention-title' }, 'Needing attention'),
                h('button', { type: 'button', class: 'button button-quiet', id: 'refresh-attention', onclick: () => reload() }, 'Refresh')),
            attentionSlot),
        h('section', { class: 'panel', 'aria-labelledby': 'opt-outs-title' },
            h('h2', { id: 'opt-outs-title' }, 'Patients who stopped non-essential messages'),
            h('p', { class: 'small muted' }, 'They still get confirmations, changes, cancellations and the safety information after a '
                + 'treatment; not reminders or later aftercare. Opt a patient back in only when they ask.'),
            optOutSlot));
    await Promise.all([loadAttention(attentionSlot, result), loadOptOuts(optOutSlot, result)]);
}

async function loadAttention(slot, result) {
    let items;
    try {
        items = await api.get('/api/messages/attention');
    } catch (e) {
        clear(slot, unavailable(e, 'Could not load the messages'));
        return;
    }
    if (!items.length) {
        clear(slot, h('p', { class: 'muted', id: 'attention-empty' }, 'Every message has gone out or is on its way.'));
        return;
    }
    clear(slot, h('div', { class: 'table-wrap' }, h('table', { id: 'attention-table' },
        h('thead', null, h('tr', null, ['Patient', 'Message', 'Status', 'Due', 'Attempts', 'Action']
            .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, items.map((m) => row(m, result))))));
    fillPatientNames(slot);
}

function row(m, result) {
    const actions = can('message-actions') ? (m.actions || []) : [];
    const cell = h('td', { class: 'actions' });
    if (actions.includes('RESEND')) cell.append(resendButton(m, result));
    if (actions.includes('CLOSE')) cell.append(' ', closeControl(m, result));
    if (!actions.length) cell.append(h('span', { class: 'small muted' }, RETRYING.includes(m.status) ? 'Retried automatically' : '—'));
    return h('tr', { dataset: { messageId: m.id, status: m.status } },
        h('td', null, h('a', { href: `#/patients/${m.patientId}` }, h('span', { dataset: { patientId: m.patientId } }, 'Patient…'))),
        h('td', null, h('a', { href: `#/appointments/${m.appointmentId}` }, fmt.messageName(m)),
            m.essential ? null : h('span', { class: 'small muted' }, ' (optional)')),
        h('td', null, statusBadge(m.status), m.lastError ? h('div', { class: 'small muted' }, m.lastError) : null,
            RETRYING.includes(m.status) ? h('div', { class: 'small muted' }, `Given up after ${fmt.dateTime(m.deadlineAt)}`) : null),
        h('td', null, fmt.dateTime(m.dueAt)),
        h('td', null, String(m.attempts ?? 0)),
        cell);
}

function resendButton(m, result) {
    return h('button', {
        type: 'button', class: 'button button-secondary', dataset: { action: 'resend' },
        onclick: (event) => busy(event.currentTarget, async () => {
            try {
                await api.post(`/api/messages/${m.id}/resend`);
                announce('ok', 'Sent again', `${fmt.messageName(m)} is on its way to the patient again.`);
                reload();
            } catch (e) {
                clear(result, problemNotice(e, 'Not sent again'));
            }
        }),
    }, 'Send again');
}

/** "Close…" opens a short form: closing says the patient was reached another way, so it needs a note. */
function closeControl(m, result) {
    const id = uid('close-note');
    const wrap = h('span', { class: 'close-control' });
    const open = h('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'close' }, 'aria-expanded': 'false' }, 'Close…');
    open.addEventListener('click', () => {
        open.setAttribute('aria-expanded', 'true');
        const note = h('input', { type: 'text', id, maxlength: '500', 'aria-describedby': `${id}-error` });
        const error = h('span', { class: 'field-error', id: `${id}-error` });
        const submit = h('button', { type: 'submit', class: 'button button-danger' }, 'Close message');
        const form = h('form', { class: 'inline-form close-form', novalidate: true, 'aria-label': `Close ${fmt.messageName(m)}` },
            h('div', { class: 'field' }, h('label', { for: id }, 'Why (e.g. phoned the patient)'), note, error),
            h('div', { class: 'field' }, submit));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            if (!note.value.trim()) {
                error.textContent = 'Say how the patient was told, or why the message is not needed.';
                note.setAttribute('aria-invalid', 'true');
                note.focus();
                return;
            }
            busy(submit, async () => {
                try {
                    await api.post(`/api/messages/${m.id}/close`, { note: note.value.trim() });
                    announce('ok', 'Closed', `${fmt.messageName(m)} is closed with your note.`);
                    reload();
                } catch (e) {
                    clear(result, problemNotice(e, 'Not closed'));
                }
            });
        });
        clear(wrap, form);
        note.focus();
    });
    wrap.append(open);
    return wrap;
}

async function loadOptOuts(slot, result) {
    let optOuts;
    try {
        optOuts = await api.get('/api/opt-outs');
    } catch (e) {
        clear(slot, unavailable(e, 'Could not load the list'));
        return;
    }
    if (!optOuts.length) {
        clear(slot, h('p', { class: 'muted', id: 'opt-outs-empty' }, 'No patient has stopped them.'));
        return;
    }
    clear(slot, h('ul', { class: 'plain-list', id: 'opt-out-list' }, optOuts.map((o) => h('li', { dataset: { optedOut: o.patientId } },
        h('a', { href: `#/patients/${o.patientId}` }, h('span', { dataset: { patientId: o.patientId } }, 'Patient…')),
        h('span', { class: 'small muted' }, ` since ${fmt.dateTime(o.optedOutAt)} `),
        can('message-actions') ? h('button', {
            type: 'button', class: 'button button-quiet', dataset: { action: 'opt-in' },
            onclick: (event) => busy(event.currentTarget, async () => {
                try {
                    await api.put(`/api/patients/${o.patientId}/message-preferences`, { nonEssential: true });
                    announce('ok', 'Opted back in', 'Reminders and later aftercare planned from now on will reach the patient.');
                    reload();
                } catch (e) {
                    clear(result, problemNotice(e, 'Not changed'));
                }
            }),
        }, 'Opt back in') : null))));
    fillPatientNames(slot);
}

function unavailable(e, what) {
    return e.status === 503
        ? notice('warn', 'Message service unavailable', 'The list cannot be shown right now; messages are unaffected. Try again shortly.')
        : problemNotice(e, what);
}
