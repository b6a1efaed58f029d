package clinic.web.input;

/**
 * Which characters a text input may hold. No control characters (C0, DEL, C1: what
 * {@link Character#isISOControl} calls control), no unpaired surrogate halves; free text (see
 * {@link FreeText}) may also hold tab, carriage return and line feed.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The index of the first character that {@code text} may not hold, or -1 when every one is allowed. */
    public static int firstForbidden(CharSequence text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (freeText && (c == '\t' || c == '\r' || c == '\n')) {
                    continue;
                }
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why the character at {@code index} is refused, naming it by code point only (never the text around it). */
    public static String whyRefused(CharSequence text, int index) {
        char c = text.charAt(index);
        String codePoint = String.format("U+%04X", (int) c);
        return Character.isSurrogate(c)
                ? "contains an unpaired surrogate (" + codePoint + ")"
                : "contains a control character (" + codePoint + ")";
    }
}
