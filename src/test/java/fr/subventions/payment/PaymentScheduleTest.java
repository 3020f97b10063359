package fr.subventions.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Payment terms: one payment up to the threshold, an advance and a balance above it; the balance waits for the report. */
class PaymentScheduleTest {

    private static final PaymentPolicy POLICY = PaymentPolicy.of("23000", "0.5");
    private static final LocalDate SIGNED = LocalDate.of(2023, 10, 2);

    private static PaymentSchedule plan(String granted) {
        return PaymentSchedule.plan(1L, new BigDecimal(granted), 2023, SIGNED, POLICY);
    }

    @Test
    void aGrantOf23000IsPaidInOneGoAtSignature() {
        PaymentSchedule schedule = plan("23000.00");

        assertThat(schedule.payments()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PaymentKind.SINGLE);
            assertThat(p.amount()).isEqualByComparingTo("23000.00");
            assertThat(p.dueOn()).isEqualTo(SIGNED);
        });
        assertThat(schedule.awaitsReport()).isFalse();
        assertThat(schedule.conditions()).isEqualTo("unique");
        assertThat(schedule.period()).isEqualTo("2023-10-02");
        // nothing waits for it, but the compte rendu financier is owed all the same, by the same date
        assertThat(schedule.reportDueOn()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void aGrantOf23000AndOneCentGetsAnAdvanceToTheCentAndABalance() {
        PaymentSchedule schedule = plan("23000.01");

        assertThat(schedule.payments()).extracting(Payment::kind).containsExactly(PaymentKind.ADVANCE, PaymentKind.BALANCE);
        assertThat(schedule.payments().get(0).amount()).isEqualByComparingTo("11500.01");
        assertThat(schedule.payments().get(1).amount()).isEqualByComparingTo("11500.00");
        assertThat(schedule.payments().get(0).amount().add(schedule.payments().get(1).amount()))
                .isEqualByComparingTo("23000.01");
        assertThat(schedule.share(schedule.payments().get(0))).isEqualByComparingTo("0.5");
        assertThat(schedule.conditions()).isEqualTo("échelonné");
    }

    @Test
    void anotherRateRoundsTheAdvanceToTheCentAndTheBalanceTakesTheRest() {
        PaymentSchedule schedule = PaymentSchedule.plan(1L, new BigDecimal("23000.01"), 2023, SIGNED,
                PaymentPolicy.of("23000", "0.3"));

        assertThat(schedule.payments()).extracting(Payment::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6900.00"), new BigDecimal("16100.01"));
        assertThat(schedule.payments()).extracting(schedule::share).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.3"), new BigDecimal("0.7"));
    }

    @Test
    void drawnUpBeforeTheSignatureTheFirstPaymentFallsDueWhenTheConventionIsConcluded() {
        PaymentSchedule schedule = PaymentSchedule.plan(1L, new BigDecimal("40000"), 2022, POLICY);

        assertThat(schedule.payments()).extracting(Payment::dueOn).containsOnlyNulls();
        assertThat(schedule.reportDueOn()).isEqualTo(LocalDate.of(2023, 6, 30));
        // a convention concluded, its credits not yet committed: the open data's period starts at its conclusion
        assertThat(schedule.period(LocalDate.of(2022, 7, 5))).isEqualTo("2022-07-05_2023-06-30");

        schedule.firstFallsDueOn(LocalDate.of(2022, 7, 5));
        schedule.firstFallsDueOn(LocalDate.of(2022, 7, 12));

        assertThat(schedule.payments()).extracting(Payment::dueOn).containsExactly(LocalDate.of(2022, 7, 5), null);
        assertThat(schedule.period()).isEqualTo("2022-07-05_2023-06-30");
    }

    @Test
    void theFinancialReportIsDueSixMonthsAfterTheEndOfTheFiscalYear() {
        assertThat(plan("40000").reportDueOn()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(plan("40000").period()).isEqualTo("2023-10-02_2024-06-30");
    }

    @Test
    void theBalanceWaitsForTheFinancialReport() {
        PaymentSchedule schedule = plan("40000");
        schedule.pay(SIGNED, "M-2023-1", "finances");
        assertThat(schedule.awaitsReport()).isTrue();

        assertThatThrownBy(() -> schedule.pay(LocalDate.of(2024, 3, 1), "M-2024-2", "finances"))
                .isInstanceOf(StageConflictException.class)
                .hasMessage("Le solde de " + Money.format(new BigDecimal("20000")) + " attend le compte "
                        + "rendu financier de l'action, à remettre au plus tard le 30 juin 2024 (article 10 de la loi "
                        + "n° 2000-321 du 12 avril 2000).");
    }

    @Test
    void onceTheReportIsInTheBalanceIsPaidAndTheScheduleIsDone() {
        PaymentSchedule schedule = plan("40000");
        schedule.pay(SIGNED, "M-2023-1", "finances");
        schedule.receiveReport(LocalDate.of(2024, 5, 15), 9L);
        assertThat(schedule.awaitsReport()).isFalse();

        Payment balance = schedule.pay(LocalDate.of(2024, 5, 20), "M-2024-7", "finances");

        assertThat(balance.kind()).isEqualTo(PaymentKind.BALANCE);
        assertThat(schedule.fullyPaid()).isTrue();
        assertThat(schedule.period()).isEqualTo("2023-10-02_2024-05-20");
        assertThatThrownBy(() -> schedule.pay(LocalDate.of(2024, 6, 1), "M-2024-8", "finances"))
                .hasMessage("La subvention est entièrement versée.");
    }

    @Test
    void aSinglePaymentAwaitsNoReport() {
        assertThatThrownBy(() -> plan("20000").receiveReport(SIGNED, 1L)).isInstanceOf(StageConflictException.class);
    }
}
