package fr.subventions.backoffice;

import java.time.LocalDate;
import java.util.List;

/**
 * A batch action as the API and the worklist's form send it: the action's name, the references of the selection, and
 * the one parameter the action needs, given once for every request — the officer a task is given to ({@code ASSIGN}),
 * the séance whose agenda takes the requests ({@code ADD_TO_AGENDA}), the payment's date and mandate number
 * ({@code RECORD_PAYMENT}).
 */
public record BatchCommand(String action, List<String> references, String assignee, Long sessionId, LocalDate paidOn,
        String mandateReference) {
}
