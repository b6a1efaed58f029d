// Booking: a patient, a procedure, a free slot; the screening outcome is shown at once.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { loadCatalog, rememberPatient } from '../session.js';
import { field, notice, problemNotice, scheduleConflictNotice, statusBadge, busy } from '../ui.js';
import { slotPicker, describeSlot } from '../slots.js';
import { refusal, reasonList } from '../screening.js';
import { dayInput, dayHint } from '../dates.js';
import * as fmt from '../format.js';

export async function renderBook(main, { params, isCurrent }) {
    const catalog = await loadCatalog();
    const patientId = params.get('patientId');
    if (!patientId) {
        renderPatientChooser(main);
        return;
    }
    const p = await api.get(`/api/patients/${patientId}`);
    if (!isCurrent()) return;
    rememberPatient(p);

    const procedure = h('select', { name: 'procedure' }, catalog.procedures.map((x) => h('option', { value: x.code }, `${x.name} (${x.durationMinutes} min)`)));
    if (params.get('procedure')) procedure.value = params.get('procedure');
    const from = dayInput({ name: 'from', value: params.get('from') || fmt.today() });
    const onlyEligible = h('input', { type: 'checkbox', id: 'only-eligible', checked: params.get('all') !== '1' });
    const outcome = h('div', { id: 'booking-outcome', role: 'alert' });
    const bookButton = h('button', { type: 'button', class: 'button', id: 'book-slot', disabled: true }, 'Book this slot');
    const chosen = h('p', { id: 'chosen-slot', class: 'muted' }, 'No slot chosen yet.');

    const picker = slotPicker({
        catalog,
        isCurrent,
        patientId: p.id,
        procedure: procedure.value,
        from: from.day || fmt.today(),
        practitionerId: params.get('practitionerId') || null,
        onlyEligible: onlyEligible.checked,
        onJump: (day) => { from.day = day; },
        onSelect: (slot) => {
            bookButton.disabled = !slot;
            chosen.textContent = slot
                ? `${catalog.procedureName(procedure.value)} on ${describeSlot(slot, catalog)}`
                : 'No slot chosen yet.';
            chosen.classList.toggle('muted', !slot);
        },
    });

    const search = h('form', { class: 'inline-form', id: 'slot-search', 'aria-label': 'Find free slots' },
        field('book-procedure', 'Procedure', procedure),
        field('book-from', 'From', from, dayHint('Two weeks are shown')),
        h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button button-secondary', id: 'find-slots' }, 'Find free slots')));
    const loadSlots = async () => {
        clear(outcome);
        const day = from.day;
        if (day === undefined) {
            from.setAttribute('aria-invalid', 'true');
            clear(outcome, notice('error', 'Not a date', `Write the first day as ${dayHint()}.`));
            return;
        }
        await picker.load({
            procedure: procedure.value, from: day && day > fmt.today() ? day : fmt.today(), onlyEligible: onlyEligible.checked,
        }).catch(() => {});
    };
    search.addEventListener('submit', (event) => {
        event.preventDefault();
        loadSlots();
    });
    onlyEligible.addEventListener('change', loadSlots);
    procedure.addEventListener('change', loadSlots);

    async function showFrom(day) {
        from.day = day;
        await loadSlots();
        if (picker.selectFirstOn(day)) {
            bookButton.focus();
        } else {
            picker.element.querySelector('#slot-status')?.focus();
        }
    }

    bookButton.addEventListener('click', () => busy(bookButton, async () => {
        const slot = picker.selected();
        if (!slot) return;
        clear(outcome);
        try {
            const booked = await api.post('/api/appointments', {
                patientId: p.id, procedure: procedure.value, start: slot.start,
                practitionerId: slot.practitionerId, roomId: slot.roomId,
            });
            clear(outcome, bookedNotice(booked, catalog));
            await picker.load().catch(() => {});
            outcome.querySelector('a')?.focus();
        } catch (e) {
            if (e.status === 422 && e.problem.screening) {
                clear(outcome, refusal(e.problem.screening, { patientId: p.id, onEarliest: showFrom }));
                outcome.querySelector('#book-earliest, #go-intake')?.focus();
            } else if (scheduleConflictNotice(e, 'booked')) {
                clear(outcome, scheduleConflictNotice(e, 'booked'));
                await picker.load().catch(() => {});
            } else if (e.status === 503) {
                clear(outcome, notice('error', 'Not booked: screening is unavailable',
                    `Nothing was booked, because a booking is never confirmed without screening. Try again${e.retryAfter ? ` in ${e.retryAfter} seconds` : ' in a moment'}.`));
            } else {
                clear(outcome, problemNotice(e, 'Not booked'));
            }
        }
    }, { enabledAfter: () => Boolean(picker.selected()) }));

    clear(main,
        h('div', { class: 'page-head' },
            h('h1', null, 'Book an appointment'),
            h('p', null, 'For ', h('a', { href: `#/patients/${p.id}`, id: 'book-patient' }, fmt.fullName(p)),
                h('span', { class: 'muted' }, ` · born ${fmt.plainDate(p.dateOfBirth)} · `), h('a', { href: '#/book' }, 'Change patient'))),
        h('section', { class: 'panel', 'aria-labelledby': 'what-title' },
            h('h2', { id: 'what-title' }, 'What and when'),
            search,
            h('p', { class: 'button-row' }, h('label', { class: 'choice', for: 'only-eligible' }, onlyEligible,
                'Only show times this patient can have (interval rules)')),
            h('p', { class: 'small muted' }, 'Days that are not possible for this patient say why, and which day is the first that is.')),
        h('section', { class: 'panel', 'aria-labelledby': 'slots-title' },
            h('h2', { id: 'slots-title' }, 'Free times'),
            picker.element),
        h('section', { class: 'panel', 'aria-labelledby': 'confirm-title' },
            h('h2', { id: 'confirm-title' }, 'Confirm'),
            chosen,
            h('div', { class: 'button-row' }, bookButton),
            h('p', { class: 'small muted' }, 'Every booking is screened for safety before it is confirmed.')),
        outcome);
    await picker.load().catch(() => {});
}

function bookedNotice(a, catalog) {
    const what = `${catalog.procedureName(a.procedure)} on ${fmt.dateTime(a.start)} with ${catalog.practitionerName(a.practitionerId)} in ${catalog.roomName(a.roomId)}`;
    const link = h('a', { href: `#/appointments/${a.id}`, id: 'booked-appointment' }, 'Open the appointment');
    if (a.status === 'PENDING_REVIEW') {
        return notice('warn', 'Booked, waiting for a clinician’s review',
            h('p', null, what, ' ', statusBadge(a.status)),
            'The time is held. A clinician reviews it before it is confirmed; the patient gets a confirmation then.',
            reasonList(a.screening),
            h('p', null, link));
    }
    return notice('ok', 'Booked and confirmed',
        h('p', null, what, ' ', statusBadge(a.status)),
        'The patient will get a confirmation by e-mail.',
        h('p', null, link));
}

function renderPatientChooser(main) {
    const input = h('input', { type: 'search', autocomplete: 'off' });
    const results = h('div', { id: 'book-patient-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Find the patient' },
        field('book-patient-query', 'Patient', input, 'Name in any order, phone, e-mail or date of birth'),
        h('button', { type: 'submit', class: 'button' }, 'Search'));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const query = input.value.trim();
        if (!query) return;
        try {
            const found = await api.get('/api/patients', { query });
            clear(results, found.length
                ? h('ul', { class: 'plain-list' }, found.map((p) => h('li', null,
                    h('a', { href: `#/book?patientId=${p.id}` }, fmt.fullName(p)),
                    h('span', { class: 'muted' }, ` · born ${fmt.plainDate(p.dateOfBirth)} · ${p.email}`))))
                : h('p', null, `No patient matches “${query}”. `, h('a', { href: '#/patients/new' }, 'Register a new patient')));
        } catch (e) {
            clear(results, problemNotice(e, 'Search failed'));
        }
    });
    clear(main,
        h('div', { class: 'page-head' }, h('h1', null, 'Book an appointment')),
        h('section', { class: 'panel', 'aria-labelledby': 'choose-title' },
            h('h2', { id: 'choose-title' }, 'Choose the patient'),
            form, results));
}
