package fr.subventions.acts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An act as the API tells it: its number, where it stands ({@link ActState}), the prefecture's {@code IDActe}, and the
 * dates of its signature, transmission, acknowledgement (the prefecture's date of receipt), publication and executory
 * character.
 */
public record ActView(String number, String kind, ActState state, String stateLabel, String anomaly, String idActe,
        Instant signedAt, Instant transmittedAt, LocalDate acknowledgedOn, LocalDate publishedOn, LocalDate executoryOn,
        LocalDate publicationDueOn, boolean publicationOverdue) {

    static ActView of(Act act, LocalDate today) {
        LocalDate due = PublicationDeadline.dueOn(act);
        return new ActView(act.number(), act.kind().name(), act.state(), act.state().label(), act.anomalyDetail(),
                act.idActe(), act.signedAt(), act.transmittedAt(), act.receivedOn(), act.publishedOn(),
                act.executoryOn(), due, PublicationDeadline.overdue(act, today));
    }
}
