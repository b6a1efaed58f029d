// Live updates: one server-sent event stream per tab (GET /api/changes), read with fetch so the
// same credentials as every API call go along. Screens subscribe while they are shown; after a
// lost connection the stream comes back by itself and the screens read everything again.

import { authorizationHeader } from './auth.js';

const listeners = new Set();
let controller = null;
let retry = 1000;
let connectedBefore = false;

/** Calls `handler({table, id})` for each change until the returned function is called. */
export function onChange(handler) {
    listeners.add(handler);
    connect();
    return () => listeners.delete(handler);
}

/**
 * Like onChange, for a screen: the handler is dropped as soon as its screen is no longer shown
 * (`isCurrent()` false), and changes arriving in a burst are read once, after a short pause.
 */
export function whileShown(isCurrent, handler, { pause = 400 } = {}) {
    let timer = null;
    let pending = [];
    const stop = onChange((change) => {
        if (!isCurrent()) {
            stop();
            return;
        }
        pending.push(change);
        clearTimeout(timer);
        timer = setTimeout(() => {
            const batch = pending;
            pending = [];
            if (isCurrent()) handler(batch);
            else stop();
        }, pause);
    });
    return stop;
}

/** Stops the stream (signing out). */
export function stopLive() {
    controller?.abort();
    controller = null;
}

function emit(change) {
    listeners.forEach((handler) => {
        try {
            handler(change);
        } catch (e) {
            // one screen's failure must not stop the others' updates
            setTimeout(() => { throw e; });
        }
    });
}

async function connect() {
    if (controller) return;
    controller = new AbortController();
    const mine = controller;
    try {
        const headers = { Accept: 'text/event-stream', 'X-Requested-With': 'fetch' };
        const auth = authorizationHeader();
        if (auth) headers.Authorization = auth;
        const response = await fetch('/api/changes', { headers, signal: mine.signal, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        retry = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
                const block = buffer.substring(0, end);
                buffer = buffer.substring(end + 2);
                const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.substring(5).trim()).join('\n');
                if (data) {
                    let change = JSON.parse(data);
                    // the server may write each event as a JSON string holding the JSON object
                    if (typeof change === 'string') change = JSON.parse(change);
                    // a (re)connected stream may have missed changes: the screens read again
                    if (change.table === 'hello') {
                        if (connectedBefore) emit({ table: 'resync' });
                        connectedBefore = true;
                    } else if (change.table !== 'heartbeat') {
                        emit(change);
                    }
                }
                end = buffer.indexOf('\n\n');
            }
        }
    } catch (e) {
        if (mine.signal.aborted) return;
    } finally {
        if (controller === mine) controller = null;
    }
    if (!mine.signal.aborted && listeners.size) {
        setTimeout(() => { if (listeners.size) connect(); }, retry);
        retry = Math.min(retry * 2, 30000);
    }
}
