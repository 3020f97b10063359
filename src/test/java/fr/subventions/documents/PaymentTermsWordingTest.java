package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.payment.PaymentPolicy;
import fr.subventions.payment.PaymentSchedule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The convention's article on payment and the notification of a grant without convention, written from the schedule
 * at the threshold (23 000 €: one payment; a cent more: an advance and a balance, each to the cent).
 */
class PaymentTermsWordingTest {

    private static final PaymentPolicy POLICY = PaymentPolicy.of("23000", "0.5");
    private static final PaymentTerms TERMS = new PaymentTerms(Phrases.shipped());

    private static PaymentSchedule schedule(String granted, PaymentPolicy policy) {
        return PaymentSchedule.plan(1L, new BigDecimal(granted), 2023, policy);
    }

    private static String read(String text) {
        return DeliberationExtractTest.normalise(text);
    }

    @Test
    void atTheThresholdTheConventionStatesOnePaymentAtSignature() {
        assertThat(read(TERMS.inConvention(schedule("23000", POLICY)))).isEqualTo("La subvention, "
                + "soit 23 000 €, est versée en une seule fois, après signature de la présente convention par les deux "
                + "parties, par virement sur le compte bancaire du bénéficiaire.");
        assertThat(read(TERMS.withoutConvention(schedule("23000", POLICY))))
                .isEqualTo("en une seule fois, par virement sur votre compte bancaire");
    }

    @Test
    void aCentAboveItStatesTheAdvanceAndTheBalanceToTheCentAndTheBalancesCondition() {
        String terms = TERMS.inConvention(schedule("23000.01", POLICY));

        // one line per payment in the paragraph
        assertThat(terms.lines()).hasSize(3);
        assertThat(read(terms)).isEqualTo("La subvention est versée en deux fois, par virement sur le compte bancaire du "
                + "bénéficiaire : – une avance de 11 500,01 €, soit 50 % de la subvention, après signature de la présente "
                + "convention par les deux parties ; – le solde de 11 500 €, soit 50 % de la subvention, à réception du "
                + "compte rendu financier de l'action (formulaire CERFA n° 15059), à remettre au plus tard le 30 juin 2024 "
                + "(article 10 de la loi n° 2000-321 du 12 avril 2000).");
        assertThat(read(TERMS.withoutConvention(schedule("23000.01", POLICY)))).isEqualTo("en deux "
                + "fois, par virement sur votre compte bancaire : une avance de 11 500,01 € (50 % de la subvention) à "
                + "l'engagement des crédits, puis le solde de 11 500 € (50 % de la subvention) à réception du compte rendu "
                + "financier de l'action, à remettre au plus tard le 30 juin 2024");
    }

    @Test
    void theSharesAreTheAuthoritysRateAndWhatIsLeft() {
        String terms = read(TERMS.inConvention(schedule("23000.01", PaymentPolicy.of("23000", "0.3"))));

        assertThat(terms).contains("une avance de 6 900 €, soit 30 % de la subvention",
                "le solde de 16 100,01 €, soit 70 % de la subvention");
        assertThat(read(PaymentTerms.percent(new BigDecimal("0.125")))).isEqualTo("12,5 %");
    }
}
