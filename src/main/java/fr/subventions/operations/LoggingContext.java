package fr.subventions.operations;

import org.slf4j.MDC;

/**
 * The MDC keys that tie a log line to what it is about: {@value #REFERENCE}, a request's reference
 * ({@code SUB-2025-0001}), and {@value #SESSION}, a séance's id. Set by {@link RequestLoggingFilter} for the HTTP
 * requests about one of them and by {@link ProcessLoggingPlugin} while the engine runs their processes; shown by the
 * console pattern ({@code logging.pattern.correlation}) and as fields of the JSON logs.
 */
final class LoggingContext {

    static final String REFERENCE = "reference";
    static final String SESSION = "session";

    private LoggingContext() {
    }

    /** The two keys as they are now, to put back with {@link #restore}. */
    static String[] save() {
        return new String[] {MDC.get(REFERENCE), MDC.get(SESSION)};
    }

    static void restore(String[] saved) {
        put(REFERENCE, saved[0]);
        put(SESSION, saved[1]);
    }

    static void clear() {
        MDC.remove(REFERENCE);
        MDC.remove(SESSION);
    }

    /** Sets the key, or removes it for null. */
    static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
