package fr.subventions.backoffice;

import fr.subventions.bureau.Agenda;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The secretariat's forms on the dossier page, the President's signature and the closing: what each shows beside its
 * fields, and its defaults — the President of the séance that decided, today's date.
 */
@Component
public class SecretariatStepForms {

    private final Agenda agenda;
    private final Clock clock;

    SecretariatStepForms(Agenda agenda, Clock clock) {
        this.agenda = agenda;
        this.clock = clock;
    }

    /** The amount granted; the séance's President and today proposed in {@code values}. */
    Signature signature(SubsidyRequest request, Map<String, String> values) {
        String president = agenda.decisionOn(request.id()).map(item -> item.session().president().fullName()).orElse("");
        values.put("signedBy", president);
        values.put("signedOn", LocalDate.now(clock).toString());
        return new Signature(request.grantedAmount(), president);
    }

    Closing closing(SubsidyRequest request) {
        return new Closing(request.status().label(), request.outcome() == null ? null : request.outcome().label());
    }

    /** The President's signature of the convention, recorded by the secretariat. */
    public record Signature(BigDecimal granted, String president) implements StepForm {
    }

    /** Closing: the request's stage and outcome, for a last look before the secretariat closes it. */
    public record Closing(String status, String outcome) implements StepForm {
    }
}
