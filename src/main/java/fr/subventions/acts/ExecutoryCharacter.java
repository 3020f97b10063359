package fr.subventions.acts;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When an act of the authority becomes executory (CGCT L2131-1, as rewritten by ordonnance 2021-1310): once it has
 * been made public — published on the authority's website, in full (R2131-1) — and, for the acts L2131-2 lists
 * (deliberations, conventions when the authority sends them), once it has been received by the prefect for the contrôle
 * de légalité. The date is the later of the two: the publication, and the prefecture's receipt in its acknowledgement.
 */
public final class ExecutoryCharacter {

    /** The article named when an action waits for the act to be executory. */
    public static final String ARTICLE = "CGCT, art. L2131-1";

    private ExecutoryCharacter() {
    }

    /**
     * @param publishedOn          the day the act was put online, or null
     * @param receivedOn           the prefecture's date of receipt ({@code DateReception} of its ARActe), or null
     * @param transmissionRequired whether the act goes to the prefect (L2131-2)
     * @return the day the act became executory, or empty while it is not
     */
    public static Optional<LocalDate> since(LocalDate publishedOn, LocalDate receivedOn, boolean transmissionRequired) {
        if (publishedOn == null) {
            return Optional.empty();
        }
        if (!transmissionRequired) {
            return Optional.of(publishedOn);
        }
        if (receivedOn == null) {
            return Optional.empty();
        }
        return Optional.of(receivedOn.isAfter(publishedOn) ? receivedOn : publishedOn);
    }
}
