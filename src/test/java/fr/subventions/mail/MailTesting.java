package fr.subventions.mail;

import fr.subventions.support.SeedRequests;
import fr.subventions.support.TestSmtpServer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** What the e-mail tests share: requests written to a mail domain of their own, and the outbox run to its end. */
final class MailTesting {

    static final int YEAR = 2034;
    static final String LINE = "2034-65-65748-90-MAILS";
    static final String LINE_ROW = "2034;65;65748;90;Développement économique;MAILS;Subventions (tests des courriels);500000";

    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(100_000));

    private MailTesting() {
    }

    /** A mail domain no other test writes to: what GreenMail received there is this test's alone. */
    static String freshDomain() {
        return "asso-" + NEXT.incrementAndGet() + ".example";
    }

    /** A request of a new association of fiscal year 2034, by the API's body, with its contact at that domain. */
    static Map<String, Object> request(String name, String title, String domain, String requested) {
        SeedRequests.Beneficiary b = SeedRequests.Beneficiary.newAssociation();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", name);
        applicant.put("siret", b.siret());
        applicant.put("rna", b.rna());
        applicant.put("legalForm", "ASSOCIATION");
        applicant.put("address", "12 rue des Forges, 21000 Dijon");
        applicant.put("email", "contact@" + domain);
        applicant.put("representative", "Hélène Garnier");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("applicant", applicant);
        request.put("title", title);
        request.put("description", "Une action sur le territoire de Dijon Métropole.");
        request.put("theme", SeedRequests.THEME);
        request.put("fiscalYear", YEAR);
        BigDecimal amount = new BigDecimal(requested);
        request.put("totalBudget", amount.add(new BigDecimal("10000")));
        request.put("requestedAmount", amount);
        request.put("cofinancing", List.of(Map.of("funder", "Autofinancement", "amount", new BigDecimal("10000"))));
        return request;
    }

    /** Sends everything due, run after run, as the scheduled sender would. */
    static void drain(OutboxSender sender) {
        for (int run = 0; run < 100; run++) {
            OutboxSender.Run done = sender.sendDue();
            if (done.sent() + done.failed() + done.postponed() == 0) {
                return;
            }
        }
        throw new AssertionError("the outbox keeps having messages due");
    }

    /** The messages the applicant's contact address of that domain received, read back. */
    static List<Mails> receivedIn(TestSmtpServer smtp, String domain) {
        return receivedBy(smtp, "contact@" + domain);
    }

    static List<Mails> receivedBy(TestSmtpServer smtp, String address) {
        return smtp.receivedBy(address).stream().map(Mails::read).toList();
    }
}
