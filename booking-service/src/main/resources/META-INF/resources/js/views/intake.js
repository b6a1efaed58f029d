// Records or updates a patient's intake questionnaire. The answers are medical: they are sent to
// the screening service and then dropped from the page; nothing here keeps or logs them.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { can, loadCatalog } from '../session.js';
import { problemNotice, showFieldErrors, clearFieldErrors, statusBadge, busy } from '../ui.js';
import { dayInput, dayHint } from '../dates.js';
import * as fmt from '../format.js';

// Isotretinoin has four answers: "stopped, date not known" is never taken as "never" (a clinician reviews it).
const ISOTRETINOIN = [
    ['NEVER', 'Never taken'],
    ['TAKING_NOW', 'Taking it now'],
    ['STOPPED', 'Stopped (enter the date of the last dose below)'],
    ['STOPPED_DATE_UNKNOWN', 'Stopped, date of the last dose not known'],
];

const QUESTIONS = [
    ['bloodThinners', 'Is the patient taking blood-thinning medication?'],
    ['keloidOrHypertrophicScarring', 'Personal or family history of keloid or hypertrophic scarring?'],
    ['activeInfectionOrInflammation', 'Active skin infection or inflammation in the treatment area?'],
    ['activeAcne', 'Active acne in the treatment area?'],
    ['autoimmuneCondition', 'Does the patient have an autoimmune condition?'],
];

const FIELD_IDS = Object.fromEntries([
    ['isotretinoin', 'in-isotretinoin'],
    ...QUESTIONS.map(([name]) => [name, `in-${name}`]),
    ['isotretinoinLastDose', 'in-isotretinoinLastDose'],
    ['completedOn', 'in-completedOn'],
]);

function yesNo(name, question) {
    const id = FIELD_IDS[name];
    const option = (value, label) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name, value, id: `${id}-${value}` }), label);
    return h('fieldset', { id, 'aria-describedby': `${id}-error` },
        h('legend', null, question),
        h('div', { class: 'choice-row' }, option('yes', 'Yes'), option('no', 'No')),
        h('span', { class: 'field-error', id: `${id}-error` }));
}

function isotretinoinChoice() {
    const id = FIELD_IDS.isotretinoin;
    return h('fieldset', { id, 'aria-describedby': `${id}-error` },
        h('legend', null, 'Isotretinoin (for example Roaccutane): has the patient ever taken it?'),
        h('div', { class: 'choice-column' }, ISOTRETINOIN.map(([value, label]) => h('label', { class: 'choice' },
            h('input', { type: 'radio', name: 'isotretinoin', value, id: `${id}-${value}` }), label))),
        h('span', { class: 'field-error', id: `${id}-error` }));
}

function dateField(name, label, hint, value) {
    const id = FIELD_IDS[name];
    return h('div', { class: 'field' },
        h('label', { for: id }, label),
        hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
        dayInput({ id, name, value: value || null, 'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ') }),
        h('span', { class: 'field-error', id: `${id}-error` }));
}

function buildForm() {
    return h('form', { id: 'intake-form', novalidate: true, autocomplete: 'off', 'aria-labelledby': 'intake-form-title' },
        h('h2', { id: 'intake-form-title' }, 'Questionnaire'),
        h('p', { class: 'muted small' }, 'Ask every question; an unanswered question is never taken as “no”.'),
        isotretinoinChoice(),
        dateField('isotretinoinLastDose', 'Date of the last isotretinoin dose',
            dayHint('Only when the patient stopped and knows the date')),
        QUESTIONS.map(([name, question]) => yesNo(name, question)),
        dateField('completedOn', 'Questionnaire completed on', dayHint('The day the patient answered, in the clinic'), fmt.today()),
        h('div', { class: 'button-row' },
            h('button', { type: 'submit', class: 'button', id: 'intake-submit' }, 'Save intake')));
}

