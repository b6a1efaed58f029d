package clinic.local.stack.contract;

/** How a generated request departs from what the operation's document accepts, if at all. */
enum Mutation {
    /** Every parameter and field as documented, by a user with a role the operation allows. */
    VALID,
    /** No Authorization header on an operation that needs a role: 401. */
    NO_CREDENTIALS,
    /** A signed-in user without any role the operation allows: 403. */
    WRONG_ROLE,
    /** A parameter that is not of its type or format (an id, a day, a number, an enum). */
    BAD_PARAMETER,
    /** A control character (NUL, ESC, DEL, C1) in a text parameter or field. */
    CONTROL_CHARACTER,
    /** A text longer than its maxLength, or a request line longer than the server takes. */
    OVERLONG,
    /** A required parameter, field or body left out. */
    MISSING_REQUIRED,
    /** A field the body's schema does not define. */
    UNKNOWN_FIELD,
    /** A field (or the whole body) of another JSON type than documented. */
    WRONG_TYPE,
    /** A body that is not JSON. */
    MALFORMED_JSON
}
