package fr.subventions.shared;

import java.util.regex.Pattern;

/**
 * What a user's text may hold. Letters of any script, punctuation, symbols and emoji, line breaks and tabs are kept;
 * refused are the characters that nobody types and that only hide or disguise text: control characters (NUL, escape
 * sequences…), invisible formatting characters — right-to-left overrides and isolates that reorder what is shown,
 * zero-width spaces, byte order marks, tag characters —, lone surrogates, non-characters, private-use characters and
 * line or paragraph separators. Zero-width joiners stay: emoji sequences and some scripts need them.
 */
public final class Texts {

    /**
     * An e-mail address as people have them: a local part of letters, digits and the usual signs, an "@", and a domain
     * of labels (letters of any script, digits, hyphens) with at least one dot. No spaces, quotes, angle brackets,
     * semicolons or parentheses.
     */
    public static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

    private Texts() {
    }

    /** The first character the text may not hold, or -1 when there is none (or no text). */
    public static int forbidden(String text) {
        if (text == null) {
            return -1;
        }
        return text.codePoints().filter(Texts::isForbidden).findFirst().orElse(-1);
    }

    public static boolean isClean(String text) {
        return forbidden(text) < 0;
    }

    /** Adds the field's error when the text holds a forbidden character; whether it was clean. */
    public static boolean check(Violations violations, String field, String text) {
        int c = forbidden(text);
        if (c >= 0) {
            violations.add(field, message(c));
            return false;
        }
        return true;
    }

    public static String message(int c) {
        return "caractères de contrôle ou invisibles interdits (U+" + String.format("%04X", c) + ")";
    }

    public static boolean isEmail(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    static boolean isForbidden(int c) {
        if (c == '\t' || c == '\n' || c == '\r' || c == 0x200C || c == 0x200D) {
            return false;
        }
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
