package fr.subventions.consultation;

import fr.subventions.shared.StageConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An opinion asked of one service (a staff group) or one named colleague on a request, with its question, deadline
 * and attachments, and, once given, the opinion itself: verdict, text, who and when. One row per service or person
 * asked; the process {@code service-opinion} carries its id. Its facts are recorded once: given or withdrawn, it
 * changes no more.
 */
@Entity
@Table(name = "opinion_request", indexes = @Index(name = "ix_opinion_request_request", columnList = "request_id"))
public class OpinionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long requestId;

    /** The staff group asked, or null when a colleague is. */
    @Column(length = 64)
    private String askedGroup;

    /** The colleague asked (a Camunda user), or null when a group is. */
    @Column(length = 100)
    private String askedUser;

    @Column(nullable = false, length = 100)
    private String askedBy;

    @Column(nullable = false)
    private Instant askedAt;

    @Column(nullable = false, length = 2000)
    private String question;

    /** The last day to give the opinion; a later one is still received. */
    @Column(nullable = false)
    private LocalDate dueOn;

    /** Hidden from the other staff consulted: seen by the officers, its asker and the one(s) asked only. */
    @Column(nullable = false)
    private boolean confidential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OpinionState state;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Verdict verdict;

    @Column(name = "opinion_text", length = 5000)
    private String text;

    @Column(length = 100)
    private String givenBy;

    private Instant givenAt;

    @Column(length = 100)
    private String withdrawnBy;

    private Instant withdrawnAt;

    @Column(length = 200)
    private String withdrawalReason;

    private Instant remindedAt;

    private Instant overdueNotifiedAt;

    @Column(length = 64)
    private String processInstanceId;

    /** The request's documents sent with the question: uploaded with it, or chosen among the dossier's. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opinion_request_document", joinColumns = @JoinColumn(name = "opinion_request_id"),
            foreignKey = @ForeignKey(name = "fk_opinion_request_document_opinion"))
    @Column(name = "document_id", nullable = false)
    private Set<Long> documentIds = new LinkedHashSet<>();

    protected OpinionRequest() {
    }

    OpinionRequest(Long requestId, Recipient recipient, String askedBy, Instant askedAt, String question, LocalDate dueOn,
            boolean confidential, Set<Long> documentIds) {
        this.requestId = requestId;
        this.askedGroup = recipient.isGroup() ? recipient.id() : null;
        this.askedUser = recipient.isGroup() ? null : recipient.id();
        this.askedBy = askedBy;
        this.askedAt = askedAt;
        this.question = question;
        this.dueOn = dueOn;
        this.confidential = confidential;
        this.state = OpinionState.ASKED;
        this.documentIds = new LinkedHashSet<>(documentIds);
    }

    /** The opinion given, in time or late; refused once given or withdrawn. */
    void give(Verdict verdict, String text, String actor, Instant now) {
        requireAsked("donner cet avis");
        this.verdict = verdict;
        this.text = text;
        this.givenBy = actor;
        this.givenAt = now;
        this.state = OpinionState.GIVEN;
    }

    /** Withdrawn while awaited: the task ends, nothing is given any more. */
    void withdraw(String actor, String reason, Instant now) {
        requireAsked("retirer cette demande d'avis");
        this.withdrawnBy = actor;
        this.withdrawnAt = now;
        this.withdrawalReason = reason;
        this.state = OpinionState.WITHDRAWN;
    }

    void reminded(Instant now) {
        this.remindedAt = now;
    }

    void overdueNotified(Instant now) {
        this.overdueNotifiedAt = now;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireAsked(String action) {
        if (state == OpinionState.GIVEN) {
            throw new StageConflictException("Impossible de " + action + " : l'avis a déjà été donné.");
        }
        if (state == OpinionState.WITHDRAWN) {
            throw new StageConflictException("Impossible de " + action + " : la demande d'avis a été retirée.");
        }
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Recipient recipient() {
        return askedGroup != null ? Recipient.group(askedGroup) : Recipient.user(askedUser);
    }

    public String askedGroup() {
        return askedGroup;
    }

    public String askedUser() {
        return askedUser;
    }

    public String askedBy() {
        return askedBy;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public String question() {
        return question;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public boolean confidential() {
        return confidential;
    }

    public OpinionState state() {
        return state;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String text() {
        return text;
    }

    public String givenBy() {
        return givenBy;
    }

    public Instant givenAt() {
        return givenAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    public Instant overdueNotifiedAt() {
        return overdueNotifiedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Set<Long> documentIds() {
        return Set.copyOf(documentIds);
    }
}
