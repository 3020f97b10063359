package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shapes a sheet's proxies come in: typed pairs (API, séance page), JSON objects and text lines, a text area
 * (Tasklist).
 */
class AttendanceSheetTest {

    private static Map<Integer, Roll.Proxy> proxiesOf(Object raw) {
        return AttendanceSheet.from(Map.of("present", List.of(1L), "proxies", raw)::get).proxies();
    }

    @Test
    void readsJsonObjectsWithARegisteredProxy() {
        assertThat(proxiesOf(List.of(Map.of("fromId", 3, "toId", 1), Map.of("proxyId", 12))))
                .containsEntry(0, new Roll.Proxy(3L, 1L, null)).containsEntry(1, new Roll.Proxy(null, null, 12L));
    }

    @Test
    void readsTheSeancePagesLines() {
        assertThat(proxiesOf(List.of("3>1", "4 > 2 #7"))).containsEntry(0, new Roll.Proxy(3L, 1L, null))
                .containsEntry(1, new Roll.Proxy(4L, 2L, 7L));
    }

    @Test
    void readsATextAreaSkippingBlankLines() {
        assertThat(proxiesOf("3 > 1\n\n#12\n")).containsEntry(0, new Roll.Proxy(3L, 1L, null))
                .containsEntry(1, new Roll.Proxy(null, null, 12L)).hasSize(2);
    }

    @Test
    void refusesALineWithoutHolderNamingItsIndex() {
        InvalidInputException e = catchThrowableOfType(() -> proxiesOf("3 > 1\n4"), InvalidInputException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("proxies[1]");
    }

    @Test
    void takesTypedPairsSkippingEmptyOnes() {
        AttendanceSheet sheet = AttendanceSheet.of(List.of(1L), List.of(3L),
                Arrays.asList(new Roll.Proxy(3L, 1L), new Roll.Proxy(null, null, null), new Roll.Proxy(null, null, 12L)));
        assertThat(sheet.proxies()).containsEntry(0, new Roll.Proxy(3L, 1L, null))
                .containsEntry(1, new Roll.Proxy(null, null, 12L)).hasSize(2);
    }

    @Test
    void refusesATypedPairWithoutHolderAsItsTextLineIsRefused() {
        InvalidInputException typed = catchThrowableOfType(() -> AttendanceSheet.of(List.of(1L), List.of(),
                Arrays.asList(new Roll.Proxy(3L, 1L), new Roll.Proxy(4L, null))), InvalidInputException.class);
        InvalidInputException line = catchThrowableOfType(() -> proxiesOf("3 > 1\n4 >"), InvalidInputException.class);
        assertThat(typed.errors()).containsExactlyElementsOf(line.errors());
        assertThat(typed.errors()).extracting(FieldError::field).containsExactly("proxies[1]");
    }

    @Test
    void refusesAMissingPairAndAPairWithoutGiver() {
        InvalidInputException e = catchThrowableOfType(() -> AttendanceSheet.of(List.of(1L), List.of(),
                Arrays.asList((Roll.Proxy) null)), InvalidInputException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("proxies[0]");
        InvalidInputException noGiver = catchThrowableOfType(() -> AttendanceSheet.of(List.of(1L), List.of(),
                List.of(new Roll.Proxy(null, 1L))), InvalidInputException.class);
        assertThat(noGiver.errors()).extracting(FieldError::field).containsExactly("proxies[0].fromId");
    }
}
