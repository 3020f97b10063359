package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What the worklist does to each request of a selection ({@link BatchActions}), and who may ask it: the same groups as
 * the single action's endpoint — taking and releasing a task for any member of staff (the task's own group then
 * decides, request by request), giving it for administrators, the agenda and the closing for the secretariat, the
 * payments for finance.
 */
public enum BatchAction {

    TAKE("Prendre les tâches", "prendre leur tâche", Set.of(Caller.OFFICERS, Caller.SECRETARIAT, Caller.FINANCE,
            Caller.ADMINISTRATORS)),
    RELEASE("Libérer les tâches", "libérer leur tâche", Set.of(Caller.OFFICERS, Caller.SECRETARIAT, Caller.FINANCE,
            Caller.ADMINISTRATORS)),
    ASSIGN("Confier les tâches à un agent", "confier leur tâche", Set.of(Caller.ADMINISTRATORS)),
    ADD_TO_AGENDA("Inscrire à l'ordre du jour d'une séance", "les inscrire à l'ordre du jour", Set.of(Caller.SECRETARIAT)),
    RECORD_PAYMENT("Enregistrer le versement dû", "enregistrer leur versement", Set.of(Caller.FINANCE)),
    CLOSE("Clôturer les demandes", "les clôturer", Set.of(Caller.SECRETARIAT));

    private final String label;
    private final String verb;
    private final Set<String> groups;

    BatchAction(String label, String verb, Set<String> groups) {
        this.label = label;
        this.verb = verb;
        this.groups = groups;
    }

    /** As the worklist's choice offers it: « Prendre les tâches ». */
    public String label() {
        return label;
    }

    /** What it does to the requests, for a refusal: « … ne permet pas de prendre leur tâche ». */
    public String verb() {
        return verb;
    }

    /** Whether the caller's groups allow it. */
    public boolean allows(Caller caller) {
        return caller.groups().stream().anyMatch(groups::contains);
    }

    public static Optional<BatchAction> of(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
