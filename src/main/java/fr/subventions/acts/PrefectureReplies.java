package fr.subventions.acts;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prefecture's replies applied to the acts they concern: an acknowledgement of receipt (ARActe) records the act's
 * IDActe and date of receipt — the act perhaps executory now —; an anomaly on the act or on its envelope is recorded,
 * shown, and the act can be sent again. A reply that is none, or concerns another authority, changes nothing.
 */
@Service
@Transactional
public class PrefectureReplies {

    private final ActRegister register;
    private final Transmissions transmissions;
    private final ActRepository acts;
    private final AuthorityIdentifiers authority;

    PrefectureReplies(ActRegister register, Transmissions transmissions,
            ActRepository acts, AuthorityIdentifiers authority) {
        this.register = register;
        this.transmissions = transmissions;
        this.acts = acts;
        this.authority = authority;
    }

    /** Applies the reply: 400 for what is not one, 404 for an unknown act, 409 for a second acknowledgement. */
    public Act apply(byte[] xml) {
        PrefectureMessage message = PrefectureMessages.read(xml);
        if (message instanceof PrefectureMessage.Acknowledgement ack) {
            if (!ack.idActe().siren().equals(authority.siren())) {
                throw new InvalidInputException("xml", "cet accusé de réception concerne une autre collectivité (SIREN "
                        + ack.idActe().siren() + ", le nôtre est " + authority.siren() + ")");
            }
            return register.acknowledge(ack.number(), ack.idActe().format(), ack.receivedOn());
        }
        if (message instanceof PrefectureMessage.ActAnomaly anomaly) {
            return register.anomaly(register.byNumber(anomaly.number()), anomaly.detail());
        }
        PrefectureMessage.EnvelopeAnomaly anomaly = (PrefectureMessage.EnvelopeAnomaly) message;
        Act act = anomaly.messageFiles().stream().map(transmissions::actOfMessage).flatMap(Optional::stream)
                .findFirst().flatMap(acts::findById)
                .orElseThrow(() -> new NotFoundException("Aucun acte transmis dans l'enveloppe refusée ("
                        + String.join(", ", anomaly.messageFiles()) + ")."));
        return register.anomaly(act, anomaly.detail());
    }
}
