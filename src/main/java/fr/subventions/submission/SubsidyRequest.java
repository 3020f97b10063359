package fr.subventions.submission;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Length;

/**
 * A demande de subvention, from its submission to its closing. Every change of stage goes through a method that
 * checks the current stage first, so that an action out of turn is refused before anything changes. What the
 * completeness check and the instruction concluded are value objects of their own ({@link CompletenessCheck},
 * {@link InstructionResult}).
 * <p>
 * Over 300 lines: the guarded transitions stay together, with the state they guard and the accessors other stages read.
 */
@Entity
@Table(name = "subsidy_request", uniqueConstraints = {
        @UniqueConstraint(name = "uk_request_reference", columnNames = "reference"),
        @UniqueConstraint(name = "uk_request_idempotency", columnNames = {"submitted_by", "idempotency_key"})},
        indexes = {@Index(name = "ix_request_status_reference", columnList = "status, reference"),
                @Index(name = "ix_request_status_since", columnList = "status, status_since"),
                @Index(name = "ix_request_since", columnList = "status_since"),
                @Index(name = "ix_request_fiscal_year", columnList = "fiscal_year")})
public class SubsidyRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 20)
    private String reference;

    @Column(name = "submitted_by", nullable = false, length = 100)
    private String submittedBy;

    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;

    @Column(nullable = false)
    private Instant submittedAt;

    @Embedded
    private Applicant applicant;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = Length.LONG32)
    private String description;

    @Column(nullable = false, length = 200)
    private String theme;

    @Column(nullable = false)
    private int fiscalYear;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal totalBudget;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal requestedAmount;

    @ElementCollection
    @CollectionTable(name = "request_cofinancing", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<Cofinancing> cofinancing = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RequestStatus status;

    /** When the request reached its current stage: the back office's « jours à cette étape ». */
    @Column(nullable = false)
    private Instant statusSince;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Outcome outcome;

    @Embedded
    private CompletenessCheck completeness;

    @Embedded
    private InstructionResult instruction;

    @Column(precision = 15, scale = 2)
    private BigDecimal grantedAmount;

    @Column(length = 64)
    private String processInstanceId;

    /** The day the deliberation granting the subsidy became executory (CGCT L2131-1); null until then. */
    private LocalDate executoryOn;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at ASC, id ASC")
    private List<StageEvent> history = new ArrayList<>();

    protected SubsidyRequest() {
    }

    SubsidyRequest(String reference, String submittedBy, String idempotencyKey, Instant submittedAt,
            Applicant applicant, String title, String description, String theme, int fiscalYear,
            BigDecimal totalBudget, BigDecimal requestedAmount, List<Cofinancing> cofinancing) {
        this.reference = reference;
        this.submittedBy = submittedBy;
        this.idempotencyKey = idempotencyKey;
        this.submittedAt = submittedAt;
        this.applicant = applicant;
        this.title = title;
        this.description = description;
        this.theme = theme;
        this.fiscalYear = fiscalYear;
        this.totalBudget = totalBudget;
        this.requestedAmount = requestedAmount;
        this.cofinancing.addAll(cofinancing);
        this.status = RequestStatus.SUBMITTED;
        this.statusSince = submittedAt;
        record(submittedAt, submittedBy, "Demande déposée : " + Money.format(requestedAmount) + " demandés sur un budget de "
                + Money.format(totalBudget));
    }

    // --- completeness (recevabilité)

    public void recordComplete(String comment, String actor, Instant now) {
        requireStatus("vérifier la complétude", RequestStatus.SUBMITTED);
        this.completeness = CompletenessCheck.complete(comment);
        moveTo(RequestStatus.IN_INSTRUCTION, now);
        record(now, actor, "Dossier complet" + suffix(comment));
    }

    public void recordIncomplete(List<String> missing, LocalDate due, String comment, String actor, Instant now) {
        requireStatus("vérifier la complétude", RequestStatus.SUBMITTED);
        this.completeness = CompletenessCheck.incomplete(missing, due, comment);
        moveTo(RequestStatus.INCOMPLETE, now);
        record(now, actor, "Dossier incomplet, pièces demandées avant le " + due + " : " + String.join(", ", missing));
    }

    public void recordMissingItemsSupplied(String actor, Instant now) {
        requireStatus("transmettre les pièces manquantes", RequestStatus.INCOMPLETE);
        moveTo(RequestStatus.SUBMITTED, now);
        record(now, actor, "Pièces complémentaires transmises");
    }

    public void declareInadmissible(Instant now) {
        requireStatus("classer la demande irrecevable", RequestStatus.INCOMPLETE);
        moveTo(RequestStatus.CLOSED, now);
        this.outcome = Outcome.INADMISSIBLE;
        record(now, "système", "Irrecevable : pièces non transmises avant le " + missingItemsDue() + ", classée sans suite");
    }

    // --- instruction

    public void recordInstruction(Opinion opinion, BigDecimal proposedAmount, String report, String actor, Instant now) {
        requireStatus("instruire la demande", RequestStatus.IN_INSTRUCTION);
        this.instruction = new InstructionResult(opinion, proposedAmount, report);
        if (instruction.isFavourable()) {
            moveTo(RequestStatus.AWAITING_AGENDA, now);
            record(now, actor, "Avis favorable, montant proposé " + Money.format(proposedAmount));
        } else {
            moveTo(RequestStatus.AWAITING_CLOSURE, now);
            this.outcome = Outcome.REJECTED;
            record(now, actor, "Avis défavorable");
        }
    }

    // --- agenda and vote

    public void placeOnAgenda(String sessionLabel, String actor, Instant now) {
        requireStatus("inscrire la demande à l'ordre du jour", RequestStatus.AWAITING_AGENDA);
        moveTo(RequestStatus.ON_AGENDA, now);
        record(now, actor, "Inscrite à l'ordre du jour : " + sessionLabel);
    }

    public void recordVote(VoteDecision decision, String sessionLabel, String actor, Instant now) {
        recordVote(decision, null, sessionLabel, actor, now);
    }

    /** An amended amount, lower than proposed, becomes the grant; none means the proposal as it stood. */
    public void recordVote(VoteDecision decision, BigDecimal votedAmount, String sessionLabel, String actor, Instant now) {
        requireStatus("enregistrer le vote", RequestStatus.ON_AGENDA);
        BigDecimal proposedAmount = instruction.proposedAmount();
        if (votedAmount != null && (votedAmount.signum() <= 0 || votedAmount.compareTo(proposedAmount) > 0)) {
            throw new InvalidInputException("amount", "le montant voté doit être positif et ne peut "
                    + "dépasser le montant proposé (" + Money.format(proposedAmount) + "), seul réservé sur les crédits");
        }
        switch (decision) {
            case ADOPTED -> {
                moveTo(RequestStatus.AWAITING_SIGNATURES, now);
                this.outcome = Outcome.GRANTED;
                this.grantedAmount = votedAmount == null ? proposedAmount : votedAmount;
                record(now, actor, "Adoptée (" + sessionLabel + ") : subvention de " + Money.format(grantedAmount)
                        + " attribuée" + (grantedAmount.compareTo(proposedAmount) < 0
                                ? " (montant amendé ; " + Money.format(proposedAmount) + " proposés)" : ""));
            }
            case REJECTED -> {
                moveTo(RequestStatus.AWAITING_CLOSURE, now);
                this.outcome = Outcome.REJECTED;
                record(now, actor, "Rejetée par le vote (" + sessionLabel + ")");
            }
            case ADJOURNED -> {
                moveTo(RequestStatus.AWAITING_AGENDA, now);
                record(now, actor, "Ajournée (" + sessionLabel + "), à réinscrire à un ordre du jour");
            }
        }
    }

    // --- convention, imputation, closing

    public void requireAwaitingSignatures(String action) {
        requireStatus(action, RequestStatus.AWAITING_SIGNATURES);
    }

    /**
     * After the adoption, the convention rules decided: with a convention, the request waits for its signatures;
     * without one, it goes straight to budget imputation.
     */
    public void recordConventionDecision(boolean withConvention, String result, Instant now) {
        requireStatus("décider de la convention", RequestStatus.AWAITING_SIGNATURES);
        if (!withConvention) {
            moveTo(RequestStatus.AWAITING_IMPUTATION, now);
        }
        record(now, "système", result);
    }

    /**
     * The deliberation granting the subsidy is executory (published and received by the prefect): the convention may
     * be signed and the subsidy paid. Recorded once.
     */
    public void recordExecutory(LocalDate since, String act, Instant now) {
        if (executoryOn != null) {
            return;
        }
        this.executoryOn = since;
        record(now, "système", "Délibération n° " + act + " exécutoire depuis le " + FrenchText.date(since));
    }

    public LocalDate executoryOn() {
        return executoryOn;
    }

    /**
     * Signing the convention and paying wait for the deliberation to be executory (CGCT L2131-1): the public
     * accountant pays only on an executory deliberation and its convention.
     */
    public void requireExecutory(String action) {
        if (executoryOn == null) {
            throw new StageConflictException("Impossible de " + action + " : la délibération attribuant la subvention "
                    + reference + " n'est pas encore exécutoire (" + EXECUTORY_RULE + " : elle doit avoir été publiée et"
                    + " reçue par le représentant de l'État).");
        }
    }

    /** The article an action refused before the deliberation is executory names. */
    public static final String EXECUTORY_RULE = "CGCT, art. L2131-1";

    public void recordSignature(String what, String actor, Instant now) {
        requireStatus("signer la convention", RequestStatus.AWAITING_SIGNATURES);
        requireExecutory("signer la convention");
        record(now, actor, what);
    }

    /** The convention the beneficiary signed, filed: how it is signed (electronically, by whom; or a scan). */
    public void recordSignedConvention(String what, String actor, Instant now) {
        record(now, actor, what);
    }

    public void recordConventionSigned(String actor, Instant now) {
        requireStatus("signer la convention", RequestStatus.AWAITING_SIGNATURES);
        requireExecutory("signer la convention");
        moveTo(RequestStatus.AWAITING_IMPUTATION, now);
        record(now, actor, "Convention signée par les deux parties");
    }

    public void recordImputation(String engagements, String actor, Instant now) {
        requireStatus("engager la subvention", RequestStatus.AWAITING_IMPUTATION);
        moveTo(RequestStatus.AWAITING_PAYMENT, now);
        record(now, actor, "Crédits engagés : " + engagements);
    }

    public void close(String actor, Instant now) {
        requireStatus("clôturer la demande", RequestStatus.AWAITING_CLOSURE);
        moveTo(RequestStatus.CLOSED, now);
        record(now, actor, "Demande clôturée" + (outcome == Outcome.GRANTED ? " : subvention accordée"
                : outcome == Outcome.LAPSED ? " : subvention caduque, convention non signée" : " : subvention refusée"));
    }

    /** The beneficiary did not sign the convention within its validity: the grant lapses, the request awaits closing. */
    public void lapse(String what, String actor, Instant now) {
        requireStatus("constater la caducité de la convention", RequestStatus.AWAITING_SIGNATURES);
        moveTo(RequestStatus.AWAITING_CLOSURE, now);
        this.outcome = Outcome.LAPSED;
        record(now, actor, what);
    }

    // --- payments

    /**
     * A payment made: the request awaits the next one, the financial report before the balance, or its closing. Never
     * before the deliberation is executory ({@link #requireExecutory}), with a convention or without.
     */
    public void recordPayment(String what, boolean fullyPaid, boolean awaitsReport, String actor, Instant now) {
        requireStatus("verser la subvention", RequestStatus.AWAITING_PAYMENT);
        requireExecutory("verser la subvention");
        moveTo(fullyPaid ? RequestStatus.AWAITING_CLOSURE
                : awaitsReport ? RequestStatus.AWAITING_FINANCIAL_REPORT : RequestStatus.AWAITING_PAYMENT, now);
        record(now, actor, what);
    }

    public void recordFinancialReport(String what, String actor, Instant now) {
        requireStatus("transmettre le compte rendu financier", RequestStatus.AWAITING_FINANCIAL_REPORT);
        moveTo(RequestStatus.AWAITING_PAYMENT, now);
        record(now, actor, what);
    }

    /** A reminder sent (financial report, signature): told in the history, the stage unchanged. */
    public void recordReminder(String what, String actor, Instant now) {
        record(now, actor, what);
    }

    public void withdraw(String reason, String actor, Instant now) {
        if (!status.isBeforeVote()) {
            throw new StageConflictException("La demande " + reference + " ne peut plus être retirée : elle n'est plus en attente "
                    + "d'une décision (statut : " + status.label() + ").");
        }
        moveTo(RequestStatus.CLOSED, now);
        this.outcome = Outcome.WITHDRAWN;
        record(now, actor, "Demande retirée par le demandeur" + suffix(reason));
    }

    public boolean isOwnedBy(String username) {
        return submittedBy.equals(username);
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        Set<RequestStatus> set = EnumSet.copyOf(Arrays.asList(allowed));
        if (!set.contains(status)) {
            throw new StageConflictException("Impossible de " + action + " : la demande " + reference + " est au statut « "
                    + status.label() + " ».");
        }
    }

    /** A change of stage; staying at the same stage (a payment among several) keeps the date it was reached. */
    private void moveTo(RequestStatus next, Instant at) {
        if (next != status) {
            this.status = next;
            this.statusSince = at;
        }
    }

    private void record(Instant at, String actor, String result) {
        history.add(new StageEvent(this, at, actor, status, result));
    }

    private static String suffix(String comment) {
        return comment == null || comment.isBlank() ? "" : " (" + comment + ")";
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Applicant applicant() {
        return applicant;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String theme() {
        return theme;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public BigDecimal totalBudget() {
        return totalBudget;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public List<Cofinancing> cofinancing() {
        return List.copyOf(cofinancing);
    }

    public RequestStatus status() {
        return status;
    }

    public Instant statusSince() {
        return statusSince;
    }

    public Outcome outcome() {
        return outcome;
    }

    public List<String> missingItems() {
        return completeness == null ? List.of() : completeness.missingItems();
    }

    public LocalDate missingItemsDue() {
        return completeness == null ? null : completeness.due();
    }

    public String completenessComment() {
        return completeness == null ? null : completeness.comment();
    }

    public Opinion opinion() {
        return instruction == null ? null : instruction.opinion();
    }

    public BigDecimal proposedAmount() {
        return instruction == null ? null : instruction.proposedAmount();
    }

    public String report() {
        return instruction == null ? null : instruction.report();
    }

    public BigDecimal grantedAmount() {
        return grantedAmount;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public List<StageEvent> history() {
        return List.copyOf(history);
    }
}
