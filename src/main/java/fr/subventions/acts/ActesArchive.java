package fr.subventions.acts;

import java.util.ArrayList;
import java.util.List;

/**
 * A @CTES package ready for the tiers de télétransmission: the {@code .tar.gz} and the names of what it holds.
 *
 * @param fileName the archive's name: {@code <TRI>-EACT--<SIREN>--<AAAAMMJJ>-<n>.tar.gz}
 * @param content  the archive's bytes
 * @param envelope the envelope's name inside: the archive's name without the trigram, {@code .xml}
 * @param message  the act's message ({@code Acte}): {@code <DPT>-<SIREN>-<AAAAMMJJ>-<NUMERO>-<DE…>-1-1_0.xml}
 * @param act      the signed act: its typology, then the message's stem, {@code _1.pdf}
 * @param annexes  the annexes' names, {@code _2}, {@code _3}… in order
 * @param idActe   the identifier the prefecture will give the act in its acknowledgement
 */
public record ActesArchive(String fileName, byte[] content, String envelope, String message, String act,
        List<String> annexes, IdActe idActe) {

    public ActesArchive {
        annexes = List.copyOf(annexes);
    }

    /** Every file of the archive, in the order written: envelope, message, act, annexes. */
    public List<String> entries() {
        List<String> entries = new ArrayList<>(List.of(envelope, message, act));
        entries.addAll(annexes);
        return entries;
    }
}
