package fr.subventions.mail;

import static fr.subventions.mail.MailTesting.drain;
import static fr.subventions.mail.MailTesting.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.acts.ActRegister;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestSmtpServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CGCT L2121-25: a séance's acts not all online a week after it are flagged to the secretariat, once a day, by e-mail,
 * with the link to the séance's acts page; published, the séance is no longer flagged.
 */
@ApplicationTest
class OverduePublicationsTest {

    @Autowired
    Scenarios scenarios;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    ActRegister acts;
    @Autowired
    OverduePublications publications;
    @Autowired
    OutboxSender sender;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSecretariatIsToldOnceADayOfTheActsPublishedLateUntilTheyAreOnline() {
        SubsidyRequest request = scenarios.instructedRequest(2026, "2026-65-65748-90-DEVECO", 3000);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 12),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(request.reference());
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));

        // the last day of the week: not yet late
        clock.set(LocalDate.of(2026, 10, 19));
        assertThat(acts.overduePublications(LocalDate.of(2026, 10, 19)))
                .noneMatch(o -> o.sessionId().equals(session.id()));
        // the day after: late, told once that day
        clock.set(LocalDate.of(2026, 10, 20));
        assertThat(acts.overduePublications(LocalDate.of(2026, 10, 20))).anySatisfy(o -> {
            assertThat(o.sessionId()).isEqualTo(session.id());
            assertThat(o.dueOn()).isEqualTo(LocalDate.of(2026, 10, 19));
            assertThat(o.acts()).isEqualTo(1);
        });
        assertThat(publications.send()).isPositive();
        assertThat(publications.send()).isZero();
        drain(sender);
        Mails mail = receivedBy(smtp, "secretariat@demo.invalid").stream()
                .filter(m -> m.subject().startsWith("actes à publier en retard")).reduce((a, b) -> b).orElseThrow();
        assertThat(mail.text()).contains("article L2121-25", "séance du 12 octobre 2026 : 1 acte(s) à publier depuis le "
                + "20 octobre 2026", "/seances/" + session.id() + "/actes");

        // published: no longer flagged
        acts.publishSession(session.id());
        assertThat(acts.overduePublications(LocalDate.of(2026, 10, 21)))
                .noneMatch(o -> o.sessionId().equals(session.id()));
    }
}
