package fr.subventions.documents;

import fr.subventions.submission.DocumentType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A document's data, one record per kind: its components are its template's placeholders, by name — a text, a list of
 * paragraphs or a list of table rows —, the request's facts ({@link RequestFacts}) counting as theirs.
 */
interface DocumentModel {

    /** The type it is filed as, whose template it fills. */
    DocumentType type();

    /** The placeholders' values by name. */
    default Map<String, Object> placeholders() {
        return placeholdersOf((Record) this);
    }

    /** A record's components by name, a component holding the request's facts counting as its fields. */
    static Map<String, Object> placeholdersOf(Record record) {
        Map<String, Object> placeholders = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(component.toString(), e);
            }
            if (value instanceof RequestFacts facts) {
                placeholders.putAll(facts.placeholders());
            } else {
                placeholders.put(component.getName(), value);
            }
        }
        return placeholders;
    }
}
