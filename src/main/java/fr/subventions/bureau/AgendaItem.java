package fr.subventions.bureau;

import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.VoteDecision;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request put to the vote of a séance, with its nominative ballots and the tallies derived from them. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private AssemblySession session;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private Long requestId;

    @Column(nullable = false, length = 20)
    private String reference;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String theme;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private VoteDecision decision;

    private boolean withdrawn;

    /** A secret ballot keeps the counts only, never who voted what. */
    private boolean secretBallot;

    private int forCount;
    private int againstCount;
    private int abstentionCount;
    private int notVotingCount;
    private int notParticipatingCount;
    private int proxyCount;

    private Instant decidedAt;

    /** The amount the assembly voted when it amended the proposal down; null when it adopted the proposal as it stood. */
    @Column(precision = 15, scale = 2)
    private BigDecimal votedAmount;

    /** The deliberation's number, per body and year, as the prefecture's transmission accepts it: ^[0-9A-Z_]{1,15}$. */
    @Column(length = 15)
    private String deliberationNumber;

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Ballot> ballots = new ArrayList<>();

    /** Members who took no part in the vote because of an interest, with the reason (L2131-11). */
    @ElementCollection
    @CollectionTable(name = "agenda_item_standing_aside",
            joinColumns = @JoinColumn(name = "agenda_item_id"))
    @MapKeyColumn(name = "member_id")
    @Column(name = "reason", length = 1000)
    private Map<Long, String> standingAside = new LinkedHashMap<>();

    /** Who sat when the item was called: the roll its vote, its tallies and its extract stand on. */
    @ElementCollection
    @CollectionTable(name = "agenda_item_seat",
            joinColumns = @JoinColumn(name = "agenda_item_id"))
    private List<Seat> seats = new ArrayList<>();

    /** Voted without quorum, as a séance convened again after a first one without quorum may (L2121-17). */
    private boolean withoutQuorum;

    /** Adjourned because the quorum was not reached. */
    private boolean adjournedForLackOfQuorum;

    protected AgendaItem() {
    }

    AgendaItem(AssemblySession session, int position, Long requestId, String reference, String title, String theme,
            BigDecimal amount) {
        this.session = session;
        this.position = position;
        this.requestId = requestId;
        this.reference = reference;
        this.title = title;
        this.theme = theme;
        this.amount = amount;
    }

    /** The roll at the moment the item is called, kept with it. */
    void takeRoll(List<Seat> roll, boolean withoutQuorum) {
        requireOpen();
        seats.clear();
        seats.addAll(roll);
        this.withoutQuorum = withoutQuorum;
    }

    void recordVote(List<Cast> casts, Tally tally, Map<Long, String> aside, Instant now) {
        requireOpen();
        standingAside.clear();
        standingAside.putAll(aside);
        ballots.clear();
        for (Cast cast : casts) {
            ballots.add(new Ballot(this, cast.memberId(), cast.choice(), cast.castBy()));
        }
        this.forCount = tally.forCount();
        this.againstCount = tally.against();
        this.abstentionCount = tally.abstention();
        this.notVotingCount = tally.notVoting();
        this.notParticipatingCount = tally.notParticipating();
        this.proxyCount = tally.proxies();
        this.decision = tally.decision();
        this.decidedAt = now;
    }

    void renumber(int position) {
        this.position = position;
    }

    void recordSecretVote(Tally tally, Map<Long, String> aside, Instant now) {
        recordVote(List.of(), tally, aside, now);
        this.secretBallot = true;
    }

    public boolean secretBallot() {
        return secretBallot;
    }

    void number(String deliberationNumber) {
        this.deliberationNumber = deliberationNumber;
    }

    public String deliberationNumber() {
        return deliberationNumber;
    }

    void adjournForLackOfQuorum(Instant now) {
        adjourn(now);
        this.adjournedForLackOfQuorum = true;
    }

    void adjourn(Instant now) {
        requireOpen();
        this.decision = VoteDecision.ADJOURNED;
        this.decidedAt = now;
    }

    void markWithdrawn(Instant now) {
        requireOpen();
        this.withdrawn = true;
        this.decidedAt = now;
    }

    private void requireOpen() {
        if (isSettled()) {
            throw new StageConflictException("Le point " + reference + " a déjà été "
                    + (withdrawn ? "retiré par le demandeur." : "voté."));
        }
    }

    public boolean isSettled() {
        return decision != null || withdrawn;
    }

    /** The assembly decided the item, adopted or rejected: neither adjourned nor withdrawn. */
    public boolean isDecided() {
        return decision == VoteDecision.ADOPTED || decision == VoteDecision.REJECTED;
    }

    public Tally tally() {
        return new Tally(forCount, againstCount, abstentionCount, notVotingCount, notParticipatingCount, proxyCount, decision);
    }

    public Long id() {
        return id;
    }

    public AssemblySession session() {
        return session;
    }

    public int position() {
        return position;
    }

    public Long requestId() {
        return requestId;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public String theme() {
        return theme;
    }

    /** Records an amendment of the amount, lower than proposed, on an adopted item. */
    void amend(BigDecimal voted) {
        this.votedAmount = voted;
    }

    public BigDecimal votedAmount() {
        return votedAmount;
    }

    /** What the assembly granted: the amended amount, or the proposal. */
    public BigDecimal grantedAmount() {
        return votedAmount != null ? votedAmount : amount;
    }

    public BigDecimal amount() {
        return amount;
    }

    public VoteDecision decision() {
        return decision;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public Map<Long, String> standingAside() {
        return Map.copyOf(standingAside);
    }

    public List<Seat> seats() {
        return List.copyOf(seats);
    }

    public boolean withoutQuorum() {
        return withoutQuorum;
    }

    public boolean adjournedForLackOfQuorum() {
        return adjournedForLackOfQuorum;
    }

    public List<Ballot> ballots() {
        return List.copyOf(ballots);
    }
}
