package fr.subventions.bureau;

import java.time.LocalDate;

/** A séance to create; an urgency, stated with its reason, cuts the convocation's notice down to one jour franc. */
public record CreateSession(AssemblyBody body, LocalDate date, String place, Long presidentId, Long secretaryId,
        LocalDate convocationSentOn, String urgencyReason) {

    public CreateSession(AssemblyBody body, LocalDate date, String place, Long presidentId, Long secretaryId,
            LocalDate convocationSentOn) {
        this(body, date, place, presidentId, secretaryId, convocationSentOn, null);
    }
}
