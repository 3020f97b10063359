package fr.subventions.convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code subventions.convention.*}: what the authority decides for the grants the law leaves free. */
@Component
@ConfigurationProperties(prefix = "subventions.convention")
public class ConventionProperties {

    /** Whether a convention is drawn up when the decision table says it is optional. */
    private boolean optionalDefault = true;

    /** How long the beneficiary has to sign, from the convention's drafting; unsigned, it lapses. */
    private java.time.Period signatureValidity = java.time.Period.ofMonths(3);

    /** Reminders to the beneficiary: the first this long after drafting, then at this interval. */
    private java.time.Period signatureReminderEvery = java.time.Period.ofDays(15);

    private int signatureReminders = 3;

    /** When the secretariat is asked to follow the signature up itself. */
    private java.time.Period signatureEscalationAfter = java.time.Period.ofDays(45);

    public java.time.Period getSignatureValidity() {
        return signatureValidity;
    }

    public void setSignatureValidity(java.time.Period signatureValidity) {
        this.signatureValidity = signatureValidity;
    }

    public java.time.Period getSignatureReminderEvery() {
        return signatureReminderEvery;
    }

    public void setSignatureReminderEvery(java.time.Period signatureReminderEvery) {
        this.signatureReminderEvery = signatureReminderEvery;
    }

    public int getSignatureReminders() {
        return signatureReminders;
    }

    public void setSignatureReminders(int signatureReminders) {
        this.signatureReminders = signatureReminders;
    }

    public java.time.Period getSignatureEscalationAfter() {
        return signatureEscalationAfter;
    }

    public void setSignatureEscalationAfter(java.time.Period signatureEscalationAfter) {
        this.signatureEscalationAfter = signatureEscalationAfter;
    }

    public boolean isOptionalDefault() {
        return optionalDefault;
    }

    public void setOptionalDefault(boolean optionalDefault) {
        this.optionalDefault = optionalDefault;
    }
}
