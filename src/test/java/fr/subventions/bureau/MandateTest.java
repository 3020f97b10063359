package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Members are in office from their installation to the last day of their mandate: only they count for quorum. */
class MandateTest {

    private static final LocalDate INSTALLED = LocalDate.of(2020, 7, 16);

    private static Member member() {
        return new Member(AssemblyBody.BUREAU, Civility.MADAME, "Nathalie", "KOENDERS", INSTALLED);
    }

    @Test
    void isInOfficeFromTheDayOfInstallation() {
        assertThat(member().inOfficeOn(INSTALLED.minusDays(1))).isFalse();
        assertThat(member().inOfficeOn(INSTALLED)).isTrue();
    }

    @Test
    void staysInOfficeOnTheLastDayOfTheMandateAndNotAfter() {
        Member member = member();
        member.endMandate(LocalDate.of(2024, 3, 31), "démission");

        assertThat(member.inOfficeOn(LocalDate.of(2024, 3, 31))).isTrue();
        assertThat(member.inOfficeOn(LocalDate.of(2024, 4, 1))).isFalse();
        assertThat(member.mandates().get(0).endReason()).isEqualTo("démission");
    }

    @Test
    void aNewMandateAfterAGapPutsTheMemberBackInOffice() {
        Member member = member();
        member.endMandate(LocalDate.of(2024, 3, 31), "démission");
        member.startMandate(LocalDate.of(2024, 6, 1));

        assertThat(member.inOfficeOn(LocalDate.of(2024, 5, 15))).isFalse();
        assertThat(member.inOfficeOn(LocalDate.of(2024, 6, 1))).isTrue();
    }

    @Test
    void refusesOverlappingMandates() {
        Member member = member();
        member.endMandate(LocalDate.of(2024, 3, 31), "démission");

        InvalidInputException e = catchThrowableOfType(() -> member.startMandate(LocalDate.of(2024, 3, 31)),
                InvalidInputException.class);

        assertThat(e.errors().get(0).field()).isEqualTo("since");
        assertThat(e.errors().get(0).message()).contains("déjà en exercice le 31 mars 2024");
        assertThat(catchThrowableOfType(() -> member().startMandate(LocalDate.of(2025, 1, 1)), InvalidInputException.class))
                .isNotNull();
    }

    @Test
    void refusesEndingAMandateBeforeItStartedOrTwice() {
        assertThat(catchThrowableOfType(() -> member().endMandate(INSTALLED.minusDays(1), "erreur"),
                InvalidInputException.class).errors().get(0).message()).contains("a commencé le 16 juillet 2020");
        Member member = member();
        member.endMandate(LocalDate.of(2024, 3, 31), "démission");
        assertThat(catchThrowableOfType(() -> member.endMandate(LocalDate.of(2024, 4, 30), "démission"),
                InvalidInputException.class).errors().get(0).message()).contains("pas de mandat en cours");
    }
}
