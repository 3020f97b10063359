package fr.subventions.acts;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code subventions.transmission.*}: how the acts reach the prefecture through the authority's tiers de
 * télétransmission (S²LOW, FAST, Pastell…), which takes each package from a folder and leaves the prefecture's
 * answers in another.
 *
 * @param returnEmail         where the prefecture writes back, in every envelope's {@code AdressesRetour}
 * @param trigram             the tiers de télétransmission's three-character code, first in the archive's name
 * @param classificationDate  the date of the prefecture's classification (matières, typologies) the acts follow
 * @param outbox              where the packages are written for the connector to take
 * @param inbox               where the connector leaves the prefecture's answers (ARActe, anomalies)
 * @param transmitConventions whether a signed convention is transmitted too, as an act of nature 4
 * @param documentPapier      whether the acts say that paper documents follow ({@code actes:DocumentPapier})
 */
@ConfigurationProperties(prefix = "subventions.transmission")
public record TransmissionSettings(String returnEmail, String trigram, LocalDate classificationDate,
        @DefaultValue("data/actes/outbox") Path outbox, @DefaultValue("data/actes/inbox") Path inbox,
        boolean transmitConventions, boolean documentPapier) {

    /** The e-mail rule of the @CTES schema (AdresseEmail). */
    static final String EMAIL = "[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,6}";

    public TransmissionSettings {
        if (returnEmail == null || !returnEmail.matches(EMAIL)) {
            throw new IllegalArgumentException("subventions.transmission.return-email "
                    + "(SUBVENTIONS_TRANSMISSION_RETURN_EMAIL) : « " + returnEmail
                    + " » n'est pas une adresse électronique que @CTES accepte");
        }
        if (trigram == null || !trigram.matches("[A-Z0-9]{3}")) {
            throw new IllegalArgumentException("subventions.transmission.trigram (SUBVENTIONS_TRANSMISSION_TRIGRAM) : « "
                    + trigram + " » n'est pas le trigramme d'un tiers de télétransmission (3 lettres majuscules ou "
                    + "chiffres)");
        }
        if (classificationDate == null) {
            throw new IllegalArgumentException("subventions.transmission.classification-date "
                    + "(SUBVENTIONS_TRANSMISSION_CLASSIFICATION_DATE) : la date de la classification de la préfecture "
                    + "manque (AAAA-MM-JJ)");
        }
        if (outbox == null || inbox == null || outbox.toAbsolutePath().normalize()
                .equals(inbox.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("subventions.transmission.outbox et inbox : deux dossiers distincts");
        }
    }
}
