package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A written proxy (pouvoir) from one member to another, as the secretariat receives it: for one séance, or for up to
 * three consecutive séances of the body, counted from the first it serves in; beyond three only for a duly
 * established illness (L2121-20). Always revocable.
 */
@Entity
@Table(name = "member_proxy")
public class MemberProxy {

    /** L2121-20: "il ne peut être valable pour plus de trois séances consécutives", save for illness. */
    public static final int MAX_CONSECUTIVE_SESSIONS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssemblyBody body;

    @Column(nullable = false)
    private Long giverId;

    @Column(nullable = false)
    private Long holderId;

    @Column(nullable = false)
    private LocalDate signedOn;

    /** The number of consecutive séances it was given for; null for an illness, until revoked. */
    private Integer sessions;

    private boolean illness;

    private Long firstSessionId;

    private LocalDate firstSessionDate;

    private LocalDate revokedOn;

    @Column(nullable = false, length = 100)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected MemberProxy() {
    }

    MemberProxy(AssemblyBody body, Long giverId, Long holderId, LocalDate signedOn, Integer sessions, boolean illness,
            String recordedBy, Instant recordedAt) {
        this.body = body;
        this.giverId = giverId;
        this.holderId = holderId;
        this.signedOn = signedOn;
        this.sessions = sessions;
        this.illness = illness;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /**
     * Why this proxy cannot serve in the séance of {@code sessionDate} that would be its {@code ordinal}-th
     * consecutive one (1 for the first séance it serves in, 0 for a séance before that one), or null when it can.
     */
    public String refusalFor(int ordinal, LocalDate sessionDate) {
        if (revokedOn != null && !sessionDate.isBefore(revokedOn)) {
            return "le pouvoir n° " + id + " a été révoqué le " + FrenchText.date(revokedOn);
        }
        if (sessionDate.isBefore(signedOn)) {
            return "le pouvoir n° " + id + " est daté du " + FrenchText.date(signedOn) + ", après la séance du "
                    + FrenchText.date(sessionDate);
        }
        if (ordinal < 1) {
            return "le pouvoir n° " + id + " sert depuis la séance du " + FrenchText.date(firstSessionDate)
                    + " : il ne vaut pas pour une séance antérieure";
        }
        if (!illness && ordinal > MAX_CONSECUTIVE_SESSIONS) {
            return "le pouvoir n° " + id + " servirait pour une " + ordinal + "e séance consécutive : un pouvoir ne vaut que pour "
                    + MAX_CONSECUTIVE_SESSIONS + " séances consécutives au plus, sauf maladie dûment constatée (article L2121-20 du CGCT)";
        }
        if (sessions != null && ordinal > sessions) {
            return "le pouvoir n° " + id + " a été donné pour " + sessions + " séance(s) consécutive(s) : ce serait sa "
                    + ordinal + "e";
        }
        return null;
    }

    /** Records the first séance the proxy serves in: its consecutive séances are counted from there. */
    void servesIn(AssemblySession session) {
        if (firstSessionId == null) {
            this.firstSessionId = session.id();
            this.firstSessionDate = session.sessionDate();
        }
    }

    void revoke(LocalDate on) {
        this.revokedOn = on;
    }

    public Long id() {
        return id;
    }

    public AssemblyBody body() {
        return body;
    }

    public Long giverId() {
        return giverId;
    }

    public Long holderId() {
        return holderId;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public Integer sessions() {
        return sessions;
    }

    public boolean illness() {
        return illness;
    }

    public Long firstSessionId() {
        return firstSessionId;
    }

    public LocalDate firstSessionDate() {
        return firstSessionDate;
    }

    public LocalDate revokedOn() {
        return revokedOn;
    }
}
