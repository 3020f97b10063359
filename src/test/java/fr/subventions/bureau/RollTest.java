package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.bureau.Roll.Proxy;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RollTest {

    /** Members 1 to n. */
    private static List<Long> members(long n) {
        return range(1, n);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static List<Long> ids(Long... ids) {
        return Arrays.asList(ids);
    }

    private static Map<Integer, Proxy> proxies(Proxy... proxies) {
        Map<Integer, Proxy> map = new LinkedHashMap<>();
        for (Proxy proxy : proxies) {
            map.put(map.size(), proxy);
        }
        return map;
    }

    private static Proxy proxy(long from, long to) {
        return new Proxy(from, to);
    }

    private static Map<Integer, Proxy> none() {
        return Map.of();
    }

    private static List<String> errorFields(List<Long> inOffice, List<Long> present, List<Long> absent,
            Map<Integer, Proxy> proxies) {
        InvalidInputException e = catchThrowableOfType(() -> Roll.of(inOffice, present, absent, proxies),
                InvalidInputException.class);
        assertThat(e).as("Roll.of should refuse the sheet").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Nested
    class Quorum {

        @Test
        void isReachedWith22PresentOf43InOffice() {
            Roll roll = Roll.of(members(43), range(1, 22), range(23, 43), none());
            assertThat(roll.quorum()).isEqualTo(22);
            assertThat(roll.quorumReached()).isTrue();
        }

        @Test
        void isNotReachedWith21PresentOf43InOffice() {
            Roll roll = Roll.of(members(43), range(1, 21), range(22, 43), none());
            assertThat(roll.quorumReached()).isFalse();
        }

        @Test
        void needsThreeOfFourInOffice() {
            assertThat(Roll.of(members(4), range(1, 3), ids(4L), none()).quorum()).isEqualTo(3);
            assertThat(Roll.of(members(4), range(1, 3), ids(4L), none()).quorumReached()).isTrue();
            assertThat(Roll.of(members(4), range(1, 2), range(3, 4), none()).quorumReached()).isFalse();
        }

        @Test
        void needsMoreThanHalfWithAnEvenNumberInOffice() {
            assertThat(Roll.of(members(44), range(1, 22), range(23, 44), none()).quorumReached()).isFalse();
            assertThat(Roll.of(members(44), range(1, 23), range(24, 44), none()).quorumReached()).isTrue();
        }

        @Test
        void needsTheOnlyMemberOfASingleMemberBody() {
            assertThat(Roll.of(members(1), ids(1L), ids(), none()).quorumReached()).isTrue();
            assertThat(Roll.of(members(1), ids(), ids(1L), none()).quorumReached()).isFalse();
        }

        @Test
        void doesNotCountProxies() {
            // 21 present, each holding the proxy of one absent member: 42 votes, but only 21 physically present
            Map<Integer, Proxy> proxies = new LinkedHashMap<>();
            for (int i = 0; i < 21; i++) {
                proxies.put(i, proxy(22 + i, 1 + i));
            }
            Roll roll = Roll.of(members(43), range(1, 21), range(22, 43), proxies);
            assertThat(roll.proxyCount()).isEqualTo(21);
            assertThat(roll.quorumReached()).isFalse();
        }

        @Test
        void isReachedInTheSeedSeance() {
            // 43 in office, 25 present, 15 proxies, 3 absent without proxy
            Map<Integer, Proxy> proxies = new LinkedHashMap<>();
            for (int i = 0; i < 15; i++) {
                proxies.put(i, proxy(26 + i, 1 + i));
            }
            Roll roll = Roll.of(members(43), range(1, 25), range(26, 43), proxies);
            assertThat(roll.membersInOffice()).isEqualTo(43);
            assertThat(roll.presentCount()).isEqualTo(25);
            assertThat(roll.proxyCount()).isEqualTo(15);
            assertThat(roll.absentCount()).isEqualTo(18);
            assertThat(roll.quorumReached()).isTrue();
        }
    }

    @Nested
    class Proxies {

        @Test
        void recordWhoRepresentsWhom() {
            Roll roll = Roll.of(members(4), range(1, 3), ids(4L), proxies(proxy(4, 2)));
            assertThat(roll.isRepresented(4L)).isTrue();
            assertThat(roll.holderOf(4L)).isEqualTo(2L);
            assertThat(roll.isPresent(4L)).isFalse();
            assertThat(roll.isPresent(2L)).isTrue();
            assertThat(roll.isRepresented(2L)).isFalse();
            assertThat(roll.proxies()).containsExactly(Map.entry(4L, 2L));
        }

        @Test
        void mayComeFromAMemberNotListedAsAbsent() {
            Roll roll = Roll.of(members(4), range(1, 3), ids(), proxies(proxy(4, 1)));
            assertThat(roll.isRepresented(4L)).isTrue();
        }

        @Test
        void letTwoHoldersEachHoldOne() {
            Roll roll = Roll.of(members(5), range(1, 3), range(4, 5), proxies(proxy(4, 1), proxy(5, 2)));
            assertThat(roll.proxyCount()).isEqualTo(2);
        }
    }

    @Nested
    class Refuses {

        @Test
        void aProxyFromAPresentMember() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(proxy(4, 1), proxy(3, 2))))
                    .containsExactly("proxies[1].fromId");
        }

        @Test
        void aProxyToAnAbsentMember() {
            assertThat(errorFields(members(5), range(1, 3), range(4, 5), proxies(proxy(4, 1), proxy(5, 4))))
                    .containsExactly("proxies[1].toId");
        }

        @Test
        void aProxyToOneself() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(proxy(4, 4))))
                    .containsExactly("proxies[0].toId");
        }

        @Test
        void aSecondProxyHeldByTheSameMember() {
            // L2121-20: a member holds at most one proxy
            assertThat(errorFields(members(5), range(1, 3), range(4, 5), proxies(proxy(4, 1), proxy(5, 1))))
                    .containsExactly("proxies[1].toId");
        }

        @Test
        void aSecondProxyFromTheSameGiver() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(proxy(4, 1), proxy(4, 2))))
                    .containsExactly("proxies[1].fromId");
        }

        @Test
        void aProxyFromAnUnknownMember() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(proxy(4, 1), proxy(99, 2))))
                    .containsExactly("proxies[1].fromId");
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(new Proxy(null, 2L))))
                    .containsExactly("proxies[0].fromId");
        }

        @Test
        void aProxyToAnUnknownMember() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(proxy(4, 99))))
                    .containsExactly("proxies[0].toId");
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies(new Proxy(4L, null))))
                    .containsExactly("proxies[0].toId");
        }

        @Test
        void anUnknownPresentMember() {
            assertThat(errorFields(members(4), ids(1L, 2L, 99L), ids(4L), none())).containsExactly("present[2]");
        }

        @Test
        void aNullPresentMember() {
            assertThat(errorFields(members(4), ids(1L, null, 3L), ids(4L), none())).containsExactly("present[1]");
        }

        @Test
        void anUnknownAbsentMember() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L, 0L), none())).containsExactly("absent[1]");
        }

        @Test
        void aPresentMemberListedTwice() {
            assertThat(errorFields(members(4), ids(1L, 2L, 1L), ids(4L), none())).containsExactly("present[2]");
        }

        @Test
        void aMemberBothPresentAndAbsent() {
            assertThat(errorFields(members(4), range(1, 3), ids(4L, 2L), none())).containsExactly("absent[1]");
        }

        @Test
        void withEveryErrorReportedAtOnce() {
            List<String> fields = errorFields(members(5), ids(1L, 2L, 9L), ids(2L, 4L, 5L),
                    proxies(proxy(4, 1), proxy(5, 1)));
            assertThat(fields).containsExactly("present[2]", "absent[0]", "proxies[1].toId");
        }

        @Test
        void keepingProxyIndexesAsTheCallerNumberedThem() {
            Map<Integer, Proxy> proxies = new LinkedHashMap<>();
            proxies.put(7, proxy(4, 9));
            assertThat(errorFields(members(4), range(1, 3), ids(4L), proxies)).containsExactly("proxies[7].toId");
        }
    }

    @Test
    void countsEveryMemberNotPresentAsAbsentWhetherRepresentedOrNot() {
        Roll roll = Roll.of(members(6), range(1, 4), new ArrayList<>(), proxies(proxy(5, 1)));
        assertThat(roll.absentCount()).isEqualTo(2);
        assertThat(roll.present()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    /** Arrivals and departures during the séance: quorum is checked again before every item (L2121-17). */
    @Nested
    class DuringTheSeance {

        private Roll opening(long present) {
            return Roll.of(members(43), range(1, present), range(present + 1, 43), none());
        }

        @Test
        void aDepartureFrom22PresentBreaksQuorumBeforeTheNextItem() {
            Roll before = opening(22);
            assertThat(before.quorumReached()).isTrue();

            Roll after = before.withDeparture(5L, null);

            assertThat(after.presentCount()).isEqualTo(21);
            assertThat(after.quorumReached()).isFalse();
        }

        @Test
        void aDepartureWithAProxyStillBreaksQuorumSinceProxiesDoNotCount() {
            Roll after = opening(22).withDeparture(5L, 6L);

            assertThat(after.quorumReached()).isFalse();
            assertThat(after.isRepresented(5L)).isTrue();
            assertThat(after.holderOf(5L)).isEqualTo(6L);
        }

        @Test
        void anArrivalRestoresQuorum() {
            Roll after = opening(21).withArrival(30L);

            assertThat(after.presentCount()).isEqualTo(22);
            assertThat(after.quorumReached()).isTrue();
        }

        @Test
        void anArrivingMemberNoLongerNeedsTheProxyTheyGave() {
            Roll before = Roll.of(members(43), range(1, 30), range(31, 43), proxies(proxy(31, 1)));

            Roll after = before.withArrival(31L);

            assertThat(after.isPresent(31L)).isTrue();
            assertThat(after.isRepresented(31L)).isFalse();
            assertThat(after.proxyCount()).isZero();
        }

        @Test
        void theProxyALeavingHolderHeldLapses() {
            Roll before = Roll.of(members(43), range(1, 30), range(31, 43), proxies(proxy(31, 1)));

            Roll after = before.withDeparture(1L, null);

            assertThat(after.isRepresented(31L)).isFalse();
            assertThat(after.proxyCount()).isZero();
        }

        @Test
        void refusesALeavingMembersProxyToAMemberWhoAlreadyHoldsOne() {
            Roll before = Roll.of(members(43), range(1, 30), range(31, 43), proxies(proxy(31, 1)));

            InvalidInputException e = catchThrowableOfType(() -> before.withDeparture(2L, 1L), InvalidInputException.class);

            assertThat(e.errors()).extracting(FieldError::field).containsExactly("proxyToId");
            assertThat(e.errors().get(0).message()).contains("un seul pouvoir", "L2121-20");
        }

        @Test
        void refusesALeavingMembersProxyToAnAbsentMember() {
            InvalidInputException e = catchThrowableOfType(() -> opening(30).withDeparture(2L, 40L),
                    InvalidInputException.class);

            assertThat(e.errors()).extracting(FieldError::field).containsExactly("proxyToId");
            assertThat(e.errors().get(0).message()).contains("doit être présent");
        }

        @Test
        void refusesTheDepartureOfAnAbsentMemberAndTheArrivalOfAPresentOne() {
            assertThat(catchThrowableOfType(() -> opening(30).withDeparture(40L, null), InvalidInputException.class)
                    .errors()).extracting(FieldError::field).containsExactly("memberId");
            assertThat(catchThrowableOfType(() -> opening(30).withArrival(1L), InvalidInputException.class)
                    .errors()).extracting(FieldError::field).containsExactly("memberId");
        }

        @Test
        void refusesTheArrivalOfAMemberNotInOffice() {
            assertThat(catchThrowableOfType(() -> opening(30).withArrival(44L), InvalidInputException.class)
                    .errors().get(0).message()).contains("pas en exercice");
        }
    }
}
