package fr.subventions.bureau;

import java.time.LocalDate;

public record CreateSession(AssemblyBody body, LocalDate date, String place, Long presidentId, Long secretaryId,
        LocalDate convocationSentOn) {
}
