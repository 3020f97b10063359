package fr.subventions.convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code subventions.convention.*}: what the authority decides for the grants the law leaves free. */
@Component
@ConfigurationProperties(prefix = "subventions.convention")
public class ConventionProperties {

    /** Whether a convention is drawn up when the decision table says it is optional. */
    private boolean optionalDefault = true;

    public boolean isOptionalDefault() {
        return optionalDefault;
    }

    public void setOptionalDefault(boolean optionalDefault) {
        this.optionalDefault = optionalDefault;
    }
}