export async function renderIntake(main, { id, isCurrent }) {
    const [p, catalog] = await Promise.all([api.get(`/api/patients/${id}`), loadCatalog()]);
    if (!isCurrent()) return;
    const result = h('div', { id: 'intake-result', role: 'alert' });
    const formSlot = h('section', { class: 'panel' });

    const mount = () => {
        const form = buildForm();
        form.addEventListener('submit', (event) => submit(event, form));
        clear(formSlot, form);
    };

    async function submit(event, form) {
        event.preventDefault();
        clear(result);
        clearFieldErrors(form);
        const data = new FormData(form);
        const lastDose = form.querySelector('#in-isotretinoinLastDose').day;
        const completedOn = form.querySelector('#in-completedOn').day;
        const missing = {};
        const isotretinoin = data.get('isotretinoin');
        if (!isotretinoin) missing.isotretinoin = 'Choose one answer.';
        if (lastDose === undefined) missing.isotretinoinLastDose = `Write the date as ${dayHint()}.`;
        if (isotretinoin === 'STOPPED' && !lastDose && lastDose !== undefined) {
            missing.isotretinoinLastDose = 'Enter the date of the last dose, or choose “date not known”.';
        }
        QUESTIONS.forEach(([name]) => {
            if (!data.get(name)) missing[name] = 'Choose yes or no.';
        });
        if (!completedOn) missing.completedOn = `Enter the day the questionnaire was completed (${dayHint()}).`;
        if (showFieldErrors(form, missing, FIELD_IDS)) {
            clear(result, h('p', { class: 'notice notice-error' }, `${Object.keys(missing).length} question(s) need an answer.`));
            return;
        }
        const body = Object.fromEntries(QUESTIONS.map(([name]) => [name, data.get(name) === 'yes']));
        body.isotretinoin = isotretinoin;
        body.isotretinoinLastDose = isotretinoin === 'STOPPED' ? lastDose : null;
        body.completedOn = completedOn;
        const button = form.querySelector('#intake-submit');
        await busy(button, async () => {
            try {
                const recorded = await api.put(`/api/patients/${p.id}/intake`, body);
                // which appointments were screened again, by procedure and time (the answer names only their ids)
                const appointments = recorded.rescreened?.length
                    ? await api.get(`/api/patients/${p.id}/appointments`).catch(() => []) : [];
                // the answers leave the page as soon as screening has them
                clear(formSlot, h('button', { type: 'button', class: 'button button-secondary', id: 'intake-again', onclick: () => {
                    mount();
                    formSlot.querySelector('input')?.focus();
                } }, 'Answer the questionnaire again'));
                clear(result);
                clear(result, receipt(recorded, catalog, p, appointments));
                result.querySelector('h2')?.focus();
            } catch (e) {
                const shown = showFieldErrors(form, e.fieldErrors, FIELD_IDS);
                clear(result, problemNotice(e, shown ? 'Please correct the marked answers' : 'The intake was not saved'));
            }
        });
    }

    mount();
    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, `Intake for ${fmt.fullName(p)}`),
            h('a', { href: `#/patients/${p.id}` }, 'Back to patient')),
        h('p', { class: 'muted' }, 'The answers go straight to the screening service. They are not kept in this page after saving.'),
        result,
        formSlot);
}

function receiptText(receipt) {
    if (!receipt) return 'The screening service stored the answers.';
    return `Intake version ${receipt.intakeVersion ?? '?'} completed on ${fmt.plainDate(receipt.completedOn)} is stored by the screening service.`;
}

/** What a screening again did to each appointment, and what the desk does about it. */
const AFTER_RESCREEN = {
    ON_HOLD: 'On hold: open it to see why and what to do; the patient has been asked to call.',
    PENDING_REVIEW: 'Waiting for review: a clinician must look at it before it goes ahead.',
};

function receipt(recorded, catalog, p, appointments) {
    const byId = new Map(appointments.map((a) => [a.id, a]));
    const startOf = (r) => byId.get(r.appointmentId)?.start || '';
    // in the order they happen, as the desk will deal with them
    const rescreened = [...(recorded.rescreened || [])].sort((x, y) => startOf(x).localeCompare(startOf(y)));
    const attention = rescreened.filter((r) => AFTER_RESCREEN[r.status]).length;
    const label = (r) => {
        const a = byId.get(r.appointmentId);
        return a ? `${catalog.procedureName(a.procedure)}, ${fmt.dateTime(a.start)}` : 'View appointment';
    };
    return h('section', { class: `notice notice-${attention ? 'warn' : 'ok'}`, 'aria-labelledby': 'receipt-title', id: 'intake-receipt' },
        h('h2', { id: 'receipt-title', tabindex: '-1', class: 'notice-title' }, attention
            ? `Intake saved: ${attention === 1 ? 'an appointment needs' : `${attention} appointments need`} attention`
            : 'Intake saved'),
        h('p', null, receiptText(recorded.receipt)),
        rescreened.length
            ? h('div', null, h('p', null, 'Upcoming appointments were screened again:'),
                h('ul', null, rescreened.map((r) => h('li', null,
                    h('a', { href: `#/appointments/${r.appointmentId}` }, label(r)), ' ', statusBadge(r.status),
                    r.rescreenDue ? ' screening could not be repeated yet; it is retried automatically'
                        : [' screening: ', statusBadge(r.outcome)],
                    AFTER_RESCREEN[r.status] ? h('span', { class: 'small' }, ` ${AFTER_RESCREEN[r.status]}`) : null))))
            : h('p', null, 'The patient has no upcoming appointments to screen again.'),
        can('book') ? h('div', { class: 'button-row' },
            h('a', { class: attention ? 'button button-secondary' : 'button', href: `#/book?patientId=${p.id}`, id: 'intake-book' },
                'Book an appointment')) : null);
}
