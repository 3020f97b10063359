package fr.subventions.acts;

import fr.subventions.convention.ConventionService;
import fr.subventions.shared.Digests;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the acts to the prefect (CGCT L2131-1, L2131-2) through the authority's tiers de télétransmission: each act's
 * @CTES package built ({@link ActesPackage}), written to the outbox the connector takes it from, and kept as written.
 */
@Service
@Transactional
public class Transmissions {

    private final ActesPackage packages;
    private final TransmissionFolders folders;
    private final TransmissionSettings settings;
    private final SentPackageRepository sent;
    private final DocumentService documents;
    private final ConventionService conventions;
    private final Sequences sequences;
    private final Clock clock;

    Transmissions(ActesPackage packages, TransmissionFolders folders, TransmissionSettings settings,
            SentPackageRepository sent, DocumentService documents, ConventionService conventions,
            Sequences sequences, Clock clock) {
        this.packages = packages;
        this.folders = folders;
        this.settings = settings;
        this.sent = sent;
        this.documents = documents;
        this.conventions = conventions;
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Sends an act that goes to the prefect and has not gone yet, once what it annexes is ready: a deliberation
     * granting a subsidy with a convention waits for the convention's PDF, which the deliberation approves.
     */
    void sendIfReady(Act act) {
        if (!act.transmissionRequired() || act.transmittedAt() != null) {
            return;
        }
        if (annexes(act).isPresent()) {
            send(act, "système");
        }
    }

    /** Sends the act (again): its package written to the outbox and kept; the act transmitted. */
    void send(Act act, String actor) {
        List<ActTransmission.Annex> annexes = annexes(act).orElseThrow(() -> new StageConflictException(
                "La convention annexée à la délibération n° " + act.number() + " n'est pas encore produite : l'acte"
                        + " sera transmis dès qu'elle le sera."));
        byte[] pdf = documents.withContent(act.documentId()).orElseThrow().content();
        LocalDate today = LocalDate.now(clock);
        ActesArchive archive = build(act, pdf, annexes, today);
        Instant now = Instant.now(clock);
        act.transmitted(now);
        sent.save(new SentPackage(act.id(), archive.fileName(), archive.envelope(), archive.message(), archive.content(),
                Digests.sha256(archive.content()), now, actor));
        // last: a failure above leaves nothing in the outbox; one here rolls the act back, to be sent again
        folders.deposit(archive);
    }

    /**
     * The package built with the day's next sending number; a number whose package is still in the outbox (the
     * database restored from a backup, say) gives way to the next one, so that no package is ever replaced.
     */
    private ActesArchive build(Act act, byte[] pdf, List<ActTransmission.Annex> annexes, LocalDate today) {
        for (int attempt = 0; ; attempt++) {
            int sequence = (int) sequences.next("actes-envoi-" + today);
            ActesArchive archive = packages.build(new ActTransmission(act.number(), act.decidedOn(), nature(act),
                    ActTransmission.SUBSIDIES, act.object(), pdf, annexes, settings.documentPapier(), today, sequence));
            if (!Files.exists(folders.outbox().resolve(archive.fileName())) || attempt >= 100) {
                return archive;
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<SentPackage> last(Act act) {
        return sent.findFirstByActIdOrderByIdDesc(act.id());
    }

    /** The act a package was sent for, by its message's file name (an anomaly on an envelope lists them). */
    @Transactional(readOnly = true)
    Optional<Long> actOfMessage(String messageName) {
        return sent.findFirstByMessageNameOrderByIdDesc(messageName).map(SentPackage::actId);
    }

    /** What the act annexes, or empty while a convention it approves is not yet produced. */
    private Optional<List<ActTransmission.Annex>> annexes(Act act) {
        if (act.kind() != ActKind.DELIBERATION || act.requestId() == null
                || conventions.of(act.requestId()).isEmpty()) {
            return Optional.of(List.of());
        }
        return documents.latestPdf(act.requestId(), null, DocumentType.CONVENTION)
                .map(convention -> List.of(new ActTransmission.Annex(convention.filename(), convention.content())));
    }

    private static ActNature nature(Act act) {
        return act.kind() == ActKind.CONVENTION ? ActNature.CONVENTION : ActNature.DELIBERATION;
    }
}
