package fr.subventions.acts;

import fr.subventions.convention.ConventionService;
import fr.subventions.convention.ConventionSigned;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A convention signed by both parties goes to the prefect too, as an act of nature 4 (contrats et conventions), when
 * the authority's settings say so ({@code subventions.transmission.transmit-conventions}): numbered after the
 * deliberation that approved it ({@code B2026_0001_C}), its object the deliberation's.
 */
@Component
class SignedConventions {

    private final TransmissionSettings settings;
    private final ActRepository acts;
    private final ConventionService conventions;
    private final Transmissions transmissions;
    private final Clock clock;

    SignedConventions(TransmissionSettings settings, ActRepository acts, ConventionService conventions,
            Transmissions transmissions, Clock clock) {
        this.settings = settings;
        this.acts = acts;
        this.conventions = conventions;
        this.transmissions = transmissions;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSigned(ConventionSigned signed) {
        if (!settings.transmitConventions()) {
            return;
        }
        Act deliberation = acts.findFirstByRequestIdAndKindOrderByIdDesc(signed.requestId(), ActKind.DELIBERATION)
                .orElse(null);
        if (deliberation == null) {
            // a convention whose deliberation predates the register of acts: sent by the authority's former means
            return;
        }
        String number = deliberation.number() + "_C";
        if (acts.findByKindAndNumber(ActKind.CONVENTION, number).isPresent()) {
            return;
        }
        LocalDate concluded = conventions.of(signed.requestId()).map(c -> c.concludedOn()).orElse(LocalDate.now(clock));
        Act convention = acts.save(new Act(ActKind.CONVENTION, number, signed.requestId(), null, null, concluded,
                deliberation.assembly(), "Convention : " + deliberation.object(), null, signed.documentId(),
                Instant.now(clock), true));
        transmissions.sendIfReady(convention);
    }
}
