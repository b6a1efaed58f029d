// Builds DOM nodes from data without innerHTML, so names typed by users can never become markup.

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child, [more]) → element. Attributes with value
 * null/false are left out; `true` sets an empty attribute.
 */
export function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
        Object.entries(attrs).forEach(([name, value]) => {
            if (value === null || value === undefined || value === false) return;
            if (name.startsWith('on') && typeof value === 'function') {
                el.addEventListener(name.substring(2), value);
            } else if (name === 'dataset') {
                Object.assign(el.dataset, value);
            } else if (name === 'value' && 'value' in el) {
                el.value = value;
            } else {
                el.setAttribute(name, value === true ? '' : String(value));
            }
        });
    }
    append(el, children);
    return el;
}

function append(el, children) {
    children.flat(Infinity).forEach((child) => {
        if (child === null || child === undefined || child === false) return;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
}

export function clear(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

let idCounter = 0;
export function uid(prefix) {
    idCounter += 1;
    return `${prefix}-${idCounter}`;
}
