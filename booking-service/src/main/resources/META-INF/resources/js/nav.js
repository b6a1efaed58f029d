// Moving between screens from inside a screen, without the screens importing the router.

let router = () => {};
let keepNext = false;

export function setRouter(route) {
    router = route;
    window.addEventListener('hashchange', () => {
        // only #/... addresses are screens; others (like the skip link's #main) are in-page anchors
        if (location.hash && !location.hash.startsWith('#/')) return;
        const keepAnnouncement = keepNext;
        keepNext = false;
        router({ keepAnnouncement });
    });
}

/** Navigates; `keepAnnouncement` keeps the result of the last action (e.g. "Patient registered") on the next screen. */
export function go(hash, { keepAnnouncement = false } = {}) {
    if (location.hash === hash) {
        router({ keepAnnouncement });
    } else {
        keepNext = keepAnnouncement;
        location.hash = hash;
    }
}

/** Re-renders the current screen (after an action changed what it shows). */
export function reload({ keepAnnouncement = true } = {}) {
    router({ keepAnnouncement });
}
