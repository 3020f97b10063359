package fr.subventions.documents;

import java.util.regex.Pattern;

/** Text as an Office file (.docx, .xlsx) can carry it: what a user typed or pasted must not corrupt the file. */
public final class DocumentText {

    /** Characters XML 1.0 cannot carry. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private DocumentText() {
    }

    /** The text without the characters XML 1.0 cannot carry; null gives "". */
    public static String clean(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
    }
}
