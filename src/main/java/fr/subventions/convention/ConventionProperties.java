package fr.subventions.convention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code subventions.convention.*}: what the authority decides for the grants the law leaves free. */
@Component
@ConfigurationProperties(prefix = "subventions.convention")
public class ConventionProperties {

    /** Whether a convention is drawn up when the decision table says it is optional. */
    private boolean optionalDefault = true;

    /** How long the beneficiary has to sign, from the convention's drafting; unsigned, it lapses. */
    private Period signatureValidity = Period.ofMonths(3);

    /** Reminders to the beneficiary: the first this long after drafting, then at this interval. */
    private Period signatureReminderEvery = Period.ofDays(15);

    private int signatureReminders = 3;

    /** When the secretariat is asked to follow the signature up itself. */
    private Period signatureEscalationAfter = Period.ofDays(45);

    public Period getSignatureValidity() {
        return signatureValidity;
    }

    public void setSignatureValidity(Period signatureValidity) {
        this.signatureValidity = signatureValidity;
    }

    public Period getSignatureReminderEvery() {
        return signatureReminderEvery;
    }

    public void setSignatureReminderEvery(Period signatureReminderEvery) {
        this.signatureReminderEvery = signatureReminderEvery;
    }

    public int getSignatureReminders() {
        return signatureReminders;
    }

    public void setSignatureReminders(int signatureReminders) {
        this.signatureReminders = signatureReminders;
    }

    public Period getSignatureEscalationAfter() {
        return signatureEscalationAfter;
    }

    public void setSignatureEscalationAfter(Period signatureEscalationAfter) {
        this.signatureEscalationAfter = signatureEscalationAfter;
    }

    public boolean isOptionalDefault() {
        return optionalDefault;
    }

    public void setOptionalDefault(boolean optionalDefault) {
        this.optionalDefault = optionalDefault;
    }
}
