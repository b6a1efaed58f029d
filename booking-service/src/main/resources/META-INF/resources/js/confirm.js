// Asking before what cannot be undone or e-mails the patient, and an undo window for what can wait
// a few seconds. A native modal dialog: focus moves into it, Escape cancels, focus comes back after.

import { h, clear } from './dom.js';

/**
 * Asks the user to confirm. Resolves true (confirmed) or false. `body` is text or nodes; `danger`
 * colours the confirming button; `extra` (optional) is a node inside the dialog, e.g. a field.
 */
export function confirmAction({ title, body, confirmLabel, cancelLabel = 'Go back', danger = false, extra = null }) {
    return new Promise((resolve) => {
        const opener = document.activeElement;
        const titleId = 'confirm-title';
        const yes = h('button', { type: 'button', class: `button ${danger ? 'button-danger' : ''}`.trim(), id: 'confirm-yes' }, confirmLabel);
        const no = h('button', { type: 'button', class: 'button button-quiet', id: 'confirm-no' }, cancelLabel);
        const dialog = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': 'confirm-body', id: 'confirm-dialog' },
            h('h2', { id: titleId }, title),
            h('div', { id: 'confirm-body' }, typeof body === 'string' ? h('p', null, body) : body),
            extra,
            h('div', { class: 'button-row' }, yes, no));
        let answered = false;
        const finish = (answer) => {
            if (answered) return;
            answered = true;
            if (dialog.open) dialog.close();
            dialog.remove();
            if (opener && document.contains(opener)) opener.focus();
            resolve(answer);
        };
        yes.addEventListener('click', () => finish(true));
        no.addEventListener('click', () => finish(false));
        dialog.addEventListener('cancel', (event) => {
            event.preventDefault();
            finish(false);
        });
        document.body.append(dialog);
        dialog.showModal();
        // the safe choice has focus, so a hurried Enter does not confirm
        no.focus();
    });
}

/**
 * Runs `action` after `seconds` unless the user undoes it first: for changes that send nothing and
 * are safe to hold back a moment (a check-in). Shows a status line with the countdown and an Undo
 * button. Resolves with the action's result, or null when undone.
 */
export function withUndo({ message, seconds = 5, action }) {
    return new Promise((resolve, reject) => {
        const region = document.getElementById('undo-region');
        const text = h('span', { id: 'undo-text' }, `${message} in ${seconds} s.`);
        const undo = h('button', { type: 'button', class: 'button button-secondary', id: 'undo-button' }, 'Undo');
        const bar = h('div', { class: 'undo-bar', role: 'status' }, text, undo);
        clear(region, bar);
        let left = seconds;
        const tick = setInterval(() => {
            left -= 1;
            if (left > 0) text.textContent = `${message} in ${left} s.`;
        }, 1000);
        const timer = setTimeout(async () => {
            clearInterval(tick);
            clear(region);
            try {
                resolve(await action());
            } catch (e) {
                reject(e);
            }
        }, seconds * 1000);
        undo.addEventListener('click', () => {
            clearTimeout(timer);
            clearInterval(tick);
            clear(region, h('div', { class: 'undo-bar', role: 'status' }, 'Undone: nothing was changed.'));
            setTimeout(() => { if (region.textContent.startsWith('Undone')) clear(region); }, 4000);
            resolve(null);
        });
    });
}
