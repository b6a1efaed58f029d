// Calls booking-service's API: JSON in and out, RFC 9457 problems turned into ApiError.

import { authorizationHeader } from './auth.js';

/** A failed call: the HTTP status and the problem+json body (title, detail, errors[], ...). */
export class ApiError extends Error {
    constructor(status, problem, retryAfter) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem || {};
        this.retryAfter = retryAfter;
    }

    /** The kind from `type` = urn:clinic:problem:<kind>. */
    get kind() {
        const type = this.problem.type || '';
        return type.startsWith('urn:clinic:problem:') ? type.substring('urn:clinic:problem:'.length) : type;
    }

    /** Field errors as {field: message}. */
    get fieldErrors() {
        const out = {};
        (this.problem.errors || []).forEach((e) => {
            if (e.field && !out[e.field]) out[e.field] = e.message;
        });
        return out;
    }
}

let onUnauthorized = () => {};

/** What to do when the server says the user is not (or no longer) signed in. */
export function whenUnauthorized(handler) {
    onUnauthorized = handler;
}

function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One API call. `idempotent: true` sends a fresh Idempotency-Key: callers make one call per user
 * action, so a retried network request is not booked twice.
 */
export async function request(method, path, { body, query, idempotent = false, signIn = false } = {}) {
    // X-Requested-With marks a script's request: the server answers 401 without a Basic challenge (no
    // browser login pop-up), and 499 instead of redirecting to the identity provider's login page
    const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'JavaScript' };
    const auth = authorizationHeader();
    if (auth) headers.Authorization = auth;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotent) headers['Idempotency-Key'] = newKey();
    let url = path;
    if (query) {
        const params = new URLSearchParams();
        Object.entries(query).forEach(([k, v]) => {
            if (v !== undefined && v !== null && v !== '') params.set(k, v);
        });
        const qs = params.toString();
        if (qs) url += `?${qs}`;
    }
    let response;
    try {
        response = await fetch(url, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            // the identity provider's session cookie; demo credentials go in the Authorization header
            credentials: 'same-origin',
            cache: 'no-store',
        });
    } catch (networkFailure) {
        throw new ApiError(0, { title: 'No connection', detail: 'The clinic server could not be reached. Nothing was changed; check the connection and try again.' });
    }
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (notJson) {
            data = null;
        }
    }
    if (!response.ok) {
        // 499: the identity provider's session is missing or over (Quarkus OIDC's answer to a script): not signed in
        const status = response.status === 499 ? 401 : response.status;
        const error = new ApiError(status, data, response.headers.get('Retry-After'));
        if (status === 401 && !signIn) onUnauthorized();
        throw error;
    }
    return data;
}

export const api = {
    get: (path, query) => request('GET', path, { query }),
    post: (path, body) => request('POST', path, { body, idempotent: true }),
    put: (path, body) => request('PUT', path, { body, idempotent: true }),
    request: (method, path) => request(method, path, { idempotent: method !== 'GET' }),
};
