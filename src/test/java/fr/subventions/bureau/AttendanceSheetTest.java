package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three shapes a sheet's proxies come in: JSON objects (API), text lines (séance page), a text area (Tasklist). */
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
}
