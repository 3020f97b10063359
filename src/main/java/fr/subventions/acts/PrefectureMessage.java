package fr.subventions.acts;

import java.time.LocalDate;
import java.util.List;

/** What the prefecture answers to a transmission, as {@link PrefectureMessages#read} finds it. */
public sealed interface PrefectureMessage {

    /**
     * {@code ARActe}: the prefecture received the act, on {@code receivedOn}, and gave it {@code idActe}; the number,
     * date and nature are the act's as the prefecture received it (and as the IDActe repeats them).
     */
    record Acknowledgement(IdActe idActe, LocalDate receivedOn, String number, LocalDate actDate, ActNature nature)
            implements PrefectureMessage {
    }

    /**
     * {@code AnomalieActe}: the prefecture could not receive the act; nothing is received, the act can be sent again.
     *
     * @param number     the act's number, as sent
     * @param actDate    the act's date, as sent
     * @param nature     the act's nature, as sent
     * @param detail     what the prefecture says (free text, possibly empty), at most {@link PrefectureMessages#DETAIL_MAX}
     *                   characters
     * @param code       the anomaly's code, 3 digits
     * @param notifiedOn the day the prefecture noted it
     */
    record ActAnomaly(String number, LocalDate actDate, ActNature nature, String detail, String code,
            LocalDate notifiedOn) implements PrefectureMessage {
    }

    /**
     * {@code AnomalieEnveloppe}: the prefecture could not open an envelope; none of its acts is received.
     *
     * @param detail       what the prefecture says (free text, possibly empty)
     * @param code         the anomaly's code, 3 digits
     * @param notifiedOn   the day the prefecture noted it
     * @param siren        the emitter the envelope named
     * @param messageFiles the messages the envelope listed ({@code …-1-1_0.xml}): which transmissions it was
     */
    record EnvelopeAnomaly(String detail, String code, LocalDate notifiedOn, String siren, List<String> messageFiles)
            implements PrefectureMessage {

        public EnvelopeAnomaly {
            messageFiles = List.copyOf(messageFiles);
        }

        /** Whether the envelope held this message: {@link ActesArchive#message()} of a transmission. */
        public boolean concerns(String messageFile) {
            return messageFiles.contains(messageFile);
        }
    }
}
