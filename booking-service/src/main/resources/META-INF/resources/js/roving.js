// Arrow keys within a group of buttons (the picker's days and times): the group is one Tab stop, the
// arrows move between its buttons as they are laid out (left and right along a row, up and down to the
// nearest button of the row above or below), Home and End go to the first and last. The WAI-ARIA
// "roving tabindex" pattern; a few lines here, as no library the front end uses offers it.

const usable = (group, selector) => [...group.querySelectorAll(selector)].filter((b) => !b.disabled);

/** Makes `group`'s buttons (matching `selector`) one Tab stop: the pressed one, else the first. Call again after re-rendering them. */
export function arrowKeys(group, selector) {
    const buttons = usable(group, selector);
    const stop = buttons.find((b) => b.getAttribute('aria-pressed') === 'true') || buttons[0];
    buttons.forEach((b) => b.setAttribute('tabindex', b === stop ? '0' : '-1'));
    if (group.dataset.arrowKeys) return;
    group.dataset.arrowKeys = 'on';
    group.addEventListener('focusin', (event) => {
        if (!event.target.matches(selector)) return;
        usable(group, selector).forEach((b) => b.setAttribute('tabindex', b === event.target ? '0' : '-1'));
    });
    group.addEventListener('keydown', (event) => {
        if (!event.target.matches(selector) || event.altKey || event.ctrlKey || event.metaKey) return;
        const next = neighbour(usable(group, selector), event.target, event.key);
        if (!next) return;
        event.preventDefault();
        next.focus();
    });
}

function neighbour(buttons, from, key) {
    const at = buttons.indexOf(from);
    switch (key) {
    case 'ArrowLeft': return buttons[at - 1];
    case 'ArrowRight': return buttons[at + 1];
    case 'Home': return buttons[0];
    case 'End': return buttons[buttons.length - 1];
    case 'ArrowUp': return inNextRow(buttons, from, -1);
    case 'ArrowDown': return inNextRow(buttons, from, 1);
    default: return null;
    }
}

/** The button of the row above (-1) or below (1) whose centre is nearest to `from`'s, or null at the edge. */
function inNextRow(buttons, from, direction) {
    const box = from.getBoundingClientRect();
    const centre = box.left + box.width / 2;
    const rows = buttons.filter((b) => {
        const top = b.getBoundingClientRect().top;
        return direction < 0 ? top < box.top - 1 : top > box.top + 1;
    });
    if (!rows.length) return null;
    const rowTop = direction < 0 ? Math.max(...rows.map((b) => b.getBoundingClientRect().top))
        : Math.min(...rows.map((b) => b.getBoundingClientRect().top));
    const row = rows.filter((b) => Math.abs(b.getBoundingClientRect().top - rowTop) <= 1);
    const distance = (b) => Math.abs(b.getBoundingClientRect().left + b.getBoundingClientRect().width / 2 - centre);
    return row.reduce((best, b) => (distance(b) < distance(best) ? b : best));
}
