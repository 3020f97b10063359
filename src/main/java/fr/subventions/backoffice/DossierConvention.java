package fr.subventions.backoffice;

import fr.subventions.convention.Convention;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The dossier page's « Convention »: the convention drafted for the grant, if any, and its two signatures. */
public final class DossierConvention {

    private DossierConvention() {
    }

    /** The convention and its two signatures. */
    public record ConventionPart(BigDecimal amount, LocalDate draftedOn, LocalDate validUntil, String beneficiarySignedBy,
            LocalDate beneficiarySignedOn, String presidentSignedBy, LocalDate presidentSignedOn, LocalDate concludedOn,
            LocalDate lapsedOn, int remindersSent) {

        static ConventionPart of(Convention c) {
            return new ConventionPart(c.amount(), c.draftedOn(), c.validUntil(), c.beneficiarySignedBy(),
                    c.beneficiarySignedOn(), c.presidentSignedBy(), c.presidentSignedOn(),
                    c.isSignedByBoth() ? c.concludedOn() : null, c.lapsedOn(), c.remindersSent());
        }
    }
}
