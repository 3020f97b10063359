package fr.subventions.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step of a request that its applicant or the authority's officers hear of by e-mail (package {@code mail}).
 * Published, as a Spring application event, inside the transaction that takes the step: what listens to it writes in
 * that same transaction, so a step that rolls back leaves nothing behind.
 *
 * @param documentId the document produced at that step and sent with the e-mail (acknowledgement, convention…), or null
 * @param details    what the step adds to the request's own data, already written as users read it (amounts in euros
 *                   in French, dates in words): each value a text or a list of texts
 */
public record RequestMilestone(Long requestId, Milestone milestone, Long documentId, Map<String, Object> details) {

    public enum Milestone {
        /** The acknowledgement of receipt is filed. */
        RECEIVED,
        /** The request for missing documents is filed. */
        MISSING_ITEMS_REQUESTED,
        /** The applicant sent the missing documents: back to the officer. */
        MISSING_ITEMS_SUPPLIED,
        /** Missing documents not sent in time. */
        INADMISSIBLE,
        /** A favourable instruction: the request waits for an agenda. */
        INSTRUCTED,
        PLACED_ON_AGENDA,
        ADJOURNED,
        /** Adopted by the assembly (the convention decided). */
        GRANTED,
        /** Rejected by the assembly. */
        REJECTED,
        /** The convention is drawn up and filed: the beneficiary signs. */
        CONVENTION_TO_SIGN,
        SIGNATURE_REMINDER,
        /** Still unsigned after a while: the secretariat gets a task to follow it up. */
        SIGNATURE_LATE,
        CONVENTION_LAPSED,
        PAYMENT_MADE,
        REPORT_REMINDER,
        /** Closed, its notification filed. */
        CLOSED,
        WITHDRAWN
    }

    public RequestMilestone {
        details = Map.copyOf(details);
    }

    public static RequestMilestone of(Long requestId, Milestone milestone) {
        return new RequestMilestone(requestId, milestone, null, Map.of());
    }

    public static RequestMilestone of(Long requestId, Milestone milestone, Long documentId) {
        return new RequestMilestone(requestId, milestone, documentId, Map.of());
    }

    /** The same step, sent with the document produced for it. */
    public RequestMilestone withDocument(Long documentId) {
        return new RequestMilestone(requestId, milestone, documentId, details);
    }

    /** The same step with one more detail: a text, a list of texts, or a yes or no (a template line shown or not). */
    public RequestMilestone with(String key, Object value) {
        if (!(value instanceof String) && !(value instanceof List<?>) && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("a detail is a text, a list of texts or a yes or no: " + key);
        }
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value instanceof List<?> list ? List.copyOf(list.stream().map(String::valueOf).toList()) : value);
        return new RequestMilestone(requestId, milestone, documentId, more);
    }
}
