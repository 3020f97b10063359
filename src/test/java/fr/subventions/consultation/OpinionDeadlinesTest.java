package fr.subventions.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.shared.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deadline of an opinion and the dates of its timers at their boundaries, in the authority's time zone (Paris,
 * summer time included), and who sees and acts on an opinion — the rules alone, without the application.
 */
class OpinionDeadlinesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final OpinionDeadlines RULES = new OpinionDeadlines(PARIS, 2, LocalTime.of(9, 0), 365);
    static final LocalDate TODAY = LocalDate.of(2030, 3, 11);

    @Test
    void theDeadlineFallsAfterTodayAndWithinTheYear() {
        assertThat(RULES.refusal(TODAY.plusDays(1), TODAY)).isEmpty();
        assertThat(RULES.refusal(TODAY, TODAY)).contains("l'échéance doit tomber après aujourd'hui");
        assertThat(RULES.refusal(TODAY.minusDays(1), TODAY)).contains("l'échéance doit tomber après aujourd'hui");
        assertThat(RULES.refusal(TODAY.plusDays(365), TODAY)).isEmpty();
        assertThat(RULES.refusal(TODAY.plusDays(366), TODAY)).contains("l'échéance doit tomber dans les 365 jours");
        assertThat(RULES.refusal(null, TODAY)).get().asString().startsWith("l'échéance est obligatoire");
    }

    @Test
    void theReminderGoesTwoDaysBeforeTheDeadlineAtNine() {
        Instant asked = at(TODAY, 10, 0);
        assertThat(RULES.reminderAt(asked, LocalDate.of(2030, 3, 15))).isEqualTo(zoned(LocalDate.of(2030, 3, 13), 9, 0));
        // across the change to summer time (31 March 2030): still 9:00 in Paris
        assertThat(RULES.reminderAt(asked, LocalDate.of(2030, 4, 2)).toInstant())
                .isEqualTo(Instant.parse("2030-03-31T07:00:00Z"));
    }

    @Test
    void askedTooLateForThatTheReminderGoesAtTheNextNineBeforeTheDeadline() {
        // due in two days, asked after 9:00: the planned reminder (today 9:00) has passed — tomorrow 9:00
        assertThat(RULES.reminderAt(at(TODAY, 10, 0), TODAY.plusDays(2))).isEqualTo(zoned(TODAY.plusDays(1), 9, 0));
        // asked a second before the planned reminder: it stands
        assertThat(RULES.reminderAt(at(TODAY, 8, 59, 59), TODAY.plusDays(2))).isEqualTo(zoned(TODAY, 9, 0));
        // asked at the very moment: the next one
        assertThat(RULES.reminderAt(at(TODAY, 9, 0), TODAY.plusDays(2))).isEqualTo(zoned(TODAY.plusDays(1), 9, 0));
        // due tomorrow, asked in the evening: the morning of the deadline itself, never before the question
        assertThat(RULES.reminderAt(at(TODAY, 18, 0), TODAY.plusDays(1))).isEqualTo(zoned(TODAY.plusDays(1), 9, 0));
        // due tomorrow, asked early in the morning: today at 9:00, after the question
        assertThat(RULES.reminderAt(at(TODAY, 7, 0), TODAY.plusDays(1))).isEqualTo(zoned(TODAY, 9, 0));
    }

    @Test
    void withoutDaysBeforeTheReminderGoesTheMorningOfTheDeadline() {
        OpinionDeadlines sameDay = new OpinionDeadlines(PARIS, 0, LocalTime.of(8, 30), 365);
        assertThat(sameDay.reminderAt(at(TODAY, 10, 0), TODAY.plusDays(5))).isEqualTo(zoned(TODAY.plusDays(5), 8, 30));
    }

    @Test
    void theDeadlinePassesAtMidnightAtTheEndOfItsDayAndAnOpinionGivenLaterIsLate() {
        LocalDate due = LocalDate.of(2030, 3, 15);
        assertThat(RULES.overdueAt(due)).isEqualTo(zoned(due.plusDays(1), 0, 0));
        assertThat(RULES.late(due, due)).isFalse();
        assertThat(RULES.late(due, due.plusDays(1))).isTrue();
        // 23:59 in Paris on the due day is in time
        assertThat(RULES.givenLate(due, at(due, 23, 59))).isFalse();
        assertThat(RULES.givenLate(due, at(due.plusDays(1), 0, 0))).isTrue();
        // 23:30 UTC on the due day is already the next day in Paris
        assertThat(RULES.givenLate(due, Instant.parse("2030-03-15T23:30:00Z"))).isTrue();
    }

    @Test
    void aConfidentialOpinionIsSeenByTheOfficersItsAskerAndTheOnesAskedOnly() {
        OpinionRequest toFinance = new OpinionRequest(1L, Recipient.group(Caller.FINANCE), "instructeur", at(TODAY, 10, 0),
                "Question", TODAY.plusDays(3), true, Set.of());
        OpinionRequest toColleague = new OpinionRequest(1L, Recipient.user("ines"), "instructeur", at(TODAY, 10, 0),
                "Question", TODAY.plusDays(3), true, Set.of());
        Caller officer = new Caller("hugo", Set.of(Caller.OFFICERS));
        Caller financeMember = new Caller("ines", Set.of(Caller.FINANCE));
        Caller secretariat = new Caller("paul", Set.of(Caller.SECRETARIAT));
        Caller applicant = new Caller("demandeur", Set.of(Caller.APPLICANTS));
        Caller administrator = new Caller("admin", Set.of(Caller.ADMINISTRATORS));

        assertThat(OpinionAccess.maySee(toFinance, officer)).isTrue();
        assertThat(OpinionAccess.maySee(toFinance, financeMember)).isTrue();
        assertThat(OpinionAccess.maySee(toFinance, secretariat)).isFalse();
        assertThat(OpinionAccess.maySee(toFinance, applicant)).isFalse();
        assertThat(OpinionAccess.maySee(toFinance, administrator)).isFalse();
        assertThat(OpinionAccess.maySee(toFinance, new Caller("instructeur", Set.of(Caller.SECRETARIAT))))
                .as("its asker, whatever their group").isTrue();
        // asked by name: the colleague, not the rest of their service
        assertThat(OpinionAccess.maySee(toColleague, financeMember)).isTrue();
        assertThat(OpinionAccess.maySee(toColleague, new Caller("other", Set.of(Caller.FINANCE)))).isFalse();
        assertThat(OpinionAccess.isAsked(toColleague, new Caller("other", Set.of(Caller.FINANCE)))).isFalse();
        assertThat(OpinionAccess.isAsked(toFinance, new Caller("other", Set.of(Caller.FINANCE)))).isTrue();
        // not confidential: every member of staff, never the applicant
        OpinionRequest open = new OpinionRequest(1L, Recipient.group(Caller.FINANCE), "instructeur", at(TODAY, 10, 0),
                "Question", TODAY.plusDays(3), false, Set.of());
        assertThat(OpinionAccess.maySee(open, secretariat)).isTrue();
        assertThat(OpinionAccess.maySee(open, administrator)).isTrue();
        assertThat(OpinionAccess.maySee(open, applicant)).isFalse();
        // withdrawn by its asker or an administrator
        assertThat(OpinionAccess.mayWithdraw(open, new Caller("instructeur", Set.of(Caller.OFFICERS)))).isTrue();
        assertThat(OpinionAccess.mayWithdraw(open, officer)).isFalse();
        assertThat(OpinionAccess.mayWithdraw(open, administrator)).isTrue();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return at(day, hour, minute, 0);
    }

    private static Instant at(LocalDate day, int hour, int minute, int second) {
        return day.atTime(hour, minute, second).atZone(PARIS).toInstant();
    }

    private static ZonedDateTime zoned(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PARIS);
    }
}
