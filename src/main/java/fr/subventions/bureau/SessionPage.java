package fr.subventions.bureau;

import java.math.BigDecimal;
import java.util.List;

/** The séance page's view: the séance, one seat per member in office, the agenda with each item's result. */
public record SessionPage(SessionView session, List<Seat> seats, List<Item> agenda, int quorum, Integer present,
        Integer proxies, boolean quorumReached, boolean deliberatesWithoutQuorum, List<String> movements) {

    public record Seat(Long memberId, String name, boolean present, Long proxyHolderId) {
    }

    public record Item(Long id, int position, String reference, String title, String theme, BigDecimal amount,
            String outcome, Tally tally, boolean settled, boolean adjournedForLackOfQuorum, boolean withoutQuorum) {
    }
}
