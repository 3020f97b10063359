package fr.subventions.convention;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Texts;
import fr.subventions.submission.ReminderDue;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The beneficiary's signature on a timer: reminders at an interval, the secretariat asked to follow it up after a
 * while, and the grant lapsing when the convention is still unsigned past its validity.
 * <p>
 * All of them count from the day the signature opens: the day {@code Task_SignAsBeneficiary} starts, once the
 * deliberation is executory (CGCT L2131-1) — not the convention's drafting, so that the wait for the prefect's receipt
 * and the publication takes nothing from the beneficiary's time. The task's timers ask for their dates as it starts,
 * before anything else of it runs: the first of them opens the period ({@link #open}).
 */
@Service
@Transactional
class SignatureDeadlines {

    private final ConventionRepository conventions;
    private final SubsidyRequestService requests;
    private final ConventionProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SignatureDeadlines(ConventionRepository conventions, SubsidyRequestService requests,
            ConventionProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.conventions = conventions;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The beneficiary's signature opens today, once: the convention is valid {@code signature-validity} from today, and
     * is sent to the beneficiary ({@link ConventionOpenedForSignature}).
     */
    public Convention open(Long requestId) {
        Convention convention = convention(requestId);
        LocalDate today = LocalDate.now(clock);
        if (convention.openForSignature(today, today.plus(properties.getSignatureValidity()))) {
            events.publishEvent(new ConventionOpenedForSignature(requestId));
        }
        return convention;
    }

    /** "R3/2023-10-17T09:00:00+02:00/P15D": the reminders' timer cycle, counted from the signature's opening. */
    public String reminderCycle(Long requestId) {
        LocalDate first = open(requestId).draftedOn().plus(properties.getSignatureReminderEvery());
        return "R" + properties.getSignatureReminders() + "/" + first.atTime(9, 0).atZone(zone())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + properties.getSignatureReminderEvery();
    }

    /** When the secretariat gets a task to follow the signature up. */
    public Date escalationAt(Long requestId) {
        LocalDate day = open(requestId).draftedOn().plus(properties.getSignatureEscalationAfter());
        return Date.from(day.atTime(9, 0).atZone(zone()).toInstant());
    }

    /** The day after the last day of validity, at midnight in the authority's zone. */
    public Date lapseAt(Long requestId) {
        return Date.from(open(requestId).validUntil().plusDays(1).atStartOfDay(zone()).toInstant());
    }

    /** A reminder to the beneficiary, told in the request's history; its letter is filed before its e-mail goes. */
    public void remind(Long requestId) {
        Convention convention = convention(requestId);
        if (convention.beneficiarySignedOn() != null || convention.lapsedOn() != null) {
            return;
        }
        convention.remind();
        requests.recordReminder(requestId, "Relance n° " + convention.remindersSent() + " : convention à signer au plus "
                + "tard le " + FrenchText.date(convention.validUntil()), "système");
        events.publishEvent(new ReminderDue(
                RequestMilestone.of(requestId, RequestMilestone.Milestone.SIGNATURE_REMINDER)
                        .with("reminderNumber", String.valueOf(convention.remindersSent()))
                        .with("grantedAmount", Money.format(convention.amount()))
                        .with("draftedOn", FrenchText.date(convention.draftedOn()))
                        .with("validUntil", FrenchText.date(convention.validUntil()))));
    }

    /** The secretariat has just been given a task to follow the signature up: its members hear of it by e-mail. */
    public void signatureLate(Long requestId) {
        Convention convention = convention(requestId);
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.SIGNATURE_LATE)
                .with("grantedAmount", Money.format(convention.amount()))
                .with("draftedOn", FrenchText.date(convention.draftedOn()))
                .with("validUntil", FrenchText.date(convention.validUntil()))
                .with("reminderNumber", String.valueOf(convention.remindersSent())));
    }

    /** Past its validity, unsigned: the grant lapses (its reservation is released next, by the process). */
    public void lapse(Long requestId) {
        Convention convention = convention(requestId);
        LocalDate today = LocalDate.now(clock);
        convention.lapse(today);
        requests.lapse(requestId, "Convention non signée par le bénéficiaire au " + FrenchText.date(convention.validUntil())
                + " : la subvention est caduque", "système");
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.CONVENTION_LAPSED)
                .with("grantedAmount", Money.format(convention.amount()))
                .with("draftedOn", FrenchText.date(convention.draftedOn()))
                .with("validUntil", FrenchText.date(convention.validUntil())));
    }

    /** The secretariat followed the signature up (a call, a letter…): told in the history. */
    public void followedUp(Long requestId, String note, String actor) {
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new InvalidInputException("note",
                    "indiquez la relance effectuée (appel, courrier…), 2000 caractères au plus");
        }
        if (!Texts.isClean(note)) {
            throw new InvalidInputException("note", Texts.message(Texts.forbidden(note)));
        }
        requests.recordReminder(requestId, "Relance du secrétariat : " + note.strip(), actor);
    }

    private Convention convention(Long requestId) {
        return conventions.findByRequestId(requestId)
                .orElseThrow(() -> new NotFoundException("Aucune convention pour cette demande."));
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
